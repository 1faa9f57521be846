import { Button, Card, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { DownOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formFieldTypes } from '@zhengtong/contracts';
import { currentLocale } from '../../shared/forms/rules';
import { textIn } from '../../shared/schema-form/logic';
import { ConditionEditor } from './condition-editor';
import { ListItemTools } from './list-item-tools';
import type { FieldEdit } from './version-form-values';

function OptionsEditor({ name }: { name: (string | number)[] }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(options, { add, remove, move }) => (
        <div className="zt-subtle-box">
          <Typography.Text strong>{t('catalogue.fields.options')}</Typography.Text>
          {options.map((option, i) => (
            <Space key={option.key} wrap align="start" style={{ display: 'flex', marginTop: 8 }}>
              <Form.Item name={[option.name, 'value']} label={t('catalogue.fields.optionValue')} style={{ marginBottom: 0 }}>
                <Input style={{ width: 140 }} maxLength={40} />
              </Form.Item>
              <Form.Item name={[option.name, 'label', 'zh-CN']} label={t('catalogue.fields.labelZh')} style={{ marginBottom: 0 }}>
                <Input style={{ width: 180 }} maxLength={200} />
              </Form.Item>
              <Form.Item name={[option.name, 'label', 'en-US']} label={t('catalogue.fields.labelEn')} style={{ marginBottom: 0 }}>
                <Input style={{ width: 180 }} maxLength={200} />
              </Form.Item>
              <ListItemTools index={i} count={options.length} move={move} remove={remove} what={t('catalogue.fields.optionN', { n: i + 1 })} />
            </Space>
          ))}
          <Button size="small" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => add({ value: '', label: { 'zh-CN': '', 'en-US': '' } })}>
            {t('catalogue.fields.addOption')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function FieldCard({ listPath, itemName, index, count, move, remove, isReadOnly }: { listPath: (string | number)[]; itemName: number; index: number; count: number; move: (a: number, b: number) => void; remove: (i: number) => void; isReadOnly: boolean }) {
  const { t, i18n } = useTranslation();
  // A published form is read in the guide preview; here its fields fold to one line each until opened.
  const [isOpen, setOpen] = useState(!isReadOnly);
  const locale = currentLocale(i18n.language);
  const all = Form.useWatch<FieldEdit[] | undefined>(listPath) ?? [];
  const me = all[index];
  const type = me?.type;
  const title = me ? `${index + 1}. ${textIn(me.label, locale) || t('catalogue.fields.untitled')}${me.key ? `(${me.key})` : ''}` : `${index + 1}.`;
  const hasOptions = type === 'select' || type === 'radio' || type === 'checkbox';
  const hasRange = type === 'number' || type === 'text' || type === 'textarea';
  return (
    <Card
      size="small"
      title={
        <Button type="text" size="small" icon={isOpen ? <DownOutlined /> : <RightOutlined />} onClick={() => setOpen(!isOpen)} aria-expanded={isOpen} style={{ fontWeight: 600, paddingInline: 4 }}>
          {title} <span className="zt-muted" style={{ fontWeight: 400 }}>· {type ? t(`catalogue.fieldTypes.${type}`) : ''}{me?.required ? ` · ${t('catalogue.fields.required')}` : ''}</span>
        </Button>
      }
      extra={isReadOnly ? null : <ListItemTools index={index} count={count} move={move} remove={remove} what={title} />}
      style={{ marginBottom: 12 }}
    >
      <Row gutter={12} hidden={!isOpen}>
        <Col xs={24} md={8}>
          <Form.Item name={[itemName, 'key']} label={t('catalogue.fields.key')} extra={t('catalogue.fields.keyHelp')}>
            <Input maxLength={40} spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[itemName, 'type']} label={t('catalogue.fields.type')}>
            <Select options={formFieldTypes.map((f) => ({ value: f, label: t(`catalogue.fieldTypes.${f}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[itemName, 'required']} valuePropName="checked" label={t('catalogue.fields.required')}>
            <Checkbox>{t('catalogue.fields.requiredText')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[itemName, 'label', 'zh-CN']} label={t('catalogue.fields.labelZh')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[itemName, 'label', 'en-US']} label={`${t('catalogue.fields.labelEn')} ${t('common.optional')}`}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        {hasOptions ? (
          <Col span={24}>
            {type === 'checkbox' ? <Typography.Paragraph type="secondary">{t('catalogue.fields.checkboxHelp')}</Typography.Paragraph> : null}
            <OptionsEditor name={[itemName, 'options']} />
          </Col>
        ) : null}
        {hasRange ? (
          <>
            <Col xs={12} md={6}>
              <Form.Item name={[itemName, 'min']} label={type === 'number' ? t('catalogue.fields.min') : t('catalogue.fields.minLength')}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name={[itemName, 'max']} label={type === 'number' ? t('catalogue.fields.max') : t('catalogue.fields.maxLength')}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </>
        ) : null}
        {type === 'text' ? (
          <Col xs={24} md={12}>
            <Form.Item name={[itemName, 'pattern']} label={`${t('catalogue.fields.pattern')} ${t('common.optional')}`} extra={t('catalogue.fields.patternHelp')}>
              <Input maxLength={200} spellCheck={false} />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={12}>
          <Form.Item name={[itemName, 'help', 'zh-CN']} label={`${t('catalogue.fields.helpZh')} ${t('common.optional')}`}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={[itemName, 'help', 'en-US']} label={`${t('catalogue.fields.helpEn')} ${t('common.optional')}`}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <ConditionEditor name={[itemName, 'visibleWhen']} path={[...listPath, itemName, 'visibleWhen']} candidates={all.slice(0, index)} label={t('catalogue.conditions.showWhen')} />
        </Col>
      </Row>
    </Card>
  );
}

/** A form's fields as a list of cards, in the order the applicant sees them; conditions may only look upwards. */
export function FieldListEditor({ listPath, addLabel, emptyText, isReadOnly = false }: { listPath: (string | number)[]; addLabel: string; emptyText: string; isReadOnly?: boolean }) {
  return (
    <Form.List name={listPath}>
      {(items, { add, remove, move }) => (
        <>
          {items.length === 0 ? <Typography.Paragraph type="secondary">{emptyText}</Typography.Paragraph> : null}
          {items.map((item, index) => (
            <FieldCard key={item.key} listPath={listPath} itemName={item.name} index={index} count={items.length} move={move} remove={remove} isReadOnly={isReadOnly} />
          ))}
          {isReadOnly ? null : (
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ key: '', type: 'text', required: false, label: { 'zh-CN': '', 'en-US': '' } })}>
              {addLabel}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}
