// `npm run serve`: build the renderer and the browser host when the sources are newer, then run it.
// Options pass through: npm run serve -- --port 0 --data-dir /tmp/t
//
// Stopping: whatever stops this process stops the server, cleanly (every session ended). SIGINT, SIGTERM and
// SIGHUP are passed on; if this process's parent goes away (npm killed, the terminal or an IDE's process
// tree gone), the server is told to stop too; and the server itself stops when this process dies (it
// watches its own parent). The npm script starts this with `exec` so that npm's own signal forwarding
// reaches it directly (a `sh -c` in between would swallow SIGINT).
import { spawn, spawnSync } from 'node:child_process';
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
  for (const config of ['vite.renderer.config.ts', 'vite.server.config.ts']) {
    const result = spawnSync('npx', ['vite', 'build', '--config', config, '--logLevel', 'warn'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}

const server = spawn(process.execPath, ['out/server/serve.js', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
let stopping = false;
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  server.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal));

// A parent that died leaves this process re-parented: its ppid changes.
const parent = process.ppid;
const parentWatch = setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 500);

server.on('exit', (code, signal) => {
  clearInterval(parentWatch);
  if (signal && !stopping) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 0);
});
