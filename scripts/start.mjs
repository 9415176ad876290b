// `npm start`: build and open the desktop app. Where the Electron binary is missing and cannot be
// downloaded (our CI and dev machines), say so in one line and point to the browser host.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

let binary = electronBinary();
if (!binary && !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  // Electron fetches its binary on first use; a normal machine gets it here, once.
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  binary = electronBinary();
}
if (!binary) {
  console.error(
    'Tabterm: the Electron binary is not installed here (it could not be downloaded); run the same app in your browser with `npm run serve`.',
  );
  process.exit(1);
}

const build = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const app = spawnSync(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(app.status ?? 0);
