import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDataOverview, OpenDatasetList, OpenDatasetSettingsView, OpenDatasetView } from '@zhengtong/contracts';
import { createTestApp, type TestApp } from '../../testing';
import { caller, makeOpenWorld, newKey, type Call, type OpenWorld } from './test-support';

// 数据开放管理: the chief data officer's overview (use and waiting applications of the region's datasets) and the
// per-dataset settings (featured, licence, contact) with optimistic concurrency; nobody else may use either.

let t: TestApp;
let w: OpenWorld;
let call: Call;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeOpenWorld(t);
  call = caller(t);
});
afterAll(async () => {
  await t.close();
});

const settings = (version: number, changes: Record<string, unknown> = {}) => ({
  version,
  isFeatured: true,
  featuredRank: 1,
  licenceName: '开放数据许可协议',
  licenceTerms: '使用本数据应注明来源“云溪市公共数据开放平台”。',
  contactName: '市场监管局数据科',
  contactEmail: 'data@scjg.example.gov.cn',
  contactPhone: '0871-12345678',
  ...changes,
});

describe('open-data administration', () => {
  it('shows the region’s datasets with downloads, API calls and pending applications', async () => {
    await call(null, 'GET', `/api/open/datasets/${w.open.code}/download/csv`);
    await call(null, 'GET', `/api/open/datasets/${w.open.code}/download/json`);
    const key = await newKey(call, w.citizen.token);
    await call(null, 'GET', `/api/open/datasets/${w.open.code}/records?pageSize=1`, undefined, { 'x-api-key': key });
    await call(w.citizen.token, 'POST', '/api/open/applications', { dataset: w.restricted.code, purpose: '开发企业查询工具', scenario: '内部风控系统使用', months: 3 });

    const res = await call(w.cdo, 'GET', '/api/open-data/overview');
    expect(res.statusCode).toBe(200);
    const overview = res.json() as OpenDataOverview;
    const row = overview.items.find((i) => i.code === w.open.code);
    expect(row).toMatchObject({ downloads: 2, apiCalls: 1, downloadsLast30Days: 2, apiCallsLast30Days: 1, pendingApplications: 0, recordCount: w.licenceRows.length });
    expect(overview.items.find((i) => i.code === w.restricted.code)?.pendingApplications).toBe(1);
    expect(overview.items.some((i) => i.code === w.closed.code)).toBe(false);
    expect(overview.totals).toMatchObject({ downloads: 2, apiCalls: 1, pendingApplications: 1 });
    expect(overview.totals.activeKeys).toBeGreaterThanOrEqual(1);

    // Another city's chief data officer sees none of these datasets.
    const other = (await call(w.otherCdo, 'GET', '/api/open-data/overview')).json() as OpenDataOverview;
    expect(other.items.some((i) => i.code === w.open.code)).toBe(false);
    for (const token of [w.dataAdmin, w.clerk, w.citizen.token]) expect((await call(token, 'GET', '/api/open-data/overview')).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/open-data/overview')).statusCode).toBe(401);
  });

  it('saves a dataset’s settings, which the portal shows; a stale version gets 409', async () => {
    const first = await call(w.cdo, 'PUT', `/api/open-data/datasets/${w.open.code}/settings`, settings(0));
    expect(first.statusCode).toBe(200);
    const saved = first.json() as OpenDatasetSettingsView;
    expect(saved).toMatchObject({ version: 1, isFeatured: true, licenceName: '开放数据许可协议' });
    expect(saved.updatedByName).toBeTruthy();
    // A second first-save, or a save of an old version, does not overwrite.
    expect((await call(w.cdo, 'PUT', `/api/open-data/datasets/${w.open.code}/settings`, settings(0))).json()).toMatchObject({ status: 409, code: 'STALE_VERSION' });
    const [a, b] = await Promise.all([
      call(w.cdo, 'PUT', `/api/open-data/datasets/${w.open.code}/settings`, settings(1, { featuredRank: 2 })),
      call(w.cdo, 'PUT', `/api/open-data/datasets/${w.open.code}/settings`, settings(1, { featuredRank: 3 })),
    ]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 409]);

    const view = (await call(null, 'GET', `/api/open/datasets/${w.open.code}`)).json() as OpenDatasetView;
    expect(view).toMatchObject({ isFeatured: true, licence: { name: '开放数据许可协议' }, contact: { name: '市场监管局数据科', email: 'data@scjg.example.gov.cn' } });
    const featured = (await call(null, 'GET', '/api/open/datasets?featured=true')).json() as OpenDatasetList;
    expect(featured.items.map((d) => d.code)).toEqual([w.open.code]);
    const first10 = (await call(null, 'GET', '/api/open/datasets')).json() as OpenDatasetList;
    expect(first10.items[0]?.code).toBe(w.open.code);

    const audit = await t.kernel.db.selectFrom('audit_log').select('action').where('action', '=', 'open-data.settings.save').where('object_id', '=', w.open.id).execute();
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses bad settings with 400, other regions and roles with 403, unknown datasets with 404', async () => {
    const url = `/api/open-data/datasets/${w.restricted.code}/settings`;
    for (const bad of [settings(0, { contactEmail: 'not-an-email' }), settings(0, { featuredRank: 1000 }), settings(0, { contactPhone: 'call me' }), settings(0, { licenceName: 'x'.repeat(61) }), { version: 0 }, settings(-1)]) {
      expect((await call(w.cdo, 'PUT', url, bad)).statusCode).toBe(400);
    }
    expect((await call(w.otherCdo, 'PUT', url, settings(0))).statusCode).toBe(403);
    expect((await call(w.dataAdmin, 'PUT', url, settings(0))).statusCode).toBe(403);
    expect((await call(w.citizen.token, 'PUT', url, settings(0))).statusCode).toBe(403);
    expect((await call(null, 'PUT', url, settings(0))).statusCode).toBe(401);
    expect((await call(w.cdo, 'PUT', `/api/open-data/datasets/${w.closed.code}/settings`, settings(0))).statusCode).toBe(404);
    // Nothing was saved by the refused attempts.
    expect(((await call(null, 'GET', `/api/open/datasets/${w.restricted.code}`)).json() as OpenDatasetView).isFeatured).toBe(false);
  });
});
