import type { DataField, ErrorCode, ExchangeCallResult, ExchangeQueryInput, ExchangeQueryResult, PublishedDataResource } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { toLocalDate } from '../../kernel/calendar';
import { AppError } from '../../kernel/errors';
import { findPublishedResource, normaliseKey, readRecordsByKey, recordKey } from '../catalogue';
import { logCall, type CallRecord } from './call-log';
import { authenticateClient, presentedCredentials } from './credentials';
import { grantStatusOf } from './grants';
import type { QuotaLedger, RateLimiter } from './limits';
import { grantedValues, isMaskedField } from './masking';
import type { ExchangeRow } from './tables';

// POST /api/exchange/query: another system reads records by key under its department's grant — authentication,
// scope (grant, period, fields), limits, masking — and every call, refused or not, leaves one row in the call log
// before the answer goes out. Nothing here takes a lock: the log is chained later (seal.ts), the quota is leased in
// blocks (limits.ts).

export type ExchangeRuntime = { rate: RateLimiter; quota: QuotaLedger };

export type IncomingCall = {
  headers: Record<string, string | string[] | undefined>;
  /** The body when it passed the schema; otherwise the schema's error, answered as 400 after authentication. */
  body: ExchangeQueryInput | undefined;
  validationError: Error | undefined;
  /** The body as sent, for the log when it did not pass the schema. */
  rawBody: unknown;
  ip: string | null;
  requestId: string | null;
  /** performance.now() when the request arrived. */
  startedAt: number;
};

type GrantRow = ExchangeRow<'exchange_grants'>;

/** A refusal: logged with what is known, then answered as problem+json (the error as it is, with its status). */
class Refusal extends Error {
  constructor(
    readonly result: ExchangeCallResult,
    readonly error: Error,
    readonly status: number,
  ) {
    super(result);
  }
}

const refuse = (result: ExchangeCallResult, code: ErrorCode, detail: string, params: Record<string, string | number> = {}) => {
  const error = new AppError(code, { detail, params });
  return new Refusal(result, error, error.status);
};

/** What an invalid body still tells the log (the resource and purpose asked, how many keys), as far as it can. */
function loggable(raw: unknown): { resource: string | null; purpose: string | null; keyCount: number } {
  const body = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const asText = (v: unknown) => (typeof v === 'string' ? v : null);
  return { resource: asText(body.resource), purpose: asText(body.purpose), keyCount: Array.isArray(body.keys) ? body.keys.length : 0 };
}

/** The grant a call is judged by: the one valid today if any, else the latest (to say why it does not work). */
function grantToJudge(rows: readonly GrantRow[], today: string): GrantRow | undefined {
  return rows.find((g) => grantStatusOf(g, today) === 'active') ?? rows.find((g) => g.status === 'active') ?? rows[0];
}

function fieldsOut(resource: PublishedDataResource, grant: GrantRow, asked: readonly string[] | undefined): { field: DataField; isMasked: boolean }[] {
  const granted = new Map(grant.fields.map((g) => [g.key, g]));
  const keys = asked ?? grant.fields.map((g) => g.key);
  const missing = keys.filter((k) => !granted.has(k));
  if (missing.length > 0) throw refuse('fieldNotGranted', 'FORBIDDEN', 'exchange.fieldNotGranted', { fields: missing.join(', ') });
  const out: { field: DataField; isMasked: boolean }[] = [];
  for (const key of keys) {
    const field = resource.fields.find((f) => f.key === key);
    const grantField = granted.get(key);
    // A field the provider has since dropped from the resource, or no longer shares, is simply not returned.
    if (!field || !grantField || field.shareType === 'none') continue;
    out.push({ field, isMasked: isMaskedField(field.masking, grantField) });
  }
  return out;
}

/** The keyed SM3 blind index of each 身份证号 whose record was returned, so the citizen's data tracker finds the call. */
function subjectIndexes(kernel: Kernel, resource: PublishedDataResource, keyField: DataField, found: Iterable<string>): string[] {
  if (keyField.masking !== 'idNumber') return [];
  return [...new Set([...found].map((v) => recordKey(kernel.keys, resource, v)))];
}

