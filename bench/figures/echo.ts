// Echo latency (keydown in the page → the echoed character parsed by xterm), idle and while another tab
// floods with `yes`; then Ctrl+C in a flooding tab → its prompt parsed again.
import type { Page } from '@playwright/test';
import { withAppPage } from '../lib/app-page';
import type { BenchContext, FigureGroup, GroupResult } from '../lib/context';
import { atMost, measured } from '../lib/figure';
import type { CompletedWatch, PageClient } from '../lib/page-client';
import { percentile, summarize } from '../lib/stats';
import { waitFor } from '../lib/wait';

const GROUP = 'echo';
/** One frame at 60 Hz. */
const FRAME_MS = 16;
const KEYS = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** Characters of `yes` output that must have been parsed before a measurement counts as "under flood". */
const FLOOD_CHARS = 1_000_000;

/** Types `count` keys at the prompt, one at a time, timing each echo; clears the line now and then. */
async function echoSamples(
  client: PageClient,
  page: Page,
  sessionId: string,
  count: number,
): Promise<CompletedWatch[]> {
  const samples: CompletedWatch[] = [];
  for (let i = 0; i < count; i++) {
    const key = KEYS[i % KEYS.length] as string;
    if (i > 0 && i % KEYS.length === 0) {
      await page.keyboard.press('Control+U');
      await client.quiet(sessionId);
    }
    const watch = await client.watch(sessionId, key, { kind: 'keydown', key });
    await page.keyboard.press(key);
    samples.push(await client.watchDone(watch, 10_000));
  }
  await page.keyboard.press('Control+U');
  await client.quiet(sessionId);
  return samples;
}

/** Medians of the legs of an echo: key → input sent → echo seen → parsed. */
function legs(samples: readonly CompletedWatch[]) {
  const median = (values: number[]) => (values.length > 0 ? percentile(values, 50) : null);
  return {
    keyToSend: median(samples.flatMap((s) => (s.inputAt !== null ? [s.inputAt - s.start] : []))),
    sendToSeen: median(
      samples.flatMap((s) => (s.inputAt !== null && s.matchedAt !== null ? [s.matchedAt - s.inputAt] : [])),
    ),
    seenToParsed: median(samples.flatMap((s) => (s.matchedAt !== null ? [s.end - s.matchedAt] : []))),
  };
}

function describeLegs(l: ReturnType<typeof legs>, mode: string): string {
  const ms = (v: number | null) => (v === null ? '?' : v.toFixed(1));
  // With the probe the echo is first seen once parsed; with acks it is seen on arrival, parsed later.
  const rest =
    mode === 'probe'
      ? `→ echo parsed ${ms(l.sendToSeen)} ms`
      : `→ echo arrived ${ms(l.sendToSeen)} ms, → parsed ${ms(l.seenToParsed)} ms`;
  return `medians: key → input sent ${ms(l.keyToSend)} ms, ${rest}`;
}

async function parsedChars(client: PageClient, sessionId: string): Promise<number> {
  return (await client.status()).streams[sessionId]?.parsed ?? 0;
}

async function waitForFlood(client: PageClient, sessionId: string): Promise<void> {
  const from = await parsedChars(client, sessionId);
  await waitFor(
    async () => (await parsedChars(client, sessionId)) - from >= FLOOD_CHARS,
    `session ${sessionId} to flood`,
    30_000,
    50,
  );
}

async function clickTab(client: PageClient, index: number, tabId: string): Promise<void> {
  await client.terminalTabs().nth(index).click();
  await waitFor(async () => (await client.status()).visibleTabId === tabId, `tab ${tabId} to show`, 10_000);
}

