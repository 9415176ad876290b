// CPU with many idle tabs: the browser host and the session host over a quiet window (no polling storms),
// with a page open on them; the page's own share (Chromium, one tab shown) is reported beside it.
import { ScrollbackSaving } from '../../src/shared/limits';
import { commandLine, cpuSeconds, descendants } from '../../test/support/proc';
import { openInstrumentedPage } from '../lib/browser';
import type { BenchContext, FigureGroup, GroupResult } from '../lib/context';
import { atMost, measured } from '../lib/figure';
import { PageClient } from '../lib/page-client';
import { BenchServer } from '../lib/server';
import { openSessions } from '../lib/sessions';
import { measureFor } from '../lib/wait';

const GROUP = 'cpu';
/** "~0 %": at most 1 % of one core. */
const IDLE_TARGET_PERCENT = 1;

function cpuOf(pids: readonly number[]): number {
  return pids.reduce((sum, pid) => sum + (cpuSeconds(pid) ?? 0), 0);
}

export const idleCpu: FigureGroup = {
  id: GROUP,
  title: 'CPU with idle tabs',
  async run(context: BenchContext): Promise<GroupResult> {
    const { cpuSessions: count, cpuWindowMs } = context.config;
    const server = await BenchServer.start({ settings: { maxSessions: count + 10 } });
    try {
      const hostPid = server.hostPid();
      if (hostPid === null) throw new Error('no session host');
      const client = await server.client();
      context.log(`opening ${count} sessions`);
      await openSessions(client, count);
      const { page, context: browserContext } = await openInstrumentedPage(
        await context.browser(),
        server.url.href,
      );
      try {
        await new PageClient(page).visibleShell();
        // Past one scrollback-saving round, which saves every session that printed its first prompt.
        await client.quiet(ScrollbackSaving.intervalMs + 1_000);
        const chromium = descendants(process.pid).filter((pid) => /chrom/i.test(commandLine(pid)));
        const before = { server: cpuOf([server.pid]), host: cpuOf([hostPid]), chromium: cpuOf(chromium) };
        const started = performance.now();
        context.log(`measuring CPU for ${cpuWindowMs / 1000} s`);
        await measureFor(cpuWindowMs);
        const seconds = (performance.now() - started) / 1000;
        const percent = (pids: number[], from: number) => ((cpuOf(pids) - from) / seconds) * 100;
        const serverPercent = percent([server.pid], before.server);
        const hostPercent = percent([hostPid], before.host);
        const mainPercent = serverPercent + hostPercent;
        const chromiumPercent = percent(chromium, before.chromium);
        return {
          figures: [
            measured(
              GROUP,
              'main',
              `Browser host + session host, ${count} idle sessions, over ${seconds.toFixed(0)} s`,
              mainPercent,
              '% of a core',
              atMost(IDLE_TARGET_PERCENT),
              `browser host ${serverPercent.toFixed(2)} %, session host ${hostPercent.toFixed(2)} %`,
            ),
            measured(
              GROUP,
              'chromium',
              'Chromium with the page open (one tab shown, cursor blinking)',
              chromiumPercent,
              '% of a core',
            ),
          ],
          details: {
            sessions: count,
            windowSeconds: seconds,
            serverPercent,
            hostPercent,
            chromiumPercent,
            chromiumProcesses: chromium.length,
          },
        };
      } finally {
        await browserContext.close();
        client.close();
      }
    } finally {
      await server.dispose();
    }
  },
};
