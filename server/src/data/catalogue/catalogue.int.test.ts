import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataResourceList, DataResourceView } from '@zhengtong/contracts';
import { createTestApp, testResourceCode, type TestApp } from '../../testing';
import { tables } from './tables';
import { createResource, fieldsOf, makeWorld, openDefinition, publishedResource, tableDefinition, type World } from './test-support';

// 编目 → 提交 → 审核发布 / 退回 → 新版本 → 停用, through the API as the provider's data admin and the chief data officer
// would, with the rules on what a definition may say and what happens when two people edit at once.

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeWorld(t);
});
afterAll(async () => t?.close());

const view = (res: { json: () => unknown }) => res.json() as DataResourceView;

async function events(topic: string, id: string) {
  const rows = await t.kernel.db.selectFrom('outbox_events').select(['topic', 'payload']).where('topic', '=', topic).execute();
  return rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as Record<string, unknown>).filter((p) => p.id === id);
}

async function auditActions(id: string) {
  const rows = await t.kernel.db.selectFrom('audit_log').select('action').where('object_id', '=', id).orderBy('id').execute();
  return rows.map((r) => r.action);
}

describe('the catalogue workflow', () => {
  it('drafts, edits, submits and publishes a resource; consumers then find it', async () => {
    const code = testResourceCode();
    const created = await createResource(w, w.policeAdmin, w.departments.police.id, tableDefinition(), code);
    expect(created).toMatchObject({ code, status: 'draft', level: 'important', publishedVersion: null, pending: { number: 1, status: 'draft' } });
    expect(created.can).toMatchObject({ edit: true, submit: true, publish: false });

    const edited = await w.call(w.policeAdmin, 'PUT', `/api/data-resources/${created.id}/draft`, { version: created.version, definition: tableDefinition({ name: '低保对象信息(修订)' }), note: '改名' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(view(edited)).toMatchObject({ name: '低保对象信息(修订)', version: created.version + 1, pending: { number: 1, status: 'draft' } });

    // A consumer does not see a draft at all.
    expect((await w.call(w.consumer, 'GET', `/api/data-resources/${created.id}`)).statusCode).toBe(404);

    const submitted = await w.call(w.policeAdmin, 'POST', `/api/data-resources/${created.id}/submit`, { version: view(edited).version });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(view(submitted)).toMatchObject({ status: 'review', pending: { number: 1, status: 'review' } });
    expect(view(submitted).can).toMatchObject({ edit: false, submit: false });

    const queue = (await w.call(w.cdo, 'GET', '/api/data-resources?status=review&pageSize=200')).json() as DataResourceList;
    expect(queue.items.map((i) => i.id)).toContain(created.id);

    const published = await w.call(w.cdo, 'POST', `/api/data-resources/${created.id}/publish`, { version: view(submitted).version, note: '符合编目要求' });
    expect(published.statusCode, published.body).toBe(200);
    expect(view(published)).toMatchObject({ status: 'published', publishedVersion: 1, pending: null, published: { name: '低保对象信息(修订)' } });
    expect(await events('data-resource.published', created.id)).toEqual([{ id: created.id, code, version: 1, providerDepartmentId: w.departments.police.id }]);
    expect(await auditActions(created.id)).toEqual(['data-resource.create', 'data-resource.draft', 'data-resource.submit', 'data-resource.publish']);

    const found = (await w.call(w.consumer, 'GET', `/api/data-resources?q=${encodeURIComponent('低保对象')}`)).json() as DataResourceList;
    expect(found.items.map((i) => i.code)).toContain(code);
    const seen = view(await w.call(w.consumer, 'GET', `/api/data-resources/${created.id}`));
    expect(seen).toMatchObject({ published: { name: '低保对象信息(修订)' }, latest: null, history: [], can: { edit: false, publish: false, retire: false } });
    expect(seen.versions.map((v) => [v.number, v.status])).toEqual([[1, 'published']]);
  });

  it('keeps the published version while a new one is drafted, returned and published again', async () => {
    const first = await publishedResource(w, w.policeAdmin, w.departments.police.id, tableDefinition());
    const draft = await w.call(w.policeAdmin, 'PUT', `/api/data-resources/${first.id}/draft`, { version: first.version, definition: tableDefinition({ summary: '第二版摘要' }), note: '补充摘要' });
    expect(view(draft)).toMatchObject({ status: 'published', publishedVersion: 1, pending: { number: 2, status: 'draft' }, published: { summary: '测试用的低保对象信息' } });
    expect((await w.call(w.consumer, 'GET', `/api/data-resources/${first.id}`)).json()).toMatchObject({ summary: '测试用的低保对象信息', pending: null, latest: null });

    const submitted = view(await w.call(w.policeAdmin, 'POST', `/api/data-resources/${first.id}/submit`, { version: view(draft).version }));
    expect(submitted).toMatchObject({ status: 'published', pending: { number: 2, status: 'review' } });
    const withoutReason = await w.call(w.cdo, 'POST', `/api/data-resources/${first.id}/return`, { version: submitted.version, reason: ' ' });
    expect(withoutReason.statusCode).toBe(400);
    const returned = view(await w.call(w.cdo, 'POST', `/api/data-resources/${first.id}/return`, { version: submitted.version, reason: '摘要过于简单' }));
    expect(returned).toMatchObject({ status: 'published', pending: null, latest: { number: 2, status: 'returned', decisionNote: '摘要过于简单' } });

    const third = view(await w.call(w.policeAdmin, 'PUT', `/api/data-resources/${first.id}/draft`, { version: returned.version, definition: tableDefinition({ summary: '第三版:最低生活保障对象的身份、家庭人口与纳入日期' }) }));
    expect(third.pending).toEqual({ number: 3, status: 'draft' });
    const again = view(await w.call(w.policeAdmin, 'POST', `/api/data-resources/${first.id}/submit`, { version: third.version }));
    const republished = view(await w.call(w.cdo, 'POST', `/api/data-resources/${first.id}/publish`, { version: again.version }));
    expect(republished.versions.map((v) => [v.number, v.status])).toEqual([
      [3, 'published'],
      [2, 'returned'],
      [1, 'superseded'],
    ]);
    expect(republished.history.map((h) => h.action)).toEqual(['publish', 'submit', 'newVersion', 'return', 'submit', 'newVersion', 'publish', 'submit', 'create']);
    expect(republished.published?.summary).toMatch(/^第三版/);
    const old = await w.call(w.consumer, 'GET', `/api/data-resources/${first.id}/versions/1`);
    expect(old.json()).toMatchObject({ number: 1, status: 'superseded', definition: { summary: '测试用的低保对象信息' } });
    expect((await w.call(w.consumer, 'GET', `/api/data-resources/${first.id}/versions/2`)).statusCode).toBe(404);
  });

  it('retires a resource with a reason and tells the other domains', async () => {
    const resource = await publishedResource(w, w.marketAdmin, w.departments.market.id, openDefinition());
    const noReason = await w.call(w.cdo, 'POST', `/api/data-resources/${resource.id}/retire`, { version: resource.version, reason: '' });
    expect(noReason.statusCode).toBe(400);
    const retired = await w.call(w.cdo, 'POST', `/api/data-resources/${resource.id}/retire`, { version: resource.version, reason: '该许可已并入新的目录' });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(view(retired)).toMatchObject({ status: 'retired', can: { edit: false, retire: false, loadRecords: false } });
    expect(await events('data-resource.retired', resource.id)).toEqual([{ id: resource.id, code: resource.code, version: 1, providerDepartmentId: w.departments.market.id }]);
    const again = await w.call(w.marketAdmin, 'PUT', `/api/data-resources/${resource.id}/draft`, { version: view(retired).version, definition: openDefinition() });
    expect(again.statusCode).toBe(409);
  });
});

describe('bad input', () => {
  it('answers field errors for definitions that break the catalogue rules, and creates nothing', async () => {
    const before = await tables(t.kernel.db).selectFrom('data_resources').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const fields = tableDefinition().fields;
    const cases: [Record<string, unknown>, [string, string][]][] = [
      [{ legalBasis: '' }, [['definition.legalBasis', 'data.legalBasisRequired']]],
      [{ keyField: 'nope' }, [['definition.keyField', 'data.keyFieldUnknown']]],
      [{ fields: [...fields, { ...fields[2], key: 'town' }] }, [['definition.fields.5.key', 'data.fieldKeyTaken']]],
      [{ fields: fields.map((f, i) => (i === 2 ? { ...f, openType: 'open' } : f)) }, [['definition.fields.2.openType', 'data.fieldOpenLooser']]],
      [{ fields: fields.map((f, i) => (i === 2 ? { ...f, shareType: 'unconditional' } : f)) }, [['definition.fields.2.shareType', 'data.fieldShareLooser']]],
      [{ fields: fields.map((f, i) => (i === 2 ? { ...f, subLevel: 'L9' } : f)) }, [['definition.fields.2.subLevel', 'data.subLevelUnknown']]],
    ];
    for (const [overrides, expected] of cases) {
      const res = await w.call(w.policeAdmin, 'POST', '/api/data-resources', { code: testResourceCode(), providerDepartmentId: w.departments.police.id, definition: tableDefinition(overrides) });
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(fieldsOf(res)).toEqual(expected);
    }
    // Personal data cannot be open, even in an open resource; the message is in Chinese by default.
    const open = openDefinition();
    const personal = await w.call(w.marketAdmin, 'POST', '/api/data-resources', {
      code: testResourceCode(),
      providerDepartmentId: w.departments.market.id,
      definition: { ...open, fields: [...open.fields, { key: 'ownerName', name: '负责人', type: 'string', shareType: 'unconditional', openType: 'open', level: 'general', masking: 'name' }] },
    });
    expect(fieldsOf(personal)).toEqual([['definition.fields.4.openType', 'data.personalOpen']]);
    expect(personal.json().errors[0].message).toBe('需脱敏的个人信息不能无条件开放');
    const malformed = await w.call(w.policeAdmin, 'POST', '/api/data-resources', { code: '中文代码', providerDepartmentId: w.departments.police.id, definition: { name: 'x' } });
    expect(malformed.statusCode).toBe(400);
    expect(fieldsOf(malformed).map(([f]) => f)).toContain('code');
    const after = await tables(t.kernel.db).selectFrom('data_resources').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a taken code with 409', async () => {
    const code = testResourceCode();
    await createResource(w, w.policeAdmin, w.departments.police.id, tableDefinition(), code);
    const again = await w.call(w.policeAdmin, 'POST', '/api/data-resources', { code, providerDepartmentId: w.departments.police.id, definition: tableDefinition() });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual([['code', 'data.codeTaken']]);
  });

  it('lets one of two simultaneous edits through and tells the other it changed', async () => {
    const created = await createResource(w, w.policeAdmin, w.departments.police.id, tableDefinition());
    const edit = (name: string) => w.call(w.policeAdmin, 'PUT', `/api/data-resources/${created.id}/draft`, { version: created.version, definition: tableDefinition({ name }) });
    const results = await Promise.all([edit('甲的修改'), edit('乙的修改')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)?.json().code).toBe('STALE_VERSION');
    const now = view(await w.call(w.policeAdmin, 'GET', `/api/data-resources/${created.id}`));
    expect(now.version).toBe(created.version + 1);
    expect(now.history.filter((h) => h.action === 'edit')).toHaveLength(1);
  });

  it('refuses actions the state does not allow', async () => {
    const created = await createResource(w, w.policeAdmin, w.departments.police.id, tableDefinition());
    const publish = await w.call(w.cdo, 'POST', `/api/data-resources/${created.id}/publish`, { version: created.version });
    expect(publish.statusCode).toBe(409);
    expect(publish.json().detail).toBe('该资源没有待审核的版本,不能审核发布');
  });
});

describe('sub-levels', () => {
  it('are kept by the chief data officer and checked on items', async () => {
    const list = (await w.call(w.policeAdmin, 'GET', '/api/data-sub-levels')).json() as { items: { level: string; code: string }[] };
    expect(list.items.filter((s) => s.level === 'general').map((s) => s.code)).toEqual(['L1', 'L2', 'L3']);
    expect((await w.call(w.policeAdmin, 'PUT', '/api/data-sub-levels', { items: [] })).statusCode).toBe(403);
    const duplicate = await w.call(w.cdo, 'PUT', '/api/data-sub-levels', { items: [{ level: 'general', code: 'L1', name: '甲' }, { level: 'general', code: 'L1', name: '乙' }] });
    expect(fieldsOf(duplicate)).toEqual([['items.1.code', 'data.subLevelDuplicate']]);
    const items = [...list.items, { level: 'general', code: 'L2a', name: '一般数据 2a 级', description: '' }];
    const saved = await w.call(w.cdo, 'PUT', '/api/data-sub-levels', { items });
    expect(saved.statusCode, saved.body).toBe(200);
    const fields = tableDefinition().fields.map((f, i) => (i === 2 ? { ...f, subLevel: 'L2a' } : f));
    await createResource(w, w.policeAdmin, w.departments.police.id, tableDefinition({ fields }));
    await w.call(w.cdo, 'PUT', '/api/data-sub-levels', { items: list.items });
  });
});

describe('search with facets', () => {
  it('counts each dimension over the other filters', async () => {
    await publishedResource(w, w.marketAdmin, w.departments.market.id, openDefinition({ name: '检索测试许可甲', themes: ['检索主题'] }));
    await publishedResource(w, w.marketAdmin, w.departments.market.id, openDefinition({ name: '检索测试许可乙', themes: ['检索主题'], format: 'api' }));
    await publishedResource(w, w.policeAdmin, w.departments.police.id, tableDefinition({ name: '检索测试人口', themes: ['检索主题'] }));
    const all = (await w.call(w.consumer, 'GET', `/api/data-resources?theme=${encodeURIComponent('检索主题')}`)).json() as DataResourceList;
    expect(all.total).toBe(3);
    expect(all.facets.shareTypes).toEqual([{ value: 'unconditional', count: 2 }, { value: 'conditional', count: 1 }]);
    const open = (await w.call(w.consumer, 'GET', `/api/data-resources?theme=${encodeURIComponent('检索主题')}&openType=open`)).json() as DataResourceList;
    expect(open.total).toBe(2);
    // The open-type facet still shows the closed one (it ignores its own filter); the others count the 2 open ones.
    expect(open.facets.openTypes).toEqual([{ value: 'open', count: 2 }, { value: 'closed', count: 1 }]);
    expect(open.facets.formats).toEqual([{ value: 'spreadsheet', count: 1 }, { value: 'api', count: 1 }]);
    expect(open.facets.providers).toEqual([{ value: w.departments.market.id, name: w.departments.market.name, count: 2 }]);
    expect(open.facets.levels).toEqual([{ value: 'general', count: 2 }]);
    const byText = (await w.call(w.consumer, 'GET', `/api/data-resources?q=${encodeURIComponent('检索测试 许可乙')}`)).json() as DataResourceList;
    expect(byText.items.map((i) => i.name)).toEqual(['检索测试许可乙']);
  });
});
