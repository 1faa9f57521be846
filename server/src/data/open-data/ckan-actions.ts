import type { Locale } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { loadOpenDatasets, type OpenDataset } from './datasets';
import { CkanQueryError, matches, parseQuery, parseSort, score, type QueryNode, type SearchDoc, type SortKey } from './ckan-query';
import { organizationsOf, packageDict, searchDoc, stableId, tagsOf, type CkanContext, type CkanOrganization } from './ckan-packages';

// CKAN Action API v3 (read-only part), as CKAN's own actions answer: package_list, package_show, package_search,
// organization_list, organization_show, tag_list, status_show, help_show. Parameters come as CKAN takes them (query
// string or JSON body, numbers as strings, lists as JSON text); failures are CkanErrors, which the routes turn into
// CKAN's error envelope and status code.

export type CkanParams = Record<string, unknown>;

export class CkanError extends Error {
  constructor(
    readonly status: number,
    readonly type: 'Not Found Error' | 'Validation Error' | 'Search Query Error' | 'Authorization Error',
    readonly detail: Record<string, unknown>,
  ) {
    super(type);
    this.name = 'CkanError';
  }
}

const notFound = (what?: string) => new CkanError(404, 'Not Found Error', { message: what ? `Not found: ${what}` : 'Not found' });
const validation = (field: string, message: string) => new CkanError(409, 'Validation Error', { [field]: [message] });

/** CKAN's ckan.search.rows_max default, and its default page size. */
export const ROWS_MAX = 1000;
const ROWS_DEFAULT = 10;

function single(value: unknown): unknown {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

function text(params: CkanParams, key: string): string | undefined {
  const v = single(params[key]);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw validation(key, 'Must be a string');
}

/** CKAN's natural_number_validator: absent → the default; not an integer → "Invalid integer"; negative → refused. */
export function naturalNumber(params: CkanParams, key: string, fallback: number): number {
  const raw = text(params, key);
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^[+-]?\d+$/.test(raw.trim())) throw validation(key, 'Invalid integer');
  const n = Number(raw.trim());
  if (n < 0) throw validation(key, 'Must be a natural number');
  return n;
}

function integer(params: CkanParams, key: string, fallback: number): number {
  const raw = text(params, key);
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^[+-]?\d+$/.test(raw.trim())) throw validation(key, 'Invalid integer');
  return Number(raw.trim());
}

/** CKAN's asbool. */
export function bool(params: CkanParams, key: string, fallback: boolean): boolean {
  const raw = text(params, key);
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['true', 'yes', 'on', 'y', 't', '1'].includes(v)) return true;
  if (['false', 'no', 'off', 'n', 'f', '0'].includes(v)) return false;
  throw validation(key, `Invalid boolean: ${raw}`);
}

/** A list given as a JSON array (as text or already parsed), or a single string. */
function stringList(params: CkanParams, key: string): string[] | undefined {
  const raw = params[key];
  if (raw === undefined || raw === null || raw === '') return undefined;
  let value: unknown = raw;
  if (typeof raw === 'string') {
    const trimmed = raw.trim();
    if (trimmed.startsWith('[')) {
      try {
        value = JSON.parse(trimmed);
      } catch {
        throw validation(key, 'Could not parse as valid JSON');
      }
    } else value = [trimmed];
  }
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) throw validation(key, 'Not a list of strings');
  return value;
}

type Loaded = { datasets: OpenDataset[]; ctx: CkanContext };

async function load(kernel: Kernel, locale: Locale): Promise<Loaded> {
  const datasets = await loadOpenDatasets(kernel.db);
  const organizations = await organizationsOf(kernel.db, datasets);
  return { datasets, ctx: { base: kernel.config.publicUrl, locale, organizations } };
}

function byName(datasets: readonly OpenDataset[]): OpenDataset[] {
  return [...datasets].sort((a, b) => (a.resource.code < b.resource.code ? -1 : a.resource.code > b.resource.code ? 1 : 0));
}

function findDataset(datasets: readonly OpenDataset[], idOrName: string): OpenDataset | undefined {
  const wanted = idOrName.trim().toLowerCase();
  return datasets.find((d) => d.resource.id === wanted || d.resource.code.toLowerCase() === wanted);
}