export async function exchangeQuery(kernel: Kernel, runtime: ExchangeRuntime, call: IncomingCall): Promise<ExchangeQueryResult> {
  const presented = presentedCredentials(call.headers);
  const asked = call.body ? { resource: call.body.resource, purpose: call.body.purpose, keyCount: call.body.keys.length } : loggable(call.rawBody);
  const record: CallRecord = {
    clientId: presented.clientId,
    consumerDepartmentId: null,
    providerDepartmentId: null,
    resourceCode: asked.resource,
    grantId: null,
    purpose: asked.purpose,
    keyCount: asked.keyCount,
    foundCount: 0,
    fields: [],
    result: 'ok',
    status: 200,
    latencyUs: 0,
    ip: call.ip,
    requestId: call.requestId,
    subjectIndexes: [],
  };
  const finish = async (result: ExchangeCallResult, status: number) => {
    record.result = result;
    record.status = status;
    record.latencyUs = (performance.now() - call.startedAt) * 1000;
    return logCall(kernel.db, record);
  };
  try {
    // The credentials with the department's grants, and the resource as the catalogue publishes it: two reads at once.
    const body = call.validationError ? undefined : call.body;
    const [authenticated, resource] = await Promise.all([
      authenticateClient(kernel.db, kernel.keys, presented, body?.resource ?? null),
      body ? findPublishedResource(kernel.db, body.resource) : Promise.resolve(undefined),
    ]);
    if (!authenticated) throw refuse('badCredentials', 'INVALID_CREDENTIALS', 'exchange.badCredentials');
    record.consumerDepartmentId = authenticated.client.departmentId;
    if (!body) throw new Refusal('badRequest', call.validationError ?? new AppError('BAD_REQUEST'), 400);
    const today = toLocalDate(new Date());
    const grant = grantToJudge(authenticated.grants, today);
    if (resource) record.providerDepartmentId = resource.providerDepartmentId;
    if (!grant) throw refuse('noGrant', 'FORBIDDEN', 'exchange.noGrant');
    record.grantId = grant.id;
    record.providerDepartmentId = grant.provider_department_id;
    if (!resource || resource.status === 'retired') throw refuse('resourceRetired', 'FORBIDDEN', 'exchange.resourceRetired');
    switch (grantStatusOf(grant, today)) {
      case 'active':
        break;
      case 'revoked':
        throw refuse('noGrant', 'FORBIDDEN', 'exchange.grantRevoked');
      case 'upcoming':
      case 'expired':
        throw refuse('grantExpired', 'FORBIDDEN', 'exchange.grantExpired');
    }
    const out = fieldsOut(resource, grant, body.fields);
    if (!runtime.rate.take(grant.id, grant.rate_limit_per_second)) throw refuse('rateLimited', 'RATE_LIMITED', 'exchange.rateLimited', { limit: grant.rate_limit_per_second });
    if (!(await runtime.quota.take(kernel.db, { id: grant.id, dailyQuota: grant.daily_quota }, today, body.keys.length))) {
      throw refuse('quotaExceeded', 'RATE_LIMITED', 'exchange.quotaExceeded', { quota: grant.daily_quota });
    }

    const keyField = resource.fields.find((f) => f.key === resource.keyField);
    if (!keyField) throw new Error(`resource ${resource.code} has no key field ${resource.keyField}`);
    const normalised = body.keys.map((k) => normaliseKey(keyField, k));
    const found = await readRecordsByKey(kernel.db, kernel.keys, resource, [...new Set(normalised)]);
    const items = body.keys.map((key, i) => {
      const values = found.get(normalised[i] ?? key);
      return { key, isFound: values !== undefined, values: values ? grantedValues(values, out) : null };
    });
    record.foundCount = items.filter((i) => i.isFound).length;
    record.fields = out.map((o) => o.field.key);
    record.subjectIndexes = subjectIndexes(kernel, resource, keyField, found.keys());
    const callId = await finish('ok', 200);
    return { callId, resource: resource.code, fields: out.map((o) => ({ key: o.field.key, name: o.field.name, isMasked: o.isMasked })), items };
  } catch (error) {
    if (error instanceof Refusal) {
      await finish(error.result, error.status);
      throw error.error;
    }
    // Logged too: a failure of ours is a call the consumer made. If even the log fails, the original error stands.
    await finish('error', 500).catch(() => undefined);
    throw error;
  }
}
