// Where the Electron binary is, if `npm install` could download it (our CI machines cannot).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const electronDir = resolve('node_modules/electron');

export const electronMissingReason =
  'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD on a machine that cannot download it); the browser-host project ran the same specs';

export function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}
