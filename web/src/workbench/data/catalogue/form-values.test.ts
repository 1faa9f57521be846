import { describe, expect, it } from 'vitest';
import { dataResourceDefinitionSchema } from '@zhengtong/contracts';
import { definitionErrors, formFieldNames, newDefinition, toDefinitionInput, toFormDefinition } from './form-values';

const filled = () => {
  const d = newDefinition();
  return {
    ...d,
    name: '食品经营许可信息',
    classification: { category: '市场监管', item: '', directory: '', detail: '' },
    summary: '许可证信息',
    keyField: 'licenseNumber',
    fields: [{ ...d.fields[0], key: 'licenseNumber', name: '许可证编号', subLevel: undefined, identifier: undefined, legalBasis: '  ' }],
  } as ReturnType<typeof newDefinition>;
};

describe('catalogue form values', () => {
  it('sends blanks as null and leaves empty optional item values out', () => {
    const input = toDefinitionInput({ ...filled(), releasedOn: '' });
    expect(input.releasedOn).toBeNull();
    expect((input.fields as Record<string, unknown>[])[0]).toEqual({ key: 'licenseNumber', name: '许可证编号', type: 'string', description: '', shareType: 'unconditional', openType: 'closed', level: 'general', subLevel: null, masking: 'none', sourceDepartmentId: null });
    expect(dataResourceDefinitionSchema.safeParse(input).success).toBe(true);
  });

  it('round-trips a stored definition', () => {
    const stored = dataResourceDefinitionSchema.parse(toDefinitionInput(filled()));
    expect(dataResourceDefinitionSchema.parse(toDefinitionInput(toFormDefinition(stored)))).toEqual(stored);
  });

  it('says in the form what the rules say, in the reader’s language', () => {
    const d = filled();
    const errors = definitionErrors({ ...d, shareType: 'conditional', fields: d.fields.map((f) => ({ ...f, openType: 'open' })) }, [], 'zh-CN');
    expect(errors).toEqual([
      { name: ['definition', 'legalBasis'], errors: ['有条件共享或不予共享的资源须写明共享依据(法律法规或政策文件)'] },
      { name: ['definition', 'fields', 0, 'shareType'], errors: ['信息项的共享类型不能比所属资源更宽松'] },
      { name: ['definition', 'fields', 0, 'openType'], errors: ['信息项的开放类型不能比所属资源更宽松'] },
    ]);
    expect(definitionErrors({ ...d, name: '' }, [], 'en-US')[0]?.name).toEqual(['definition', 'name']);
  });

  it('names every input the server may point at', () => {
    expect(formFieldNames(2)).toEqual(expect.arrayContaining(['code', 'definition.classification.category', 'definition.fields.1.openType']));
  });
});
