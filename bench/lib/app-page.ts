// The setting most page figures share: a fresh browser host, an instrumented page on it with its first
// shell at a prompt, and how parsing is observed there; both are closed afterwards, whatever happens.
import type { Page } from '@playwright/test';
import type { MeasureMode } from '../page/bench-api';
import { openInstrumentedPage } from './browser';
import type { BenchContext } from './context';
import { PageClient } from './page-client';
import { BenchServer, type ServerOptions } from './server';

export interface AppPage {
  server: BenchServer;
  page: Page;
  client: PageClient;
  /** The tab shown at start, live with a prompt. */
  shell: { tabId: string; sessionId: string };
  mode: MeasureMode;
}

export async function withAppPage<T>(
  context: BenchContext,
  run: (app: AppPage) => Promise<T>,
  options: ServerOptions = {},
): Promise<T> {
  const server = await BenchServer.start(options);
  try {
    const { page, context: browserContext } = await openInstrumentedPage(
      await context.browser(),
      server.url.href,
    );
    try {
      const client = new PageClient(page);
      const shell = await client.visibleShell();
      const mode = await client.decide();
      return await run({ server, page, client, shell, mode });
    } finally {
      await browserContext.close();
    }
  } finally {
    await server.dispose();
  }
}
