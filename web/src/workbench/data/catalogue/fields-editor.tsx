import { Button, Card, Col, Form, Input, Row, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { dataFieldTypes, dataLevels, dataValueChecks, maskingKinds, openTypes, shareTypes, type DataSubLevel } from '@zhengtong/contracts';
import { ListItemTools } from '../../../admin/catalogue/list-item-tools';
import { DepartmentPicker } from '../../../admin/shared/department-picker';
import { newField, type DefinitionEdit, type FieldEdit } from './form-values';
import { useLabels } from './labels';

/** One item's sub-level: the choices configured for its level, none when the level has none. */
function SubLevelSelect({ id, value, onChange, level, subLevels }: { id?: string; value?: string | null; onChange?: (v: string | null) => void; level: FieldEdit['level']; subLevels: readonly DataSubLevel[] }) {
  const { t } = useTranslation();
  const options = subLevels.filter((s) => s.level === level).map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }));
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      options={options}
      disabled={options.length === 0 && !value}
      placeholder={options.length === 0 ? t('dataCatalogue.form.noSubLevels') : t('dataCatalogue.form.chooseSubLevel')}
    />
  );
}

/** 信息项: one card per item, in order (move up/down by keyboard), with its grading and authoritative source. */
export function FieldsEditor({ subLevels }: { subLevels: readonly DataSubLevel[] }) {
  const { t } = useTranslation();
  const { options } = useLabels();
  const fields = Form.useWatch<FieldEdit[] | undefined>(['definition', 'fields']) ?? [];
  const shareType = Form.useWatch<DefinitionEdit['shareType'] | undefined>(['definition', 'shareType']) ?? 'unconditional';
  const openType = Form.useWatch<DefinitionEdit['openType'] | undefined>(['definition', 'openType']) ?? 'closed';
  return (
    <Form.List name={['definition', 'fields']}>
      {(items, { add, remove, move }) => (
        <>
          {items.length === 0 ? <Typography.Paragraph type="secondary">{t('dataCatalogue.form.noFields')}</Typography.Paragraph> : null}
          {items.map((item, index) => {
            const me = fields[index];
            const what = `${index + 1}. ${me?.name || me?.key || t('dataCatalogue.form.untitledField')}`;
            return (
              <Card key={item.key} size="small" role="group" aria-label={what} title={what} extra={<ListItemTools index={index} count={items.length} move={move} remove={remove} what={what} />} style={{ marginBottom: 12 }}>
                <Row gutter={12}>
                  <Col xs={24} md={6}>
                    <Form.Item name={[item.name, 'key']} label={t('dataCatalogue.fields.key')} extra={t('dataCatalogue.form.keyHelp')} rules={[{ required: true, whitespace: true, message: t('dataCatalogue.form.required') }]}>
                      <Input maxLength={40} spellCheck={false} className="zt-code" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[item.name, 'name']} label={t('dataCatalogue.fields.name')} rules={[{ required: true, whitespace: true, message: t('dataCatalogue.form.required') }]}>
                      <Input maxLength={60} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[item.name, 'type']} label={t('dataCatalogue.fields.type')}>
                      <Select options={options('fieldType', dataFieldTypes)} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[item.name, 'masking']} label={t('dataCatalogue.fields.masking')} extra={t('dataCatalogue.form.maskingHelp')}>
                      <Select options={options('masking', maskingKinds)} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[item.name, 'identifier']} label={t('dataCatalogue.fields.identifier')}>
                      <Select allowClear options={options('identifier', dataValueChecks)} placeholder={t('common.none')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[item.name, 'shareType']} label={t('dataCatalogue.fields.shareType')}>
                      <Select options={options('shareType', shareTypes)} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[item.name, 'openType']} label={t('dataCatalogue.fields.openType')}>
                      <Select options={options('openType', openTypes)} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[item.name, 'level']} label={t('dataCatalogue.fields.level')}>
                      <Select options={options('level', dataLevels)} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[item.name, 'subLevel']} label={t('dataCatalogue.fields.subLevel')}>
                      <SubLevelSelect level={me?.level ?? 'general'} subLevels={subLevels} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name={[item.name, 'sourceDepartmentId']} label={t('dataCatalogue.fields.source')} extra={t('dataCatalogue.form.sourceHelp')}>
                      <DepartmentPicker allowClear />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item name={[item.name, 'legalBasis']} label={`${t('dataCatalogue.fields.legalBasis')} ${t('common.optional')}`} extra={t('dataCatalogue.form.fieldBasisHelp')}>
                      <Input maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name={[item.name, 'description']} label={`${t('dataCatalogue.fields.description')} ${t('common.optional')}`}>
                      <Input maxLength={500} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            );
          })}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add(newField({ shareType, openType }))}>
            {t('dataCatalogue.form.addField')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
