import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/chromium';
import { electronBinary, electronMissingReason } from './e2e/electron-binary';

// The same specs run against Electron where its binary exists; where it does not, that project's tests
// are skipped with the reason, and this line says so once.
if (!electronBinary() && !process.env.TEST_WORKER_INDEX) {
  console.log(`electron project: not run here — ${electronMissingReason}`);
}

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  // No retries: a spec that fails once is a bug in the product or in the spec, to be found and fixed.
  retries: 0,
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1200, height: 760 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser-host',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: chromiumArgs,
        },
      },
    },
    {
      // Drives out/main/main.js through Playwright's _electron (e2e/fixtures.ts); the browser below is
      // only there because the shared `page` fixture is built on one.
      name: 'electron',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: chromiumArgs,
        },
      },
    },
  ],
});
