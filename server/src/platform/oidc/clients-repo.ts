import { sql } from 'kysely';
import type { NewRow, Queryable, Row, RowUpdate } from '../../kernel/db';

export type ClientRow = Row<'oidc_clients'>;

export function findClient(db: Queryable, clientId: string): Promise<ClientRow | undefined> {
  return db.selectFrom('oidc_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export function findActiveClient(db: Queryable, clientId: string): Promise<ClientRow | undefined> {
  return db.selectFrom('oidc_clients').selectAll().where('client_id', '=', clientId).where('is_active', '=', true).executeTakeFirst();
}

export function lockClient(db: Queryable, clientId: string): Promise<ClientRow | undefined> {
  return db.selectFrom('oidc_clients').selectAll().where('client_id', '=', clientId).forUpdate().executeTakeFirst();
}

/** The whole registry (one row per government system, so it stays small), optionally narrowed. */
export function listClients(db: Queryable, filter: { q?: string; isActive?: boolean }): Promise<ClientRow[]> {
  let query = db.selectFrom('oidc_clients').selectAll();
  if (filter.isActive !== undefined) query = query.where('is_active', '=', filter.isActive);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('client_id', 'ilike', pattern)]));
  }
  return query.orderBy('name').orderBy('client_id').execute();
}

export async function insertClient(db: Queryable, row: NewRow<'oidc_clients'>): Promise<void> {
  await db.insertInto('oidc_clients').values(row).execute();
}

export async function updateClient(db: Queryable, clientId: string, patch: RowUpdate<'oidc_clients'>): Promise<void> {
  await db.updateTable('oidc_clients').set(patch).where('client_id', '=', clientId).execute();
}

/** Codes, tokens and grants a deactivated system holds, so nothing it was given keeps working. */
export async function deleteClientArtefacts(db: Queryable, clientId: string): Promise<void> {
  await db
    .deleteFrom('oidc_payloads')
    .where('type', 'in', ['AuthorizationCode', 'AccessToken', 'RefreshToken', 'Grant'])
    .where(sql<string>`payload->>'clientId'`, '=', clientId)
    .execute();
}

export async function purgeExpiredPayloads(db: Queryable): Promise<void> {
  await db.deleteFrom('oidc_payloads').where('expires_at', '<', sql<Date>`now()`).execute();
}
