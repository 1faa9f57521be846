import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenApplicationView } from '@zhengtong/contracts';
import { createTestApp, publishTestResource, type TestApp } from '../../testing';
import { caller, licenceFields, makeOpenWorld, registerCitizen, type Call, type OpenWorld } from './test-support';

// 受限开放申请: who may apply, who may decide (open-data.manage of the provider's region), the decision's rules (a
// reason to refuse, no longer than asked), one pending application per applicant, two deciders at once (one wins,
// 409), withdrawal, and the audit trail.

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

const input = (dataset: string, months = 6) => ({ dataset, purpose: '开发企业信用查询小程序', scenario: '在小程序中向用户展示企业法定代表人姓名', months });

async function apply(token: string, dataset = w.restricted.code): Promise<OpenApplicationView> {
  const res = await call(token, 'POST', '/api/open/applications', input(dataset));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as OpenApplicationView;
}

describe('applying for restricted data', () => {
  it('lets a signed-in person or enterprise apply once at a time; staff and visitors may not', async () => {
    const applicant = await registerCitizen(t, '赵六');
    const app = await apply(applicant.token);
    expect(app).toMatchObject({ status: 'pending', applicantName: '赵六', applicantKind: 'person', datasetCode: w.restricted.code, months: 6, restrictedFields: ['法定代表人'] });
    expect((await call(applicant.token, 'POST', '/api/open/applications', input(w.restricted.code))).json()).toMatchObject({ status: 409, code: 'DUPLICATE' });

    const forEnterprise = await apply(w.enterprise.token);
    expect(forEnterprise).toMatchObject({ applicantKind: 'enterprise', applicantName: w.enterprise.name });

    expect((await call(null, 'POST', '/api/open/applications', input(w.restricted.code))).statusCode).toBe(401);
    expect((await call(w.clerk, 'POST', '/api/open/applications', input(w.restricted.code))).statusCode).toBe(403);
    expect((await call(w.cdo, 'POST', '/api/open/applications', input(w.restricted.code))).statusCode).toBe(403);

    const mine = (await call(applicant.token, 'GET', '/api/open/applications')).json() as { items: OpenApplicationView[]; total: number };
    expect(mine.items.map((a) => a.id)).toEqual([app.id]);
    expect((await call(w.other.token, 'GET', `/api/open/applications/${app.id}`)).statusCode).toBe(404);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const applicant = await registerCitizen(t, '钱七');
    const bad = [
      { ...input(w.restricted.code), purpose: '短' },
      { ...input(w.restricted.code), scenario: '' },
      { ...input(w.restricted.code), months: 0 },
      { ...input(w.restricted.code), months: 25 },
      { ...input(w.restricted.code), months: 1.5 },
      { ...input('bad code!') },
      { purpose: '开发企业信用查询小程序' },
    ];
    for (const body of bad) expect((await call(applicant.token, 'POST', '/api/open/applications', body)).statusCode).toBe(400);
    // A dataset with nothing restricted needs no application; a closed or unknown one is not found.
    const openOnly = await publishTestResource(t.kernel, {
      providerDepartmentId: w.provider.id,
      regionCode: w.tree.city,
      definition: { name: '空气质量测试', shareType: 'unconditional', openType: 'open', keyField: 'station', fields: [licenceFields[0] && { ...licenceFields[0], key: 'station', name: '站点' }] },
    });
    expect((await call(applicant.token, 'POST', '/api/open/applications', input(openOnly.code))).json()).toMatchObject({ status: 400, errors: [{ field: 'dataset', code: 'openData.application.notRestricted' }] });
    expect((await call(applicant.token, 'POST', '/api/open/applications', input(w.closed.code))).statusCode).toBe(404);
    expect((await call(applicant.token, 'GET', '/api/open/applications')).json()).toMatchObject({ total: 0 });
  });
});

