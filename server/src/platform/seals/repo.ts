import type { SealKind, SealStatus } from '@zhengtong/contracts';
import type { NewRow, Queryable, Row } from '../../kernel/db';

export type SealRow = Row<'seals'>;

export function findSealRow(db: Queryable, id: string): Promise<SealRow | undefined> {
  return db.selectFrom('seals').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSealByKeyId(db: Queryable, keyId: string): Promise<SealRow | undefined> {
  return db.selectFrom('seals').selectAll().where('key_id', '=', keyId).executeTakeFirst();
}

export function findActiveSealRow(db: Queryable, departmentId: string, kind: SealKind): Promise<SealRow | undefined> {
  return db.selectFrom('seals').selectAll().where('department_id', '=', departmentId).where('kind', '=', kind).where('status', '=', 'active').executeTakeFirst();
}

export function lockSeal(db: Queryable, id: string): Promise<SealRow | undefined> {
  return db.selectFrom('seals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export type SealFilter = {
  /** Only seals of these departments; undefined means every department (the platform itself). */
  departmentIds?: readonly string[];
  departmentId?: string;
  kind?: SealKind;
  status?: SealStatus;
};

/** A page of seals, active first, then by department and kind, newest first. */
export async function listSealRows(db: Queryable, filter: SealFilter, page: { limit: number; offset: number }): Promise<{ rows: SealRow[]; total: number }> {
  if (filter.departmentIds?.length === 0) return { rows: [], total: 0 };
  let query = db.selectFrom('seals');
  if (filter.departmentIds) query = query.where('department_id', 'in', filter.departmentIds);
  if (filter.departmentId) query = query.where('department_id', '=', filter.departmentId);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  const counted = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('status')
    .orderBy('department_id')
    .orderBy('kind')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(counted.n) };
}

/** Every seal, revoked ones included: verifiers need to know a key was revoked, not only which keys are good. */
export function listAllSealRows(db: Queryable): Promise<SealRow[]> {
  return db.selectFrom('seals').selectAll().orderBy('department_id').orderBy('kind').orderBy('created_at').execute();
}

export async function insertSeal(db: Queryable, row: NewRow<'seals'>): Promise<void> {
  await db.insertInto('seals').values(row).execute();
}

/** Marks a seal revoked if it is still at `version`; false when someone else changed it first. */
export async function markRevoked(db: Queryable, id: string, version: number, change: { reason: string; by: string | null; at: Date }): Promise<boolean> {
  const result = await db
    .updateTable('seals')
    .set({ status: 'revoked', revoked_at: change.at, revoked_reason: change.reason, revoked_by: change.by, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
