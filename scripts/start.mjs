#!/usr/bin/env node
// `npm start`: build the web app when its sources are newer than the last build, then run the server
// (migrate, seed the demo city into an empty data directory, serve API and SPA) in this same process,
// so SIGTERM reaches the server directly and drains it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distIndex = path.join(root, 'web', 'dist', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

const sources = [path.join(root, 'web'), path.join(root, 'contracts', 'src')];
const builtAt = fs.existsSync(distIndex) ? fs.statSync(distIndex).mtimeMs : 0;
const needsBuild = process.env.SKIP_WEB_BUILD !== '1' && sources.some((dir) => newestMtime(dir) > builtAt);
if (needsBuild) {
  process.stdout.write('building the web app (web/dist) …\n');
  const result = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
process.argv = [process.argv[0], path.join(root, 'server', 'src', 'main.ts'), 'start', ...process.argv.slice(2)];
await import(path.join(root, 'server', 'src', 'main.ts'));