function findOrganization(orgs: Map<string, CkanOrganization>, idOrName: string): CkanOrganization | undefined {
  const wanted = idOrName.trim().toLowerCase();
  return [...orgs.values()].find((o) => o.id === wanted || o.name === wanted);
}

// ---------------------------------------------------------------- package_list / package_show

async function packageList(kernel: Kernel, params: CkanParams, locale: Locale): Promise<string[]> {
  const limit = params.limit === undefined ? undefined : naturalNumber(params, 'limit', 0);
  const offset = naturalNumber(params, 'offset', 0);
  const { datasets } = await load(kernel, locale);
  const names = byName(datasets).map((d) => d.resource.code);
  return names.slice(offset, limit === undefined ? undefined : offset + limit);
}

async function packageShow(kernel: Kernel, params: CkanParams, locale: Locale): Promise<Record<string, unknown>> {
  const id = text(params, 'id') ?? text(params, 'name_or_id');
  if (!id || id.trim() === '') throw validation('id', 'Missing value');
  const { datasets, ctx } = await load(kernel, locale);
  const found = findDataset(datasets, id);
  if (!found) throw notFound();
  return packageDict(found, ctx);
}

// ---------------------------------------------------------------- package_search

const SORTABLE = new Set(['score', 'name', 'title', 'title_string', 'metadata_modified', 'metadata_created', 'id', 'num_resources', 'num_tags']);
const DEFAULT_SORT = 'score desc, metadata_modified desc';

