import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { ExchangeClientSecretView, ExchangeClientView } from '@zhengtong/contracts';
import type { Kernel } from '../../kernel/context';
import { requirePermission, type Actor } from '../../kernel/authz';
import { audit, inTransaction } from '../../kernel/audit';
import { hmacSm3 } from '../../kernel/crypto';
import type { Queryable } from '../../kernel/db';
import { AppError } from '../../kernel/errors';
import { newId } from '../../kernel/ids';
import type { Keys } from '../../kernel/keys';
import { emit } from '../../kernel/outbox';
import { staffWithDepartment } from './access';
import { tables, type ExchangeRow } from './tables';

// 接口凭证: a consuming department's client credentials for the query API. The secret has 256 random bits, is shown
// once (on creation and on every rotation) and stored only as HMAC-SM3 under the database-secrets key, bound to the
// client id. A keyed hash rather than argon2: it is checked on every call, and a secret this long needs no slow hash
// (there is no dictionary to try); without the key a copy of the table does not even let one test a guess.

export const MAX_ACTIVE_CLIENTS = 20;
const SECRET_PREFIX = 'zts_';

export function newClientSecret(): string {
  return `${SECRET_PREFIX}${crypto.randomBytes(32).toString('base64url')}`;
}

export function clientSecretHash(keys: Pick<Keys, 'secrets'>, clientId: string, secret: string): string {
  return hmacSm3(keys.secrets, `zhengtong/exchange-client/v1\n${clientId.toLowerCase()}\n${secret}`).toString('hex');
}

type ClientRow = ExchangeRow<'exchange_clients'> & { created_by_name: string | null };

function toView(row: ClientRow): ExchangeClientView {
  return {
    id: row.id,
    clientId: row.id,
    name: row.name,
    status: row.status,
    secretHint: row.secret_hint,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    rotatedAt: row.rotated_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    version: row.version,
  };
}

function clientsWithNames(db: Queryable) {
  return tables(db).selectFrom('exchange_clients as c').leftJoin('accounts as a', 'a.id', 'c.created_by').selectAll('c').select('a.display_name as created_by_name');
}

const clientNotFound = () => new AppError('NOT_FOUND', { detail: 'exchange.clientNotFound' });

async function clientView(db: Queryable, id: string): Promise<ExchangeClientView> {
  const row = await clientsWithNames(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw clientNotFound();
  return toView(row);
}

export async function listClients(kernel: Kernel, { actor }: { actor: Actor }): Promise<{ items: ExchangeClientView[]; total: number }> {
  requirePermission(actor, 'share-request.create');
  const staff = staffWithDepartment(actor);
  const rows = await clientsWithNames(kernel.db).where('c.consumer_department_id', '=', staff.departmentId).orderBy('c.status').orderBy('c.created_at', 'desc').execute();
  return { items: rows.map(toView), total: rows.length };
}

export async function createClient(kernel: Kernel, { actor, input }: { actor: Actor; input: { name: string } }): Promise<ExchangeClientSecretView> {
  requirePermission(actor, 'share-request.create');
  const staff = staffWithDepartment(actor);
  const id = newId();
  const secret = newClientSecret();
  await inTransaction(kernel.db, async (tx) => {
    // Counted under a lock per department, so two creations at once cannot both pass the limit.
    await sql`select pg_advisory_xact_lock(hashtext(${`exchange-clients:${staff.departmentId}`}))`.execute(tx);
    const active = await tables(tx)
      .selectFrom('exchange_clients')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('consumer_department_id', '=', staff.departmentId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    if (Number(active.n) >= MAX_ACTIVE_CLIENTS) throw new AppError('CONFLICT', { detail: 'exchange.tooManyClients', params: { max: MAX_ACTIVE_CLIENTS } });
    await tables(tx)
      .insertInto('exchange_clients')
      .values({ id, consumer_department_id: staff.departmentId, name: input.name, secret_hash: clientSecretHash(kernel.keys, id, secret), secret_hint: secret.slice(-4), created_by: staff.accountId })
      .execute();
    await audit(tx, actor, { action: 'exchange-client.create', objectType: 'exchange-client', objectId: id, detail: { name: input.name, departmentId: staff.departmentId } });
    await emit(tx, 'exchange-client.created', { id, departmentId: staff.departmentId });
  });
  return { client: await clientView(kernel.db, id), secret };
}

async function changeClient(
  kernel: Kernel,
  { actor, id, version }: { actor: Actor; id: string; version: number },
  change: (tx: Queryable, row: ExchangeRow<'exchange_clients'>, by: string) => Promise<{ action: string; detail?: Record<string, unknown> }>,
): Promise<void> {
  requirePermission(actor, 'share-request.create');
  const staff = staffWithDepartment(actor);
  await inTransaction(kernel.db, async (tx) => {
    const row = await tables(tx).selectFrom('exchange_clients').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!row || row.consumer_department_id !== staff.departmentId) throw clientNotFound();
    if (row.version !== version) throw new AppError('STALE_VERSION');
    if (row.status === 'revoked') throw new AppError('CONFLICT', { detail: 'exchange.clientRevoked' });
    const done = await change(tx, row, staff.accountId);
    await audit(tx, actor, { action: done.action, objectType: 'exchange-client', objectId: id, detail: { name: row.name, ...done.detail } });
    await emit(tx, done.action === 'exchange-client.rotate' ? 'exchange-client.rotated' : 'exchange-client.revoked', { id, departmentId: row.consumer_department_id });
  });
}

/** 轮换: a new secret at once; the old one stops working with this commit. */
export async function rotateClient(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: { version: number } }): Promise<ExchangeClientSecretView> {
  const secret = newClientSecret();
  await changeClient(kernel, { actor, id, version: input.version }, async (tx, row) => {
    await tables(tx)
      .updateTable('exchange_clients')
      .set({ secret_hash: clientSecretHash(kernel.keys, row.id, secret), secret_hint: secret.slice(-4), rotated_at: new Date(), version: row.version + 1 })
      .where('id', '=', row.id)
      .execute();
    return { action: 'exchange-client.rotate' };
  });
  return { client: await clientView(kernel.db, id), secret };
}

/** 注销: the credentials stop working for good. */
export async function revokeClient(kernel: Kernel, { actor, id, input }: { actor: Actor; id: string; input: { version: number } }): Promise<ExchangeClientView> {
  await changeClient(kernel, { actor, id, version: input.version }, async (tx, row, by) => {
    await tables(tx).updateTable('exchange_clients').set({ status: 'revoked', revoked_at: new Date(), revoked_by: by, version: row.version + 1 }).where('id', '=', row.id).execute();
    return { action: 'exchange-client.revoke' };
  });
  return clientView(kernel.db, id);
}
