import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../testing/databases';
import type { Database } from '../db';
import { systemActor, type Actor } from '../authz';
import { audit, inTransaction, verifyAuditChain } from './index';
import { chainHash } from './chain';

let database: Database;
let drop: () => Promise<void>;

beforeEach(async () => {
  ({ database, drop } = await freshDatabase());
});
afterEach(async () => {
  await database.close();
  await drop();
});

const clerk: Actor = {
  kind: 'account',
  accountId: '0190a1b2-0000-7000-8000-000000000001',
  accountType: 'staff',
  displayName: '王小𠮷',
  roles: ['clerk'],
  permissions: new Set(['person.read']),
  regionCode: '530102000000',
  departmentId: null,
  enterpriseId: null,
  sessionId: 'test',
  stage: 'full',
  context: { ip: '10.1.2.3', requestId: 'req-1', locale: 'zh-CN' },
};

/** Changes a setting and audits it in the same transaction, like every service does. */
async function auditedChange(n: number, actor: Actor = clerk): Promise<void> {
  await database.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('settings')
      .values({ key: `test.${n}`, value: JSON.stringify({ n }) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify({ n }) }))
      .execute();
    await audit(tx, actor, { action: 'setting.change', objectType: 'setting', objectId: `test.${n}`, detail: { n, note: '数据变更 𠮷', nested: { b: 2, a: [1, { z: null }] } } });
  });
}