function sortValue(d: OpenDataset, doc: SearchDoc, node: QueryNode, field: string): string | number {
  switch (field) {
    case 'score':
      return score(doc, node);
    case 'name':
      return d.resource.code.toLowerCase();
    case 'title':
    case 'title_string':
      return d.resource.name;
    case 'metadata_modified':
      return doc.dates.metadata_modified?.getTime() ?? 0;
    case 'metadata_created':
      return doc.dates.metadata_created?.getTime() ?? 0;
    case 'id':
      return d.resource.id;
    case 'num_tags':
      return tagsOf(d).length;
    default:
      return 0;
  }
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

type FacetItem = { name: string; display_name: string; count: number; type?: string };

function facetValues(doc: SearchDoc, field: string): readonly string[] {
  return doc.exact[field] ?? [];
}

async function packageSearch(kernel: Kernel, params: CkanParams, locale: Locale): Promise<Record<string, unknown>> {
  const rows = Math.min(naturalNumber(params, 'rows', ROWS_DEFAULT), ROWS_MAX);
  const start = naturalNumber(params, 'start', 0);
  const q = text(params, 'q') ?? '';
  const fqList = [text(params, 'fq') ?? '', ...(stringList(params, 'fq_list') ?? [])].filter((f) => f.trim() !== '');
  const sortText = text(params, 'sort')?.trim() || DEFAULT_SORT;
  const facetFields = bool(params, 'facet', true) ? (stringList(params, 'facet.field') ?? []) : [];
  const facetLimit = integer(params, 'facet.limit', 50);
  const facetMinCount = integer(params, 'facet.mincount', 1);
  if ([q, ...fqList].some((s) => s.length > 4000)) throw new CkanQueryError('Query too long');

  const sortKeys: SortKey[] = sortText === 'rank' ? parseSort(DEFAULT_SORT) : parseSort(sortText);
  const unknown = sortKeys.find((k) => !SORTABLE.has(k.field));
  if (unknown) throw new CkanQueryError(`Can not sort on field ${unknown.field}`);
  const qNode = q.trim() === '' ? parseQuery('*:*') : parseQuery(q);
  const fqNodes = fqList.map(parseQuery);

  const { datasets, ctx } = await load(kernel, locale);
  const now = new Date();
  const hits = datasets
    .map((d) => ({ d, doc: searchDoc(d, ctx) }))
    .filter(({ doc }) => matches(doc, qNode, now) && fqNodes.every((n) => matches(doc, n, now)));
  hits.sort((a, b) => {
    for (const key of sortKeys) {
      const c = compare(sortValue(a.d, a.doc, qNode, key.field), sortValue(b.d, b.doc, qNode, key.field));
      if (c !== 0) return key.isDescending ? -c : c;
    }
    return compare(a.d.resource.code, b.d.resource.code);
  });

  const facets: Record<string, Record<string, number>> = {};
  const searchFacets: Record<string, { title: string; items: FacetItem[] }> = {};
  for (const field of facetFields) {
    const counts = new Map<string, number>();
    for (const { doc } of hits) for (const v of new Set(facetValues(doc, field))) counts.set(v, (counts.get(v) ?? 0) + 1);
    // Solr: the most frequent values first, cut at facet.limit; CKAN then lists them by display name, descending.
    let top = [...counts].filter(([, c]) => c >= facetMinCount).sort((a, b) => b[1] - a[1] || compare(a[0], b[0]));
    if (facetLimit >= 0) top = top.slice(0, facetLimit);
    facets[field] = Object.fromEntries(top);
    const items = top.map(([name, count]): FacetItem => {
      if (field === 'organization') {
        const org = [...ctx.organizations.values()].find((o) => o.name === name);
        return { name, display_name: org?.title ?? name, count, type: 'organization' };
      }
      return { name, display_name: name, count };
    });
    items.sort((a, b) => compare(b.display_name, a.display_name));
    searchFacets[field] = { title: field, items };
  }

  return {
    count: hits.length,
    facets,
    results: hits.slice(start, start + rows).map(({ d }) => packageDict(d, ctx)),
    sort: sortText,
    search_facets: searchFacets,
  };
}

// ---------------------------------------------------------------- organizations and tags

function sortOrganizations(orgs: CkanOrganization[], sort: string): CkanOrganization[] {
  const [field = 'title', dir = 'asc'] = sort.trim().split(/\s+/);
  if (!['name', 'title', 'package_count'].includes(field) || !['asc', 'desc'].includes(dir.toLowerCase())) throw validation('sort', 'Invalid sort');
  const sign = dir.toLowerCase() === 'desc' ? -1 : 1;
  return orgs.sort((a, b) => sign * (field === 'package_count' ? a.package_count - b.package_count : compare(field === 'name' ? a.name : a.title, field === 'name' ? b.name : b.title)));
}

async function organizationList(kernel: Kernel, params: CkanParams, locale: Locale): Promise<unknown[]> {
  const allFields = bool(params, 'all_fields', false);
  const limit = params.limit === undefined ? undefined : naturalNumber(params, 'limit', 0);
  const offset = naturalNumber(params, 'offset', 0);
  const only = stringList(params, 'organizations');
  const { ctx } = await load(kernel, locale);
  let orgs = sortOrganizations([...ctx.organizations.values()], text(params, 'sort') ?? 'title asc');
  if (only) orgs = orgs.filter((o) => only.includes(o.name) || only.includes(o.id));
  const page = orgs.slice(offset, limit === undefined ? undefined : offset + limit);
  return allFields ? page : page.map((o) => o.name);
}

async function organizationShow(kernel: Kernel, params: CkanParams, locale: Locale): Promise<Record<string, unknown>> {
  const id = text(params, 'id');
  if (!id || id.trim() === '') throw validation('id', 'Missing value');
  const { datasets, ctx } = await load(kernel, locale);
  const org = findOrganization(ctx.organizations, id);
  if (!org) throw notFound('Organization was not found.');
  const includeDatasets = bool(params, 'include_datasets', false);
  const own = byName(datasets.filter((d) => d.resource.providerDepartmentId === org.id));
  return { ...org, packages: includeDatasets ? own.map((d) => packageDict(d, ctx)) : undefined, users: [], extras: [], tags: [], groups: [] };
}

async function tagList(kernel: Kernel, params: CkanParams, locale: Locale): Promise<unknown[]> {
  const query = (text(params, 'query') ?? '').trim().toLowerCase();
  const allFields = bool(params, 'all_fields', false);
  const { datasets } = await load(kernel, locale);
  const names = [...new Set(datasets.flatMap(tagsOf))].filter((n) => query === '' || n.toLowerCase().includes(query)).sort((a, b) => compare(a, b));
  return allFields ? names.map((name) => ({ id: stableId('tag', name), name, display_name: name, vocabulary_id: null })) : names;
}

// ---------------------------------------------------------------- status and help

function statusShow(kernel: Kernel): Record<string, unknown> {
  return {
    site_title: '政通 Zhengtong 公共数据开放平台',
    site_description: '云溪市公共数据开放:数据集检索、下载与开放接口(CKAN Action API 兼容)',
    site_url: kernel.config.publicUrl,
    // The level of the Action API this implements (read-only actions), for clients that check it.
    ckan_version: '2.10.0',
    error_emails_to: null,
    locale_default: 'zh_Hans_CN',
    extensions: [],
  };
}

export const CKAN_ACTION_HELP: Readonly<Record<string, string>> = {
  package_list: 'Return a list of the names of the site\'s datasets (packages).\n\n:param limit: if given, the list of datasets will be broken into pages of at most ``limit`` datasets per page\n:param offset: when ``limit`` is given, the offset to start returning packages from\n:rtype: list of strings',
  package_show: 'Return the metadata of a dataset (package) and its resources.\n\n:param id: the id or name (dataset code) of the dataset\n:rtype: dictionary',
  package_search: 'Searches for packages satisfying a given search criteria.\n\n:param q: the solr query (default "*:*")\n:param fq: filter query, e.g. organization:<name> tags:<tag> res_format:CSV\n:param fq_list: additional filter queries\n:param sort: e.g. "score desc, metadata_modified desc" (default)\n:param rows: default 10, upper limit 1000\n:param start: offset in the complete result\n:param facet.field: JSON list of fields to facet upon (organization, tags, res_format, license_id, open_type, update_cycle)\n:param facet.limit: default 50, negative for unlimited\n:param facet.mincount: default 1\n:rtype: dictionary with count, results, facets, search_facets, sort',
  organization_list: 'Return a list of the names of the site\'s organizations (providing departments).\n\n:param all_fields: return dictionaries instead of names\n:param sort: name, title or package_count, asc or desc (default "title asc")\n:param limit, offset: paging\n:param organizations: a list of names to return\n:rtype: list of strings or dictionaries',
  organization_show: 'Return the details of an organization.\n\n:param id: the id or name of the organization\n:param include_datasets: include its datasets (default False)\n:rtype: dictionary',
  tag_list: 'Return a list of the site\'s tags (keywords and themes of datasets).\n\n:param query: a tag name query to search for\n:param all_fields: return dictionaries instead of names\n:rtype: list of strings or dictionaries',
  status_show: 'Return a dictionary with information about the site\'s configuration.\n\n:rtype: dictionary',
  help_show: 'Return the help string for a particular API action.\n\n:param name: action function name (e.g. package_search)\n:rtype: string',
};

function helpShow(params: CkanParams): string {
  const name = text(params, 'name');
  if (!name) throw validation('name', 'Missing value');
  const help = CKAN_ACTION_HELP[name];
  if (!help) throw notFound(`Action function not found: ${name}`);
  return help;
}

export const CKAN_ACTIONS = ['package_list', 'package_show', 'package_search', 'organization_list', 'organization_show', 'tag_list', 'status_show', 'help_show'] as const;
export type CkanAction = (typeof CKAN_ACTIONS)[number];

export function isCkanAction(name: string): name is CkanAction {
  return (CKAN_ACTIONS as readonly string[]).includes(name);
}

export async function runCkanAction(kernel: Kernel, action: CkanAction, params: CkanParams, locale: Locale): Promise<unknown> {
  switch (action) {
    case 'package_list':
      return packageList(kernel, params, locale);
    case 'package_show':
      return packageShow(kernel, params, locale);
    case 'package_search':
      return packageSearch(kernel, params, locale);
    case 'organization_list':
      return organizationList(kernel, params, locale);
    case 'organization_show':
      return organizationShow(kernel, params, locale);
    case 'tag_list':
      return tagList(kernel, params, locale);
    case 'status_show':
      return statusShow(kernel);
    case 'help_show':
      return helpShow(params);
  }
}
