import { Form, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../shared/forms/rules';
import { textIn } from '../../shared/schema-form/logic';
import type { FieldEdit } from './version-form-values';

type Props = {
  /** The condition's path relative to the surrounding Form.List item. */
  name: (string | number)[];
  /** Its absolute path, to watch the chosen field. */
  path: (string | number)[];
  /** The fields a condition may refer to (for a form field: the ones above it). */
  candidates: readonly FieldEdit[];
  label: string;
};

/** "Show only when <field> is one of <answers>": the structured form of visibleWhen / appliesWhen. */
export function ConditionEditor({ name, path, candidates, label }: Props) {
  const { t, i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const chosen = Form.useWatch<string | undefined>([...path, 'field']);
  const field = candidates.find((c) => c.key === chosen);
  const options = (field?.options ?? []).map((o) => ({ value: o.value, label: textIn(o.label, locale) || o.value }));
  const isYesNo = field?.type === 'checkbox' && options.length === 0;
  return (
    <Space wrap align="start" style={{ width: '100%' }}>
      <Form.Item name={[...name, 'field']} label={label} style={{ minWidth: 220, marginBottom: 8 }}>
        <Select
          allowClear
          placeholder={t('catalogue.conditions.always')}
          options={candidates.filter((c) => c.key).map((c) => ({ value: c.key, label: `${textIn(c.label, locale) || c.key}(${c.key})` }))}
        />
      </Form.Item>
      {chosen ? (
        <Form.Item name={[...name, 'values']} label={t('catalogue.conditions.answers')} style={{ minWidth: 260, marginBottom: 8 }} extra={t('catalogue.conditions.answersHelp')}>
          {isYesNo ? (
            <Select mode="multiple" options={[{ value: 'true', label: t('services.guide.yes') }, { value: 'false', label: t('services.guide.no') }]} />
          ) : options.length > 0 ? (
            <Select mode="multiple" options={options} />
          ) : (
            <Select mode="tags" open={false} tokenSeparators={[',', ',']} />
          )}
        </Form.Item>
      ) : null}
    </Space>
  );
}
