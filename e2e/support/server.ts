import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/kernel/config';
import { isDatabaseEmpty, seedDemoCity } from '../../server/src/demo';

export type RunningServer = { url: string; app: FastifyInstance; close(): Promise<void> };

const webDist = path.resolve(import.meta.dirname, '../../web/dist');

/**
 * The real server as `npm start` runs it — PGlite on disk, the demo city, the built web app — on a free port.
 * Each test file gets its own data directory.
 */
export async function startServer(): Promise<RunningServer> {
  if (!fs.existsSync(path.join(webDist, 'index.html'))) throw new Error('web/dist is missing: run `npm run build` first (npm test does)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zt-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config = loadConfig({ ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: url, LOG_LEVEL: 'warn', RUN_WORKERS: 'false' }, { databaseUrl: undefined, webDist });
  const app = await buildApp(config, { logger: false });
  if (await isDatabaseEmpty(app.kernel.db)) await seedDemoCity(app.kernel);
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    app,
    close: async () => {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
