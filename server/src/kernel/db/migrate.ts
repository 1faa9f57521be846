import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './connect';

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

// Any constant works; it only has to be the same in every process so two never migrate at once.
const MIGRATION_LOCK = 774_201;

export type MigrationResult = { applied: string[] };

export function listMigrations(dir = migrationsDir): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
}

/** Applies pending forward-only SQL migrations in file-name order, each in its own transaction. */
export async function migrate(database: Database, dir = migrationsDir): Promise<MigrationResult> {
  const files = listMigrations(dir);
  const isServer = database.kind === 'postgresql';
  return database.withSession(async (exec) => {
    const applied: string[] = [];
    if (isServer) await exec(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    try {
      await exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const done = new Set((await exec('SELECT name FROM schema_migrations')).map((r) => String(r.name)));
      for (const file of files) {
        if (done.has(file)) continue;
        const body = fs.readFileSync(path.join(dir, file), 'utf8');
        const name = file.replace(/'/g, "''");
        try {
          await exec(`BEGIN;\n${body}\n;INSERT INTO schema_migrations (name) VALUES ('${name}');\nCOMMIT;`);
        } catch (error) {
          if (!isServer) await exec('ROLLBACK').catch(() => []);
          throw new Error(`migration ${file} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        applied.push(file);
      }
    } finally {
      if (isServer) await exec(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
    }
    return { applied };
  });
}
