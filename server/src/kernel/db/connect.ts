import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { DB } from './schema';

export type DbKind = 'pglite' | 'postgresql';

/** Runs SQL text without parameters; returns the rows of the last statement. */
export type ScriptRunner = (script: string) => Promise<Record<string, unknown>[]>;

export type Database = {
  db: Kysely<DB>;
  kind: DbKind;
  /** Runs a multi-statement SQL script (migrations, seeds) on its own connection. */
  execScript(script: string): Promise<void>;
  /** Runs fn with one dedicated connection, for session-level state such as advisory locks. */
  withSession<T>(fn: (exec: ScriptRunner) => Promise<T>): Promise<T>;
  /** PGlite only: the data directory as a tarball, to start other instances from. */
  dump?: () => Promise<Blob | File>;
  close(): Promise<void>;
};

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

// Both drivers must hand the same JS types to the code above them: int8 and numeric as strings
// (no silent precision loss), dates as 'YYYY-MM-DD' strings (a date has no time zone).
const keepText = (value: string) => value;

export type OpenOptions = {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize?: number;
  /** PGlite only: start from this dumped data directory (tests start from a migrated snapshot). */
  snapshot?: Blob | File;
};

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url, options.poolSize ?? 10);
  const isMemory = url === 'memory://';
  const dataDir = isMemory ? undefined : path.join(options.dataDir, 'pglite');
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir,
    loadDataDir: options.snapshot,
    parsers: { [INT8]: keepText, [DATE]: keepText, [NUMERIC]: keepText },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    dump: () => client.dumpDataDir('none'),
    execScript: async (script) => {
      await run(script);
    },
    withSession: (fn) => fn(run),
    close: async () => {
      await db.destroy();
    },
  };

  async function run(script: string) {
    const results = await client.exec(script);
    return (results.at(-1)?.rows ?? []) as Record<string, unknown>[];
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8 || oid === DATE || oid === NUMERIC ? keepText : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  await sql`select 1`.execute(db);

  async function withSession<T>(fn: (exec: ScriptRunner) => Promise<T>): Promise<T> {
    const conn = await pool.connect();
    let isBroken = false;
    try {
      return await fn(async (script) => {
        try {
          const result = (await conn.query(script)) as unknown as pg.QueryResult | pg.QueryResult[];
          const last = Array.isArray(result) ? result.at(-1) : result;
          return (last?.rows ?? []) as Record<string, unknown>[];
        } catch (error) {
          // A failed script may leave its transaction open; never hand such a connection back.
          await conn.query('ROLLBACK').catch(() => {
            isBroken = true;
          });
          throw error;
        }
      });
    } finally {
      conn.release(isBroken);
    }
  }

  return {
    db,
    kind: 'postgresql',
    execScript: async (script) => {
      await withSession((exec) => exec(script));
    },
    withSession,
    close: async () => {
      await db.destroy();
    },
  };
}
