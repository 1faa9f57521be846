import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { materialFormats, materialSources } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { catalogueLabel } from '../../portal/services/labels';
import { ConditionEditor } from './condition-editor';
import { ListItemTools } from './list-item-tools';
import type { FieldEdit, MaterialEdit } from './version-form-values';

function MaterialCard({ itemName, index, count, move, remove }: { itemName: number; index: number; count: number; move: (a: number, b: number) => void; remove: (i: number) => void }) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const materials = Form.useWatch<MaterialEdit[] | undefined>('materials') ?? [];
  const formFields = Form.useWatch<FieldEdit[] | undefined>(['form', 'fields']) ?? [];
  const allowsGaps = Form.useWatch<boolean | undefined>('allowsGaps');
  const allowsPledge = Form.useWatch<boolean | undefined>('allowsPledge');
  const me = materials[index];
  const title = `${index + 1}. ${me?.name || t('catalogue.materials.untitled')}`;
  return (
    <Card size="small" title={<span style={{ fontWeight: 600 }}>{title}</span>} extra={<ListItemTools index={index} count={count} move={move} remove={remove} what={title} />} style={{ marginBottom: 12 }}>
      <Row gutter={12}>
        <Col xs={24} md={16}>
          <Form.Item name={[itemName, 'name']} label={t('catalogue.materials.name')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[itemName, 'key']} label={t('catalogue.fields.key')} extra={t('catalogue.fields.keyHelp')}>
            <Input maxLength={40} spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[itemName, 'source']} label={t('services.guide.materials.source')}>
            <Select options={materialSources.map((s) => ({ value: s, label: catalogueLabel.materialSource(s, locale) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={[itemName, 'issuer']} label={`${t('catalogue.materials.issuer')} ${t('common.optional')}`} extra={t('catalogue.materials.issuerHelp')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[itemName, 'originals']} label={t('catalogue.materials.originals')}>
            <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={[itemName, 'copies']} label={t('catalogue.materials.copies')}>
            <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[itemName, 'formats']} label={t('services.guide.materials.format')}>
            <Checkbox.Group options={materialFormats.map((f) => ({ value: f, label: f.toUpperCase() }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name={[itemName, 'maxSizeMb']} label={t('catalogue.materials.maxSizeMb')}>
            <InputNumber min={1} max={50} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name={[itemName, 'isRequired']} valuePropName="checked" style={{ marginBottom: 4 }}>
            <Checkbox>{t('catalogue.materials.isRequired')}</Checkbox>
          </Form.Item>
          <Form.Item name={[itemName, 'canBeGap']} valuePropName="checked" style={{ marginBottom: 4 }} extra={allowsGaps ? undefined : t('catalogue.materials.gapNeedsItem')}>
            <Checkbox>{t('catalogue.materials.canBeGap')}</Checkbox>
          </Form.Item>
          <Form.Item name={[itemName, 'canBePledged']} valuePropName="checked" extra={allowsPledge ? undefined : t('catalogue.materials.pledgeNeedsItem')}>
            <Checkbox>{t('catalogue.materials.canBePledged')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[itemName, 'blankFormUrl']} label={`${t('services.guide.materials.blankForm')} ${t('common.optional')}`}>
            <Input maxLength={500} placeholder="https://" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[itemName, 'sampleUrl']} label={`${t('services.guide.materials.sample')} ${t('common.optional')}`}>
            <Input maxLength={500} placeholder="https://" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[itemName, 'licenseTypeCode']} label={`${t('catalogue.materials.licenseType')} ${t('common.optional')}`} extra={t('catalogue.materials.licenseTypeHelp')}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[itemName, 'note']} label={`${t('catalogue.materials.note')} ${t('common.optional')}`}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <ConditionEditor name={[itemName, 'appliesWhen']} path={['materials', itemName, 'appliesWhen']} candidates={formFields} label={t('catalogue.conditions.askWhen')} />
        </Col>
      </Row>
    </Card>
  );
}

const newMaterial: MaterialEdit = {
  key: '',
  name: '',
  source: 'applicant',
  issuer: '',
  originals: 0,
  copies: 0,
  formats: ['pdf', 'jpg', 'png'],
  maxSizeMb: 10,
  isRequired: true,
  canBeGap: false,
  canBePledged: false,
  blankFormUrl: null,
  sampleUrl: null,
  licenseTypeCode: null,
  note: '',
};

/** 申请材料: each material with its GB/T 39554 properties (source, originals and copies, formats, 容缺, 告知承诺). */
export function MaterialsEditor() {
  const { t } = useTranslation();
  return (
    <Form.List name="materials">
      {(items, { add, remove, move }) => (
        <>
          {items.length === 0 ? <Typography.Paragraph type="secondary">{t('catalogue.materials.empty')}</Typography.Paragraph> : null}
          {items.map((item, index) => (
            <MaterialCard key={item.key} itemName={item.name} index={index} count={items.length} move={move} remove={remove} />
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ ...newMaterial })}>
            {t('catalogue.materials.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
