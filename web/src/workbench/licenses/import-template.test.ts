import { describe, expect, it } from 'vitest';
import type { LicenseTypeView } from '@zhengtong/contracts';
import { importTemplateCsv, importTemplateHeaders } from './import-template';

const type: Pick<LicenseTypeView, 'fields' | 'holderType'> = {
  holderType: 'enterprise',
  fields: [
    { key: 'scope', name: '经营范围', kind: 'text', isRequired: true, source: null },
    { key: 'capital', name: '注册资本(万元)', kind: 'number', isRequired: false, source: null },
  ],
};

describe('import template', () => {
  it('heads the fixed columns, then the type’s fields by printed name, marking what is required', () => {
    expect(importTemplateHeaders(type)).toEqual(['原证照编号*', '持证主体名称*', '持证主体证件号码*', '有效期起始*', '有效期截止', '发证日期', '经营范围*', '注册资本(万元)']);
  });

  it('is a UTF-8 CSV with a BOM, the header row only, quoted where needed', () => {
    const csv = importTemplateCsv({ fields: [...type.fields, { key: 'note', name: '备注,其他', kind: 'text', isRequired: false, source: null }] });
    expect(csv.startsWith('\uFEFF原证照编号*,')).toBe(true);
    expect(csv).toContain(',"备注,其他"\r\n');
    expect(csv.split('\r\n')).toEqual([expect.any(String), '']);
  });
});
