import { Card, Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseKinds, limitUnits, serviceChannels } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { catalogueLabel } from '../../portal/services/labels';

function LimitFields({ name, label }: { name: string; label: string }) {
  const { t } = useTranslation();
  return (
    <Space wrap align="start">
      <Form.Item name={[name, 'days']} label={label}>
        <InputNumber min={0} max={3650} precision={0} style={{ width: 120 }} />
      </Form.Item>
      <Form.Item name={[name, 'unit']} label={t('catalogue.basics.unit')}>
        <Select style={{ width: 140 }} options={limitUnits.map((u) => ({ value: u, label: t(`catalogue.basics.units.${u}`) }))} />
      </Form.Item>
      <Form.Item name={[name, 'note']} label={`${t('catalogue.basics.limitNote')} ${t('common.optional')}`}>
        <Input maxLength={200} style={{ width: 280 }} />
      </Form.Item>
    </Space>
  );
}

/** The guide's local elements: conditions, limits, fees, where and when, phones, 告知承诺 and 容缺. */
export function BasicsEditor() {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const hasLegalLimit = Form.useWatch<boolean | undefined>('hasLegalLimit');
  const isCharged = Form.useWatch<boolean | undefined>(['fees', 'isCharged']);
  return (
    <>
      <Card size="small" title={t('services.guide.sections.conditions')} style={{ marginBottom: 16 }}>
        <Form.Item name="acceptanceConditions" label={t('services.guide.sections.conditions')}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 3, maxRows: 12 }} showCount />
        </Form.Item>
      </Card>
      <Card size="small" title={t('services.guide.sections.limits')} style={{ marginBottom: 16 }}>
        <Form.Item name="caseKind" label={t('services.guide.caseKind')}>
          <Radio.Group options={caseKinds.map((k) => ({ value: k, label: catalogueLabel.caseKind(k, locale) }))} />
        </Form.Item>
        <Form.Item name="hasLegalLimit" valuePropName="checked" label={t('catalogue.basics.hasLegalLimit')}>
          <Switch />
        </Form.Item>
        {hasLegalLimit ? <LimitFields name="legalLimit" label={t('services.guide.legalLimit')} /> : null}
        <LimitFields name="promisedLimit" label={t('services.guide.promisedLimit')} />
      </Card>
      <Card size="small" title={t('catalogue.basics.channelsTitle')} style={{ marginBottom: 16 }}>
        <Form.Item name="channels" label={t('services.guide.channels')}>
          <Checkbox.Group options={serviceChannels.map((c) => ({ value: c, label: catalogueLabel.channel(c, locale) }))} />
        </Form.Item>
        <Form.Item name="visitsRequired" label={t('services.guide.visits')} extra={t('catalogue.basics.visitsHelp')}>
          <InputNumber min={0} max={10} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="location" label={t('services.guide.location')}>
              <Input.TextArea maxLength={300} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="hours" label={t('services.guide.hours')}>
              <Input.TextArea maxLength={300} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="consultPhone" label={t('services.guide.consultPhone')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="complaintPhone" label={t('services.guide.complaintPhone')}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t('services.guide.sections.fees')} style={{ marginBottom: 16 }}>
        <Form.Item name={['fees', 'isCharged']} valuePropName="checked" label={t('catalogue.basics.isCharged')}>
          <Switch />
        </Form.Item>
        {isCharged ? (
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item name={['fees', 'amountYuan']} label={t('catalogue.basics.amountYuan')}>
                <InputNumber min={0} max={1_000_000} precision={2} prefix="¥" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={16}>
              <Form.Item name={['fees', 'basis']} label={t('services.guide.feeBasis')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
        ) : null}
        <Form.Item name={['fees', 'note']} label={`${t('services.guide.feeNote')} ${t('common.optional')}`}>
          <Input maxLength={500} />
        </Form.Item>
      </Card>
      <Card size="small" title={t('catalogue.basics.flexibility')} style={{ marginBottom: 16 }}>
        <Form.Item name="allowsPledge" valuePropName="checked" label={t('catalogue.basics.allowsPledge')} extra={t('catalogue.basics.allowsPledgeHelp')}>
          <Switch />
        </Form.Item>
        <Form.Item name="allowsGaps" valuePropName="checked" label={t('catalogue.basics.allowsGaps')} extra={t('catalogue.basics.allowsGapsHelp')}>
          <Switch />
        </Form.Item>
      </Card>
      <Card size="small" title={t('catalogue.basics.changeNote')}>
        <Form.Item name="changeNote" label={t('catalogue.basics.changeNote')} extra={t('catalogue.basics.changeNoteHelp')}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Card>
    </>
  );
}
