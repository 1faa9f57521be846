import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing';
import { caller, makeOpenWorld, type Call, type OpenWorld } from './test-support';

// The CKAN Action API, checked against what CKAN's documentation says its answers look like and what CKAN clients
// and harvesters read from them (ckanapi, ckanr, ckanext-harvest's CKAN harvester): the envelope, package and
// organization dictionaries, package_search's count / results / facets / search_facets, paging, and CKAN's errors.

let t: TestApp;
let w: OpenWorld;
let w2: OpenWorld;
let call: Call;
beforeAll(async () => {
  t = await createTestApp();
  w = await makeOpenWorld(t);
  w2 = await makeOpenWorld(t, { licenceRows: 3 });
  call = caller(t);
});
afterAll(async () => {
  await t.close();
});

type Envelope<T = unknown> = { help: string; success: boolean; result: T; error?: { __type: string; message?: string } & Record<string, unknown> };
const action = async <T = unknown>(name: string, query = '') => {
  const res = await call(null, 'GET', `/api/3/action/${name}${query}`);
  return { res, body: res.json() as Envelope<T> };
};

type Pkg = Record<string, unknown> & {
  id: string;
  name: string;
  title: string;
  resources: Record<string, unknown>[];
  tags: { name: string }[];
  organization: Record<string, unknown>;
  extras: { key: string; value: string }[];
};
type Search = { count: number; results: Pkg[]; facets: Record<string, Record<string, number>>; search_facets: Record<string, { title: string; items: { name: string; display_name: string; count: number }[] }>; sort: string };

const openCodes = () => [w.open.code, w.restricted.code, w2.open.code, w2.restricted.code].sort();

