import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../kernel/db';

/** Which database the integration tests run on: `pglite` (default) or `postgresql` (needs TEST_DATABASE_URL). */
export function testDatabaseKind(): 'pglite' | 'postgresql' {
  return process.env.ZT_TEST_DB === 'postgresql' ? 'postgresql' : 'pglite';
}

const snapshotFile = path.join(os.tmpdir(), `zhengtong-test-snapshot-${process.env.ZT_TEST_RUN ?? 'local'}.tar`);
const templateName = () => `zt_template_${process.env.ZT_TEST_RUN ?? 'local'}`;

function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set (postgres://user:pass@host:port/postgres)');
  return url;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Run once per test run: a migrated PGlite snapshot file and, with PostgreSQL, a migrated template database. */
export async function prepareTestDatabases(kind: 'pglite' | 'postgresql'): Promise<() => Promise<void>> {
  if (kind === 'postgresql') {
    const name = templateName();
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${name}`);
    });
    const db = await openDatabase({ databaseUrl: withDatabaseName(adminUrl(), name), dataDir: os.tmpdir(), poolSize: 1 });
    await migrate(db);
    await db.close();
    return async () => {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    };
  }
  const db = await openDatabase({ databaseUrl: 'memory://', dataDir: os.tmpdir() });
  await migrate(db);
  const dump = await db.dump?.();
  await db.close();
  if (!dump) throw new Error('PGlite could not dump its data directory');
  fs.writeFileSync(snapshotFile, Buffer.from(await dump.arrayBuffer()));
  return async () => fs.rmSync(snapshotFile, { force: true });
}

/** A fresh, migrated database of its own for one test file; `drop` removes it. */
export async function freshDatabase(): Promise<{ database: Database; databaseUrl: string; drop: () => Promise<void> }> {
  if (testDatabaseKind() === 'postgresql') {
    const name = `zt_t_${crypto.randomBytes(6).toString('hex')}`;
    await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`));
    const databaseUrl = withDatabaseName(adminUrl(), name);
    const database = await openDatabase({ databaseUrl, dataDir: os.tmpdir(), poolSize: 5 });
    return {
      database,
      databaseUrl,
      drop: async () => {
        await admin(async (c) => {
          // pg's Pool.end() resolves before its sockets have closed; a forced drop would then kill those
          // connections and their clients throw "terminating connection due to administrator command".
          for (let waited = 0; waited < 3000; waited += 25) {
            const { rows } = await c.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [name]);
            if (rows[0]?.n === '0') break;
            await new Promise((resolve) => setTimeout(resolve, 25));
          }
          await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        });
      },
    };
  }
  const snapshot = fs.existsSync(snapshotFile) ? new Blob([fs.readFileSync(snapshotFile)]) : undefined;
  const database = await openDatabase({ databaseUrl: 'memory://', dataDir: os.tmpdir(), snapshot });
  if (!snapshot) await migrate(database);
  return { database, databaseUrl: 'memory://', drop: async () => {} };
}
