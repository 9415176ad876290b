// Input queued for a terminal never reaches a terminal opened after it closed (issue 16, item 2;
// microsoft/node-pty#220). node-pty retried queued writes on the bare descriptor number after the PTY had
// closed; the next PTY gets the lowest free number, so the rest of a paste — a password, say — was typed
// into another shell. This drives our pty adapter directly, without the session host's own drop of pending
// input, so what it proves is the write fence in the node-pty we carry (patches/node-pty+*.patch).
import { describe, expect, it } from 'vitest';
import { spawnPty } from '../../src/session-host/pty/pty-adapter';
import type { PtyProcess } from '../../src/session-host/pty/pty-process';
import { descriptorTargets } from '../support/proc';
import { waitFor } from './helpers/host-client';

const ROUNDS = 10;
const PASTE = 'echo INJECTED-FROM-A-CLOSED-TAB\r'.repeat(50_000);

function masters(): Set<number> {
  const fds = new Set<number>();
  for (const [fd, target] of descriptorTargets('self')) if (target === '/dev/ptmx') fds.add(fd);
  return fds;
}

function open(file: string, args: string[]): { pty: PtyProcess; fd: number } {
  const before = masters();
  const pty = spawnPty({
    file,
    args,
    cwd: '/tmp',
    env: { PATH: process.env.PATH ?? '' },
    cols: 80,
    rows: 24,
  });
  const fd = [...masters()].find((candidate) => !before.has(candidate));
  if (fd === undefined) throw new Error('no new PTY master descriptor');
  return { pty, fd };
}

describe.skipIf(process.platform !== 'linux')('a write queued when a terminal closes', () => {
  it('never reaches a terminal opened after it, even one that got the same descriptor number', async () => {
    let reused = 0;
    const leaked: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // A program that never reads: most of the paste waits in node-pty's write queue.
      const stuck = open('/bin/sleep', ['100']);
      stuck.pty.write(PASTE);
      const next = new Promise<{ pty: PtyProcess; fd: number; output: string[] }>((resolve) => {
        stuck.pty.onExit(() => {
          // Opened in the same turn as the close: it gets the closed terminal's descriptor number.
          const opened = { ...open('/bin/cat', []), output: [] as string[] };
          opened.pty.onData((data) => opened.output.push(data));
          resolve(opened);
        });
      });
      stuck.pty.kill('SIGKILL');
      const victim = await next;
      if (victim.fd === stuck.fd) reused++;
      victim.pty.write('victim-alive\r');
      await waitFor(() => victim.output.join('').includes('victim-alive'), 5_000, 'the new terminal to echo');
      // Give a retry of the old queue every chance to land.
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (victim.output.join('').includes('INJECTED')) leaked.push(round);
      const exited = new Promise((resolve) => victim.pty.onExit(resolve));
      victim.pty.kill('SIGKILL');
      await exited;
    }
    // The new terminals did take the closed ones' numbers (else this proves nothing).
    expect(reused).toBeGreaterThanOrEqual(ROUNDS / 2);
    expect(leaked).toEqual([]);
  }, 60_000);
});
