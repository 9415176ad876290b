// `npm run serve`: build the renderer and the browser host when the sources are newer, then run it.
// Options pass through: npm run serve -- --port 0 --data-dir /tmp/t
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = ['out/server/serve.js', 'out/renderer/index.html'];
const stale = built.some((file) => !existsSync(file) || statSync(file).mtimeMs < newest('src'));
if (stale) {
  const steps = [
    ['npx', ['vite', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn']],
    ['npx', ['vite', 'build', '--config', 'vite.server.config.ts', '--logLevel', 'warn']],
  ];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
const server = spawnSync(process.execPath, ['out/server/serve.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(server.status ?? 0);
