import { describe, expect, it } from 'vitest';
import { permissionsOf } from '@zhengtong/contracts';
import { canAccessRecord, levelOfCode, regionContains, regionPrefix, type AccountActor } from '.';

const staff = (regionCode: string, departmentId = 'd1'): AccountActor => ({
  kind: 'account',
  accountId: 'a1',
  accountType: 'staff',
  displayName: '测试',
  roles: ['clerk'],
  permissions: permissionsOf(['clerk']),
  regionCode,
  departmentId,
  enterpriseId: null,
  sessionId: 's',
  stage: 'full',
  context: { ip: null, requestId: null, locale: 'zh-CN' },
});

describe('region codes', () => {
  it.each([
    ['530000000000', '53', 'province'],
    ['539900000000', '5399', 'city'],
    ['539902000000', '539902', 'county'],
    ['539902001000', '539902001', 'town'],
    ['539902001101', '539902001101', 'village'],
    ['531000000000', '5310', 'city'],
  ])('%s has prefix %s (%s)', (code, prefix, level) => {
    expect(regionPrefix(code)).toBe(prefix);
    expect(levelOfCode(code)).toBe(level);
  });

  it('a region contains its descendants and itself, not its siblings', () => {
    expect(regionContains('539900000000', '539902001101')).toBe(true);
    expect(regionContains('539902000000', '539902000000')).toBe(true);
    expect(regionContains('539902000000', '539921000000')).toBe(false);
    expect(regionContains('539902001000', '539902002101')).toBe(false);
  });
});

describe('canAccessRecord', () => {
  it('staff reach records in their region and department only', () => {
    const clerk = staff('539902000000');
    expect(canAccessRecord(clerk, { regionCode: '539902001101', departmentId: 'd1' })).toBe(true);
    expect(canAccessRecord(clerk, { regionCode: '539921000000', departmentId: 'd1' })).toBe(false);
    expect(canAccessRecord(clerk, { regionCode: '539902001101', departmentId: 'd2' })).toBe(false);
    expect(canAccessRecord(clerk, { regionCode: '539902001101', departmentId: 'd2' }, { regionWide: true })).toBe(true);
  });

  it('citizens reach only their own records; anonymous nothing', () => {
    const citizen: AccountActor = { ...staff('539902000000'), accountType: 'citizen', roles: ['citizen'], regionCode: null, departmentId: null };
    expect(canAccessRecord(citizen, { ownerAccountId: 'a1' })).toBe(true);
    expect(canAccessRecord(citizen, { ownerAccountId: 'a2' })).toBe(false);
    expect(canAccessRecord({ kind: 'anonymous', context: citizen.context }, { ownerAccountId: 'a1' })).toBe(false);
  });

  it('an agent acting for an enterprise reaches that enterprise’s records', () => {
    const agent: AccountActor = { ...staff('539902000000'), accountType: 'citizen', roles: ['citizen'], enterpriseId: 'e1' };
    expect(canAccessRecord(agent, { enterpriseId: 'e1' })).toBe(true);
    expect(canAccessRecord(agent, { enterpriseId: 'e2' })).toBe(false);
  });
});
