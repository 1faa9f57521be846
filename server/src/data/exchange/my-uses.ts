import { sql } from 'kysely';
import type { MyExchangeUseView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { AppError } from '../../kernel/errors';
import { sealedIdNumber } from '../../platform/identity';
import { findPublishedResource } from '../catalogue';
import { tables } from './tables';

// 数据使用记录, the exchange's part: which departments read the citizen's records through the query API, when and
// for what purpose (only calls that returned the citizen's record). Found by the blind index of the citizen's 身份证号 (the same keyed SM3 the records and the call
// log use), so the log itself holds no ID number.

export async function listMyExchangeUses(kernel: Kernel, { actor, query }: { actor: Actor; query: { page: number; pageSize: number } }): Promise<{ items: MyExchangeUseView[]; total: number }> {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const id = actor.accountType === 'citizen' ? await sealedIdNumber(kernel.db, actor.accountId) : undefined;
  if (!id) return { items: [], total: 0 };
  const base = tables(kernel.db)
    .selectFrom('exchange_calls as x')
    .leftJoin('departments as c', 'c.id', 'x.consumer_department_id')
    .leftJoin('departments as p', 'p.id', 'x.provider_department_id')
    .where(sql<boolean>`x.subject_indexes @> array[${id.idx}]::text[]`)
    .where('x.result', '=', 'ok');
  const [rows, count] = await Promise.all([
    base
      .select(['x.id', 'x.at', 'x.resource_code', 'x.purpose', 'c.name as consumer_name', 'p.name as provider_name'])
      .orderBy('x.id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const names = new Map<string, string | null>();
  for (const code of new Set(rows.map((r) => r.resource_code).filter((c): c is string => c !== null))) names.set(code, (await findPublishedResource(kernel.db, code))?.name ?? null);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      consumerName: r.consumer_name,
      providerName: r.provider_name,
      resourceCode: r.resource_code,
      resourceName: r.resource_code ? (names.get(r.resource_code) ?? null) : null,
      purpose: r.purpose,
    })),
    total: Number(count.n),
  };
}
