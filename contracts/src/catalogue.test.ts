import { describe, expect, it } from 'vitest';
import { checkFormValues, formDefinitionIssues, visibleFieldKeys, type FormSchema } from './catalogue-form';
import { itemVersionElementIssues, itemVersionElements, templatePlaceholders, type ItemVersionElements, type Material } from './catalogue';

const form: FormSchema = {
  fields: [
    { key: 'name', label: { 'zh-CN': '姓名', 'en-US': 'Name' }, type: 'text', required: true, max: 30 },
    { key: 'idNumber', label: { 'zh-CN': '身份证号', 'en-US': 'ID' }, type: 'idNumber', required: true },
    { key: 'byProxy', label: { 'zh-CN': '委托他人办理', 'en-US': 'Proxy' }, type: 'checkbox', required: false },
    { key: 'proxyName', label: { 'zh-CN': '受托人', 'en-US': 'Proxy name' }, type: 'text', required: true, visibleWhen: { field: 'byProxy', equals: true } },
    {
      key: 'kinds',
      label: { 'zh-CN': '经营项目', 'en-US': 'Kinds' },
      type: 'checkbox',
      required: true,
      options: [
        { value: 'retail', label: { 'zh-CN': '销售', 'en-US': 'Retail' } },
        { value: 'catering', label: { 'zh-CN': '餐饮', 'en-US': 'Catering' } },
      ],
    },
    {
      key: 'cateringKind',
      label: { 'zh-CN': '餐饮类别', 'en-US': 'Catering kind' },
      type: 'select',
      required: true,
      options: [{ value: 'hot', label: { 'zh-CN': '热食', 'en-US': 'Hot' } }],
      visibleWhen: { field: 'kinds', in: ['catering'] },
    },
    { key: 'area', label: { 'zh-CN': '面积', 'en-US': 'Area' }, type: 'number', required: false, min: 1, max: 1000 },
    { key: 'since', label: { 'zh-CN': '开业日期', 'en-US': 'Since' }, type: 'date', required: false },
  ],
};

describe('application forms', () => {
  it('shows dependent fields only when their condition holds, and hides their dependants too', () => {
    expect([...visibleFieldKeys(form, { byProxy: false, kinds: ['retail'] })]).toEqual(['name', 'idNumber', 'byProxy', 'kinds', 'area', 'since']);
    expect(visibleFieldKeys(form, { byProxy: true, kinds: ['retail', 'catering'] }).has('cateringKind')).toBe(true);
  });

  it('ignores answers to hidden fields and unknown keys, and requires what is shown', () => {
    const result = checkFormValues(form, { name: ' 𠮷祥 ', idNumber: '11010519491231002x', kinds: ['retail'], proxyName: '不该出现', cateringKind: 'hot', extra: 1 });
    expect(result.issues).toEqual([]);
    expect(result.values).toEqual({ name: '𠮷祥', idNumber: '11010519491231002X', byProxy: false, kinds: ['retail'] });
    const missing = checkFormValues(form, { name: '张三', idNumber: '11010519491231002X', byProxy: true, kinds: ['catering'] });
    expect(missing.issues).toEqual([
      { field: 'values.proxyName', code: 'required' },
      { field: 'values.cateringKind', code: 'required' },
    ]);
  });

  it('checks each answer against its type', () => {
    const result = checkFormValues(form, { name: 'x'.repeat(31), idNumber: '110105194912310021', kinds: ['bogus'], area: 0, since: '2026-02-30' });
    expect(result.issues).toEqual([
      { field: 'values.name', code: 'too_big' },
      { field: 'values.idNumber', code: 'idNumber.checksum' },
      { field: 'values.kinds', code: 'invalid_value' },
      { field: 'values.area', code: 'too_small' },
      { field: 'values.since', code: 'invalid_format' },
    ]);
  });

  it('refuses definitions that could not be rendered or decided top to bottom', () => {
    const broken: FormSchema = {
      fields: [
        { key: 'a', label: { 'zh-CN': 'A', 'en-US': '' }, type: 'select', required: false, visibleWhen: { field: 'b', equals: 'x' } },
        { key: 'b', label: { 'zh-CN': 'B', 'en-US': '' }, type: 'text', required: false, pattern: '(' },
        { key: 'b', label: { 'zh-CN': 'B', 'en-US': '' }, type: 'number', required: false, min: 5, max: 1 },
      ],
    };
    expect(formDefinitionIssues(broken).map((i) => i.code)).toEqual([
      'catalogue.optionsRequired',
      'catalogue.conditionField',
      'catalogue.patternInvalid',
      'catalogue.fieldKeyTaken',
      'catalogue.minAboveMax',
    ]);
  });
});

