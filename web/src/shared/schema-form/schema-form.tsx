import type { ReactNode } from 'react';
import { Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { FormRule } from 'antd';
import { useTranslation } from 'react-i18next';
import { parseCreditCode, parseIdNumber, type FormField, type FormSchema, type Locale } from '@zhengtong/contracts';
import { currentLocale, fieldMessage } from '../forms/rules';
import { fieldIssue, textIn, visibleFields } from './logic';
import { RegionField } from './region-field';

type Props = {
  schema: FormSchema;
  /** Where the answers live in the surrounding antd form (`values.<key>`, as the API's field errors name them). */
  name?: string;
  disabled?: boolean;
};

/** The form field names the server may put errors on, for useFormProblem. */
export function schemaErrorFields(schema: FormSchema, name = 'values'): string[] {
  return schema.fields.map((f) => `${name}.${f.key}`);
}

function isSingleBox(field: FormField): boolean {
  return field.type === 'checkbox' && (field.options ?? []).length === 0;
}

function widgetFor(field: FormField, locale: Locale, disabled: boolean | undefined): ReactNode {
  const options = (field.options ?? []).map((o) => ({ value: o.value, label: textIn(o.label, locale) }));
  switch (field.type) {
    case 'text':
      return <Input maxLength={field.max ?? 200} disabled={disabled} />;
    case 'textarea':
      return <Input.TextArea maxLength={field.max ?? 2000} autoSize={{ minRows: 3, maxRows: 10 }} showCount disabled={disabled} />;
    case 'number':
      return <InputNumber min={field.min} max={field.max} style={{ width: '100%', maxWidth: 280 }} disabled={disabled} />;
    case 'date':
      return <DatePicker style={{ width: '100%', maxWidth: 280 }} disabled={disabled} />;
    case 'select':
      return <Select options={options} showSearch={{ optionFilterProp: 'label' }} allowClear disabled={disabled} />;
    case 'radio':
      return <Radio.Group options={options} disabled={disabled} />;
    case 'checkbox':
      return isSingleBox(field) ? <Checkbox disabled={disabled}>{textIn(field.label, locale)}</Checkbox> : <Checkbox.Group options={options} disabled={disabled} />;
    case 'idNumber':
      return <Input maxLength={18} autoComplete="off" spellCheck={false} disabled={disabled} />;
    case 'creditCode':
      return <Input maxLength={18} autoComplete="off" spellCheck={false} disabled={disabled} />;
    case 'phone':
      return <Input type="tel" inputMode="tel" autoComplete="tel" maxLength={13} disabled={disabled} />;
    case 'region':
      return <RegionField disabled={disabled} />;
  }
}

/** A national identifier read back to the person once it checks out: 出生日期, 性别 — so a typo shows at once. */
function IdentifierHint({ field, path, help }: { field: FormField; path: (string | number)[]; help: string }) {
  const { t } = useTranslation();
  const value = Form.useWatch<unknown>(path);
  if (typeof value !== 'string' || value === '') return help ? <>{help}</> : null;
  if (field.type === 'idNumber') {
    const parsed = parseIdNumber(value);
    if (parsed.ok) return <Typography.Text type="success">{t('auth.register.idNumberOk', { birthDate: parsed.birthDate, gender: t(`common.genders.${parsed.gender}`) })}</Typography.Text>;
  }
  if (field.type === 'creditCode' && parseCreditCode(value).ok) return <Typography.Text type="success">{t('schemaForm.creditCodeOk')}</Typography.Text>;
  return help ? <>{help}</> : null;
}

function SchemaField({ field, name, locale, disabled }: { field: FormField; name: string; locale: Locale; disabled?: boolean }) {
  const path = [name, field.key];
  const help = textIn(field.help, locale);
  const rule: FormRule = {
    validator: async (_rule, value: unknown) => {
      const code = fieldIssue(field, value);
      if (code) throw new Error(fieldMessage(code, locale));
    },
  };
  const isCode = field.type === 'idNumber' || field.type === 'creditCode';
  const extra = isCode ? <IdentifierHint field={field} path={path} help={help} /> : help || undefined;
  return (
    <Form.Item
      name={path}
      // A lone tick box carries its own label beside it; the item label would say the same twice.
      label={isSingleBox(field) ? undefined : textIn(field.label, locale)}
      required={field.required}
      rules={[rule]}
      valuePropName={isSingleBox(field) ? 'checked' : 'value'}
      validateTrigger={isCode || field.type === 'phone' ? ['onBlur'] : ['onChange', 'onBlur']}
      normalize={isCode ? (v: string) => v.toUpperCase().replace(/\s/g, '') : undefined}
      extra={extra}
    >
      {widgetFor(field, locale, disabled)}
    </Form.Item>
  );
}

/**
 * Renders a service item's application form (申请表) inside an antd Form: each field's widget and label in the
 * reader's language, shown only while its visibleWhen condition holds, checked by the same rules the server uses.
 */
export function SchemaFormFields({ schema, name = 'values', disabled }: Props) {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const values = Form.useWatch<Record<string, unknown> | undefined>(name);
  const fields = visibleFields(schema, values);
  return (
    <>
      {fields.map((field) => (
        <SchemaField key={field.key} field={field} name={name} locale={locale} disabled={disabled} />
      ))}
    </>
  );
}
