import { describe, expect, it } from 'vitest';
import type { ItemSnapshot } from '@zhengtong/contracts';
import { compareImplementations } from './differences-compare';
import { sampleElements } from './test-support';

const item: ItemSnapshot = {
  id: 'i',
  basicCode: '000106002000',
  name: '公共场所卫生许可',
  type: 'license',
  powerSource: 'statutory',
  basis: [{ name: '《公共场所卫生管理条例》', article: '第八条', excerpt: '' }],
  audience: 'enterprise',
  departmentCategory: '卫生健康',
};

describe('四级四同 comparison', () => {
  it('lists local differences as allowed and flags none when name, code, basis and type agree', () => {
    const city = { implementationId: 'city', snapshot: item, elements: sampleElements() };
    const county = { implementationId: 'county', snapshot: item, elements: sampleElements({ location: '青石县政务服务中心', promisedLimit: { days: 3, unit: 'workingDay', note: '' } }) };
    const report = compareImplementations(item, [city, county]);
    expect(report.violationCount).toBe(0);
    const location = report.elements.find((e) => e.element === 'location');
    expect(location).toMatchObject({ kind: 'local', isUniform: false, isViolation: false });
    expect(location?.groups.map((g) => g.implementationIds)).toEqual([['city'], ['county']]);
    expect(report.elements.find((e) => e.element === 'name')).toMatchObject({ kind: 'mustMatch', isUniform: true, isViolation: false });
  });

  it('flags an implementation whose published basis is not the item’s current one, even when it is the only one', () => {
    const amended = { ...item, basis: [...item.basis, { name: '《公共场所卫生管理条例实施细则》', article: '第二十四条', excerpt: '' }] };
    const city = { implementationId: 'city', snapshot: amended, elements: sampleElements() };
    const county = { implementationId: 'county', snapshot: item, elements: sampleElements() };
    const report = compareImplementations(amended, [city, county]);
    const basis = report.elements.find((e) => e.element === 'basis');
    expect(basis?.isViolation).toBe(true);
    expect(basis?.groups.find((g) => g.implementationIds.includes('county'))?.isAsDefined).toBe(false);
    expect(report.violationCount).toBe(1);
    expect(compareImplementations(amended, [county]).violationCount).toBe(1);
  });
});