function elements(overrides: Partial<ItemVersionElements> = {}): ItemVersionElements {
  return itemVersionElements.parse({
    acceptanceConditions: '申请人为本市居民',
    legalLimit: { days: 20, unit: 'workingDay' },
    promisedLimit: { days: 5, unit: 'workingDay' },
    caseKind: 'promised',
    channels: ['window', 'online'],
    visitsRequired: 1,
    fees: { isCharged: false },
    location: '市民中心',
    hours: '工作日',
    consultPhone: '12345',
    complaintPhone: '12345',
    allowsPledge: false,
    allowsGaps: false,
    materials: [],
    form: { fields: [] },
    workflow: { steps: [{ key: 'accept', name: '受理', role: 'clerk' }, { key: 'decide', name: '决定', role: 'reviewer' }, { key: 'complete', name: '办结', role: 'clerk' }] },
    resultFields: [],
    resultTemplate: '{{applicantName}}:{{itemName}} 已办结({{caseNumber}})。',
    ...overrides,
  });
}

describe('version elements', () => {
  it('accepts a complete, consistent version', () => {
    expect(itemVersionElementIssues(elements())).toEqual([]);
  });

  it('holds the promise within the law and ties 即办件 to a zero limit', () => {
    const codes = (e: Partial<ItemVersionElements>) => itemVersionElementIssues({ ...elements(), ...e }).map((i) => i.code);
    expect(codes({ promisedLimit: { days: 25, unit: 'workingDay', note: '' } })).toEqual(['catalogue.promisedOverLegal']);
    expect(codes({ legalLimit: { days: 14, unit: 'naturalDay', note: '' }, promisedLimit: { days: 12, unit: 'workingDay', note: '' } })).toEqual(['catalogue.promisedOverLegal']);
    expect(codes({ caseKind: 'immediate' })).toEqual(['catalogue.immediateLimit']);
    expect(codes({ promisedLimit: { days: 0, unit: 'workingDay', note: '' } })).toEqual(['catalogue.promisedLimitZero']);
    expect(codes({ visitsRequired: 0, channels: ['window'] })).toEqual(['catalogue.zeroVisitsNeedsRemote']);
  });

  it('allows 容缺 and 告知承诺 only on materials of a version that offers them', () => {
    const material: Material = { key: 'm', name: '材料', source: 'applicant', originals: 1, copies: 0, formats: ['pdf'], maxSizeMb: 5, isRequired: false, canBeGap: true, canBePledged: true, blankFormUrl: null, sampleUrl: null, licenseTypeCode: null, note: '', issuer: '' };
    const codes = itemVersionElementIssues({ ...elements(), materials: [material] }).map((i) => i.code);
    expect(codes).toEqual(['catalogue.gapNotAllowed', 'catalogue.gapOnlyRequired', 'catalogue.pledgeNotAllowed']);
    expect(itemVersionElementIssues({ ...elements(), allowsGaps: true, allowsPledge: true }).map((i) => i.code)).toEqual(['catalogue.gapsWithoutMaterial', 'catalogue.pledgeWithoutMaterial']);
    const immediate = { ...elements(), caseKind: 'immediate' as const, promisedLimit: { days: 0, unit: 'workingDay' as const, note: '' }, allowsGaps: true };
    expect(itemVersionElementIssues({ ...immediate, materials: immediate.materials.map((m) => ({ ...m, canBeGap: m.isRequired })) }).map((i) => i.code)).toContain('catalogue.gapsNotImmediate');
  });

  it('starts the workflow with acceptance, ends it with completion, and needs a decision for 承诺件', () => {
    const workflow = { steps: [{ key: 'review' as const, name: '审查', role: 'reviewer' as const, departmentIds: [], isOptional: false, limitDays: null }, { key: 'countersign' as const, name: '会签', role: 'reviewer' as const, departmentIds: [], isOptional: false, limitDays: null }], allowsSpecialProcedure: false, specialProcedureNote: '' };
    expect(itemVersionElementIssues({ ...elements(), workflow }).map((i) => i.code)).toEqual(['catalogue.workflowStart', 'catalogue.workflowEnd', 'catalogue.countersignDepartments', 'catalogue.workflowNeedsDecision']);
  });

  it('knows the placeholders a decision letter may use', () => {
    expect(templatePlaceholders('{{ applicantName }} {{result.no}} {{form.x}} {{result.no}}')).toEqual(['applicantName', 'result.no', 'form.x']);
    expect(itemVersionElementIssues({ ...elements(), resultTemplate: '{{result.licenceNo}}' }).map((i) => i.code)).toEqual(['catalogue.placeholderUnknown']);
  });

  it('reports cross-element problems at their path through the schema', () => {
    const result = itemVersionElements.safeParse({ ...elements(), caseKind: 'immediate' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['promisedLimit', 'days'], message: 'catalogue.immediateLimit' });
  });
});
