// The soak runs the session host from the current source, bundled once with vite, as the app ships it:
// no tsx in the host, so no compiler service child and no transform cost blur its descriptors, children
// and memory. The bundle goes under node_modules/.cache so node-pty (native, left external) resolves.
// The build runs in its own process (this file is also its entry), so vite's memory is not the hub's.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const THIS_FILE = fileURLToPath(import.meta.url);

export interface BuiltHost {
  modulePath: string;
  remove(): void;
}

export function buildHost(): BuiltHost {
  const cache = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'tabterm-soak-'));
  execFileSync(process.execPath, ['--import', 'tsx', THIS_FILE, outDir], { cwd: ROOT, stdio: 'inherit' });
  return {
    modulePath: join(outDir, 'session-host.mjs'),
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}

async function bundle(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: join(ROOT, 'src/session-host/host-main.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: {
        external: [...builtinModules, ...builtinModules.map((name) => `node:${name}`), /^node-pty(\/|$)/],
        output: { format: 'esm', entryFileNames: 'session-host.mjs' },
      },
    },
    ssr: { noExternal: true, target: 'node' },
  });
}

if (process.argv[1] === THIS_FILE) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: build-host.ts OUT_DIR');
  bundle(outDir).catch((error: unknown) => {
    console.error(`could not bundle the session host: ${String(error)}`);
    process.exit(1);
  });
}
