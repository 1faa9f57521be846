import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app';
import { loadConfig } from '../kernel/config';
import type { Kernel } from '../kernel/context';
import { freshDatabase } from './databases';

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
  close(): Promise<void>;
};

/** The whole server on a fresh, migrated database of its own (PGlite, or PostgreSQL with ZT_TEST_DB=postgresql). */
export async function createTestApp(overrides: Parameters<typeof loadConfig>[1] = {}): Promise<TestApp> {
  const { database, databaseUrl, drop } = await freshDatabase();
  const config = loadConfig(
    { ...process.env, PORT: '0', PUBLIC_URL: 'http://localhost:8080', LOG_LEVEL: 'silent', RUN_WORKERS: 'false' },
    { databaseUrl: databaseUrl === 'memory://' ? 'memory://' : databaseUrl, webDist: '/nonexistent', ...overrides },
  );
  const app = await buildApp(config, { database, isMigrated: true, logger: false, masterKeyHex: '11'.repeat(32) });
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
  };
}