describe('deciding', () => {
  it('approves for the period asked or less, refuses only with a reason, and audits both', async () => {
    const a = await apply((await registerCitizen(t, '孙八')).token);
    expect((await call(w.cdo, 'POST', `/api/open-data/applications/${a.id}/approve`, { version: a.version, months: 7 })).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'months', code: 'openData.application.monthsTooLong' }],
    });
    const approved = (await call(w.cdo, 'POST', `/api/open-data/applications/${a.id}/approve`, { version: a.version, months: 2, note: '仅限所述场景' })).json() as OpenApplicationView;
    expect(approved).toMatchObject({ status: 'approved', decisionNote: '仅限所述场景', version: a.version + 1 });
    const days = (new Date(approved.validUntil ?? 0).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(58);
    expect(days).toBeLessThan(63);

    const b = await apply((await registerCitizen(t, '周九')).token);
    expect((await call(w.cdo, 'POST', `/api/open-data/applications/${b.id}/refuse`, { version: b.version, reason: '' })).statusCode).toBe(400);
    expect((await call(w.cdo, 'POST', `/api/open-data/applications/${b.id}/refuse`, { version: b.version + 1, reason: '用途不明确' })).json()).toMatchObject({ status: 409, code: 'STALE_VERSION' });
    const refused = (await call(w.cdo, 'POST', `/api/open-data/applications/${b.id}/refuse`, { version: b.version, reason: '用途不明确' })).json() as OpenApplicationView;
    expect(refused).toMatchObject({ status: 'refused', decisionNote: '用途不明确', validUntil: null });
    const again = await call(w.cdo, 'POST', `/api/open-data/applications/${b.id}/approve`, { version: refused.version });
    expect(again.json()).toMatchObject({ status: 409, code: 'CONFLICT' });
    expect(again.json().detail).toContain('未批准');

    const audit = await t.kernel.db.selectFrom('audit_log').select(['action', 'object_id']).where('object_id', 'in', [a.id, b.id]).execute();
    expect(audit.map((r) => r.action).sort()).toEqual(['open-data.application.approve', 'open-data.application.refuse', 'open-data.application.submit', 'open-data.application.submit']);
  });

  it('lets exactly one of two officers deciding at once win; the other gets 409', async () => {
    const a = await apply((await registerCitizen(t, '吴十')).token);
    const [x, y] = await Promise.all([
      call(w.cdo, 'POST', `/api/open-data/applications/${a.id}/approve`, { version: a.version }),
      call(w.cdo, 'POST', `/api/open-data/applications/${a.id}/refuse`, { version: a.version, reason: '数据用途超出范围' }),
    ]);
    expect([x?.statusCode, y?.statusCode].sort()).toEqual([200, 409]);
    const final = (await call(w.cdo, 'GET', `/api/open/applications/${a.id}`)).json() as OpenApplicationView;
    expect(final.version).toBe(a.version + 1);
  });

  it('is for open-data.manage of the provider’s region only', async () => {
    const applicant = await registerCitizen(t, '郑十一');
    const a = await apply(applicant.token);
    for (const token of [w.otherCdo, w.dataAdmin, w.clerk, applicant.token]) {
      const res = await call(token, 'POST', `/api/open-data/applications/${a.id}/approve`, { version: a.version });
      expect(res.statusCode).toBe(403);
    }
    expect((await call(null, 'POST', `/api/open-data/applications/${a.id}/approve`, { version: a.version })).statusCode).toBe(401);
    const queue = (await call(w.cdo, 'GET', '/api/open-data/applications?status=pending')).json() as { items: OpenApplicationView[] };
    expect(queue.items.map((i) => i.id)).toContain(a.id);
    const otherQueue = (await call(w.otherCdo, 'GET', '/api/open-data/applications')).json() as { items: OpenApplicationView[] };
    expect(otherQueue.items.map((i) => i.id)).not.toContain(a.id);
    expect((await call(w.dataAdmin, 'GET', '/api/open-data/applications')).statusCode).toBe(403);
    expect((await call(w.otherCdo, 'GET', `/api/open/applications/${a.id}`)).statusCode).toBe(404);
    expect((await call(w.cdo, 'GET', '/api/open-data/applications?status=robot')).statusCode).toBe(400);
    expect((await call(w.cdo, 'POST', '/api/open-data/applications/not-a-uuid/approve', { version: 1 })).statusCode).toBe(400);
  });

  it('lets the applicant withdraw a pending application, and only then', async () => {
    const applicant = await registerCitizen(t, '冯十二');
    const a = await apply(applicant.token);
    expect((await call(w.other.token, 'POST', `/api/open/applications/${a.id}/withdraw`, { version: a.version })).statusCode).toBe(404);
    const withdrawn = (await call(applicant.token, 'POST', `/api/open/applications/${a.id}/withdraw`, { version: a.version })).json() as OpenApplicationView;
    expect(withdrawn.status).toBe('withdrawn');
    expect((await call(applicant.token, 'POST', `/api/open/applications/${a.id}/withdraw`, { version: withdrawn.version })).statusCode).toBe(409);
    expect((await call(w.cdo, 'POST', `/api/open-data/applications/${a.id}/approve`, { version: withdrawn.version })).statusCode).toBe(409);
    // Withdrawn, the applicant may apply again.
    expect((await call(applicant.token, 'POST', '/api/open/applications', input(w.restricted.code))).statusCode).toBe(201);
  });
});
