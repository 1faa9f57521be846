import type { ReactNode } from 'react';
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale, fieldMessage, useRules } from '../../shared/forms/rules';

type Parsed<T> = ({ ok: true } & T) | { ok: false; reason: string };

type Props<T> = {
  name: string;
  label: string;
  help: string;
  length: number;
  /** The contracts' parser (GB 11643 / GB 32100): the same check the server runs. */
  parse: (value: string) => Parsed<T>;
  messagePrefix: 'idNumber' | 'creditCode';
  describe: (parsed: T) => ReactNode;
};

/**
 * A fixed-length national identifier checked while typing. It complains only once the code is complete or
 * has a character that cannot belong, so people are not told they are wrong halfway through.
 */
export function CheckedCodeField<T>({ name, label, help, length, parse, messagePrefix, describe }: Props<T>) {
  const { i18n } = useTranslation();
  const locale = currentLocale(i18n.language);
  const rules = useRules();
  const value = Form.useWatch<string | undefined>(name);
  const parsed = value ? parse(value) : undefined;

  const check = (isFinal: boolean) => async (_rule: unknown, v: unknown) => {
    if (typeof v !== 'string' || v.trim() === '') return;
    const trimmed = v.trim();
    const isPartial = trimmed.length < length && /^[0-9A-Z]*$/.test(trimmed);
    if (!isFinal && isPartial) return;
    const result = parse(trimmed);
    if (!result.ok) throw new Error(fieldMessage(`${messagePrefix}.${result.reason}`, locale));
  };

  // validateFirst: on submit every rule runs, and one message per field is enough.
  return (
    <Form.Item
      name={name}
      label={label}
      validateTrigger={['onChange', 'onBlur']}
      validateFirst
      normalize={(v: string) => v.toUpperCase().replace(/\s/g, '')}
      rules={[
        { ...rules.required(), validateTrigger: 'onBlur' },
        { validator: check(false), validateTrigger: 'onChange' },
        { validator: check(true), validateTrigger: 'onBlur' },
      ]}
      extra={parsed?.ok ? <Typography.Text type="success">{describe(parsed)}</Typography.Text> : help}
    >
      <Input maxLength={length} autoComplete="off" spellCheck={false} />
    </Form.Item>
  );
}
