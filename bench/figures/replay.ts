// Attach and replay: a full ring (2000 coloured lines at 120×40) replayed into a fresh xterm after a page
// reload, the host's part of it seen from a protocol client, and switching between two live tabs.
import { join } from 'node:path';
import { withAppPage } from '../lib/app-page';
import type { BenchContext, FigureGroup, GroupResult } from '../lib/context';
import { atMost, measured } from '../lib/figure';
import { summarize } from '../lib/stats';
import { writeColouredLog } from '../lib/text-files';
import { waitFor } from '../lib/wait';

const GROUP = 'replay';
const COLS = 120;
const ROWS = 40;

export const replay: FigureGroup = {
  id: GROUP,
  title: 'Attach/replay and tab switching',
  async run(context: BenchContext): Promise<GroupResult> {
    const { ringLines, replayTrials, switchTrials } = context.config;
    const logFile = join(context.workDir, 'coloured.log');
    // More lines than the ring holds, so it is full and has evicted some.
    writeColouredLog(logFile, ringLines + 500, COLS);
    return withAppPage(context, async ({ server, page, client, shell: first, mode }) => {
      const size = await client.sizeTerminal(first.tabId, COLS, ROWS);
      await client.focusTerminal();
      await page.keyboard.type(`cat ${logFile}\n`);
      await client.visibleShell(60_000);
      await client.quiet(first.sessionId);

      // The host's and hub's share, seen by a protocol client: attach → replay arrival.
      const ws = await server.client();
      const hostSide: number[] = [];
      let replayChars = 0;
      for (let i = 0; i < replayTrials; i++) {
        const replayed = ws.next('terminal_replay', (m) => m.sessionId === first.sessionId);
        const sentAt = performance.now();
        ws.send({ type: 'terminal_attach', tabId: first.tabId, sessionId: first.sessionId, ...size });
        const { message, at } = await replayed;
        hostSide.push(at - sentAt);
        replayChars = message.data.length;
        ws.send({ type: 'terminal_detach', tabId: first.tabId, sessionId: first.sessionId });
      }
      ws.close();

      // Tab switching between two live tabs.
      await page.getByRole('button', { name: 'New tab' }).click();
      const second = await waitFor(
        async () => {
          const shell = await client.visibleShell();
          return shell.tabId !== first.tabId ? shell : null;
        },
        'the new tab to show a prompt',
        20_000,
      );
      const switches: number[] = [];
      for (let i = 0; i < switchTrials; i++) {
        const [index, target] = i % 2 === 0 ? [0, first] : [1, second];
        const armed = await client.armSwitch(target.tabId);
        await client.terminalTabs().nth(index).click();
        const { start, end } = await client.switchDone(armed);
        switches.push(end - start);
      }
      if (switchTrials % 2 === 0) await client.terminalTabs().nth(0).click();
      await waitFor(
        async () => (await client.status()).visibleTabId === first.tabId,
        'tab 1 to show',
        10_000,
      );

      // A fresh page: the shown tab attaches and replays its ring into a new xterm.
      const parse: number[] = [];
      const paint: number[] = [];
      const screenParse: number[] = [];
      const attach: number[] = [];
      for (let i = 0; i < replayTrials; i++) {
        await page.reload();
        const record = await waitFor(
          async () =>
            (await client.replays()).find(
              (r) => r.sessionId === first.sessionId && r.parsedAt !== null && r.screenPaintedAt !== null,
            ),
          'the replay to be parsed after a reload',
          20_000,
        );
        parse.push((record.parsedAt ?? 0) - record.arrivedAt);
        paint.push((record.screenPaintedAt ?? 0) - record.arrivedAt);
        screenParse.push((record.screenParsedAt ?? 0) - record.arrivedAt);
        if (record.attachSentAt !== null) attach.push((record.parsedAt ?? 0) - record.attachSentAt);
      }
      const parseStats = summarize(parse);
      const paintStats = summarize(paint);
      const attachStats = summarize(attach);
      const hostStats = summarize(hostSide);
      const switchStats = summarize(switches);
      const sizeNote = `${size.cols}×${size.rows}, replay of ${replayChars.toLocaleString('en-US')} chars`;
      return {
        figures: [
          measured(
            GROUP,
            'paint',
            `Replay of a full ${ringLines}-line ring after a reload: arrival → visible screen painted, median`,
            paintStats.p50,
            'ms',
            atMost(30),
            sizeNote,
          ),
          measured(
            GROUP,
            'parse',
            `Replay of a full ${ringLines}-line ring into a fresh xterm (arrival → parsed), median`,
            parseStats.p50,
            'ms',
            atMost(50),
            sizeNote,
          ),
          measured(
            GROUP,
            'attach',
            'Attach after reload → replay parsed, median',
            attachStats.p50,
            'ms',
            atMost(50),
          ),
          measured(
            GROUP,
            'host',
            'Attach → replay arrival at a protocol client (host snapshot + hub + WebSocket), median',
            hostStats.p50,
            'ms',
          ),
          measured(
            GROUP,
            'switch.p50',
            `Switch between two live tabs, click → painted, median of ${switchStats.n}`,
            switchStats.p50,
            'ms',
            atMost(16),
          ),
          measured(
            GROUP,
            'switch.p95',
            'Switch between two live tabs, p95',
            switchStats.p95,
            'ms',
            atMost(16),
          ),
        ],
        details: {
          parseObservedVia: mode,
          size,
          replayChars,
          parse: parseStats,
          paint: paintStats,
          paintSamples: paint,
          screenParseSamples: screenParse,
          parseSamples: parse,
          attach: attachStats,
          hostSide: hostStats,
          switches: switchStats,
          switchSamples: switches,
        },
      };
    });
  },
};
