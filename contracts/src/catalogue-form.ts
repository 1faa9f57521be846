import { z } from 'zod';
import { parseCreditCode, parseIdNumber } from './identifiers';

// The application form of a service item (申请表): a JSON schema the web renders and the server checks submissions
// against. Shared by browser and server: keep this file free of node: imports.

export const formFieldTypes = ['text', 'textarea', 'number', 'date', 'select', 'radio', 'checkbox', 'idNumber', 'phone', 'creditCode', 'region'] as const;
export type FormFieldType = (typeof formFieldTypes)[number];

const FIELD_KEY = /^[a-z][a-zA-Z0-9]{0,39}$/;
export const formFieldKeySchema = z.string().regex(FIELD_KEY, 'catalogue.fieldKey');

/** A label in both languages; zh-CN is what a Chinese citizen reads, en-US is for the English portal. */
export const bilingualText = z.object({
  'zh-CN': z.string().trim().min(1, 'required').max(200, 'too_big'),
  'en-US': z.string().trim().max(200, 'too_big').default(''),
});
export type BilingualText = z.infer<typeof bilingualText>;

export const formOption = z.object({
  value: z.string().trim().min(1, 'required').max(40, 'too_big'),
  label: bilingualText,
});
export type FormOption = z.infer<typeof formOption>;

/** Show a field (or ask for a material) only when another, earlier field has one of these answers. */
export const formCondition = z
  .object({
    field: formFieldKeySchema,
    equals: z.union([z.string(), z.number(), z.boolean()]).optional(),
    in: z.array(z.string()).min(1, 'too_small').max(50, 'too_big').optional(),
  })
  .refine((c) => (c.equals === undefined) !== (c.in === undefined), { message: 'catalogue.conditionShape', path: ['equals'] });
export type FormCondition = z.infer<typeof formCondition>;

export const formField = z.object({
  key: formFieldKeySchema,
  label: bilingualText,
  type: z.enum(formFieldTypes),
  required: z.boolean().default(false),
  /** select / radio / checkbox with choices; a checkbox without options is a single yes/no box. */
  options: z.array(formOption).max(100, 'too_big').optional(),
  /** number: smallest and largest value; text / textarea: shortest and longest length in characters. */
  min: z.number().optional(),
  max: z.number().optional(),
  /** text only: a regular expression the whole answer must match (ECMAScript syntax, unicode mode). */
  pattern: z.string().max(200, 'too_big').optional(),
  help: bilingualText.optional(),
  visibleWhen: formCondition.optional(),
});
export type FormField = z.infer<typeof formField>;

export const formSchema = z.object({ fields: z.array(formField).max(100, 'too_big') });
export type FormSchema = z.infer<typeof formSchema>;

/** An answer as stored: text, a number, yes/no, or the chosen options of a multi-choice checkbox. */
export type FormValue = string | number | boolean | string[];
export type FormIssue = { field: string; code: string };

/**
 * Problems in a form definition itself: duplicated keys, conditions on unknown or later fields (so visibility can be
 * decided top to bottom and never loops), choices missing where the type needs them, min above max, bad patterns.
 */
export function formDefinitionIssues(form: FormSchema, path = 'form'): FormIssue[] {
  const issues: FormIssue[] = [];
  const seen = new Set<string>();
  form.fields.forEach((field, i) => {
    const at = `${path}.fields.${i}`;
    if (seen.has(field.key)) issues.push({ field: `${at}.key`, code: 'catalogue.fieldKeyTaken' });
    const needsOptions = field.type === 'select' || field.type === 'radio';
    if (needsOptions && (field.options ?? []).length === 0) issues.push({ field: `${at}.options`, code: 'catalogue.optionsRequired' });
    const values = (field.options ?? []).map((o) => o.value);
    if (new Set(values).size !== values.length) issues.push({ field: `${at}.options`, code: 'catalogue.optionTaken' });
    if (field.min !== undefined && field.max !== undefined && field.min > field.max) issues.push({ field: `${at}.min`, code: 'catalogue.minAboveMax' });
    if (field.pattern !== undefined && !isUsablePattern(field.pattern)) issues.push({ field: `${at}.pattern`, code: 'catalogue.patternInvalid' });
    if (field.visibleWhen && !seen.has(field.visibleWhen.field)) issues.push({ field: `${at}.visibleWhen.field`, code: 'catalogue.conditionField' });
    seen.add(field.key);
  });
  return issues;
}

