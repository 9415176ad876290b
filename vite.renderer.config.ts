import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The renderer, built the same way for the desktop app (electron-vite reuses this) and the browser host.
export const rendererConfig = {
  root: resolve('src/renderer'),
  base: './',
  build: {
    outDir: resolve('out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
  },
};

export default defineConfig(rendererConfig);
