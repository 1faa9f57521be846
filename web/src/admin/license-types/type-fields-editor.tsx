import { AutoComplete, Button, Card, Checkbox, Col, Form, Input, Row, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { licenseFieldKinds } from '@zhengtong/contracts';
import { ListItemTools } from '../catalogue/list-item-tools';
import type { FieldEdit } from './form-values';


/** 证照字段: what the licence prints, in order — key, printed name, kind, required, and where 自动签发 fills it from. */
export function TypeFieldsEditor() {
  const { t } = useTranslation();
  const fields = Form.useWatch<FieldEdit[] | undefined>('fields') ?? [];
  // Where automatic issuance may take a value from (the contract's list); `result.<key>` is completed by hand.
  const sourceOptions = [
    { value: 'case.caseNumber', label: `case.caseNumber — ${t('licenses.types.fields.sources.caseNumber')}` },
    { value: 'case.itemName', label: `case.itemName — ${t('licenses.types.fields.sources.itemName')}` },
    { value: 'case.completedOn', label: `case.completedOn — ${t('licenses.types.fields.sources.completedOn')}` },
    { value: 'result.', label: `result.<key> — ${t('licenses.types.fields.sources.result')}` },
  ];
  return (
    <Form.List name="fields">
      {(items, { add, remove, move }) => (
        <>
          {items.length === 0 ? <Typography.Paragraph type="secondary">{t('licenses.types.fields.empty')}</Typography.Paragraph> : null}
          {items.map((item, index) => {
            const me = fields[index];
            const what = `${index + 1}. ${me?.name || me?.key || t('licenses.types.fields.untitled')}`;
            return (
              // Named 第 n 个字段 so a screen reader says which field's 标识 / 名称 it is in.
              <Card key={item.key} size="small" role="group" aria-label={what} title={what} extra={<ListItemTools index={index} count={items.length} move={move} remove={remove} what={what} />} style={{ marginBottom: 12 }}>
                <Row gutter={12}>
                  <Col xs={24} md={8}>
                    <Form.Item name={[item.name, 'key']} label={t('licenses.types.fields.key')} extra={t('licenses.types.fields.keyHelp')} rules={[{ required: true, whitespace: true, message: t('licenses.types.fields.keyRequired') }]}>
                      <Input maxLength={40} spellCheck={false} className="zt-code" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={8}>
                    <Form.Item name={[item.name, 'name']} label={t('licenses.types.fields.name')} extra={t('licenses.types.fields.nameHelp')} rules={[{ required: true, whitespace: true, message: t('licenses.types.fields.nameRequired') }]}>
                      <Input maxLength={30} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[item.name, 'kind']} label={t('licenses.types.fields.kind')}>
                      <Select options={licenseFieldKinds.map((k) => ({ value: k, label: t(`licenses.types.fields.kinds.${k}`) }))} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={4}>
                    <Form.Item name={[item.name, 'isRequired']} valuePropName="checked" label={t('licenses.types.fields.required')}>
                      <Checkbox>{t('licenses.types.fields.requiredText')}</Checkbox>
                    </Form.Item>
                  </Col>
                  <Col span={24}>
                    <Form.Item name={[item.name, 'source']} label={`${t('licenses.types.fields.source')} ${t('common.optional')}`} extra={t('licenses.types.fields.sourceHelp')}>
                      <AutoComplete options={sourceOptions} allowClear>
                        <Input spellCheck={false} className="zt-code" maxLength={50} />
                      </AutoComplete>
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            );
          })}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ key: '', name: '', kind: 'text', isRequired: false, source: '' })}>
            {t('licenses.types.fields.add')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