async function ids(): Promise<string[]> {
  return (await database.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
}

/** What an attacker with database superuser rights would do: switch off the append-only trigger first. */
async function asAttacker(statement: string): Promise<void> {
  await database.execScript(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;\n${statement};\nALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`);
}

describe('audit hash chain', () => {
  it('is intact after audited changes and covers every field', async () => {
    for (let n = 1; n <= 5; n++) await auditedChange(n);
    const verdict = await verifyAuditChain(database.db);
    expect(verdict).toEqual({ ok: true, checked: 5, lastId: (await ids()).at(-1) });
    const rows = await database.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(rows[0]?.prev_hash).toBe('0'.repeat(64));
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[0]).toMatchObject({ actor_name: '王小𠮷', actor_role: 'clerk', ip: '10.1.2.3', request_id: 'req-1', result: 'success' });
  });

  it('refuses UPDATE and DELETE while the append-only trigger is on', async () => {
    await auditedChange(1);
    await expect(database.execScript(`UPDATE audit_log SET detail = '{}'::jsonb`)).rejects.toThrow(/append-only/);
    await expect(database.execScript('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    expect(await ids()).toHaveLength(1);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('names the record whose detail was edited directly in the database (hash-mismatch)', async () => {
    for (let n = 1; n <= 6; n++) await auditedChange(n);
    const target = (await ids())[3];
    await asAttacker(`UPDATE audit_log SET detail = jsonb_set(detail, '{n}', '99') WHERE id = ${target}`);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: false, checked: 3, brokenId: target, reason: 'hash-mismatch' });
  });

  it('names the record whose action was edited, even in a small batch', async () => {
    for (let n = 1; n <= 6; n++) await auditedChange(n);
    const target = (await ids())[1];
    await asAttacker(`UPDATE audit_log SET action = 'setting.read' WHERE id = ${target}`);
    expect(await verifyAuditChain(database.db, 2)).toEqual({ ok: false, checked: 1, brokenId: target, reason: 'hash-mismatch' });
  });

  it('catches a deleted record at the one after it (link-broken)', async () => {
    for (let n = 1; n <= 5; n++) await auditedChange(n);
    const all = await ids();
    await asAttacker(`DELETE FROM audit_log WHERE id = ${all[2]}`);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: false, checked: 2, brokenId: all[3], reason: 'link-broken' });
  });

  it('catches a record edited and correctly re-hashed at the next link (link-broken)', async () => {
    for (let n = 1; n <= 4; n++) await auditedChange(n);
    const rows = await database.db.selectFrom('audit_log').selectAll().orderBy('id').execute();
    const [, second, third] = rows;
    if (!second || !third) throw new Error('expected four records');
    // The attacker knows the algorithm (SM3 is unkeyed) and gives the edited row a valid hash of its own…
    const forged = chainHash(second.prev_hash, {
      id: second.id,
      at: second.at,
      actorId: second.actor_id,
      actorName: '他人',
      actorRole: second.actor_role,
      action: second.action,
      objectType: second.object_type,
      objectId: second.object_id,
      result: second.result,
      ip: second.ip,
      requestId: second.request_id,
      detail: second.detail,
    });
    await asAttacker(`UPDATE audit_log SET actor_name = '他人', hash = '${forged}' WHERE id = ${second.id}`);
    // …but the next row still points at the old hash.
    expect(await verifyAuditChain(database.db)).toEqual({ ok: false, checked: 2, brokenId: third.id, reason: 'link-broken' });
  });

  it('leaves no record and no break when the change rolls back', async () => {
    await auditedChange(1);
    await expect(
      database.db.transaction().execute(async (tx) => {
        await audit(tx, clerk, { action: 'setting.change', detail: { n: 2 } });
        throw new Error('business rule refused');
      }),
    ).rejects.toThrow('business rule refused');
    await auditedChange(3, systemActor('test'));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 2 });
  });

  it('an empty trail is intact', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, checked: 0, lastId: null });
  });

  it('stays one chain under 20 concurrent audited transactions', async () => {
    // On PostgreSQL these run on several pooled connections at once; on PGlite they take turns.
    await Promise.all(Array.from({ length: 20 }, (_, n) => auditedChange(n)));
    const verdict = await verifyAuditChain(database.db);
    expect(verdict).toMatchObject({ ok: true, checked: 20 });
    const hashes = await database.db.selectFrom('audit_log').select(['prev_hash', 'hash']).orderBy('id').execute();
    expect(new Set(hashes.map((h) => h.prev_hash)).size).toBe(20);
  });

  it('chains the records of an inTransaction at commit, in the order they were made', async () => {
    await auditedChange(1);
    const returned = await inTransaction(database.db, async (tx) => {
      await audit(tx, clerk, { action: 'case.create', objectId: 'a' });
      // Not chained yet: the lock is taken only at the end.
      expect(await tx.selectFrom('audit_log').select('id').execute()).toHaveLength(1);
      await audit(tx, clerk, { action: 'case.submit', objectId: 'a' });
      return 'done';
    });
    expect(returned).toBe('done');
    const rows = await database.db.selectFrom('audit_log').select(['action', 'at']).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['setting.change', 'case.create', 'case.submit']);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 3 });
  });

  it('leaves nothing from an inTransaction that rolls back', async () => {
    await expect(
      inTransaction(database.db, async (tx) => {
        await audit(tx, clerk, { action: 'setting.change', detail: { n: 1 } });
        throw new Error('business rule refused');
      }),
    ).rejects.toThrow('business rule refused');
    await inTransaction(database.db, (tx) => audit(tx, clerk, { action: 'setting.change', detail: { n: 2 } }));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 1 });
  });

  it('stays one chain when deferred and immediate writers run together', async () => {
    const deferred = (n: number) =>
      inTransaction(database.db, async (tx) => {
        await audit(tx, clerk, { action: 'case.create', detail: { n } });
        await audit(tx, clerk, { action: 'case.submit', detail: { n } });
      });
    await Promise.all(Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? deferred(n) : auditedChange(n))));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 30 });
    // A transaction's records stay next to each other.
    const rows = await database.db.selectFrom('audit_log').select(['action', 'detail']).orderBy('id').execute();
    rows.forEach((row, i) => {
      if (row.action === 'case.create') expect(rows[i + 1]).toMatchObject({ action: 'case.submit', detail: row.detail });
    });
  });
});
