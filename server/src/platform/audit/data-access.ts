import { roleNames, type DataAccessKind, type DataAccessView, type Locale, type Role } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import type { Actor } from '../../kernel/authz';
import { AppError } from '../../kernel/errors';
import { staffScopeOf } from '../identity';
import { personAccessQuery, type AuditRow } from './repo';

function kindOf(action: string): DataAccessKind {
  switch (action) {
    case 'person.read':
      return 'read';
    case 'person.unmask':
      return 'unmask';
    case 'person.lookup':
      return 'lookup';
    default:
      return 'other';
  }
}

function isRole(value: string): value is Role {
  return Object.hasOwn(roleNames, value);
}

function roleLabels(actorRole: string | null, locale: Locale): string[] {
  if (!actorRole || actorRole === 'system' || actorRole === 'anonymous') return [];
  return actorRole
    .split(',')
    .filter((r) => r !== '')
    .map((r) => (isRole(r) ? roleNames[r][locale] : r));
}

function purposeOf(detail: Record<string, unknown>): string | null {
  const purpose = detail.purpose;
  return typeof purpose === 'string' && purpose.trim() !== '' ? purpose : null;
}

/**
 * 数据使用记录 (like Estonia's data tracker): who in government used this citizen's personal data, when, how and
 * why. Staff act officially, so their name, department and role are shown; the person's own look-ups are left out.
 */
export async function listMyDataAccess(
  kernel: Kernel,
  { actor, query, locale }: { actor: Actor; query: { page: number; pageSize: number }; locale: Locale },
): Promise<{ items: DataAccessView[]; total: number }> {
  if (actor.kind !== 'account') throw new AppError('UNAUTHENTICATED');
  const base = personAccessQuery(kernel.db, actor.accountId);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('id', 'desc')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const departments = new Map<string, string | null>();
  for (const id of new Set(rows.map((r) => r.actor_id).filter((id): id is string => id !== null))) {
    departments.set(id, (await staffScopeOf(kernel.db, id))?.department_name ?? null);
  }
  return { items: rows.map((row) => toView(row, departments, locale)), total: Number(count.n) };
}

function toView(row: AuditRow, departments: ReadonlyMap<string, string | null>, locale: Locale): DataAccessView {
  const isSystem = row.actor_role === 'system';
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    kind: kindOf(row.action),
    purpose: purposeOf(row.detail),
    // The department is the staff member's current one (the audit record names the person, not the department).
    departmentName: row.actor_id ? (departments.get(row.actor_id) ?? null) : null,
    staffName: isSystem ? null : row.actor_name,
    roles: roleLabels(row.actor_role, locale),
    isSystem,
    result: row.result,
  };
}