export const echo: FigureGroup = {
  id: GROUP,
  title: 'Echo latency and Ctrl+C under flood',
  async run(context: BenchContext): Promise<GroupResult> {
    const { echoKeys, interruptTrials } = context.config;
    return withAppPage(context, async ({ page, client, shell: quietTab, mode }) => {
      await client.focusTerminal();
      context.log(`echo at an idle prompt (${echoKeys} keys; parse seen via ${mode})`);
      const idleSamples = await echoSamples(client, page, quietTab.sessionId, echoKeys);
      const idle = summarize(idleSamples.map((s) => s.end - s.start));

      // A second tab floods in the background.
      await page.getByRole('button', { name: 'New tab' }).click();
      const floodTab = await waitFor(
        async () => {
          const shell = await client.visibleShell();
          return shell.tabId !== quietTab.tabId ? shell : null;
        },
        'the new tab to show a prompt',
        20_000,
      );
      await client.focusTerminal();
      await page.keyboard.type('yes\n');
      await waitForFlood(client, floodTab.sessionId);
      await clickTab(client, 0, quietTab.tabId);
      await client.focusTerminal();
      await waitForFlood(client, floodTab.sessionId);
      context.log(`echo while tab 2 floods (${echoKeys} keys)`);
      const floodBefore = { chars: await parsedChars(client, floodTab.sessionId), at: await client.now() };
      const floodSamples = await echoSamples(client, page, quietTab.sessionId, echoKeys);
      const flooded = summarize(floodSamples.map((s) => s.end - s.start));
      const floodAfter = { chars: await parsedChars(client, floodTab.sessionId), at: await client.now() };
      const floodRate =
        (floodAfter.chars - floodBefore.chars) / ((floodAfter.at - floodBefore.at) / 1000) / 1e6;

      // Ctrl+C in the flooding tab, shown.
      await clickTab(client, 1, floodTab.tabId);
      await client.focusTerminal();
      const interrupts: number[] = [];
      for (let i = 0; i < interruptTrials; i++) {
        if (i > 0) {
          await page.keyboard.type('yes\n');
        }
        await waitForFlood(client, floodTab.sessionId);
        const watch = await client.watch(floodTab.sessionId, '$ ', { kind: 'keydown', key: 'c' });
        await page.keyboard.press('Control+C');
        const { start, end } = await client.watchDone(watch, 30_000);
        interrupts.push(end - start);
        await client.quiet(floodTab.sessionId);
      }
      context.log(`Ctrl+C under flood: ${interrupts.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      const interrupt = summarize(interrupts);
      const added = flooded.p95 - idle.p95;
      return {
        figures: [
          measured(
            GROUP,
            'idle.p50',
            `Echo p50, idle (${idle.n} keys)`,
            idle.p50,
            'ms',
            null,
            describeLegs(legs(idleSamples), mode),
          ),
          measured(GROUP, 'idle.p95', 'Echo p95, idle', idle.p95, 'ms'),
          measured(
            GROUP,
            'flood.p50',
            `Echo p50, another tab flooding (${flooded.n} keys)`,
            flooded.p50,
            'ms',
            null,
            `${describeLegs(legs(floodSamples), mode)}; the hidden tab parsed ${floodRate.toFixed(2)} MB/s of yes meanwhile`,
          ),
          measured(GROUP, 'flood.p95', 'Echo p95, another tab flooding', flooded.p95, 'ms'),
          measured(GROUP, 'flood.added', 'Flooding adds to echo p95', added, 'ms', atMost(FRAME_MS)),
          measured(
            GROUP,
            'interrupt.p50',
            `Ctrl+C under flood → prompt, median of ${interrupt.n}`,
            interrupt.p50,
            'ms',
            atMost(100),
          ),
          measured(
            GROUP,
            'interrupt.max',
            'Ctrl+C under flood → prompt, worst',
            interrupt.max,
            'ms',
            atMost(100),
          ),
        ],
        details: {
          parseObservedVia: mode,
          idle,
          idleLegs: legs(idleSamples),
          flooded,
          floodedLegs: legs(floodSamples),
          floodParsedMBps: floodRate,
          interrupt,
          interrupts,
        },
      };
    });
  },
};
