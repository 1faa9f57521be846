export { openDatabase, type Database, type DbKind, type ScriptRunner } from './connect';
export { migrate, migrationsDir, listMigrations } from './migrate';
export type * from './schema';
export { sql, type Kysely, type Transaction } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema';
/** A query handle: the database itself or an open transaction. Repos take this as their first argument. */
export type Queryable = Kysely<DB> | Transaction<DB>;
