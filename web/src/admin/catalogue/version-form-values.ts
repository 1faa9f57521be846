import { itemVersionElements, itemVersionElementsShape, type FormCondition, type FormField, type ItemVersionElements, type Material, type TimeLimit } from '@zhengtong/contracts';

// The version editor edits every GB/T 39554 element in one antd form. A few elements read better in another shape
// while editing (money in yuan, "has a statutory limit" as a switch, a condition as a field and its answers); these
// turn one shape into the other, and name where the server's field paths land in the editor.

export type ConditionEdit = { field?: string; values?: string[] };
export type FieldEdit = Omit<FormField, 'visibleWhen' | 'min' | 'max' | 'pattern' | 'help' | 'options'> & {
  min?: number | null;
  max?: number | null;
  pattern?: string;
  help?: { 'zh-CN'?: string; 'en-US'?: string };
  options?: FormField['options'];
  visibleWhen?: ConditionEdit;
};
export type MaterialEdit = Omit<Material, 'appliesWhen'> & { appliesWhen?: ConditionEdit };

export type ElementsEdit = Omit<ItemVersionElements, 'legalLimit' | 'fees' | 'materials' | 'form' | 'resultFields'> & {
  hasLegalLimit: boolean;
  legalLimit: TimeLimit;
  fees: { isCharged: boolean; basis: string | null; amountYuan: number | null; note: string };
  materials: MaterialEdit[];
  form: { fields: FieldEdit[] };
  resultFields: FieldEdit[];
};

function conditionToEdit(condition: FormCondition | undefined): ConditionEdit | undefined {
  if (!condition) return undefined;
  return { field: condition.field, values: condition.in ?? (condition.equals === undefined ? [] : [String(condition.equals)]) };
}

/** One answer is "equals", several are "in"; no field or no answer means no condition. */
export function conditionFromEdit(edit: ConditionEdit | undefined): FormCondition | undefined {
  const values = (edit?.values ?? []).map((v) => v.trim()).filter((v) => v !== '');
  if (!edit?.field || values.length === 0) return undefined;
  const [only] = values;
  return values.length === 1 && only !== undefined ? { field: edit.field, equals: only } : { field: edit.field, in: values };
}

function fieldToEdit(field: FormField): FieldEdit {
  return { ...field, visibleWhen: conditionToEdit(field.visibleWhen) };
}

function optionalNumber(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function fieldFromEdit(edit: FieldEdit): FormField {
  const needsOptions = edit.type === 'select' || edit.type === 'radio' || edit.type === 'checkbox';
  const helpZh = edit.help?.['zh-CN']?.trim() ?? '';
  const options = needsOptions ? (edit.options ?? []).map((o) => ({ value: o.value, label: { 'zh-CN': o.label['zh-CN'], 'en-US': o.label['en-US'] ?? '' } })) : undefined;
  return {
    key: edit.key,
    label: { 'zh-CN': edit.label['zh-CN'], 'en-US': edit.label['en-US'] ?? '' },
    type: edit.type,
    required: Boolean(edit.required),
    ...(options && options.length > 0 ? { options } : {}),
    ...(optionalNumber(edit.min) !== undefined ? { min: optionalNumber(edit.min) } : {}),
    ...(optionalNumber(edit.max) !== undefined ? { max: optionalNumber(edit.max) } : {}),
    ...(edit.type === 'text' && edit.pattern?.trim() ? { pattern: edit.pattern.trim() } : {}),
    ...(helpZh ? { help: { 'zh-CN': helpZh, 'en-US': edit.help?.['en-US']?.trim() ?? '' } } : {}),
    ...(conditionFromEdit(edit.visibleWhen) ? { visibleWhen: conditionFromEdit(edit.visibleWhen) } : {}),
  };
}

export function toEdit(elements: ItemVersionElements): ElementsEdit {
  return {
    ...elements,
    hasLegalLimit: elements.legalLimit !== null,
    legalLimit: elements.legalLimit ?? { days: 20, unit: 'workingDay', note: '' },
    fees: { isCharged: elements.fees.isCharged, basis: elements.fees.basis, amountYuan: elements.fees.amountFen === null ? null : elements.fees.amountFen / 100, note: elements.fees.note },
    materials: elements.materials.map((m) => ({ ...m, appliesWhen: conditionToEdit(m.appliesWhen) })),
    form: { fields: elements.form.fields.map(fieldToEdit) },
    resultFields: elements.resultFields.map(fieldToEdit),
  };
}

export function fromEdit(edit: ElementsEdit): ItemVersionElements {
  const { hasLegalLimit, legalLimit, fees, materials, form, resultFields, ...rest } = edit;
  return {
    ...rest,
    legalLimit: hasLegalLimit ? { days: legalLimit.days, unit: legalLimit.unit, note: legalLimit.note ?? '' } : null,
    fees: {
      isCharged: fees.isCharged,
      basis: fees.isCharged ? fees.basis?.trim() || null : null,
      amountFen: fees.isCharged && typeof fees.amountYuan === 'number' ? Math.round(fees.amountYuan * 100) : null,
      note: fees.note ?? '',
    },
    materials: materials.map(({ appliesWhen, ...m }) => {
      const condition = conditionFromEdit(appliesWhen);
      return { ...m, blankFormUrl: m.blankFormUrl?.trim() || null, sampleUrl: m.sampleUrl?.trim() || null, licenseTypeCode: m.licenseTypeCode?.trim() || null, ...(condition ? { appliesWhen: condition } : {}) };
    }),
    form: { fields: form.fields.map(fieldFromEdit) },
    resultFields: resultFields.map(fieldFromEdit),
  };
}

/** Where a server or schema field path lands in the editor (amounts are edited in yuan). */
export function editorPath(path: readonly (string | number)[]): (string | number)[] {
  const dotted = path.join('.');
  if (dotted === 'fees.amountFen') return ['fees', 'amountYuan'];
  if (path[0] === 'elements') return editorPath(path.slice(1));
  return [...path];
}

export type ElementIssue = { path: (string | number)[]; code: string };

/** Everything the server would refuse in these elements, found before sending (the same contracts schema). */
export function elementIssues(edit: ElementsEdit): ElementIssue[] {
  const result = itemVersionElements.safeParse(fromEdit(edit));
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: editorPath(i.path.filter((p): p is string | number => typeof p !== 'symbol')), code: i.message }));
}

/** Which editor tab shows a field path, so the first error can be brought into view. */
export function tabOfPath(path: readonly (string | number)[]): 'basics' | 'materials' | 'form' | 'workflow' | 'result' {
  switch (path[0]) {
    case 'materials':
      return 'materials';
    case 'form':
      return 'form';
    case 'workflow':
      return 'workflow';
    case 'resultFields':
    case 'resultTemplate':
      return 'result';
    default:
      return 'basics';
  }
}

const elementKeys = Object.keys(itemVersionElementsShape.shape) as (keyof ItemVersionElements)[];

/** The editable elements of a version as the server sent it (the rest is identity, status and history). */
export function elementsOf(version: ItemVersionElements): ItemVersionElements {
  return Object.fromEntries(elementKeys.map((k) => [k, version[k]])) as ItemVersionElements;
}
