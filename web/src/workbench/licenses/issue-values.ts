import type { Dayjs } from 'dayjs';
import type { LicenseTypeView, LicenseValidityRule } from '@zhengtong/contracts';

// 手工签发: the form's values (Dayjs dates, empty inputs) as the API's input, and the end of validity the type's rule
// will give, shown before issuing so the clerk is not surprised by what gets printed.

export type FieldValue = string | number | Dayjs | null | undefined;
export type IssueValues = {
  typeId?: string;
  holder?: { name?: string; idNumber?: string; creditCode?: string };
  fields?: Record<string, FieldValue>;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
};

function isDayjs(value: FieldValue): value is Dayjs {
  return typeof value === 'object' && value !== null && typeof (value as Dayjs).format === 'function';
}

/** A field as the API takes it: a date as YYYY-MM-DD, a number as a number, text trimmed; undefined when empty. */
export function fieldInput(value: FieldValue): string | number | undefined {
  if (value === null || value === undefined) return undefined;
  if (isDayjs(value)) return value.format('YYYY-MM-DD');
  if (typeof value === 'number') return value;
  const text = value.trim();
  return text === '' ? undefined : text;
}

export function issueBody(type: Pick<LicenseTypeView, 'id' | 'holderType' | 'fields' | 'validity'>, values: IssueValues) {
  const name = values.holder?.name?.trim() ?? '';
  const holder =
    type.holderType === 'person'
      ? { type: 'person' as const, name, idNumber: values.holder?.idNumber?.trim().toUpperCase() ?? '' }
      : { type: 'enterprise' as const, name, creditCode: values.holder?.creditCode?.trim().toUpperCase() ?? '' };
  const fields: Record<string, string | number> = {};
  for (const f of type.fields) {
    const value = fieldInput(values.fields?.[f.key]);
    if (value !== undefined) fields[f.key] = value;
  }
  // Only a rule of N years lets the clerk choose the end; the others fix it (长期, or a date field).
  const validTo = type.validity.mode === 'years' && values.validTo ? values.validTo.format('YYYY-MM-DD') : undefined;
  return { typeId: type.id, holder, fields, validFrom: values.validFrom ? values.validFrom.format('YYYY-MM-DD') : undefined, validTo };
}

/** The last valid day the type's rule gives (as the server computes it): none for 长期, from + N years − 1 day, or the field's date. */
export function ruleValidTo(rule: LicenseValidityRule, validFrom: string, fields: Record<string, string | number | undefined>): string | null {
  switch (rule.mode) {
    case 'permanent':
      return null;
    case 'years': {
      const [y = 0, m = 1, d = 1] = validFrom.split('-').map(Number);
      return new Date(Date.UTC(y + rule.years, m - 1, d) - 86_400_000).toISOString().slice(0, 10);
    }
    case 'field': {
      const value = fields[rule.field];
      return typeof value === 'string' && value !== '' ? value : null;
    }
  }
}
