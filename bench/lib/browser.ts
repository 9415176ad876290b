// Debian's Chromium driven through Playwright's library API (not the test runner), launched as
// playwright.config.ts does, with the page instrumentation installed before the app loads.
import { resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumArgs, chromiumPath } from '../../e2e/chromium';

export const CHROMIUM_PATH = chromiumPath;

export const VIEWPORT = { width: 1200, height: 760 };

let instrumentScript: Promise<string> | null = null;

/** page/instrument.ts as one classic script (tsx would add helpers the page does not have). */
export function instrumentation(): Promise<string> {
  instrumentScript ??= build({
    entryPoints: [resolve(import.meta.dirname, '../page/instrument.ts')],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no instrumentation script');
    return file.text;
  });
  return instrumentScript;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs, headless: true });
}

export interface BenchPage {
  context: BrowserContext;
  page: Page;
}

/** A fresh context (own storage) with the instrumentation, opened on `url`. */
export async function openInstrumentedPage(browser: Browser, url: string): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript({ content: await instrumentation() });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

/** One Chromium for a whole run, launched the first time a figure needs it. */
export class SharedBrowser {
  private launched: Promise<Browser> | null = null;

  get(): Promise<Browser> {
    this.launched ??= launchChromium();
    return this.launched;
  }

  /** The running browser's version, if one was launched and works. */
  async version(): Promise<string | null> {
    if (!this.launched) return null;
    try {
      return (await this.launched).version();
    } catch {
      return null;
    }
  }

  async close(): Promise<void> {
    if (!this.launched) return;
    try {
      await (await this.launched).close();
    } catch {
      // It never started; nothing to close.
    }
  }
}
