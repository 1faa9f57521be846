import { sql } from 'kysely';
import { separationConflict, type CreateStaffInput, type StaffRole, type StaffView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { assertCanAccess, regionPrefix, requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { AppError, invalid, isUniqueViolation } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { Queryable } from '../../kernel/db';
import { maskPhone } from '../../kernel/masking';
import { findDepartment, findPosition } from '../departments';
import { findRegion } from '../regions';
import { hashPassword, passwordProblems } from './passwords';
import { protect, reveal } from './personal-data';
import { rolesOf } from './repo';

function assertSeparated(roles: readonly StaffRole[]): void {
  // 三员分立: system admin, security admin and auditor are never the same person.
  if (separationConflict(roles).length > 0) throw new AppError('ROLE_CONFLICT');
}

function staffQuery(db: Queryable) {
  return db
    .selectFrom('staff as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .innerJoin('departments as d', 'd.id', 's.department_id')
    .innerJoin('regions as r', 'r.code', 's.region_code')
    .leftJoin('positions as p', 'p.id', 's.position_id')
    .select([
      's.account_id',
      'a.username',
      's.name',
      's.department_id',
      'd.name as department_name',
      's.region_code',
      'r.name as region_name',
      's.position_id',
      'p.name as position_name',
      's.phone_enc',
      'a.status',
      'a.totp_enabled',
      'a.totp_required',
      'a.locked_until',
      'a.version',
      'a.created_at',
      sql<string[]>`coalesce((select array_agg(ar.role order by ar.role) from account_roles ar where ar.account_id = s.account_id), '{}')`.as('roles'),
    ]);
}

type StaffRow = Awaited<ReturnType<ReturnType<typeof staffQuery>['executeTakeFirstOrThrow']>>;

function toView(kernel: Kernel, row: StaffRow): StaffView {
  return {
    accountId: row.account_id,
    username: row.username ?? '',
    name: row.name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    regionCode: row.region_code,
    regionName: row.region_name,
    positionId: row.position_id,
    positionName: row.position_name,
    // Staff phone numbers are personal data too: shown masked in lists.
    phone: row.phone_enc ? maskPhone(reveal(kernel.keys, 'phone', row.phone_enc)) : null,
    roles: row.roles,
    status: row.status,
    totpEnabled: row.totp_enabled,
    totpRequired: row.totp_required,
    isLocked: row.locked_until !== null && row.locked_until.getTime() > Date.now(),
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export async function getStaff(kernel: Kernel, { actor, accountId }: { actor: Actor; accountId: string }): Promise<StaffView> {
  requirePermission(actor, 'staff.read');
  const row = await staffQuery(kernel.db).where('s.account_id', '=', accountId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  assertCanAccess(actor, { regionCode: row.region_code }, { regionWide: true });
  return toView(kernel, row);
}

export async function listStaff(
  kernel: Kernel,
  { actor, query }: { actor: Actor; query: { page: number; pageSize: number; departmentId?: string; q?: string; role?: string } },
): Promise<{ items: StaffView[]; total: number }> {
  requirePermission(actor, 'staff.read');
  let base = staffQuery(kernel.db);
  // Admins see the staff of their own region and below.
  if (actor.kind === 'account' && actor.regionCode) base = base.where('s.region_code', 'like', `${regionPrefix(actor.regionCode)}%`);
  if (query.departmentId) base = base.where('s.department_id', '=', query.departmentId);
  if (query.q) base = base.where((eb) => eb.or([eb('s.name', 'like', `%${query.q}%`), eb('a.username', 'like', `%${query.q?.toLowerCase()}%`)]));
  if (query.role) base = base.where(sql<boolean>`exists (select 1 from account_roles ar where ar.account_id = s.account_id and ar.role = ${query.role})`);
  const total = await kernel.db.selectFrom(base.as('x')).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.orderBy('d.name').orderBy('s.name').limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute();
  return { items: rows.map((r) => toView(kernel, r)), total: Number(total.n) };
}

export async function createStaff(kernel: Kernel, { actor, input }: { actor: Actor; input: CreateStaffInput }): Promise<StaffView> {
  requirePermission(actor, 'staff.manage');
  const roles = input.roles ?? [];
  if (roles.length > 0) requirePermission(actor, 'role.assign');
  assertSeparated(roles);
  const department = await findDepartment(kernel.db, input.departmentId);
  if (!department || !department.is_active) throw invalid([{ field: 'departmentId', code: 'department.notFound' }]);
  const regionCode = input.regionCode ?? department.region_code;
  if (!(await findRegion(kernel.db, regionCode))) throw invalid([{ field: 'regionCode', code: 'region.notFound' }]);
  assertCanAccess(actor, { regionCode: department.region_code }, { regionWide: true });
  if (input.positionId) {
    const position = await findPosition(kernel.db, input.positionId);
    if (!position || position.department_id !== department.id) throw invalid([{ field: 'positionId', code: 'position.notFound' }]);
  }
  const weak = passwordProblems(input.initialPassword, [input.username]);
  if (weak.length > 0) throw invalid(weak.map((code) => ({ field: 'initialPassword', code })));
  const accountId = await createStaffAccount(kernel, actor, {
    username: input.username,
    name: input.name,
    departmentId: department.id,
    regionCode,
    positionId: input.positionId ?? null,
    phone: input.phone ?? null,
    passwordHash: await hashPassword(input.initialPassword),
    roles,
    totpRequired: input.totpRequired ?? false,
    mustChangePassword: true,
  });
  return getStaff(kernel, { actor, accountId });
}

export type NewStaffAccount = {
  username: string;
  name: string;
  departmentId: string;
  regionCode: string;
  positionId: string | null;
  phone: string | null;
  passwordHash: string;
  roles: StaffRole[];
  totpRequired?: boolean;
  mustChangePassword: boolean;
};

/** Inserts a checked staff account (account, staff row, sign-in name, roles, audit) in one transaction. */
export async function createStaffAccount(kernel: Kernel, actor: Actor, s: NewStaffAccount): Promise<string> {
  const accountId = newId();
  const phone = s.phone ? protect(kernel.keys, 'phone', s.phone) : undefined;
  try {
    await inTransaction(kernel.db, async (tx) => {
      await tx
        .insertInto('accounts')
        .values({
          id: accountId,
          type: 'staff',
          username: s.username,
          display_name: s.name,
          password_hash: s.passwordHash,
          real_name_level: 3,
          must_change_password: s.mustChangePassword,
          totp_required: s.totpRequired ?? false,
        })
        .execute();
      await tx
        .insertInto('staff')
        .values({ account_id: accountId, name: s.name, department_id: s.departmentId, region_code: s.regionCode, position_id: s.positionId, phone_enc: phone?.enc ?? null, phone_idx: phone?.idx ?? null })
        .execute();
      await tx.insertInto('login_keys').values({ kind: 'username', key: s.username, account_id: accountId }).execute();
      if (s.roles.length > 0) await tx.insertInto('account_roles').values(s.roles.map((role) => ({ account_id: accountId, role, granted_by: actorId(actor) }))).execute();
      await audit(tx, actor, { action: 'staff.create', objectType: 'account', objectId: accountId, detail: { username: s.username, departmentId: s.departmentId, regionCode: s.regionCode, roles: s.roles } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('DUPLICATE', { fields: [{ field: 'username', code: 'username.taken' }] });
    throw error;
  }
  return accountId;
}

function actorId(actor: Actor): string | null {
  return actor.kind === 'account' ? actor.accountId : null;
}

async function lockStaffForUpdate(kernel: Kernel, tx: Queryable, actor: Actor, accountId: string, version: number) {
  const row = await tx
    .selectFrom('accounts as a')
    .innerJoin('staff as s', 's.account_id', 'a.id')
    .select(['a.id', 'a.version', 's.region_code', 's.department_id'])
    .where('a.id', '=', accountId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  assertCanAccess(actor, { regionCode: row.region_code }, { regionWide: true });
  if (row.version !== version) throw new AppError('STALE_VERSION');
  return row;
}

export async function updateStaff(
  kernel: Kernel,
  {
    actor,
    accountId,
    input,
  }: {
    actor: Actor;
    accountId: string;
    input: { name?: string; departmentId?: string; regionCode?: string; positionId?: string | null; phone?: string | null; status?: 'active' | 'disabled'; totpRequired?: boolean; version: number };
  },
): Promise<StaffView> {
  requirePermission(actor, 'staff.manage');
  if (actor.kind === 'account' && actor.accountId === accountId && input.status === 'disabled') throw new AppError('FORBIDDEN', { detail: 'staff.cannotDisableSelf' });
  if (input.departmentId) {
    const department = await findDepartment(kernel.db, input.departmentId);
    if (!department || !department.is_active) throw invalid([{ field: 'departmentId', code: 'department.notFound' }]);
    assertCanAccess(actor, { regionCode: department.region_code }, { regionWide: true });
  }
  if (input.regionCode && !(await findRegion(kernel.db, input.regionCode))) throw invalid([{ field: 'regionCode', code: 'region.notFound' }]);
  if (input.positionId) {
    const position = await findPosition(kernel.db, input.positionId);
    if (!position) throw invalid([{ field: 'positionId', code: 'position.notFound' }]);
  }
  await inTransaction(kernel.db, async (tx) => {
    const current = await lockStaffForUpdate(kernel, tx, actor, accountId, input.version);
    const now = new Date();
    await tx
      .updateTable('accounts')
      .set({
        ...(input.name ? { display_name: input.name } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.totpRequired !== undefined ? { totp_required: input.totpRequired } : {}),
        ...(input.status === 'disabled' ? { sessions_valid_after: now } : {}),
        version: current.version + 1,
        updated_at: now,
      })
      .where('id', '=', accountId)
      .execute();
    const phone = input.phone === undefined ? undefined : input.phone === null ? null : protect(kernel.keys, 'phone', input.phone);
    const staffChanges = {
      ...(input.name ? { name: input.name } : {}),
      ...(input.departmentId ? { department_id: input.departmentId } : {}),
      ...(input.regionCode ? { region_code: input.regionCode } : {}),
      ...(input.positionId !== undefined ? { position_id: input.positionId } : {}),
      ...(phone !== undefined ? { phone_enc: phone?.enc ?? null, phone_idx: phone?.idx ?? null } : {}),
    };
    if (Object.keys(staffChanges).length > 0) await tx.updateTable('staff').set(staffChanges).where('account_id', '=', accountId).execute();
    const { phone: _omitPhone, version: _omitVersion, ...changed } = input;
    await audit(tx, actor, { action: 'staff.update', objectType: 'account', objectId: accountId, detail: { ...changed, phoneChanged: input.phone !== undefined } });
  });
  return getStaff(kernel, { actor, accountId });
}

export async function setStaffRoles(kernel: Kernel, { actor, accountId, input }: { actor: Actor; accountId: string; input: { roles: StaffRole[]; version: number } }): Promise<StaffView> {
  requirePermission(actor, 'role.assign');
  assertSeparated(input.roles);
  // A security admin may not hand themselves more power (or strip their own role and lock everyone out).
  if (actor.kind === 'account' && actor.accountId === accountId) throw new AppError('FORBIDDEN', { detail: 'roles.cannotChangeOwn' });
  await inTransaction(kernel.db, async (tx) => {
    const current = await lockStaffForUpdate(kernel, tx, actor, accountId, input.version);
    const before = await rolesOf(tx, accountId);
    await tx.deleteFrom('account_roles').where('account_id', '=', accountId).execute();
    if (input.roles.length > 0) {
      await tx.insertInto('account_roles').values([...new Set(input.roles)].map((role) => ({ account_id: accountId, role, granted_by: actorId(actor) }))).execute();
    }
    await tx.updateTable('accounts').set({ version: current.version + 1, updated_at: new Date() }).where('id', '=', accountId).execute();
    await audit(tx, actor, { action: 'staff.roles', objectType: 'account', objectId: accountId, detail: { before, after: input.roles } });
  });
  return getStaff(kernel, { actor, accountId });
}

/** Security admin: unlock after lockout, or reset a lost second factor (the person re-enrols at next sign-in). */
export async function resetStaffSecurity(kernel: Kernel, { actor, accountId, what }: { actor: Actor; accountId: string; what: 'unlock' | 'reset-totp' | 'sign-out' }): Promise<StaffView> {
  requirePermission(actor, 'account.unlock');
  await inTransaction(kernel.db, async (tx) => {
    const row = await tx.selectFrom('staff').select(['region_code']).where('account_id', '=', accountId).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    assertCanAccess(actor, { regionCode: row.region_code }, { regionWide: true });
    const now = new Date();
    const changes = {
      unlock: { locked_until: null, failed_attempts: 0 },
      'reset-totp': { totp_enabled: false, totp_secret: null, totp_last_step: null, sessions_valid_after: now },
      'sign-out': { sessions_valid_after: now },
    }[what];
    await tx.updateTable('accounts').set({ ...changes, version: sql<number>`version + 1`, updated_at: now }).where('id', '=', accountId).execute();
    if (what !== 'unlock') await tx.updateTable('sessions').set({ ended_at: now }).where('account_id', '=', accountId).where('ended_at', 'is', null).execute();
    await audit(tx, actor, { action: `staff.${what}`, objectType: 'account', objectId: accountId });
  });
  return getStaff(kernel, { actor, accountId });
}
