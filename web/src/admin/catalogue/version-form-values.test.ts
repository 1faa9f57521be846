import { describe, expect, it } from 'vitest';
import type { ItemVersionElements } from '@zhengtong/contracts';
import { conditionFromEdit, editorPath, elementIssues, fromEdit, tabOfPath, toEdit } from './version-form-values';

const elements: ItemVersionElements = {
  acceptanceConditions: '申请人为新生儿父母',
  legalLimit: null,
  promisedLimit: { days: 5, unit: 'workingDay', note: '' },
  caseKind: 'promised',
  channels: ['window', 'online'],
  visitsRequired: 0,
  fees: { isCharged: true, basis: '发改价格〔2026〕1号', amountFen: 2050, note: '' },
  location: '市民中心 2 楼',
  hours: '工作日',
  consultPhone: '0871-12345678',
  complaintPhone: '12345',
  allowsPledge: false,
  allowsGaps: false,
  materials: [
    { key: 'proxy', name: '授权委托书', source: 'applicant', issuer: '', originals: 1, copies: 0, formats: ['pdf'], maxSizeMb: 10, isRequired: true, canBeGap: false, canBePledged: false, blankFormUrl: null, sampleUrl: null, licenseTypeCode: null, note: '', appliesWhen: { field: 'who', equals: 'agent' } },
  ],
  form: {
    fields: [
      { key: 'who', label: { 'zh-CN': '办理人', 'en-US': '' }, type: 'radio', required: true, options: [{ value: 'self', label: { 'zh-CN': '本人', 'en-US': '' } }, { value: 'agent', label: { 'zh-CN': '代理人', 'en-US': '' } }] },
      { key: 'agentName', label: { 'zh-CN': '代理人姓名', 'en-US': '' }, type: 'text', required: true, visibleWhen: { field: 'who', in: ['agent', 'other'] } },
    ],
  },
  workflow: {
    steps: [
      { key: 'accept', name: '受理', role: 'clerk', departmentIds: [], isOptional: false, limitDays: 1 },
      { key: 'decide', name: '决定', role: 'reviewer', departmentIds: [], isOptional: false, limitDays: null },
      { key: 'complete', name: '办结', role: 'clerk', departmentIds: [], isOptional: false, limitDays: 1 },
    ],
    allowsSpecialProcedure: false,
    specialProcedureNote: '',
  },
  resultFields: [],
  resultTemplate: '',
  changeNote: '',
};

describe('toEdit / fromEdit', () => {
  it('round-trips every element unchanged', () => {
    expect(fromEdit(toEdit(elements))).toEqual(elements);
  });

  it('edits money in yuan and a statutory limit behind a switch', () => {
    const edit = toEdit(elements);
    expect(edit.fees.amountYuan).toBe(20.5);
    expect(edit.hasLegalLimit).toBe(false);
    const changed = fromEdit({ ...edit, hasLegalLimit: true, legalLimit: { days: 20, unit: 'workingDay', note: '' }, fees: { ...edit.fees, amountYuan: 0.1 } });
    expect(changed.legalLimit).toEqual({ days: 20, unit: 'workingDay', note: '' });
    expect(changed.fees.amountFen).toBe(10);
  });

  it('forgets fee details of an item that is free', () => {
    const edit = toEdit(elements);
    expect(fromEdit({ ...edit, fees: { ...edit.fees, isCharged: false } }).fees).toEqual({ isCharged: false, basis: null, amountFen: null, note: '' });
  });
});

describe('conditionFromEdit', () => {
  it('makes one answer "equals", several "in", and none no condition', () => {
    expect(conditionFromEdit({ field: 'who', values: ['agent'] })).toEqual({ field: 'who', equals: 'agent' });
    expect(conditionFromEdit({ field: 'who', values: ['a', 'b'] })).toEqual({ field: 'who', in: ['a', 'b'] });
    expect(conditionFromEdit({ field: 'who', values: [] })).toBeUndefined();
    expect(conditionFromEdit({ values: ['a'] })).toBeUndefined();
  });
});

describe('elementIssues', () => {
  it('finds what the server would refuse, on the editor’s own paths', () => {
    const edit = toEdit(elements);
    expect(elementIssues(edit)).toEqual([]);
    const bad = { ...edit, fees: { ...edit.fees, amountYuan: null }, promisedLimit: { days: 0, unit: 'workingDay' as const, note: '' } };
    const issues = elementIssues(bad);
    expect(issues).toContainEqual({ path: ['fees', 'amountYuan'], code: 'catalogue.feeAmountRequired' });
    expect(issues).toContainEqual({ path: ['promisedLimit', 'days'], code: 'catalogue.promisedLimitZero' });
  });

  it('knows which tab shows a path', () => {
    expect(tabOfPath(['materials', 0, 'name'])).toBe('materials');
    expect(tabOfPath(['form', 'fields', 1, 'key'])).toBe('form');
    expect(tabOfPath(['resultTemplate'])).toBe('result');
    expect(tabOfPath(['location'])).toBe('basics');
    expect(editorPath(['elements', 'fees', 'amountFen'])).toEqual(['fees', 'amountYuan']);
  });
});
