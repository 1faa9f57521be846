import type { FastifyInstance } from 'fastify';
import { sm3Hex } from '../crypto';
import { canonicalJson } from '../audit';
import type { Kysely } from 'kysely';
import type { DB } from '../db';
import { AppError } from '../errors';
import './fastify-types';

const PENDING = 0;

/**
 * Idempotency-Key for routes marked `config.idempotent`: the first request's response is stored and replayed
 * to retries; the same key with a different body is refused; a retry while the first is still running waits
 * for nothing and gets 409.
 */
export function registerIdempotency(app: FastifyInstance, db: Kysely<DB>): void {
  app.addHook('preHandler', async (req, reply) => {
    if (!req.routeOptions.config?.idempotent) return;
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string' || key === '') return;
    if (key.length > 200) throw new AppError('BAD_REQUEST');
    const actorId = req.actor.kind === 'account' ? req.actor.accountId : `anon:${req.ip}`;
    const requestHash = sm3Hex(canonicalJson({ m: req.method, u: req.url, b: req.body ?? null }));
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({ key, actor_id: actorId, method: req.method, path: req.url, request_hash: requestHash, status_code: PENDING })
      .onConflict((oc) => oc.columns(['actor_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) {
      req.idempotency = { key, actorId };
      return;
    }
    const stored = await db.selectFrom('idempotency_keys').selectAll().where('actor_id', '=', actorId).where('key', '=', key).executeTakeFirst();
    if (!stored) return;
    if (stored.request_hash !== requestHash) throw new AppError('IDEMPOTENCY_MISMATCH');
    if (stored.status_code === PENDING) throw new AppError('CONFLICT', { detail: 'idempotency.inProgress' });
    reply.header('idempotent-replayed', 'true');
    return reply.status(stored.status_code).send(stored.response);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const marker = req.idempotency;
    if (!marker) return payload;
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      let body: unknown = null;
      try {
        body = JSON.parse(payload);
      } catch {
        body = payload;
      }
      await db
        .updateTable('idempotency_keys')
        .set({ status_code: reply.statusCode, response: JSON.stringify(body) })
        .where('actor_id', '=', marker.actorId)
        .where('key', '=', marker.key)
        .execute();
    } else {
      // A failed attempt is not remembered: the client may fix the request and retry with the same key.
      await db.deleteFrom('idempotency_keys').where('actor_id', '=', marker.actorId).where('key', '=', marker.key).execute();
    }
    return payload;
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { key: string; actorId: string };
  }
}
