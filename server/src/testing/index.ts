import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { loadConfig } from '../kernel/config';
import type { Kernel } from '../kernel/context';
import { openDatabase, type Database } from '../kernel/db';
import { freshDatabase, testDatabaseKind } from './databases';

export * from './factories';
export { testDatabaseKind } from './databases';

export type TestApp = {
  app: FastifyInstance;
  kernel: Kernel;
  databaseUrl: string;
  /** Signs in through the real login route and returns the bearer token. */
  login(username: string, password: string, totp?: string): Promise<string>;
  /** app.inject with a bearer token. */
  as(token: string, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Closes the app; the primary app also drops its database (close attached apps first). */
  close(): Promise<void>;
  /** The database this app runs on (for attaching a second app). */
  database: Database;
};

export type TestAppOptions = {
  /**
   * Another server process on the same database, as in production behind a load balancer: on PostgreSQL a pool of
   * its own (real concurrency between the two); on PGlite, which is one connection in one process, the same one.
   */
  attachTo?: TestApp;
};

async function attachedDatabase(primary: TestApp): Promise<{ database: Database; databaseUrl: string; drop: () => Promise<void> }> {
  const none = async () => {};
  if (testDatabaseKind() === 'postgresql') {
    const database = await openDatabase({ databaseUrl: primary.databaseUrl, dataDir: os.tmpdir(), poolSize: 5 });
    return { database, databaseUrl: primary.databaseUrl, drop: none };
  }
  // The primary app closes the shared PGlite instance.
  return { database: { ...primary.database, close: none }, databaseUrl: primary.databaseUrl, drop: none };
}

/** The whole server on a fresh, migrated database of its own (PGlite, or PostgreSQL with ZT_TEST_DB=postgresql). */
export async function createTestApp(overrides: Parameters<typeof loadConfig>[1] = {}, { attachTo }: TestAppOptions = {}): Promise<TestApp> {
  const { database, databaseUrl, drop } = attachTo ? await attachedDatabase(attachTo) : await freshDatabase();
  const config = loadConfig(
    { ...process.env, PORT: '0', PUBLIC_URL: 'http://localhost:8080', LOG_LEVEL: 'silent', RUN_WORKERS: 'false', AUTH_RATE_LIMIT_PER_MINUTE: '0' },
    { databaseUrl: databaseUrl === 'memory://' ? 'memory://' : databaseUrl, webDist: '/nonexistent', auditCheckpointDir: fs.mkdtempSync(path.join(os.tmpdir(), 'zt-checkpoints-')), ...overrides },
  );
  // ZT_TEST_LOG=error (or info) shows the server's log while debugging a test.
  const app = await buildApp({ ...config, logLevel: process.env.ZT_TEST_LOG ?? 'silent' }, { database, isMigrated: true, logger: Boolean(process.env.ZT_TEST_LOG), masterKeyHex: '11'.repeat(32) });
  await app.ready();
  const login = async (username: string, password: string, totp?: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, ...(totp ? { totp } : {}) } });
    if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
    return (res.json() as { token: string }).token;
  };
  return {
    app,
    kernel: app.kernel,
    databaseUrl,
    login,
    as: (token, options) => app.inject({ ...options, headers: { ...(options.headers ?? {}), authorization: `Bearer ${token}` } }),
    close: async () => {
      await app.close();
      await drop();
    },
    database,
  };
}
export { publishTestResource, testResourceCode, type TestResourceInput } from './data-resources';
