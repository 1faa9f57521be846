import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDatabaseKind } from '../../testing/databases';
import { migrate, openDatabase, type Database } from '../db';
import { systemActor } from '../authz';
import { audit } from './index';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');

/** Where the CLI finds the database: a PGlite data directory on disk, or the PostgreSQL test database. */
type Target = { database: Database; env: NodeJS.ProcessEnv; release: () => Promise<void>; reopen: () => Promise<Database> };

async function makeTarget(): Promise<Target> {
  if (testDatabaseKind() === 'postgresql') {
    const { database, databaseUrl, drop } = await freshDatabase();
    return { database, env: { DATABASE_URL: databaseUrl }, release: drop, reopen: async () => database };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-audit-cli-'));
  const open = () => openDatabase({ databaseUrl: undefined, dataDir });
  const database = await open();
  await migrate(database);
  return { database, env: { DATA_DIR: dataDir }, release: async () => fs.rmSync(dataDir, { recursive: true, force: true }), reopen: open };
}

/** Runs the real CLI in its own process; on PGlite the test lets go of the data directory meanwhile. */
async function runCli(): Promise<{ status: number | null; stdout: string }> {
  const isPglite = testDatabaseKind() === 'pglite';
  if (isPglite) await database.close();
  try {
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    const result = spawnSync(tsx, ['server/src/main.ts', 'audit-verify'], { cwd: repoRoot, env: { ...rest, ...target.env }, encoding: 'utf8', timeout: 60_000 });
    // Neither verdict: show why the CLI itself failed.
    if (result.status !== 0 && result.status !== 1) console.error(result.stderr);
    return { status: result.status, stdout: result.stdout };
  } finally {
    if (isPglite) database = await target.reopen();
  }
}

let target: Target;
let database: Database;
let ids: string[];

beforeAll(async () => {
  target = await makeTarget();
  database = target.database;
  for (let n = 1; n <= 5; n++) {
    await database.db.transaction().execute((tx) => audit(tx, systemActor('cli-test'), { action: 'test.change', detail: { n, 备注: '审计' } }));
  }
  ids = (await database.db.selectFrom('audit_log').select('id').orderBy('id').execute()).map((r) => r.id);
});
afterAll(async () => {
  await database.close();
  await target.release();
});

describe('zt audit-verify', () => {
  it('exits 0 and says how many records it checked when the chain is intact', async () => {
    const result = await runCli();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`audit chain intact: 5 records verified (last id ${ids.at(-1)})`);
  }, 90_000);

  it('exits 1 and names the first broken record after a row is edited in the database', async () => {
    const target3 = ids[2];
    await database.execScript(
      `ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
       UPDATE audit_log SET detail = '{"n": 3, "备注": "篡改"}'::jsonb WHERE id = ${target3};
       ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;`,
    );
    const result = await runCli();
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`audit chain BROKEN at record id ${target3} (hash-mismatch); 2 records before it are intact`);
  }, 90_000);
});
