import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throw-away PostgreSQL cluster for a benchmark run, from the machine's Debian packages
 * (apt-get install postgresql). BENCH_DATABASE_URL skips this and uses an existing server.
 */
export function startPostgres(port = 55440): { url: string; stop: () => void; pid: () => number | undefined } {
  const existing = process.env.BENCH_DATABASE_URL;
  if (existing) return { url: existing, stop: () => {}, pid: () => undefined };
  const root = '/usr/lib/postgresql';
  const version = fs.existsSync(root) ? fs.readdirSync(root).sort().at(-1) : undefined;
  if (!version) throw new Error('PostgreSQL is not installed: apt-get install postgresql, or set BENCH_DATABASE_URL');
  const bin = path.join(root, version, 'bin');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-bench-pg-'));
  const isRoot = process.getuid?.() === 0;
  if (isRoot) execFileSync('chown', ['postgres', dir]);
  const run = (cmd: string, args: string[]) => {
    const full = isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    const result = spawnSync(full[0] as string, full[1] as string[], { stdio: 'pipe' });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr.toString()}`);
  };
  run(path.join(bin, 'initdb'), ['-D', path.join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8']);
  run(path.join(bin, 'pg_ctl'), [
    '-D', path.join(dir, 'data'), '-l', path.join(dir, 'log'), '-w', 'start',
    '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=512MB`,
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    // The postmaster's pid: its children are the backends serving the run (bench/cpu.ts counts their CPU).
    pid: () => Number(fs.readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined,
    stop: () => {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'fast', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
