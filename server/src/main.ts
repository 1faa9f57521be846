import { performance } from 'node:perf_hooks';
import { buildApp } from './app';
import { loadConfig } from './kernel/config';
import { migrate, openDatabase } from './kernel/db';
import { verifyAuditChain, verifyCheckpoints } from './kernel/audit';
import { verifyCallChain } from './data/exchange';
import { seedDemoCaseHistory, seedDemoCity, isDatabaseEmpty } from './demo';
import { startWorkers } from './workers';

const USAGE = `政通 Zhengtong

usage: zt <command>
  start          migrate, seed the demo city into an empty database, serve API and web on PORT
  migrate        apply pending database migrations
  seed           seed the demo city (only into an empty database)
  audit-verify   recompute the audit hash chain; exit 1 and name the first broken record if any
  exchange-verify  recompute the sharing exchange's call-log chain; exit 1 and name the first broken call if any
`;

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function start(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { applied } = await migrate(database);
  const app = await buildApp(config, { database, isMigrated: true });
  let demoAccounts: string | undefined;
  if (await isDatabaseEmpty(app.kernel.db)) {
    demoAccounts = await seedDemoCity(app.kernel);
    await seedDemoCaseHistory(app);
  }
  const stopWorkers = config.runWorkers ? startWorkers(app) : () => Promise.resolve();
  await app.listen({ port: config.port, host: config.host });
  // performance.now() counts from process start, so this includes loading the code.
  const readyMs = Math.round(performance.now());
  const lines = [
    '',
    `政通 Zhengtong ${config.version} is ready in ${readyMs} ms (${database.kind}${applied.length ? `, ${applied.length} migrations applied` : ''})`,
    `  办事大厅 portal     ${config.publicUrl}/`,
    `  工作台 workbench    ${config.publicUrl}/workbench`,
    `  管理后台 admin      ${config.publicUrl}/admin`,
    `  API docs           ${config.publicUrl}/api/docs`,
    `  OIDC issuer        ${config.publicUrl}/oidc`,
    demoAccounts ? `\n演示账号 demo accounts (first start):\n${demoAccounts}` : '  演示账号 demo accounts: see README.md',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);

  let isClosing = false;
  const shutdown = async (signal: string) => {
    if (isClosing) return;
    isClosing = true;
    app.log.info({ signal }, 'draining requests and closing the database');
    // app.close() stops accepting connections, waits for in-flight requests, then runs onClose (database).
    const timer = setTimeout(() => process.exit(1), 15_000);
    await stopWorkers();
    await app.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function main(argv: string[]): Promise<number> {
  const command = argv[0] ?? 'start';
  switch (command) {
    case 'start':
      await start();
      return -1;
    case 'migrate':
      return withDatabase(async (database) => {
        const { applied } = await migrate(database);
        process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'database is up to date\n');
        return 0;
      });
    case 'seed': {
      const config = loadConfig();
      const app = await buildApp(config, { logger: false });
      try {
        if (!(await isDatabaseEmpty(app.kernel.db))) {
          process.stdout.write('the database already has data; the demo city is only seeded into an empty one\n');
          return 0;
        }
        const accounts = await seedDemoCity(app.kernel);
        await seedDemoCaseHistory(app);
        process.stdout.write(`${accounts}\n`);
        return 0;
      } finally {
        await app.close();
      }
    }
    case 'audit-verify':
      return withDatabase(async (database) => {
        const verdict = await verifyAuditChain(database.db);
        if (!verdict.ok) {
          process.stdout.write(`audit chain BROKEN at record id ${verdict.brokenId} (${verdict.reason}); ${verdict.checked} records before it are intact\n`);
          return 1;
        }
        process.stdout.write(`audit chain intact: ${verdict.checked} records verified (last id ${verdict.lastId ?? '-'})\n`);
        const dir = loadConfig().auditCheckpointDir;
        const anchored = await verifyCheckpoints(database.db, { dir });
        if (!anchored.ok) {
          process.stdout.write(`audit checkpoint FAILED at line ${anchored.line} of ${dir} (record id ${anchored.auditId}: ${anchored.reason})\n`);
          return 1;
        }
        process.stdout.write(`audit checkpoints intact: ${anchored.checked} signed checkpoints in ${dir} match\n`);
        return 0;
      });
    case 'exchange-verify':
      return withDatabase(async (database) => {
        const verdict = await verifyCallChain(database.db);
        if (!verdict.isIntact) {
          process.stdout.write(`exchange call log BROKEN at call id ${verdict.brokenId} (${verdict.reason}); ${verdict.checked} calls before it are intact\n`);
          return 1;
        }
        process.stdout.write(`exchange call log intact: ${verdict.checked} sealed calls verified (last sequence ${verdict.lastSeq ?? '-'}); ${verdict.unsealed} not sealed yet\n`);
        return 0;
      });
    case 'help':
    case '--help':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
