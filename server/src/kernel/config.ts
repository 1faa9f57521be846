import path from 'node:path';

export type Config = {
  port: number;
  host: string;
  /** PGlite files, generated keys and uploads live here. */
  dataDir: string;
  /** When set, PostgreSQL instead of the embedded PGlite. `memory://` gives a throw-away PGlite (tests). */
  databaseUrl: string | undefined;
  publicUrl: string;
  /** Staff must enrol and use a TOTP second factor (等保2.0 level 3 asks for two factors for staff). */
  requireStaffTotp: boolean;
  idleTimeoutMinutes: number;
  lockAfterFailures: number;
  lockMinutes: number;
  /** Sign-in and registration attempts per client IP per minute (0 = no limit); complements the per-account lockout. */
  authRateLimitPerMinute: number;
  /** Folder of the built SPA; served at / when it exists. */
  webDist: string | undefined;
  logLevel: string;
  /** Background job and outbox workers; off in most tests, which drive them by hand. */
  runWorkers: boolean;
  /** Where signed audit checkpoints are appended: separate, append-only storage in production. */
  auditCheckpointDir: string;
  auditCheckpointMinutes: number;
  version: string;
};

function intFrom(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`expected a positive whole number, got "${value}"`);
  return n;
}

function boolFrom(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  // PORT=0 asks the OS for a free port (tests, benchmarks).
  const port = env.PORT === '0' ? 0 : intFrom(env.PORT, 8080);
  const host = env.HOST ?? '0.0.0.0';
  const config: Config = {
    port,
    host,
    dataDir: path.resolve(env.DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    requireStaffTotp: boolFrom(env.REQUIRE_STAFF_TOTP, false),
    idleTimeoutMinutes: intFrom(env.IDLE_TIMEOUT_MINUTES, 30),
    lockAfterFailures: intFrom(env.LOCK_AFTER_FAILURES, 5),
    lockMinutes: intFrom(env.LOCK_MINUTES, 15),
    authRateLimitPerMinute: env.AUTH_RATE_LIMIT_PER_MINUTE === '0' ? 0 : intFrom(env.AUTH_RATE_LIMIT_PER_MINUTE, 30),
    webDist: env.WEB_DIST,
    logLevel: env.LOG_LEVEL ?? 'info',
    runWorkers: boolFrom(env.RUN_WORKERS, true),
    auditCheckpointDir: path.resolve(env.AUDIT_CHECKPOINT_DIR ?? path.join(env.DATA_DIR ?? './data', 'audit-checkpoints')),
    auditCheckpointMinutes: intFrom(env.AUDIT_CHECKPOINT_MINUTES, 10),
    version: env.npm_package_version ?? '0.1.0',
  };
  return { ...config, ...overrides };
}
