import pg from 'pg';
import type { ExchangeClientSecretView, ExchangeGrantView, ShareRequestSummary, ShareRequestView, ShareableResourceView } from '@zhengtong/contracts';
import { callApi, signIn } from './api';
import type { Request, Scenario } from './types';

// 共享交换: another system queries a resource by key with 人社局's client credentials — POST /api/exchange/query:
// credentials (keyed SM3), grant and fields, rate limit and quota, the records read and their personal fields
// decrypted (SM4) and masked, one call-log row. The baseline (bench/baseline-exchange.ts) does the same lookup with
// Fastify and pg alone. The resource: 法人基础信息 (539900-SJ-0001, by 统一社会信用代码; 法定代表人姓名 is sealed and
// leaves masked) when the registries have filled it, else 食品经营许可信息 (539900-SJ-0002, by licence number, no
// personal field). The preparation goes through the real API: the platform lifts the grant's limits so they do not
// throttle the run (or first approves 人社局's request for it: the demo leaves one waiting for SJ-0002, else one is
// filed), and 人社局 makes a set of credentials.

const RESOURCES = ['539900-SJ-0001', '539900-SJ-0002'] as const;
const PURPOSE = '参保单位登记核验';

async function grantFor(url: string, password: string, resource: string): Promise<void> {
  const consumer = await signIn(`${url}/api/auth/login`, 'dataconsumer', password);
  const platform = await signIn(`${url}/api/auth/login`, 'dataadmin', password);
  const limits = { rateLimitPerSecond: 10_000, dailyQuota: 100_000_000 };
  const grants = await callApi<{ items: ExchangeGrantView[] }>(`${url}/api/exchange-grants?view=mine&status=active&pageSize=200`, consumer, 'GET');
  const grant = grants.items.find((g) => g.resourceCode === resource);
  if (grant) {
    const all = await callApi<ExchangeGrantView>(`${url}/api/exchange-grants/${grant.id}`, platform, 'GET');
    await callApi(`${url}/api/exchange-grants/${grant.id}/limits`, platform, 'PUT', { version: all.version, ...limits });
    return;
  }
  const open = await callApi<{ items: ShareRequestSummary[] }>(`${url}/api/share-requests?view=mine&status=platformReview&q=${resource}`, consumer, 'GET');
  let request = open.items[0] ? await callApi<ShareRequestView>(`${url}/api/share-requests/${open.items[0].id}`, consumer, 'GET') : undefined;
  if (!request) {
    const found = await callApi<{ items: ShareableResourceView[] }>(`${url}/api/share-requests/resources?q=${resource}`, consumer, 'GET');
    const fields = (found.items[0]?.fields ?? []).filter((f) => f.isRequestable && f.shareType === 'unconditional').map((f) => f.key);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const validTo = new Date(Date.now() + 8 * 3_600_000 + 300 * 86_400_000).toISOString().slice(0, 10);
    request = await callApi<ShareRequestView>(`${url}/api/share-requests`, consumer, 'POST', { resource, fields, purpose: PURPOSE, validFrom: today, validTo, expectedDailyVolume: 100_000 });
  }
  const approved = await callApi<ShareRequestView>(`${url}/api/share-requests/${request.id}/review`, platform, 'POST', { decision: 'approve', version: request.version, ...limits });
  if (approved.status !== 'approved') throw new Error(`exchange query: the request for ${resource} is ${approved.status}, not approved`);
}

/** The first resource holding records, and its keys (both resources have non-personal keys, stored as they are). */
async function resourceWithKeys(databaseUrl: string): Promise<{ resource: string; keys: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const resource of RESOURCES) {
      const { rows } = await client.query<{ record_key: string }>('select record_key from data_records where resource_id = (select id from data_resources where code = $1) limit 5000', [resource]);
      if (rows.length > 0) return { resource, keys: rows.map((r) => r.record_key) };
    }
    throw new Error(`exchange query: none of ${RESOURCES.join(', ')} holds records`);
  } finally {
    await client.end();
  }
}

/** Each request: one random key (a lookup by key, as a counter system makes them). */
function queries(path: string, authorization: string, resource: string, keys: readonly string[]): Request {
  const body = () => JSON.stringify({ resource, keys: [keys[Math.floor(Math.random() * keys.length)] ?? ''], purpose: PURPOSE });
  const headers = { 'content-type': 'application/json', authorization };
  return { path, method: 'POST', headers, body: body(), requests: [{ method: 'POST', path, headers, setupRequest: (req) => ({ ...req, body: body() }) }] };
}

export const exchangeQuery: Scenario = {
  name: 'exchange query',
  description: 'POST /api/exchange/query (client credentials, grant, masking, call log) by one random key',
  connections: 20,
  async prepare({ zhengtong, password, databaseUrl }) {
    const { resource, keys } = await resourceWithKeys(databaseUrl);
    await grantFor(zhengtong.url, password, resource);
    process.stdout.write(`exchange query: ${resource}, ${keys.length} records\n`);
    const consumer = await signIn(`${zhengtong.url}/api/auth/login`, 'dataconsumer', password);
    const { client, secret } = await callApi<ExchangeClientSecretView>(`${zhengtong.url}/api/exchange-clients`, consumer, 'POST', { name: '压力测试' });
    const authorization = `Basic ${Buffer.from(`${client.clientId}:${secret}`).toString('base64')}`;
    return { zhengtong: queries('/api/exchange/query', authorization, resource, keys), baseline: queries('/exchange/query', authorization, resource, keys) };
  },
};
