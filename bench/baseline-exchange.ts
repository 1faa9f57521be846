/**
 * The raw baseline of the exchange query (bench/scenarios/exchange-query.ts): the same lookup as
 * POST /api/exchange/query with Fastify and pg only — client credentials checked against the same keyed SM3 hash,
 * the department's grant and the resource read in one join, the records by key, personal values decrypted and masked
 * with the same primitives, one call-log row — but no schemas, no authorization layer, no limits, no problem+json.
 * Registered by bench/baseline.ts; needs DATA_DIR (the server's data directory, for the master key) to decrypt.
 */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import type { MaskingKind } from '@zhengtong/contracts';
import { hmacSm3, sm4Decrypt } from '../server/src/kernel/crypto';
import { deriveKeys, loadMasterKey } from '../server/src/kernel/keys';
import { maskByKind } from '../server/src/kernel/masking';

type Field = { key: string; masking: string };
type Values = Record<string, string | number | boolean | null>;

/** The same masking primitive the platform uses (kernel/masking). */
function mask(kind: string, value: Values[string]): Values[string] {
  return maskByKind(kind as MaskingKind, value);
}

export function registerExchangeRoutes(app: FastifyInstance, pool: pg.Pool): void {
  const dataDir = process.env.DATA_DIR;
  const keys = dataDir ? deriveKeys(loadMasterKey({ dataDir })) : null;

  app.post('/exchange/query', async (req, reply) => {
    const started = performance.now();
    const decoded = Buffer.from((req.headers.authorization ?? '').replace(/^Basic\s+/i, ''), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const clientId = decoded.slice(0, colon);
    const secret = decoded.slice(colon + 1);
    const client = (await pool.query('select consumer_department_id, secret_hash from exchange_clients where id = $1 and status = $2', [clientId, 'active'])).rows[0] as
      | { consumer_department_id: string; secret_hash: string }
      | undefined;
    const given = keys ? hmacSm3(keys.secrets, `zhengtong/exchange-client/v1\n${clientId}\n${secret}`) : Buffer.alloc(32);
    if (!client || !crypto.timingSafeEqual(Buffer.from(client.secret_hash, 'hex'), given)) return reply.status(401).send({ error: 'bad credentials' });
    const body = req.body as { resource: string; keys: string[]; purpose: string };
    const grant = (
      await pool.query(
        `select g.id, g.fields, g.provider_department_id, r.id as resource_id, r.definition
           from exchange_grants g join data_resources r on r.code = g.resource_code
          where g.consumer_department_id = $1 and g.resource_code = $2 and g.status = 'active' and r.status = 'published'
            and current_date between g.valid_from and g.valid_to
          limit 1`,
        [client.consumer_department_id, body.resource],
      )
    ).rows[0] as { id: string; fields: { key: string; unmasked: boolean }[]; provider_department_id: string; resource_id: string; definition: { fields: Field[] } } | undefined;
    if (!grant) return reply.status(403).send({ error: 'no grant' });
    const records = (await pool.query('select record_key, data, sealed from data_records where resource_id = $1 and record_key = any($2)', [grant.resource_id, body.keys])).rows as {
      record_key: string;
      data: Values;
      sealed: string | null;
    }[];
    const fields = grant.fields.map((g) => ({ ...g, masking: grant.definition.fields.find((f) => f.key === g.key)?.masking ?? 'none' }));
    const byKey = new Map(
      records.map((r) => {
        const all: Values = { ...r.data, ...(r.sealed && keys ? (JSON.parse(sm4Decrypt(keys.field, r.sealed, `data-record:${grant.resource_id}`)) as Values) : {}) };
        return [r.record_key, Object.fromEntries(fields.map((f) => [f.key, f.unmasked ? (all[f.key] ?? null) : mask(f.masking, all[f.key] ?? null)]))];
      }),
    );
    const items = body.keys.map((key) => ({ key, isFound: byKey.has(key), values: byKey.get(key) ?? null }));
    const latencyUs = Math.round((performance.now() - started) * 1000);
    const inserted = await pool.query(
      `insert into exchange_calls (client_id, consumer_department_id, provider_department_id, resource_code, grant_id, purpose, key_count, found_count, fields, result, status, latency_us, ip)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'ok', 200, $10, $11) returning id`,
      [clientId, client.consumer_department_id, grant.provider_department_id, body.resource, grant.id, body.purpose, body.keys.length, byKey.size, fields.map((f) => f.key), latencyUs, req.ip],
    );
    return { callId: String(inserted.rows[0]?.id), resource: body.resource, items };
  });
}
