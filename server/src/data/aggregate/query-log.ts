import type { AggregateQueryListQuery, AggregateQueryLogView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { regionPrefix, type Actor } from '../../kernel/authz';
import { AppError } from '../../kernel/errors';
import { isConsumer, platformRegion } from './access';
import { thousandths } from './budgets';
import { tables, type AggregateRow } from './tables';

// The query log: the platform reads every query of its region (who asked what, why, what it cost, how much was
// withheld); a consuming department's officers read their own department's. Never the answers' values.

function view(row: AggregateRow<'aggregate_queries'>): AggregateQueryLogView {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorName: row.actor_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    resourceId: row.resource_id,
    resourceCode: row.resource_code,
    resourceName: row.resource_name,
    groupBy: row.group_by,
    measures: row.measures,
    filters: row.filters,
    purpose: row.purpose,
    k: row.k,
    isNoisy: row.is_noisy,
    epsilonSpent: thousandths(row.epsilon_spent) / 1000,
    groupsReturned: row.groups_returned,
    groupsSuppressed: row.groups_suppressed,
    outcome: row.outcome,
  };
}

export async function listAggregateQueries(kernel: Kernel, { actor, query }: { actor: Actor; query: AggregateQueryListQuery }): Promise<{ items: AggregateQueryLogView[]; total: number }> {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const platform = platformRegion(actor);
  const ownDepartment = platform === null && actor.kind === 'account' && isConsumer(actor) ? actor.departmentId : null;
  if (platform === null && !ownDepartment) throw new AppError('FORBIDDEN');
  const base = tables(kernel.db)
    .selectFrom('aggregate_queries')
    .$if(platform !== null && platform !== '', (q) => q.where('region_code', 'like', `${regionPrefix(platform ?? '')}%`))
    .$if(ownDepartment !== null, (q) => q.where('department_id', '=', ownDepartment ?? ''))
    .$if(query.resourceId !== undefined, (q) => q.where('resource_id', '=', query.resourceId ?? ''))
    .$if(query.departmentId !== undefined, (q) => q.where('department_id', '=', query.departmentId ?? ''))
    .$if(query.outcome !== undefined, (q) => q.where('outcome', '=', query.outcome ?? 'answered'));
  const count = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { items: rows.map(view), total: Number(count.n) };
}
