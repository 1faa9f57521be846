import { sql } from 'kysely';
import type { Queryable, Row } from '../../kernel/db';
import type { LoginKeyKind } from '../../kernel/db';

export async function findAccountByLoginKeys(db: Queryable, candidates: { kind: LoginKeyKind; key: string }[]): Promise<Row<'accounts'> | undefined> {
  if (candidates.length === 0) return undefined;
  return db
    .selectFrom('login_keys as k')
    .innerJoin('accounts as a', 'a.id', 'k.account_id')
    .selectAll('a')
    .where((eb) => eb.or(candidates.map((c) => eb.and([eb('k.kind', '=', c.kind), eb('k.key', '=', c.key)]))))
    .limit(1)
    .executeTakeFirst();
}

export function findAccount(db: Queryable, id: string): Promise<Row<'accounts'> | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rolesOf(db: Queryable, accountId: string): Promise<string[]> {
  const rows = await db.selectFrom('account_roles').select('role').where('account_id', '=', accountId).orderBy('role').execute();
  return rows.map((r) => r.role);
}

export function staffScopeOf(db: Queryable, accountId: string) {
  return db
    .selectFrom('staff as s')
    .innerJoin('departments as d', 'd.id', 's.department_id')
    .select(['s.department_id', 's.region_code', 'd.name as department_name'])
    .where('s.account_id', '=', accountId)
    .executeTakeFirst();
}

export function enterpriseOfAccount(db: Queryable, accountId: string) {
  return db.selectFrom('enterprises').select(['id', 'name']).where('account_id', '=', accountId).executeTakeFirst();
}

export function findEnterprise(db: Queryable, id: string) {
  return db.selectFrom('enterprises').selectAll().where('id', '=', id).executeTakeFirst();
}

export function activeAgentGrant(db: Queryable, enterpriseId: string, personAccountId: string) {
  return db
    .selectFrom('enterprise_agents')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('person_account_id', '=', personAccountId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', sql<string>`current_date`)]))
    .executeTakeFirst();
}

export type SessionWithAccount = Row<'sessions'> & {
  type: Row<'accounts'>['type'];
  display_name: string;
  status: Row<'accounts'>['status'];
  real_name_level: number;
  totp_enabled: boolean;
  sessions_valid_after: Date;
  roles: string[];
  staff_region_code: string | null;
  staff_department_id: string | null;
  department_name: string | null;
  own_enterprise_id: string | null;
  own_enterprise_name: string | null;
  acting_enterprise_name: string | null;
};

/**
 * The session behind a token with everything needed to build the actor, in one round trip (this runs on
 * every authenticated request). Ended sessions are returned too, so the caller can say "expired".
 */
export function findSession(db: Queryable, sessionId: string): Promise<SessionWithAccount | undefined> {
  return db
    .selectFrom('sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .leftJoin('staff as st', 'st.account_id', 'a.id')
    .leftJoin('departments as d', 'd.id', 'st.department_id')
    .leftJoin('enterprises as own', 'own.account_id', 'a.id')
    .leftJoin('enterprises as acting', 'acting.id', 's.acting_for')
    .selectAll('s')
    .select([
      'a.type',
      'a.display_name',
      'a.status',
      'a.real_name_level',
      'a.totp_enabled',
      'a.sessions_valid_after',
      'st.region_code as staff_region_code',
      'st.department_id as staff_department_id',
      'd.name as department_name',
      'own.id as own_enterprise_id',
      'own.name as own_enterprise_name',
      'acting.name as acting_enterprise_name',
      sql<string[]>`coalesce((select array_agg(r.role order by r.role) from account_roles r where r.account_id = a.id), '{}')`.as('roles'),
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}
