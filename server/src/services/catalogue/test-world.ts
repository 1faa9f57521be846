import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { StaffRole } from '@zhengtong/contracts';
import { makeDepartment, makeRegionTree, makeStaff, type TestApp } from '../../testing';

// Test-only: a city with a county, catalogue staff of each kind, and small helpers for the catalogue's API.

export type World = Awaited<ReturnType<typeof makeWorld>>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function makeWorld(t: TestApp) {
  const tree = await makeRegionTree(t.kernel);
  const platformDepartment = await makeDepartment(t.kernel, tree.city, `政务服务局${tree.city.slice(2, 4)}`);
  const market = await makeDepartment(t.kernel, tree.city, `市场监管局${tree.city.slice(2, 4)}`);
  const health = await makeDepartment(t.kernel, tree.city, `卫健委${tree.city.slice(2, 4)}`);
  const countyOffice = await makeDepartment(t.kernel, tree.otherCounty, `县政务服务局${tree.city.slice(2, 4)}`);
  const token = async (departmentId: string, regionCode: string, roles: StaffRole[]) => {
    const staff = await makeStaff(t.kernel, { departmentId, regionCode, roles });
    return { token: await t.login(staff.username, staff.password), accountId: staff.accountId };
  };
  const admin = await token(platformDepartment.id, tree.city, ['catalogue-admin']);
  const secondAdmin = await token(platformDepartment.id, tree.city, ['catalogue-admin']);
  const marketEditor = await token(market.id, tree.city, ['catalogue-editor']);
  const healthEditor = await token(health.id, tree.city, ['catalogue-editor']);
  const countyAdmin = await token(countyOffice.id, tree.otherCounty, ['catalogue-admin']);
  const clerk = await token(market.id, tree.city, ['clerk']);
  const call = (who: { token: string } | null, method: Method, url: string, payload?: unknown): Promise<LightMyRequestResponse> => {
    const options: InjectOptions = { method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) };
    return who ? t.as(who.token, options) : t.app.inject(options);
  };
  return { tree, departments: { platform: platformDepartment, market, health, countyOffice }, admin, secondAdmin, marketEditor, healthEditor, countyAdmin, clerk, call };
}

export const fieldsOf = (res: LightMyRequestResponse) => ((res.json() as { errors?: { field: string; code: string }[] }).errors ?? []).map((e) => [e.field, e.code]);

export async function countRows(t: TestApp, table: 'service_items' | 'service_item_implementations' | 'service_item_versions'): Promise<number> {
  const row = await t.kernel.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
