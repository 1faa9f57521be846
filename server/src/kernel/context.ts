import type { Kysely } from 'kysely';
import type { Config } from './config';
import type { DB, DbKind } from './db';
import type { Keys } from './keys';
import type { Outbox } from './outbox';
import type { JobRunner } from './jobs';

/** What every domain's service gets: the database and the cross-cutting parts, nothing domain-specific. */
export type Kernel = {
  db: Kysely<DB>;
  dbKind: DbKind;
  config: Config;
  keys: Keys;
  outbox: Outbox;
  jobs: JobRunner;
};
