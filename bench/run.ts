/**
 * Benchmarks Zhengtong on a real PostgreSQL beside a raw Fastify + pg baseline doing the same work, in the
 * same run on the same machine, and prints the ratio. `npm run bench` (needs the Debian postgresql package
 * or BENCH_DATABASE_URL). BENCH_DURATION (s, default 15) and BENCH_CONNECTIONS (default 20) tune the load;
 * BENCH_CASES (default 1,000,000; 0 skips it) is how many cases the table holds before the 一网通办 scenarios;
 * BENCH_LICENSES (default 300,000; 0 skips it) is how many historical licences are imported (and timed) before the
 * licence verification scenario. BENCH_SCENARIOS (comma-separated names, default all) picks scenarios for a quick check. BENCH_DATABASE_URL
 * with BENCH_DATA_DIR (the server's data directory for that database) reuses an existing database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './postgres';
import { countCpu } from './cpu';
import { sampleLocks, type LockReport } from './lock-sampler';
import { measure, measurePaced, type Result } from './measure';
import { seedCases, type SeedResult } from './seed-cases';
import type { Scenario } from './scenarios/types';
import { login } from './scenarios/login';
import { authenticatedRead } from './scenarios/authenticated-read';
import { workbenchQueue, workbenchQueueBusy, workbenchQueueOneReader } from './scenarios/workbench-queue';
import { caseSubmission, caseSubmissionOneAtATime } from './scenarios/case-submission';
import { licenseVerification } from './scenarios/license-verification';
import { exchangeQuery } from './scenarios/exchange-query';
import { importLicenseStock, type LicenseImportResult } from './import-licenses';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
// The queue is read before the submissions add to it; submissions last (they publish an item version first).
const allScenarios: Scenario[] = [login, authenticatedRead, workbenchQueue, workbenchQueueOneReader, workbenchQueueBusy, caseSubmission, caseSubmissionOneAtATime, licenseVerification, exchangeQuery];
const picked = process.env.BENCH_SCENARIOS?.split(',').map((s) => s.trim());
const scenarios = picked ? allScenarios.filter((s) => picked.includes(s.name)) : allScenarios;
const duration = Number(process.env.BENCH_DURATION ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
const caseCount = Number(process.env.BENCH_CASES ?? 1_000_000);
const licenseCount = Number(process.env.BENCH_LICENSES ?? 300_000);
const PASSWORD = 'Yunxi@2026';

function startProcess(args: string[], env: Record<string, string>, readyPattern: RegExp): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (readyPattern.test(output)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)));
  });
}

const latencies = (r: Result) => `${r.p50} / ${r.p95} / ${r.p99}`;
const cpu = (r: Result) => (r.cpu ? `${r.cpu.app}${r.cpu.db === null ? '' : ` + ${r.cpu.db}`}` : '–');
const failures = (r: Result) => {
  const kinds = [...Object.entries(r.statuses).map(([code, n]) => `${n}× ${code}`), ...(r.timeouts > 0 ? [`${r.timeouts} timeouts`] : [])];
  return `${r.errors + r.non2xx}${kinds.length > 0 ? ` (${kinds.join(', ')})` : ''}`;
};

// Another process on the same cores skews every number: the load average before and after is kept with the results.
const loadBefore = os.loadavg()[0] ?? 0;
const pgServer = startPostgres();
const children: ChildProcess[] = [];
// An existing database (BENCH_DATABASE_URL) needs the data directory that holds its keys: BENCH_DATA_DIR.
const ownDataDir = process.env.BENCH_DATA_DIR ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'zt-bench-data-'));
try {
  const dataDir = process.env.BENCH_DATA_DIR ?? ownDataDir ?? '';
  // The per-IP sign-in limit is off here: the benchmark measures the work behind it from one client address.
  const common = { DATABASE_URL: pgServer.url, LOG_LEVEL: 'warn', NODE_ENV: 'production', AUTH_RATE_LIMIT_PER_MINUTE: '0' };
  const server = await startProcess(['server/src/main.ts', 'start'], { ...common, PORT: '8090', HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:8090' }, /is ready in/);
  children.push(server);
  // The server has migrated and seeded the demo city; now the city's two years of cases.
  let seeded: SeedResult | null = null;
  if (caseCount > 0) seeded = await seedCases(pgServer.url, caseCount, (line) => process.stdout.write(`${line}\n`));
  // 历史证照电子化: the city's licence stock, imported through the real import and timed (target: 300,000 < 5 min).
  let licenses: LicenseImportResult | null = null;
  if (licenseCount > 0) {
    licenses = await importLicenseStock(pgServer.url, dataDir, licenseCount, (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(`licence import: ${licenses.imported.toLocaleString('en')} in ${licenses.seconds} s (${licenses.perSecond}/s)\n`);
  }
  const baselineServer = await startProcess(['bench/baseline.ts'], { ...common, PORT: '8091', DATA_DIR: dataDir }, /baseline ready/);
  children.push(baselineServer);
  const ctx = { zhengtong: { url: 'http://127.0.0.1:8090' }, baseline: { url: 'http://127.0.0.1:8091' }, password: PASSWORD, databaseUrl: pgServer.url };

  const rows: string[] = [];
  const locks: string[] = [];
  type Outcome = { connections: number; rate: number | null; zhengtong: Result; baseline: Result; ratio: number; locks?: { zhengtong: LockReport; baseline: LockReport } };
  const results: Record<string, Outcome> = {};
  for (const scenario of scenarios) {
    const requests = await scenario.prepare(ctx);
    const options = { connections: scenario.connections ?? connections, duration };
    const run = async (url: string, request: typeof requests.baseline, app: ChildProcess) => {
      const sampler = scenario.watchLocks ? await sampleLocks(pgServer.url) : null;
      const postmaster = pgServer.pid();
      const appCpu = countCpu(app.pid ? [app.pid] : []);
      const dbCpu = countCpu(postmaster ? [postmaster] : [], sampler ? [sampler.backendPid] : []);
      const result = scenario.rate ? await measurePaced(url, request, { rate: scenario.rate, duration }) : await measure(url, request, options);
      const perRequest = (ms: number) => (result.requests > 0 ? Math.round((ms / result.requests) * 100) / 100 : 0);
      const cpu = { app: perRequest(appCpu.stop()), db: postmaster ? perRequest(dbCpu.stop()) : null };
      return { result: { ...result, cpu }, locks: await sampler?.stop() };
    };
    const baseline = await run(ctx.baseline.url, requests.baseline, baselineServer);
    const zhengtong = await run(ctx.zhengtong.url, requests.zhengtong, server);
    const ratio = baseline.result.requestsPerSecond > 0 ? zhengtong.result.requestsPerSecond / baseline.result.requestsPerSecond : 0;
    const outcome: Outcome = { connections: scenario.rate ? 0 : options.connections, rate: scenario.rate ?? null, zhengtong: zhengtong.result, baseline: baseline.result, ratio };
    if (zhengtong.locks && baseline.locks) {
      outcome.locks = { zhengtong: zhengtong.locks, baseline: baseline.locks };
      const describe = (l: LockReport, r: Result) =>
        `audit chain lock held in ${Math.round(l.auditLockHeldShare * 100)}% of ${l.samples} samples (≈ ${r.requests > 0 ? ((l.auditLockHeldShare * duration * 1000) / r.requests).toFixed(1) : '–'} ms per request), backends waiting on average ${JSON.stringify(l.averageWaiting)}`;
      locks.push(`- ${scenario.name}: Zhengtong ${describe(zhengtong.locks, zhengtong.result)}; baseline ${describe(baseline.locks, baseline.result)}`);
    }
    results[scenario.name] = outcome;
    const z = zhengtong.result;
    const b = baseline.result;
    const load = scenario.rate ? `open loop, ${scenario.rate}/s` : String(options.connections);
    rows.push(`| ${scenario.name} | ${load} | ${z.requestsPerSecond} | ${latencies(z)} | ${cpu(z)} | ${b.requestsPerSecond} | ${latencies(b)} | ${cpu(b)} | ${(ratio * 100).toFixed(0)}% | ${failures(z)} |`);
    process.stdout.write(`${scenario.name}: Zhengtong ${z.requestsPerSecond} req/s (p95 ${z.p95} ms) vs baseline ${b.requestsPerSecond} req/s (${(ratio * 100).toFixed(0)}%)\n`);
  }
  const total = seeded?.total ?? 0;
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const loadAverage = { before: Math.round(loadBefore * 100) / 100, after: Math.round((os.loadavg()[0] ?? 0) * 100) / 100 };
  const table = [
    `Run ${new Date().toISOString()} on ${machine} (1-minute load average ${loadAverage.before} before, ${loadAverage.after} after); ${duration} s per target; ${total > 0 ? `${total.toLocaleString('en')} cases in the table before the scenarios (${seeded?.inserted.toLocaleString('en')} seeded in ${seeded?.seconds} s)` : 'no cases seeded'}${licenses ? `; ${licenses.imported.toLocaleString('en')} historical licences imported (sign + store) in ${licenses.seconds} s, ${licenses.perSecond}/s` : ''}.`,
    '',
    '| scenario | connections | Zhengtong req/s | p50 / p95 / p99 ms | CPU ms/req (app + db) | baseline req/s | p50 / p95 / p99 ms | CPU ms/req (app + db) | ratio | errors |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    ...(locks.length > 0 ? ['', 'Lock waits while loading:', ...locks] : []),
  ].join('\n');
  process.stdout.write(`\n${table}\n`);
  fs.writeFileSync(path.join(here, 'results', 'latest.json'), JSON.stringify({ machine, loadAverage, connections, duration, cases: seeded, licenses, results }, null, 2));
  fs.writeFileSync(path.join(here, 'results', 'latest.md'), `${table}\n`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  pgServer.stop();
  if (ownDataDir) fs.rmSync(ownDataDir, { recursive: true, force: true });
}