describe('CKAN Action API', () => {
  it('answers in CKAN’s envelope: package_list lists dataset codes', async () => {
    const { res, body } = await action<string[]>('package_list');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(body.success).toBe(true);
    expect(body.help).toBe('http://localhost:8080/api/3/action/help_show?name=package_list');
    expect(body.result).toEqual(openCodes());
    expect((await action<string[]>('package_list', '?limit=2&offset=1')).body.result).toEqual(openCodes().slice(1, 3));
    // POST with a JSON body works as CKAN clients send it.
    const posted = await call(null, 'POST', '/api/3/action/package_list', { limit: 1 });
    expect((posted.json() as Envelope<string[]>).result).toEqual(openCodes().slice(0, 1));
  });

  it('package_show gives CKAN’s dataset dictionary by id or name (code)', async () => {
    const byName = (await action<Pkg>('package_show', `?id=${w.open.code}`)).body;
    const byId = (await action<Pkg>('package_show', `?id=${w.open.id}`)).body;
    const lower = (await action<Pkg>('package_show', `?id=${w.open.code.toLowerCase()}`)).body;
    expect(byName.success).toBe(true);
    expect(byId.result).toEqual(byName.result);
    expect(lower.result.id).toBe(w.open.id);
    const p = byName.result;
    expect(p).toMatchObject({ id: w.open.id, name: w.open.code, title: w.open.name, notes: '全市食品经营许可证的发放情况', type: 'dataset', state: 'active', private: false, isopen: true, num_resources: 3, license_id: 'other-open' });
    expect(p.metadata_created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
    expect(p.metadata_modified).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/);
    expect(p.organization).toMatchObject({ id: w.provider.id, title: w.provider.name, type: 'organization', is_organization: true, state: 'active' });
    expect(String(p.organization.name)).toMatch(/^[a-z0-9_-]{2,100}$/);
    expect(p.owner_org).toBe(w.provider.id);
    expect(p.tags.map((tg) => tg.name).sort()).toEqual(['市场监管', '许可', '食品', '食品安全'].sort());
    expect(p.num_tags).toBe(4);
    expect(p.resources.map((r) => [r.format, r.mimetype])).toEqual([
      ['CSV', 'text/csv'],
      ['JSON', 'application/json'],
      ['XLSX', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    for (const r of p.resources) {
      expect(r).toMatchObject({ package_id: w.open.id, state: 'active' });
      expect(String(r.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(String(r.name)).toContain(w.open.name);
    }
    // The resources' URLs are the real downloads.
    const csvUrl = new URL(String(p.resources[0]?.url));
    const file = await call(null, 'GET', csvUrl.pathname);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(Object.fromEntries(p.extras.map((e) => [e.key, e.value]))).toMatchObject({ share_type: 'unconditional', open_type: 'open', update_cycle: 'daily' });
    const restricted = (await action<Pkg>('package_show', `?id=${w.restricted.code}`)).body.result;
    expect(restricted).toMatchObject({ isopen: false, license_id: 'other-closed' });
  });

  it('answers errors as CKAN does', async () => {
    const missing = await action('package_show', '?id=no-such-dataset');
    expect(missing.res.statusCode).toBe(404);
    expect(missing.body).toMatchObject({ success: false, error: { __type: 'Not Found Error', message: 'Not found' } });
    expect(missing.body.help).toContain('help_show?name=package_show');
    expect((await action('package_show', `?id=${w.closed.code}`)).res.statusCode).toBe(404);

    const noId = await action('package_show');
    expect(noId.res.statusCode).toBe(409);
    expect(noId.body).toMatchObject({ success: false, error: { __type: 'Validation Error', id: ['Missing value'] } });

    const badRows = await action('package_search', '?rows=abc');
    expect(badRows.res.statusCode).toBe(409);
    expect(badRows.body.error).toMatchObject({ __type: 'Validation Error', rows: ['Invalid integer'] });
    expect((await action('package_search', '?start=-1')).body.error).toMatchObject({ __type: 'Validation Error', start: ['Must be a natural number'] });
    expect((await action('package_search', `?facet.field=${encodeURIComponent('[organization')}`)).res.statusCode).toBe(409);

    const badQuery = await action('package_search', `?q=${encodeURIComponent('title:(unclosed')}`);
    expect(badQuery.res.statusCode).toBe(400);
    expect(badQuery.body).toMatchObject({ success: false, error: { __type: 'Search Query Error' } });
    expect((await action('package_search', '?sort=nonsense%20desc')).body.error?.__type).toBe('Search Query Error');
    expect((await action('package_search', '?fq=no_such_field:1')).body.error?.__type).toBe('Search Query Error');

    const unknown = await call(null, 'GET', '/api/3/action/package_create');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toBe('Bad request - Action name not known: package_create');
    const badJson = await t.app.inject({ method: 'POST', url: '/api/3/action/package_search', headers: { 'content-type': 'application/json' }, payload: '{not json' });
    expect(badJson.statusCode).toBe(400);
    expect(String(badJson.json())).toMatch(/^Bad request - JSON Error/);
    const notDict = await t.app.inject({ method: 'POST', url: '/api/3/action/package_search', headers: { 'content-type': 'application/json' }, payload: '[1,2]' });
    expect(notDict.statusCode).toBe(400);
  });

  it('package_search: count, results, paging by rows/start, and CKAN’s default rows', async () => {
    const all = (await action<Search>('package_search')).body.result;
    expect(all.count).toBe(4);
    expect(all.results).toHaveLength(4);
    expect(all.sort).toBe('score desc, metadata_modified desc');
    expect(all.facets).toEqual({});
    expect(all.search_facets).toEqual({});
    const ids = [];
    for (let start = 0; start < 4; start += 3) {
      const page = (await action<Search>('package_search', `?rows=3&start=${start}&sort=${encodeURIComponent('id asc')}`)).body.result;
      expect(page.count).toBe(4);
      ids.push(...page.results.map((r) => r.id));
    }
    expect(ids).toEqual([w.open.id, w.restricted.id, w2.open.id, w2.restricted.id].sort());
    expect((await action<Search>('package_search', '?rows=0')).body.result).toMatchObject({ count: 4, results: [] });
    // rows above CKAN's maximum (1000) are cut to it, as CKAN does, not refused.
    expect((await action<Search>('package_search', '?rows=5000')).body.success).toBe(true);
    const byName = (await action<Search>('package_search', '?sort=name%20desc')).body.result;
    expect(byName.results.map((r) => r.name)).toEqual(openCodes().reverse());
  });

  it('package_search: q and fq with organization:, tags:, res_format:, ranges, OR and negation', async () => {
    const org = String((await action<Pkg>('package_show', `?id=${w.open.code}`)).body.result.organization.name);
    const org2 = String((await action<Pkg>('package_show', `?id=${w2.open.code}`)).body.result.organization.name);
    const names = async (query: string) => ((await action<Search>('package_search', query)).body.result.results.map((r) => r.name)).sort();

    expect(await names(`?fq=${encodeURIComponent(`organization:${org}`)}`)).toEqual([w.open.code, w.restricted.code].sort());
    expect(await names(`?fq=${encodeURIComponent(`tags:食品安全 organization:${org}`)}`)).toEqual([w.open.code]);
    expect(await names(`?fq=${encodeURIComponent(`+tags:"食品安全" +organization:${org2}`)}`)).toEqual([w2.open.code]);
    expect(await names(`?fq=${encodeURIComponent('res_format:CSV')}`)).toHaveLength(4);
    expect(await names(`?fq=${encodeURIComponent('res_format:PDF')}`)).toEqual([]);
    expect(await names(`?fq=${encodeURIComponent(`(organization:${org} OR organization:${org2})`)}`)).toHaveLength(4);
    expect(await names(`?fq=${encodeURIComponent(`-organization:${org}`)}`)).toEqual([w2.open.code, w2.restricted.code].sort());
    expect(await names(`?fq=${encodeURIComponent('metadata_modified:[2020-01-01T00:00:00Z TO *]')}`)).toHaveLength(4);
    expect(await names(`?fq=${encodeURIComponent('metadata_modified:[NOW+1DAY TO *]')}`)).toEqual([]);
    expect(await names(`?fq=${encodeURIComponent('open_type:restricted')}`)).toEqual([w.restricted.code, w2.restricted.code].sort());
    expect(await names(`?q=${encodeURIComponent('食品经营')}`)).toEqual([w.open.code, w2.open.code].sort());
    expect(await names(`?q=${encodeURIComponent(`name:${w.open.code}`)}`)).toEqual([w.open.code]);
    expect(await names(`?q=${encodeURIComponent('*:*')}&fq_list=${encodeURIComponent(JSON.stringify(['tags:法人']))}`)).toEqual([w.restricted.code, w2.restricted.code].sort());
  });

  it('package_search: facet.field gives facets and search_facets in CKAN’s shape', async () => {
    const org = String((await action<Pkg>('package_show', `?id=${w.open.code}`)).body.result.organization.name);
    const query = `?rows=1&facet.field=${encodeURIComponent('["organization","tags","res_format","license_id"]')}&facet.limit=3`;
    const result = (await action<Search>('package_search', query)).body.result;
    expect(result.count).toBe(4);
    expect(result.results).toHaveLength(1);
    expect(Object.keys(result.search_facets).sort()).toEqual(['license_id', 'organization', 'res_format', 'tags']);
    const orgItems = result.search_facets.organization?.items ?? [];
    expect(result.search_facets.organization?.title).toBe('organization');
    expect(orgItems.find((i) => i.name === org)).toEqual({ name: org, display_name: w.provider.name, count: 2, type: 'organization' });
    expect(result.facets.organization?.[org]).toBe(2);
    expect(result.search_facets.res_format?.items.map((i) => [i.name, i.count]).sort()).toEqual([['CSV', 4], ['JSON', 4], ['XLSX', 4]]);
    expect(result.search_facets.tags?.items).toHaveLength(3);
    for (const items of Object.values(result.search_facets)) {
      for (const item of items.items) expect(Object.keys(item)).toEqual(expect.arrayContaining(['name', 'display_name', 'count']));
      // CKAN lists facet items by display name, descending.
      const names = items.items.map((i) => i.display_name);
      expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a, 'zh-CN')));
    }
    // Facets count the filtered result.
    const filtered = (await action<Search>('package_search', `?fq=${encodeURIComponent('open_type:restricted')}&facet.field=${encodeURIComponent('["res_format"]')}`)).body.result;
    expect(filtered.search_facets.res_format?.items.find((i) => i.name === 'CSV')?.count).toBe(2);
    // POST with a real JSON list, as ckanapi sends it.
    const posted = await call(null, 'POST', '/api/3/action/package_search', { 'facet.field': ['organization'], rows: 0 });
    expect((posted.json() as Envelope<Search>).result.search_facets.organization?.items).toHaveLength(2);
  });

  it('organization_list, organization_show, tag_list, status_show and help_show', async () => {
    const names = (await action<string[]>('organization_list')).body.result;
    expect(names).toHaveLength(2);
    const full = (await action<Record<string, unknown>[]>('organization_list', '?all_fields=true')).body.result;
    expect(full.map((o) => o.name).sort()).toEqual([...names].sort());
    expect(full[0]).toMatchObject({ type: 'organization', is_organization: true, state: 'active', package_count: 2 });
    const org = (await action<Record<string, unknown>>('organization_show', `?id=${names[0]}&include_datasets=true`)).body.result;
    expect(org).toMatchObject({ name: names[0], package_count: 2 });
    expect((org.packages as unknown[]).length).toBe(2);
    expect((await action('organization_show', '?id=nobody')).res.statusCode).toBe(404);
    expect((await action('organization_list', '?sort=robot')).res.statusCode).toBe(409);

    const tags = (await action<string[]>('tag_list')).body.result;
    expect(tags).toEqual(expect.arrayContaining(['食品', '法人', '市场监管']));
    expect((await action<string[]>('tag_list', `?query=${encodeURIComponent('食品')}`)).body.result.every((tg) => tg.includes('食品'))).toBe(true);

    expect((await action<Record<string, unknown>>('status_show')).body.result).toMatchObject({ ckan_version: expect.any(String), site_url: 'http://localhost:8080' });
    expect((await action<string>('help_show', '?name=package_search')).body.result).toContain(':param rows:');
    expect((await call(null, 'GET', '/api/3')).json()).toEqual({ version: 3 });
  });
});
