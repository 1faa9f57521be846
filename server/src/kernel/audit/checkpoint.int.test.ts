import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../testing';
import { systemActor } from '../authz';
import { audit, CHECKPOINT_FILE, verifyAuditChain, verifyCheckpoints, writeCheckpoint } from '.';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const dir = () => t.kernel.config.auditCheckpointDir;
const writeSome = async (n: number) => {
  for (let i = 0; i < n; i++) await t.kernel.db.transaction().execute((tx) => audit(tx, systemActor('test'), { action: 'test.checkpoint', detail: { i } }));
};
const checkpoint = () => writeCheckpoint(t.kernel.db, { secretsKey: t.kernel.keys.secrets, dir: dir() });

describe('signed audit checkpoints outside the database', () => {
  it('match an untouched trail', async () => {
    await writeSome(3);
    const written = await checkpoint();
    expect(written?.signature).toMatch(/^30/);
    await writeSome(2);
    await checkpoint();
    expect(await verifyCheckpoints(t.kernel.db, { dir: dir() })).toEqual({ ok: true, checked: 2 });
    expect(fs.readFileSync(path.join(dir(), 'checkpoint-public-key.pem'), 'utf8')).toContain('BEGIN PUBLIC KEY');
  });

  it('catch a tail rewritten with valid hashes, which the chain alone accepts', async () => {
    const last = await checkpoint();
    if (!last) return expect.fail('no checkpoint');
    // An attacker with database rights edits the newest record and recomputes its hash so the chain still links.
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(t.kernel.db);
    const row = await t.kernel.db.selectFrom('audit_log').selectAll().where('id', '=', last.id).executeTakeFirstOrThrow();
    const { chainHash } = await import('./chain');
    const forgedDetail = { i: 999 };
    const forged = chainHash(row.prev_hash, {
      id: row.id, at: row.at, actorId: row.actor_id, actorName: row.actor_name, actorRole: row.actor_role, action: row.action,
      objectType: row.object_type, objectId: row.object_id, result: row.result, ip: row.ip, requestId: row.request_id, detail: forgedDetail,
    });
    await t.kernel.db.updateTable('audit_log').set({ detail: JSON.stringify(forgedDetail), hash: forged }).where('id', '=', row.id).execute();
    expect((await verifyAuditChain(t.kernel.db)).ok).toBe(true);
    const verdict = await verifyCheckpoints(t.kernel.db, { dir: dir() });
    expect(verdict).toMatchObject({ ok: false, auditId: last.id, reason: 'record-changed' });
    // Removing the newest records is caught too.
    await t.kernel.db.deleteFrom('audit_log').where('id', '>=', last.id).execute();
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(t.kernel.db);
    expect(await verifyCheckpoints(t.kernel.db, { dir: dir() })).toMatchObject({ ok: false, reason: 'record-missing' });
  });

  it('reject a checkpoint line whose signature does not fit', async () => {
    const file = path.join(dir(), CHECKPOINT_FILE);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    const first = JSON.parse(lines[0] ?? '{}');
    lines[0] = JSON.stringify({ ...first, hash: 'f'.repeat(64) });
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    expect(await verifyCheckpoints(t.kernel.db, { dir: dir() })).toMatchObject({ ok: false, line: 1, reason: 'bad-signature' });
  });
});
