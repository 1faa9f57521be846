/**
 * Benchmarks Zhengtong on a real PostgreSQL beside a raw Fastify + pg baseline doing the same work, in the
 * same run on the same machine, and prints the ratio. `npm run bench` (needs the Debian postgresql package
 * or BENCH_DATABASE_URL). BENCH_DURATION (s, default 15) and BENCH_CONNECTIONS (default 20) tune it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startPostgres } from './postgres';
import type { Request, Scenario } from './scenarios/types';
import { login } from './scenarios/login';
import { authenticatedRead } from './scenarios/authenticated-read';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const scenarios: Scenario[] = [login, authenticatedRead];
const duration = Number(process.env.BENCH_DURATION ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
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

type Result = { requestsPerSecond: number; p50: number; p99: number; errors: number; non2xx: number };

async function load(url: string, request: Request): Promise<Result> {
  const result = await autocannon({ url: `${url}${request.path}`, method: request.method, headers: request.headers, body: request.body, connections, duration });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

const pgServer = startPostgres();
const children: ChildProcess[] = [];
try {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-bench-data-'));
  // The per-IP sign-in limit is off here: the benchmark measures the work behind it from one client address.
  const common = { DATABASE_URL: pgServer.url, LOG_LEVEL: 'warn', NODE_ENV: 'production', AUTH_RATE_LIMIT_PER_MINUTE: '0' };
  children.push(await startProcess(['server/src/main.ts', 'start'], { ...common, PORT: '8090', HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: 'http://127.0.0.1:8090' }, /is ready in/));
  children.push(await startProcess(['bench/baseline.ts'], { ...common, PORT: '8091' }, /baseline ready/));
  const ctx = { zhengtong: { url: 'http://127.0.0.1:8090' }, baseline: { url: 'http://127.0.0.1:8091' }, password: PASSWORD };

  const rows: string[] = [];
  const results: Record<string, { zhengtong: Result; baseline: Result; ratio: number }> = {};
  for (const scenario of scenarios) {
    const requests = await scenario.prepare(ctx);
    const baseline = await load(ctx.baseline.url, requests.baseline);
    const zhengtong = await load(ctx.zhengtong.url, requests.zhengtong);
    const ratio = baseline.requestsPerSecond > 0 ? zhengtong.requestsPerSecond / baseline.requestsPerSecond : 0;
    results[scenario.name] = { zhengtong, baseline, ratio };
    rows.push(
      `| ${scenario.name} | ${zhengtong.requestsPerSecond} | ${zhengtong.p50} / ${zhengtong.p99} | ${baseline.requestsPerSecond} | ${baseline.p50} / ${baseline.p99} | ${(ratio * 100).toFixed(0)}% | ${zhengtong.errors + zhengtong.non2xx} |`,
    );
    process.stdout.write(`${scenario.name}: Zhengtong ${zhengtong.requestsPerSecond} req/s vs baseline ${baseline.requestsPerSecond} req/s (${(ratio * 100).toFixed(0)}%)\n`);
  }
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const table = [
    `Run ${new Date().toISOString()} on ${machine}; ${connections} connections × ${duration} s per target.`,
    '',
    '| scenario | Zhengtong req/s | p50 / p99 ms | baseline req/s | p50 / p99 ms | ratio | errors |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  process.stdout.write(`\n${table}\n`);
  fs.writeFileSync(path.join(here, 'results', 'latest.json'), JSON.stringify({ machine, connections, duration, results }, null, 2));
  fs.writeFileSync(path.join(here, 'results', 'latest.md'), `${table}\n`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  pgServer.stop();
}
