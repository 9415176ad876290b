// Replay through the real host: the snapshot holds exactly the ring's last lines, a snapshot taken while
// output flows joins the live output after it with no gap and no duplicate, and full-screen programs are
// nudged to repaint after a snapshot.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HostToHub } from '../../src/shared/host-protocol';
import { HostClient, outputLine, uniqueId, waitFor } from './helpers/host-client';

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
  it('holds exactly the last 2000 lines after 10 000 numbered lines', async () => {
    client = await HostClient.start();
    const id = uniqueId('ring');
    await client.spawnBash(id);
    client.run(id, 'seq 1 10000');
    await client.waitForOutput(id, /\r\n10000\r\n[\s\S]*\$ $/);

    const snapshot = await client.snapshot(id);
    expect(snapshot).not.toBeNull();
    const data = snapshot as string;
    const allLines = client.output(id).split('\n');
    const lastLines = allLines.slice(-2000).join('\n');
    // The ring's text is the stream's last 2000 lines; anything before it is the mode-restoring prefix.
    expect(data.endsWith(lastLines)).toBe(true);
    expect(data.length - lastLines.length).toBeLessThan(512);
    const numbers = numbered(data, '');
    // 1999 numbers plus the prompt line that follows them make 2000 lines.
    expect(numbers.length).toBe(1999);
    expect(numbers[0]).toBe(8002);
    expect(numbers.at(-1)).toBe(10000);
    expect(isConsecutive(numbers)).toBe(true);
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

describe('redraw nudge', () => {
  const rows = Array.from({ length: 300 }, (_, i) => `row-${String(i + 1).padStart(3, '0')}`);

  it.each([
    ['less', (file: string) => `less ${file}`],
    ['vim', (file: string) => `vim -u NONE -N -n ${file}`],
  ])('makes %s repaint its screen after a snapshot', async (_name, command) => {
    const file = join(dir, 'rows.txt');
    writeFileSync(file, `${rows.join('\n')}\n`);
    client = await HostClient.start();
    const host = client;
    const id = uniqueId('nudge');
    await host.spawnBash(id, { rows: 24, cols: 80 });
    host.run(id, command(file));
    await host.waitForOutput(id, 'row-020');
    // Let the program finish drawing, then take what arrives after the snapshot only.
    await waitFor(() => host.status(id)?.status === 'running', 5_000, 'the program in the foreground');
    const afterSnapshot: string[] = [];
    let snapshotSeen = false;
    host.onMessage((message) => {
      if (message.type === 'snapshot' && message.sessionId === id) snapshotSeen = true;
      else if (message.type === 'output' && message.sessionId === id && snapshotSeen)
        afterSnapshot.push(message.data);
    });
    const snapshot = await host.snapshot(id);
    expect(snapshot).toContain('row-001');
    await waitFor(
      () => {
        const repaint = afterSnapshot.join('');
        return ['row-001', 'row-010', 'row-020'].every((row) => repaint.includes(row));
      },
      5_000,
      () => `a repaint after the snapshot (got ${JSON.stringify(afterSnapshot.join('').slice(0, 200))})`,
    );
  });
});
