import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testDatabaseKind } from './testing';

const root = path.resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function start(dataDir: string, port: number) {
  // Exactly what `npm start` runs (in-process TypeScript loader, so SIGTERM reaches the server itself; the tsx CLI
  // would relay it and SIGKILL a child that takes more than 30 ms to acknowledge).
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '', SKIP_WEB_BUILD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      if (output.includes('is ready in')) resolve(output);
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, ready, exited };
}

// The CLI on the embedded database, as `npm start` runs it (PostgreSQL start-up is covered by the benchmarks).
describe.skipIf(testDatabaseKind() === 'postgresql')('zt start', () => {
  it('seeds an empty data directory once, drains on SIGTERM and comes back on the same data', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-main-'));
    const port = await freePort();
    const first = start(dataDir, port);
    expect(await first.ready).toContain('演示账号 demo accounts (first start)');
    // Let the background workers run a few rounds first: a job that waited for the single PGlite connection
    // its own transaction holds would hang every request from then on.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const health = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5000) });
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'pglite' });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = start(dataDir, port);
    const output = await second.ready;
    expect(output).not.toContain('first start');
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sysadmin', password: 'Yunxi@2026' }),
    });
    expect(login.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});
