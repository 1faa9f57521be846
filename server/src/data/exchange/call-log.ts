import type { ExchangeCallListQuery, ExchangeCallResult, ExchangeCallView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { regionPrefix, requirePermission, type Actor } from '../../kernel/authz';
import type { Queryable } from '../../kernel/db';
import { staffWithDepartment } from './access';
import { tables } from './tables';

// The call log on the request path: one plain insert per call, unchained and without a lock (seal.ts chains the rows
// in batches afterwards). Refusals are logged like successes, with whatever was known when the call was refused.

export type CallRecord = {
  clientId: string | null;
  consumerDepartmentId: string | null;
  providerDepartmentId: string | null;
  resourceCode: string | null;
  grantId: string | null;
  purpose: string | null;
  keyCount: number;
  foundCount: number;
  fields: string[];
  result: ExchangeCallResult;
  status: number;
  latencyUs: number;
  ip: string | null;
  requestId: string | null;
  subjectIndexes: string[];
};

const clip = (value: string | null, max: number) => (value === null ? null : value.slice(0, max));

export async function logCall(db: Queryable, call: CallRecord): Promise<string> {
  const row = await tables(db)
    .insertInto('exchange_calls')
    .values({
      client_id: clip(call.clientId, 64),
      consumer_department_id: call.consumerDepartmentId,
      provider_department_id: call.providerDepartmentId,
      resource_code: clip(call.resourceCode, 60),
      grant_id: call.grantId,
      purpose: clip(call.purpose, 200),
      key_count: call.keyCount,
      found_count: call.foundCount,
      fields: call.fields,
      result: call.result,
      status: call.status,
      latency_us: Math.max(0, Math.round(call.latencyUs)),
      ip: call.ip,
      request_id: call.requestId,
      subject_indexes: call.subjectIndexes,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Beijing midnight of a date, and of the day after another: the half-open range [from, to + 1 day). */
export function dayRange(from: string, to: string): { start: Date; end: Date } {
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(new Date(`${to}T00:00:00+08:00`).getTime() + 86_400_000);
  return { start, end };
}

/**
 * 调用记录: the consumer sees its own department's calls, a provider the calls on its resources, the platform every
 * call of its region's providers (and calls refused before any provider was known).
 */
export async function listCalls(kernel: Kernel, { actor, query }: { actor: Actor; query: ExchangeCallListQuery }): Promise<{ items: ExchangeCallView[]; total: number }> {
  let base = tables(kernel.db)
    .selectFrom('exchange_calls as x')
    .leftJoin('departments as c', 'c.id', 'x.consumer_department_id')
    .leftJoin('departments as p', 'p.id', 'x.provider_department_id')
    .select([
      'x.id',
      'x.at',
      'x.client_id',
      'x.consumer_department_id',
      'x.provider_department_id',
      'x.resource_code',
      'x.purpose',
      'x.key_count',
      'x.found_count',
      'x.result',
      'x.status',
      'x.latency_us',
      'x.hash',
      'c.name as consumer_name',
      'p.name as provider_name',
    ]);
  switch (query.view) {
    case 'consumer':
      requirePermission(actor, 'share-request.create');
      base = base.where('x.consumer_department_id', '=', staffWithDepartment(actor).departmentId);
      break;
    case 'provider':
      requirePermission(actor, 'share-request.answer');
      base = base.where('x.provider_department_id', '=', staffWithDepartment(actor).departmentId);
      break;
    case 'all': {
      requirePermission(actor, 'share-request.review');
      const prefix = regionPrefix(staffWithDepartment(actor).regionCode ?? '');
      base = base.where((eb) => eb.or([eb('p.region_code', 'like', `${prefix}%`), eb('x.provider_department_id', 'is', null)]));
      break;
    }
  }
  if (query.resourceCode) base = base.where('x.resource_code', '=', query.resourceCode);
  if (query.result) base = base.where('x.result', '=', query.result);
  if (query.from) base = base.where('x.at', '>=', dayRange(query.from, query.from).start);
  if (query.to) base = base.where('x.at', '<', dayRange(query.to, query.to).end);
  const [rows, count] = await Promise.all([
    base.orderBy('x.id', 'desc').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
    base.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      clientId: r.client_id,
      consumerDepartmentId: r.consumer_department_id,
      consumerName: r.consumer_name,
      providerDepartmentId: r.provider_department_id,
      providerName: r.provider_name,
      resourceCode: r.resource_code,
      purpose: r.purpose,
      keyCount: r.key_count,
      foundCount: r.found_count,
      result: r.result,
      status: r.status,
      latencyMs: Math.round(r.latency_us / 100) / 10,
      isSealed: r.hash !== null,
    })),
    total: Number(count.n),
  };
}
