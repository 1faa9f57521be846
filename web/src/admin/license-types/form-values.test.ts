import { describe, expect, it } from 'vitest';
import { createLicenseTypeInput, updateLicenseTypeInput, type LicenseTypeView } from '@zhengtong/contracts';
import { formPathFor, newTypeValues, toCreateInput, toFormValues, toUpdateInput, typeFormFields } from './form-values';

const view: LicenseTypeView = {
  id: '0196c0de-0000-7000-8000-000000000001',
  code: '206',
  name: '出生医学证明',
  departmentId: '0196c0de-0000-7000-8000-000000000002',
  departmentName: '云溪市卫生健康委员会',
  holderType: 'person',
  fields: [
    { key: 'birthDate', name: '出生日期', kind: 'date', isRequired: true, source: 'result.birthDate' },
    { key: 'note', name: '备注', kind: 'text', isRequired: false, source: null },
  ],
  validity: { mode: 'years', years: 10 },
  trustLevel: 'A',
  issuingBasicCodes: ['000123456000'],
  holderSource: { name: 'applicant', number: 'applicant' },
  description: '',
  isActive: true,
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('licence type form values', () => {
  it('round-trips a type through the form into an update the contract accepts', () => {
    const input = toUpdateInput(toFormValues(view), view.version);
    expect(updateLicenseTypeInput.safeParse(input).success).toBe(true);
    expect(input).toMatchObject({ name: '出生医学证明', validity: { mode: 'years', years: 10 }, issuingBasicCodes: ['000123456000'], version: 3, isActive: true });
    expect(input).not.toHaveProperty('code');
    expect(input).not.toHaveProperty('holderType');
  });

  it('turns blanks into what they mean: no source is filled by hand, codes upper-cased, empty codes dropped', () => {
    const values = { ...newTypeValues(), code: ' ab12 ', name: ' 测试证 ', departmentId: view.departmentId, fields: [{ key: 'grade', name: '等级', kind: 'text' as const, source: '  ' }], issuingBasicCodes: [' 00012345abc ', ''] };
    const input = toCreateInput(values);
    expect(input).toMatchObject({ code: 'AB12', name: '测试证', holderType: 'person', fields: [{ key: 'grade', name: '等级', kind: 'text', isRequired: false, source: null }], issuingBasicCodes: ['00012345ABC'], validity: { mode: 'permanent' } });
    expect(createLicenseTypeInput.safeParse(input).success).toBe(true);
  });

  it('lets the contract catch a validity field that is not a date field, at the path the form shows', () => {
    const values = { ...toFormValues(view), code: '206', validity: { mode: 'field' as const, field: 'note' } };
    const result = createLicenseTypeInput.safeParse(toCreateInput(values));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toContain('validity.field');
    expect(typeFormFields(2)).toEqual(expect.arrayContaining(['validity.field', 'fields.1.key', 'holderSource.number']));
  });
});

describe('where an error is shown', () => {
  it('on the input itself, else on the box that holds it, else nowhere in the form', () => {
    expect(formPathFor(['fields', 1, 'key'], 2)).toEqual(['fields', 1, 'key']);
    expect(formPathFor(['issuingBasicCodes', 3], 2)).toEqual(['issuingBasicCodes']);
    expect(formPathFor(['validity', 'field'], 0)).toEqual(['validity', 'field']);
    expect(formPathFor(['version'], 0)).toBeUndefined();
  });
});
