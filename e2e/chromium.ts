// The Chromium the end-to-end projects and the benchmarks drive, chosen once (test/tooling/chromium-choice.ts):
// Debian's here, Chrome or Playwright's own on a contributor's machine. `playwright install` is never run.
import { statSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chooseChromium } from '../test/tooling/chromium-choice';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function playwrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

const choice = chooseChromium({
  platform: process.platform,
  env: process.env,
  exists: isFile,
  playwrightPath,
});
if (!choice.ok) {
  console.error(choice.message);
  process.exit(1);
}
export const chromiumPath = choice.path;

/** Without the background-networking flags Chromium keeps dialling out, and this network refuses it. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