function isUsablePattern(pattern: string): boolean {
  try {
    new RegExp(`^(?:${pattern})$`, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Whether a condition holds for the answers given so far (an unanswered field matches nothing). */
export function conditionHolds(condition: FormCondition, values: Readonly<Record<string, unknown>>): boolean {
  const answer = values[condition.field];
  if (answer === undefined || answer === null || answer === '') return false;
  const answers = Array.isArray(answer) ? answer.map(String) : [String(answer)];
  if (condition.in !== undefined) return answers.some((a) => condition.in?.includes(a));
  return answers.includes(String(condition.equals));
}

/** The keys of the fields a person sees for these answers, in form order (a field hidden hides its dependants). */
export function visibleFieldKeys(form: FormSchema, values: Readonly<Record<string, unknown>>): Set<string> {
  const visible = new Set<string>();
  const shown: Record<string, unknown> = {};
  for (const field of form.fields) {
    const isShown = !field.visibleWhen || (visible.has(field.visibleWhen.field) && conditionHolds(field.visibleWhen, shown));
    if (!isShown) continue;
    visible.add(field.key);
    shown[field.key] = values[field.key];
  }
  return visible;
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** One visible field's answer, normalised, or the message key of what is wrong with it. */
function checkValue(field: FormField, raw: unknown): { value: FormValue } | { code: string } {
  const options = (field.options ?? []).map((o) => o.value);
  switch (field.type) {
    case 'text':
    case 'textarea': {
      if (typeof raw !== 'string') return { code: 'invalid_type' };
      const text = raw.trim();
      const length = Array.from(text).length;
      if (field.min !== undefined && length < field.min) return { code: 'too_small' };
      if (length > (field.max ?? (field.type === 'text' ? 200 : 2000))) return { code: 'too_big' };
      if (field.pattern !== undefined && isUsablePattern(field.pattern) && !new RegExp(`^(?:${field.pattern})$`, 'u').test(text)) return { code: 'invalid_format' };
      return { value: text };
    }
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      if (!Number.isFinite(n)) return { code: 'invalid_type' };
      if (field.min !== undefined && n < field.min) return { code: 'too_small' };
      if (field.max !== undefined && n > field.max) return { code: 'too_big' };
      return { value: n };
    }
    case 'date':
      return typeof raw === 'string' && isRealDate(raw) ? { value: raw } : { code: 'invalid_format' };
    case 'select':
    case 'radio':
      return typeof raw === 'string' && options.includes(raw) ? { value: raw } : { code: 'invalid_value' };
    case 'checkbox':
      if (options.length === 0) return typeof raw === 'boolean' ? { value: raw } : { code: 'invalid_type' };
      if (!Array.isArray(raw) || !raw.every((v): v is string => typeof v === 'string' && options.includes(v))) return { code: 'invalid_value' };
      return { value: [...new Set(raw)] };
    case 'idNumber': {
      if (typeof raw !== 'string') return { code: 'invalid_type' };
      const parsed = parseIdNumber(raw);
      return parsed.ok ? { value: parsed.value } : { code: `idNumber.${parsed.reason}` };
    }
    case 'creditCode': {
      if (typeof raw !== 'string') return { code: 'invalid_type' };
      const parsed = parseCreditCode(raw);
      return parsed.ok ? { value: parsed.value } : { code: `creditCode.${parsed.reason}` };
    }
    case 'phone':
      return typeof raw === 'string' && PHONE.test(raw.trim()) ? { value: raw.trim() } : { code: 'phone.invalid' };
    case 'region':
      return typeof raw === 'string' && /^\d{12}$/.test(raw.trim()) ? { value: raw.trim() } : { code: 'regionCode.invalid' };
  }
}

/**
 * Checks an application against its form: answers to hidden fields and unknown keys are dropped (a person cannot
 * be refused for something they were never shown), required visible fields must be answered, each answer must fit
 * its type. Issues carry `values.<key>` as field and a validation message key as code.
 */
export function checkFormValues(form: FormSchema, values: Readonly<Record<string, unknown>>): { values: Record<string, FormValue>; issues: FormIssue[] } {
  const visible = visibleFieldKeys(form, values);
  const clean: Record<string, FormValue> = {};
  const issues: FormIssue[] = [];
  for (const field of form.fields) {
    if (!visible.has(field.key)) continue;
    const raw = values[field.key];
    // A single yes/no box left unticked is an answer ("no"), unless the form requires it ticked (a consent).
    const isUntickedBox = field.type === 'checkbox' && (field.options ?? []).length === 0 && (raw === false || raw === undefined);
    if (isUntickedBox) {
      if (field.required) issues.push({ field: `values.${field.key}`, code: 'required' });
      else clean[field.key] = false;
      continue;
    }
    if (isBlank(raw)) {
      if (field.required) issues.push({ field: `values.${field.key}`, code: 'required' });
      continue;
    }
    const result = checkValue(field, raw);
    if ('code' in result) issues.push({ field: `values.${field.key}`, code: result.code });
    else clean[field.key] = result.value;
  }
  return { values: clean, issues };
}
