import crypto from 'node:crypto';
import type { Queryable } from '../../kernel/db';
import type { Keys } from '../../kernel/keys';
import { clientSecretHash } from './clients';
import { tables, type ExchangeRow } from './tables';

// How another system proves who it is on POST /api/exchange/query: HTTP Basic (client id as user name, secret as
// password; RFC 7617) or the two headers X-Client-Id and X-Client-Secret. No session, no cookie.

export type PresentedCredentials = { clientId: string; secret: string };
export type AuthenticatedClient = { clientId: string; departmentId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The credentials a request carries; `clientId` alone when a secret is missing (still logged as presented). */
export function presentedCredentials(headers: Headers): { clientId: string | null; secret: string | null } {
  const authorization = header(headers, 'authorization');
  if (authorization && /^basic\s+/i.test(authorization)) {
    const decoded = Buffer.from(authorization.replace(/^basic\s+/i, '').trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { clientId: decoded || null, secret: null };
    return { clientId: decoded.slice(0, colon) || null, secret: decoded.slice(colon + 1) || null };
  }
  return { clientId: header(headers, 'x-client-id')?.trim() || null, secret: header(headers, 'x-client-secret') || null };
}

type GrantRow = ExchangeRow<'exchange_grants'>;

/**
 * The active client the credentials belong to (undefined for an unknown id, a wrong secret, revoked credentials) and,
 * in the same round trip, its department's grants on the resource asked for (newest period first): the query path's
 * first read.
 */
export async function authenticateClient(
  db: Queryable,
  keys: Pick<Keys, 'secrets'>,
  presented: { clientId: string | null; secret: string | null },
  resourceCode: string | null,
): Promise<{ client: AuthenticatedClient; grants: GrantRow[] } | undefined> {
  const { clientId, secret } = presented;
  if (!clientId || !secret || !UUID.test(clientId) || secret.length > 200) return undefined;
  const rows = await tables(db)
    .selectFrom('exchange_clients as c')
    .leftJoin('exchange_grants as g', (join) => join.onRef('g.consumer_department_id', '=', 'c.consumer_department_id').on('g.resource_code', '=', resourceCode ?? ''))
    .selectAll('g')
    .select(['c.id as client_row_id', 'c.consumer_department_id as client_department_id', 'c.secret_hash', 'c.status as client_status'])
    .where('c.id', '=', clientId.toLowerCase())
    .orderBy('g.valid_to', 'desc')
    .limit(20)
    .execute();
  const first = rows[0];
  if (!first || first.client_status !== 'active') return undefined;
  const expected = Buffer.from(first.secret_hash, 'hex');
  const given = Buffer.from(clientSecretHash(keys, first.client_row_id, secret), 'hex');
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return undefined;
  const grants = rows.filter((r) => r.id !== null).map(({ client_row_id: _id, client_department_id: _d, secret_hash: _h, client_status: _s, ...grant }) => grant as GrantRow);
  return { client: { clientId: first.client_row_id, departmentId: first.client_department_id }, grants };
}
