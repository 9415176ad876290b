import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The browser host (DESIGN.md §6): the same main side without Electron, plus the session host it
// forks. Dependencies stay external and load from node_modules (node-pty is native).
const dependencies = Object.keys(
  (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> }).dependencies,
);
const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...dependencies.map((name) => new RegExp(`^${name}(/|$)`)),
];

export default defineConfig({
  build: {
    outDir: 'out/server',
    emptyOutDir: true,
    ssr: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: {
      input: {
        serve: resolve('src/main/server/serve.ts'),
        'session-host': resolve('src/session-host/host-main.ts'),
      },
      external,
      output: { format: 'esm', entryFileNames: '[name].js' },
    },
  },
});
