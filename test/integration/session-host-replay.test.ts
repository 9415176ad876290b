// Replay through the real host: the snapshot holds exactly the ring's last lines, a snapshot taken while
// output flows joins the live output after it with no gap and no duplicate, and real full-screen programs
// replay equal to their live output (the oracle: @xterm/headless fed the same bytes) without being redrawn.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HostToHub } from '../../src/shared/host-protocol';
import { HostClient, outputLine, uniqueId, waitFor } from './helpers/host-client';
import { expectSameTerminal, newTerminal, write } from './helpers/terminal-compare';

let client: HostClient | null = null;
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'host-replay-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await client?.close();
  client = null;
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal output is made of control characters
const CSI = /\x1b\[[0-9;?<>=]*[ -/]*[@-~]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal output is made of control characters
const SHORT_ESCAPE = /\x1b[()][0-9A-Za-z]|\x1b[=>78cDEHM]/g;

/** Visible text lines: escape sequences and carriage returns removed. */
function textLines(text: string): string[] {
  return text.replace(CSI, '').replace(SHORT_ESCAPE, '').replace(/\r/g, '').split('\n');
}

/** The numbers of lines that read exactly `<prefix><n>`. */
function numbered(text: string, prefix: string): number[] {
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  return textLines(text).flatMap((line) => {
    const match = pattern.exec(line);
    return match ? [Number(match[1])] : [];
  });
}

function isConsecutive(numbers: number[]): boolean {
  return numbers.every((n, i) => i === 0 || n === (numbers[i - 1] as number) + 1);
}

describe('snapshot', () => {
  it('holds exactly the last 2000 lines of scrollback and the screen after 10 000 numbered lines', async () => {
    client = await HostClient.start();
    const id = uniqueId('ring');
    const rows = 30;
    await client.spawnBash(id, { rows });
    client.run(id, 'seq 1 10000');
    await client.waitForOutput(id, /\r\n10000\r\n[\s\S]*\$ $/);

    const snapshot = await client.snapshot(id);
    expect(snapshot).not.toBeNull();
    const numbers = numbered(snapshot as string, '');
    // 2000 lines of scrollback and a screen whose last row is the prompt.
    expect(numbers.length).toBe(2000 + rows - 1);
    expect(numbers.at(-1)).toBe(10000);
    expect(isConsecutive(numbers)).toBe(true);
    expect(textLines(snapshot as string).at(-1)).toMatch(/\$ $/);
  });

  it('joins live output with no gap and no duplicate while output flows', async () => {
    client = await HostClient.start();
    const host = client;
    const id = uniqueId('flow');
    await host.spawnBash(id);
    // Channel order as received: outputs and snapshot replies interleaved.
    const events: HostToHub[] = [];
    host.onMessage((message) => {
      if ((message.type === 'output' || message.type === 'snapshot') && message.sessionId === id)
        events.push(message);
    });
    let requested = 0;
    let done = false;
    host.onMessage((message) => {
      // Ask for a snapshot on every output message while the loop runs: some land mid-flow.
      if (message.type === 'output' && message.sessionId === id && !done && requested < 40) {
        requested++;
        host.send({ type: 'snapshot', reqId: host.reqId(), sessionId: id });
      }
    });
    host.run(id, 'for i in $(seq 1 20000); do echo L$i; done');
    await host.waitForOutput(id, outputLine('L20000'), 20_000);
    done = true;
    await waitFor(
      () => events.filter((e) => e.type === 'snapshot').length === requested,
      10_000,
      'every snapshot reply',
    );

    let midFlow = 0;
    events.forEach((event, index) => {
      if (event.type !== 'snapshot') return;
      const after = events
        .slice(index + 1)
        .flatMap((e) => (e.type === 'output' ? [e.data] : []))
        .join('');
      const snapshotNumbers = numbered(event.data ?? '', 'L');
      const joined = numbered((event.data ?? '') + after, 'L');
      expect(isConsecutive(joined)).toBe(true);
      if (joined.length > 0) expect(joined.at(-1)).toBe(20000);
      const last = snapshotNumbers.at(-1);
      if (last !== undefined && last > 1 && last < 20000) midFlow++;
    });
    expect(midFlow).toBeGreaterThan(0);
  });
});

describe('full-screen programs replay as they are, untouched', () => {
  const rows = Array.from({ length: 300 }, (_, i) => `row-${String(i + 1).padStart(3, '0')}`);
  const size = { cols: 80, rows: 24 };

  it.each([
    [
      'vim',
      (file: string) => `vim -u NONE -N -n ${file}`,
      /"[^"]*rows\.txt" 300L/,
      ':echo "replayed"\r',
      'replayed',
    ],
    ['less', (file: string) => `less ${file}`, /row-020/, 'G', 'row-300'],
    ['top', () => 'top -d 30', /Tasks:/, 'q', /\$ $/],
  ] as const)(
    '%s: the snapshot shows what its live output shows, cell for cell, and the program is not made to redraw',
    async (_name, command, drawn, keys, answer) => {
      const file = join(dir, 'rows.txt');
      writeFileSync(file, `${rows.join('\n')}\n`);
      client = await HostClient.start();
      const host = client;
      const id = uniqueId('fullscreen');
      // Everything the session sends, and where in it the snapshot falls.
      let output = '';
      let atSnapshot = -1;
      host.onMessage((message) => {
        if (message.type === 'output' && message.sessionId === id) output += message.data;
        else if (message.type === 'snapshot' && message.sessionId === id) atSnapshot = output.length;
      });
      await host.spawnBash(id, size);
      host.run(id, command(file));
      await waitFor(() => drawn.test(output), 10_000, 'the program drawn');
      await waitFor(() => host.status(id)?.status === 'running', 5_000, 'the program in the foreground');
      const snapshot = (await host.snapshot(id)) ?? '';

      const live = newTerminal(size.cols, size.rows);
      await write(live, output.slice(0, atSnapshot));
      const replayed = newTerminal(size.cols, size.rows);
      await write(replayed, snapshot);
      await expectSameTerminal(replayed, live);

      // The program still answers keys, and what it sent after the snapshot is only that answer: no repaint.
      host.send({ type: 'write', sessionId: id, data: keys });
      await waitFor(
        () => (typeof answer === 'string' ? output.slice(atSnapshot).includes(answer) : answer.test(output)),
        10_000,
        'the answer to the keys',
      );
      expect(output.slice(atSnapshot)).not.toContain('row-001');
    },
  );
});
