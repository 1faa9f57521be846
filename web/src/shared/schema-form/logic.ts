import dayjs, { type Dayjs } from 'dayjs';
import { checkFormValues, conditionHolds, visibleFieldKeys, type FormCondition, type FormField, type FormSchema, type FormValue, type Locale } from '@zhengtong/contracts';

// The pure half of the schema-driven form: which fields and materials a person is asked for, what is wrong with an
// answer, and how answers travel between antd's form state (dates as Dayjs) and the API (dates as YYYY-MM-DD).
// Visibility and checks come from contracts, so the browser decides exactly as the server does.

/** What antd holds for one answer: the API's values, plus Dayjs for dates while editing. */
export type EditValue = FormValue | Dayjs | null | undefined;
export type EditValues = Record<string, EditValue>;

function isDayjsValue(value: unknown): value is Dayjs {
  return dayjs.isDayjs(value);
}

/** Answers in the API's shape (dates as text), for visibility decisions and the server's checks. */
export function plainValues(values: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values ?? {})) out[key] = isDayjsValue(value) ? value.format('YYYY-MM-DD') : value;
  return out;
}

/** The fields a person sees for these answers, in form order. */
export function visibleFields(form: FormSchema, values: Readonly<Record<string, unknown>> | undefined): FormField[] {
  const keys = visibleFieldKeys(form, plainValues(values));
  return form.fields.filter((f) => keys.has(f.key));
}

/**
 * The message key of what is wrong with one answer (undefined when it is fine), by the same rules the server
 * applies on submit. `required` is reported only when `isFinal` (on submit), not while a person is still typing.
 */
export function fieldIssue(field: FormField, value: unknown): string | undefined {
  const alone: FormSchema = { fields: [{ ...field, visibleWhen: undefined }] };
  const [issue] = checkFormValues(alone, plainValues({ [field.key]: value })).issues;
  return issue?.code;
}

/** A condition on answers, judged only on fields the person can see (a hidden answer counts for nothing). */
export function holdsOnVisible(condition: FormCondition | undefined, form: FormSchema, values: Readonly<Record<string, unknown>> | undefined): boolean {
  if (!condition) return true;
  const plain = plainValues(values);
  const keys = visibleFieldKeys(form, plain);
  if (!keys.has(condition.field)) return false;
  return conditionHolds(condition, plain);
}

/** The materials asked for these answers (委托代理人办理的 → 授权委托书). */
export function applicableMaterials<M extends { appliesWhen?: FormCondition }>(materials: readonly M[], form: FormSchema, values: Readonly<Record<string, unknown>> | undefined): M[] {
  return materials.filter((m) => holdsOnVisible(m.appliesWhen, form, values));
}

/**
 * The answers to send: visible fields only, dates as text, blank answers left out. The server drops hidden
 * answers anyway; not sending them keeps a draft from carrying what the person no longer sees.
 */
export function toSubmission(form: FormSchema, values: Readonly<Record<string, unknown>> | undefined): Record<string, FormValue> {
  const plain = plainValues(values);
  const keys = visibleFieldKeys(form, plain);
  const out: Record<string, FormValue> = {};
  for (const field of form.fields) {
    if (!keys.has(field.key)) continue;
    const value = plain[field.key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      const text = value.trim();
      if (text !== '') out[field.key] = text;
    } else if (typeof value === 'number' || typeof value === 'boolean') out[field.key] = value;
    else if (Array.isArray(value)) {
      const list = value.filter((v): v is string => typeof v === 'string');
      if (list.length > 0) out[field.key] = list;
    }
  }
  return out;
}

/** Saved answers (a draft, a case to supplement) back into the form's editing shape. */
export function toEditValues(form: FormSchema, saved: Readonly<Record<string, unknown>> | undefined): EditValues {
  const out: EditValues = {};
  for (const field of form.fields) {
    const value = saved?.[field.key];
    if (value === undefined || value === null) continue;
    if (field.type === 'date' && typeof value === 'string') {
      const parsed = dayjs(value, 'YYYY-MM-DD');
      if (parsed.isValid()) out[field.key] = parsed;
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[field.key] = value;
    else if (Array.isArray(value)) out[field.key] = value.filter((v): v is string => typeof v === 'string');
  }
  return out;
}

/** A label in the reader's language, falling back to Chinese (the catalogue's language of record). */
export function textIn(text: { 'zh-CN': string; 'en-US'?: string } | undefined, locale: Locale): string {
  if (!text) return '';
  const english = text['en-US'];
  return locale === 'en-US' && english ? english : text['zh-CN'];
}

export type AnswerWords = { yes: string; no: string; none: string };

/** An answer as a person reads it on a case page: option labels instead of values, 是/否 for a tick box. */
export function answerText(field: FormField, value: unknown, locale: Locale, words: AnswerWords): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return words.none;
  const labelOf = (v: string) => {
    const option = (field.options ?? []).find((o) => o.value === v);
    return option ? textIn(option.label, locale) : v;
  };
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.map((v) => labelOf(String(v))).join(locale === 'zh-CN' ? '、' : ', ');
  if (field.type === 'select' || field.type === 'radio') return labelOf(String(value));
  return String(value);
}
