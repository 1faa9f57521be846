import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing';
import { findPublishedVersion, getItemVersion, listImplementations } from '.';
import { supersedeDueVersions } from './supersede';
import { sampleElements, sampleItemInput } from './test-support';
import { fieldsOf, makeWorld, type World } from './test-world';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t);
});
afterAll(async () => t?.close());

type Detail = { id: string; version: number; status: string; revision: number; effectiveFrom: string | null; effectiveTo: string | null; isInForce: boolean; allowedActions: string[]; rejectReason: string | null; history: { action: string; note: string; actorName: string }[] };

async function newImplementation(): Promise<{ itemId: string; implementationId: string }> {
  const item = (await w.call(w.admin, 'POST', '/api/service-items', { ...sampleItemInput(), regionCode: undefined })).json();
  const implementation = (await w.call(w.marketEditor, 'POST', `/api/service-items/${item.id}/implementations`, { departmentId: w.departments.market.id })).json();
  return { itemId: item.id, implementationId: implementation.id };
}

const draft = async (implementationId: string): Promise<Detail> => {
  const res = await w.call(w.marketEditor, 'POST', `/api/service-item-implementations/${implementationId}/versions`, {});
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const fill = async (d: Detail, elements = sampleElements()): Promise<Detail> => {
  const res = await w.call(w.marketEditor, 'PUT', `/api/service-item-versions/${d.id}`, { elements, revision: d.revision });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const act = (who: { token: string }, d: { id: string; revision: number }, action: string, extra: Record<string, unknown> = {}) =>
  w.call(who, 'POST', `/api/service-item-versions/${d.id}/${action}`, { revision: d.revision, ...extra });
async function published(implementationId: string, effectiveFrom?: string): Promise<Detail> {
  const d = await fill(await draft(implementationId));
  const submitted = (await act(w.marketEditor, d, 'submit')).json();
  const approved = await act(w.admin, submitted, 'approve', effectiveFrom ? { effectiveFrom } : {});
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json();
}

describe('drafting', () => {
  it('starts a first draft from a skeleton that cannot be submitted until its local details are filled in', async () => {
    const { implementationId } = await newImplementation();
    const d = await draft(implementationId);
    expect(d).toMatchObject({ version: 1, status: 'draft', allowedActions: ['edit', 'submit', 'discard'] });
    const submit = await act(w.marketEditor, d, 'submit');
    expect(submit.statusCode).toBe(400);
    expect(fieldsOf(submit)).toEqual(expect.arrayContaining([['elements.acceptanceConditions', 'catalogue.unfilled'], ['elements.location', 'catalogue.unfilled']]));
    const second = await w.call(w.marketEditor, 'POST', `/api/service-item-implementations/${implementationId}/versions`, {});
    expect(second.statusCode).toBe(409);
    expect(second.json().detail).toBe('该实施清单已有未发布的版本(第 1 版),请在该版本上修改');
  });

  it('refuses inconsistent elements at their path and keeps the draft as it was', async () => {
    const { implementationId } = await newImplementation();
    const d = await draft(implementationId);
    const elements = { ...sampleElements(), promisedLimit: { days: 30, unit: 'workingDay', note: '' } };
    const res = await w.call(w.marketEditor, 'PUT', `/api/service-item-versions/${d.id}`, { elements, revision: d.revision });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['elements.promisedLimit.days', 'catalogue.promisedOverLegal']]);
    const steps = { ...sampleElements().workflow, steps: [...sampleElements().workflow.steps.slice(0, 3), { key: 'countersign', name: '会签', role: 'reviewer', departmentIds: ['01900000-0000-7000-8000-000000000000'] }, sampleElements().workflow.steps[3]] };
    const countersign = await w.call(w.marketEditor, 'PUT', `/api/service-item-versions/${d.id}`, { elements: { ...sampleElements(), workflow: steps }, revision: d.revision });
    expect(fieldsOf(countersign)).toEqual([['elements.workflow.steps.3.departmentIds.0', 'catalogue.departmentNotFound']]);
    expect((await w.call(w.marketEditor, 'GET', `/api/service-item-versions/${d.id}`)).json().revision).toBe(d.revision);
  });

  it('lets one of two editors saving the same revision win; the other gets STALE_VERSION', async () => {
    const { implementationId } = await newImplementation();
    const d = await draft(implementationId);
    const [a, b] = await Promise.all([
      w.call(w.marketEditor, 'PUT', `/api/service-item-versions/${d.id}`, { elements: sampleElements({ location: '甲窗口' }), revision: d.revision }),
      w.call(w.admin, 'PUT', `/api/service-item-versions/${d.id}`, { elements: sampleElements({ location: '乙窗口' }), revision: d.revision }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((a.statusCode === 409 ? a : b).json().code).toBe('STALE_VERSION');
  });

  it('discards a draft, and only a draft', async () => {
    const { implementationId } = await newImplementation();
    const d = await draft(implementationId);
    expect((await w.call(w.marketEditor, 'DELETE', `/api/service-item-versions/${d.id}?revision=${d.revision + 1}`)).statusCode).toBe(409);
    expect((await w.call(w.marketEditor, 'DELETE', `/api/service-item-versions/${d.id}?revision=${d.revision}`)).statusCode).toBe(204);
    expect((await w.call(w.marketEditor, 'GET', `/api/service-item-versions/${d.id}`)).statusCode).toBe(404);
    const audit = await t.kernel.db.selectFrom('audit_log').select('action').where('object_id', '=', d.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['service-item-version.create', 'service-item-version.discard']);
  });
});

describe('review and publication', () => {
  it('goes draft → review → published, audited at each step, and is what cases read', async () => {
    const { itemId, implementationId } = await newImplementation();
    const d = await fill(await draft(implementationId));
    const submitted = (await act(w.marketEditor, d, 'submit', { note: '首次发布' })).json();
    expect(submitted).toMatchObject({ status: 'review', allowedActions: ['withdraw'] });
    const editorApproves = await act(w.marketEditor, submitted, 'approve');
    expect(editorApproves.statusCode).toBe(403);
    const approved = (await act(w.admin, submitted, 'approve')).json();
    expect(approved).toMatchObject({ status: 'published', isInForce: true, effectiveTo: null });
    expect(approved.history.map((h: { action: string }) => h.action)).toEqual(['create', 'edit', 'submit', 'approve']);
    const actions = await t.kernel.db.selectFrom('audit_log').select('action').where('object_id', '=', d.id).orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['service-item-version.create', 'service-item-version.edit', 'service-item-version.submit', 'service-item-version.approve']);

    const view = await getItemVersion(t.kernel.db, d.id);
    expect(view).toMatchObject({ id: d.id, status: 'published', serviceItem: { id: itemId }, implementation: { id: implementationId, department: { id: w.departments.market.id } } });
    expect(view.materials.map((m) => m.key)).toEqual(['idCard', 'proxy', 'income']);
    expect((await findPublishedVersion(t.kernel.db, implementationId))?.id).toBe(d.id);
    expect((await listImplementations(t.kernel.db, itemId))[0]?.current?.id).toBe(d.id);
    await expect(getItemVersion(t.kernel.db, '01900000-0000-7000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('four eyes: an admin cannot approve what they submitted; another admin can', async () => {
    const { implementationId } = await newImplementation();
    const d = await fill(await draft(implementationId));
    const submitted = (await act(w.admin, d, 'submit')).json();
    const own = await act(w.admin, submitted, 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toBe('不能审核自己提交的版本,请由另一位审核人员办理');
    expect((await act(w.secondAdmin, submitted, 'approve')).json().status).toBe('published');
  });

  it('sends a version back with the reviewer’s reason, which the editor reads', async () => {
    const { implementationId } = await newImplementation();
    const d = await fill(await draft(implementationId));
    const submitted = (await act(w.marketEditor, d, 'submit')).json();
    const noReason = await act(w.admin, submitted, 'reject', { reason: ' ' });
    expect(fieldsOf(noReason)).toEqual([['reason', 'required']]);
    const rejected = (await act(w.admin, submitted, 'reject', { reason: '办理地点请写到楼层和窗口号' })).json();
    expect(rejected).toMatchObject({ status: 'draft', rejectReason: '办理地点请写到楼层和窗口号' });
    expect(rejected.history.at(-1)).toMatchObject({ action: 'reject', note: '办理地点请写到楼层和窗口号' });
    const twice = await act(w.admin, rejected, 'reject', { reason: '再退一次' });
    expect(twice.json()).toMatchObject({ code: 'CONFLICT', detail: '当前状态下不能执行此操作' });
    const withdrawn = (await act(w.marketEditor, (await act(w.marketEditor, rejected, 'submit')).json(), 'withdraw')).json();
    expect(withdrawn.status).toBe('draft');
  });

  it('lets only one of two reviewers approve the same submission', async () => {
    const { implementationId } = await newImplementation();
    const d = await fill(await draft(implementationId));
    const submitted = (await act(w.marketEditor, d, 'submit')).json();
    const [a, b] = await Promise.all([act(w.admin, submitted, 'approve'), act(w.secondAdmin, submitted, 'approve')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await t.kernel.db.selectFrom('service_item_versions').select('status').where('implementation_id', '=', implementationId).execute()).map((r) => r.status)).toEqual(['published']);
  });
});

describe('effective dates (one version in force at a time)', () => {
  it('keeps v1 in force until v2’s effective time, then the supersede job retires v1', async () => {
    const { implementationId } = await newImplementation();
    const v1 = await published(implementationId);
    const from = new Date(Date.now() + 3_600_000);
    const v2 = await published(implementationId, from.toISOString());
    expect(v2).toMatchObject({ version: 2, status: 'published', isInForce: false, effectiveFrom: from.toISOString() });
    const first = (await w.call(w.admin, 'GET', `/api/service-item-versions/${v1.id}`)).json();
    expect(first).toMatchObject({ status: 'published', isInForce: true, effectiveTo: from.toISOString() });
    const second = (await w.call(w.admin, 'GET', `/api/service-item-versions/${v2.id}`)).json() as Detail;
    expect(second.history[0]).toMatchObject({ action: 'create', note: '以本实施清单第 1 版为基础' });
    expect((await findPublishedVersion(t.kernel.db, implementationId))?.id).toBe(v1.id);
    expect((await findPublishedVersion(t.kernel.db, implementationId, new Date(from.getTime() + 1)))?.id).toBe(v2.id);
    const implementation = (await w.call(w.admin, 'GET', `/api/service-item-implementations/${implementationId}`)).json();
    expect(implementation).toMatchObject({ current: { id: v1.id }, scheduled: { id: v2.id }, pending: null });

    await t.kernel.db.transaction().execute((tx) => supersedeDueVersions(tx, new Date(from.getTime() + 1)));
    expect((await w.call(w.admin, 'GET', `/api/service-item-versions/${v1.id}`)).json()).toMatchObject({ status: 'retired', history: expect.arrayContaining([expect.objectContaining({ action: 'supersede' })]) });
  });

  it('retires a version in force at once when its successor takes effect now', async () => {
    const { implementationId } = await newImplementation();
    const v1 = await published(implementationId);
    const v2 = await published(implementationId);
    expect((await w.call(w.admin, 'GET', `/api/service-item-versions/${v1.id}`)).json()).toMatchObject({ status: 'retired', isInForce: false, effectiveTo: v2.effectiveFrom });
  });

  it('refuses an effective time in the past or before the version in force', async () => {
    const { implementationId } = await newImplementation();
    await published(implementationId, new Date(Date.now() + 7_200_000).toISOString());
    const d = await fill(await draft(implementationId));
    const submitted = (await act(w.marketEditor, d, 'submit')).json();
    const past = await act(w.admin, submitted, 'approve', { effectiveFrom: '2020-01-01T00:00:00+08:00' });
    expect(fieldsOf(past)).toEqual([['effectiveFrom', 'catalogue.effectiveTooEarly']]);
    const beforeCurrent = await act(w.admin, submitted, 'approve', { effectiveFrom: new Date(Date.now() + 3_600_000).toISOString() });
    expect(fieldsOf(beforeCurrent)).toEqual([['effectiveFrom', 'catalogue.effectiveTooEarly']]);
    expect((await act(w.admin, submitted, 'approve', { effectiveFrom: 'tomorrow' })).statusCode).toBe(400);
  });

  it('retiring a scheduled version leaves its predecessor in force; retiring the one in force takes the item off the portal', async () => {
    const { itemId, implementationId } = await newImplementation();
    const v1 = await published(implementationId);
    const v2 = await published(implementationId, new Date(Date.now() + 3_600_000).toISOString());
    const retired = (await act(w.admin, v2, 'retire', { note: '政策调整暂缓实施' })).json();
    expect(retired).toMatchObject({ status: 'retired', effectiveTo: v2.effectiveFrom });
    expect((await w.call(w.admin, 'GET', `/api/service-item-versions/${v1.id}`)).json()).toMatchObject({ status: 'published', effectiveTo: null, isInForce: true });
    expect((await w.call(null, 'GET', `/api/service-items/${itemId}/guide`)).statusCode).toBe(200);

    const current = (await w.call(w.admin, 'GET', `/api/service-item-versions/${v1.id}`)).json();
    expect((await act(w.marketEditor, current, 'retire')).statusCode).toBe(403);
    expect((await act(w.admin, current, 'retire')).json().status).toBe('retired');
    expect(await findPublishedVersion(t.kernel.db, implementationId)).toBeUndefined();
    const guide = await w.call(null, 'GET', `/api/service-items/${itemId}/guide`);
    expect(guide.statusCode).toBe(404);
    expect(guide.json().detail).toBe('该事项暂未发布办事指南');
  });

  it('a new draft copies the newest version, and the database refuses to change or delete a published one', async () => {
    const { implementationId } = await newImplementation();
    const v1 = await published(implementationId);
    const d2 = await draft(implementationId);
    expect(d2).toMatchObject({ version: 2, location: sampleElements().location });
    await expect(sql`update service_item_versions set location = 'x' where id = ${v1.id}`.execute(t.kernel.db)).rejects.toThrow(/cannot be changed/);
    await expect(sql`delete from service_item_versions where id = ${v1.id}`.execute(t.kernel.db)).rejects.toThrow(/cannot be deleted/);
    // Two open-ended published versions of one implementation cannot exist.
    await expect(
      sql`update service_item_versions set status = 'published', effective_from = now() + interval '1 day', submitted_at = now() where id = ${d2.id}`.execute(t.kernel.db),
    ).rejects.toThrow();
  });

  it('lists the review queue of the reader’s region, longest waiting first', async () => {
    const a = await newImplementation();
    const b = await newImplementation();
    const first = (await act(w.marketEditor, await fill(await draft(a.implementationId)), 'submit')).json();
    const second = (await act(w.marketEditor, await fill(await draft(b.implementationId)), 'submit')).json();
    const queue = (await w.call(w.admin, 'GET', '/api/service-item-versions?status=review&pageSize=200')).json();
    const ids = queue.items.map((i: { id: string }) => i.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(queue.items[0]).toMatchObject({ status: 'review', department: { id: w.departments.market.id } });
    const county = (await w.call(w.countyAdmin, 'GET', '/api/service-item-versions?status=review')).json();
    expect(county.items.map((i: { id: string }) => i.id)).not.toContain(first.id);
  });
});
