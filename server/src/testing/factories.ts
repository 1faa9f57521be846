import crypto from 'node:crypto';
import { idNumberCheckChar, makeCreditCode, type StaffRole } from '@zhengtong/contracts';
import type { Kernel } from '../kernel/context';
import { systemActor } from '../kernel/authz';
import { newId } from '../kernel/ids';
import { createStaffAccount, hashPassword } from '../platform/identity';

export const TEST_PASSWORD = 'Test@2026pass';

let passwordHash: Promise<string> | undefined;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

const digits = (n: number) => Array.from(crypto.randomBytes(n), (b) => String(b % 10)).join('');
export const uniqueSuffix = () => crypto.randomBytes(4).toString('hex');

/** A valid, random 身份证号 (region 539902, born 1990-01-01 + random days). */
export function makeIdNumber(region6 = '539902'): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + crypto.randomInt(0, 40 * 365) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${region6}${birth}${digits(3)}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

export function makePhone(): string {
  return `139${digits(8)}`;
}

export function makeEnterpriseCreditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const org = Array.from(crypto.randomBytes(8), (b) => alphabet[b % alphabet.length]).join('');
  return makeCreditCode('91539902', org);
}

/** A small region tree of its own: city → county → town, with unique codes per call. */
export async function makeRegionTree(kernel: Kernel): Promise<{ province: string; city: string; county: string; town: string; otherCounty: string }> {
  const province = '530000000000';
  const cityDigits = String(crypto.randomInt(10, 99));
  const city = `53${cityDigits}00000000`;
  const county = `53${cityDigits}0200000`.padEnd(12, '0');
  const otherCounty = `53${cityDigits}2100000`.padEnd(12, '0');
  const town = `53${cityDigits}02001000`;
  const rows = [
    { code: province, name: '测试省', level: 'province' as const, parent_code: null },
    { code: city, name: `测试市${cityDigits}`, level: 'city' as const, parent_code: province },
    { code: county, name: '测试区', level: 'county' as const, parent_code: city },
    { code: otherCounty, name: '测试县', level: 'county' as const, parent_code: city },
    { code: town, name: '测试街道', level: 'town' as const, parent_code: county },
  ];
  for (const row of rows) {
    await kernel.db.insertInto('regions').values(row).onConflict((oc) => oc.column('code').doNothing()).execute();
  }
  return { province, city, county, town, otherCounty };
}

export async function makeDepartment(kernel: Kernel, regionCode: string, name = `测试局${uniqueSuffix()}`): Promise<{ id: string; name: string; regionCode: string }> {
  const id = newId();
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const org = Array.from(crypto.randomBytes(8), (b) => alphabet[b % alphabet.length]).join('');
  await kernel.db
    .insertInto('departments')
    .values({ id, name, credit_code: makeCreditCode(`11${regionCode.slice(0, 6)}`, org), region_code: regionCode })
    .execute();
  return { id, name, regionCode };
}

export type TestStaff = { accountId: string; username: string; password: string };

export async function makeStaff(
  kernel: Kernel,
  options: { departmentId: string; regionCode: string; roles: StaffRole[]; mustChangePassword?: boolean; totpRequired?: boolean },
): Promise<TestStaff> {
  const username = `staff_${uniqueSuffix()}`;
  const accountId = await createStaffAccount(kernel, systemActor('test'), {
    username,
    name: '测试人员',
    departmentId: options.departmentId,
    regionCode: options.regionCode,
    positionId: null,
    phone: makePhone(),
    passwordHash: await testPasswordHash(),
    roles: options.roles,
    totpRequired: options.totpRequired ?? false,
    mustChangePassword: options.mustChangePassword ?? false,
  });
  return { accountId, username, password: TEST_PASSWORD };
}
