// After every install (package.json "postinstall", once patch-package has applied patches/):
// - macOS and Linux: build node-pty from its patched source. Its prebuilt binaries lack the descriptor fix we
//   carry (patches/node-pty+*.patch: every PTY descriptor close-on-exec, so no shell inherits another tab's
//   terminal); a binary in build/Release is loaded before the prebuilt ones.
// - Windows: keep the prebuilt ConPTY binaries (the patch changes only Unix code), and give cmd.exe an
//   `exec` (node_modules/.bin/exec.cmd), which the `serve` script uses so POSIX shells hand signals on.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

if (process.platform === 'win32') {
  const bin = join(root, 'node_modules', '.bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'exec.cmd'), '@%*\r\n');
  process.exit(0);
}

const require = createRequire(import.meta.url);
const ptyDir = dirname(require.resolve('node-pty/package.json'));
const built = join(ptyDir, 'build', 'Release', 'pty.node');
const source = join(ptyDir, 'src', 'unix', 'pty.cc');
if (existsSync(built) && statSync(built).mtimeMs >= statSync(source).mtimeMs) process.exit(0);

// npm hands its own node-gyp (and settings such as nodedir) to install scripts.
const nodeGyp = process.env.npm_config_node_gyp;
if (!nodeGyp) {
  console.error('Tabterm: building node-pty needs npm (run `npm install`, which runs this script).');
  process.exit(1);
}
console.log('Tabterm: building node-pty from its patched source');
const result = spawnSync(process.execPath, [nodeGyp, 'rebuild'], { cwd: ptyDir, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(
    'Tabterm: building node-pty failed. It needs a C++ compiler, make and Python 3 (see README, "Prerequisites").',
  );
  process.exit(result.status ?? 1);
}
