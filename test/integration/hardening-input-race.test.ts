// Input queued for a session must never reach another one. node-pty 1.1 queues writes the PTY cannot
// take yet (a program that does not read, a big paste) and retries them on the numeric descriptor; when
// the session ends, that descriptor is closed — and the next PTY opened gets the same number, so the
// rest of the queue was typed into a brand-new session (microsoft/node-pty#220, unfixed on Unix). Found
// by the soak ("Unhandled pty write error EBADF"). Here: paste into a session whose program never reads,
// kill it, and spawn sessions while it dies; none of them may ever see the paste.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostClient, uniqueId, waitFor } from './helpers/host-client';

const ROUNDS = 8;
const PASTE = 'echo INJECTED-FROM-ANOTHER-TAB\r'.repeat(20_000);

let host: HostClient;

beforeAll(async () => {
  host = await HostClient.start();
});

afterAll(async () => {
  await host?.close();
});

describe('input queued for a dying session', () => {
  it('is dropped, never typed into a session spawned while it dies', async () => {
    const victims: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const stuck = uniqueId('stuck');
      const reply = await host.spawn(stuck, '/bin/sh', ['-c', 'sleep 100'], { cwd: '/tmp' });
      expect(reply.type).toBe('spawned');
      // 600 KB the program never reads: most of it waits in the host's write queue.
      host.send({ type: 'write', sessionId: stuck, data: PASTE });
      await waitFor(() => host.status(stuck) !== null, 5_000, 'the stuck session to report');
      host.send({ type: 'kill', sessionId: stuck });
      let ended = false;
      void host
        .next('exit', (m) => m.sessionId === stuck, 10_000)
        .then(() => {
          ended = true;
        });
      // New sessions while it dies, one every few ms, so one of them gets its descriptor number.
      while (!ended && victims.length < (round + 1) * 40) {
        const victim = uniqueId('victim');
        victims.push(victim);
        host.send({
          type: 'spawn',
          reqId: host.reqId(),
          request: {
            sessionId: victim,
            tabId: 'tab',
            shell: '/bin/cat',
            args: [],
            cwd: '/tmp',
            env: {},
            cols: 80,
            rows: 24,
          },
        });
        await new Promise((resolve) => setTimeout(resolve, 3));
      }
      await waitFor(() => ended, 10_000, 'the stuck session to end');
    }
    // End every victim; its output up to its exit is then in (the host flushes before `exit`).
    await host.shutdown(5_000);
    const started = victims.filter((victim) =>
      host.messages.some((m) => m.type === 'spawned' && m.session.sessionId === victim),
    );
    await waitFor(
      () => started.every((victim) => host.messages.some((m) => m.type === 'exit' && m.sessionId === victim)),
      10_000,
      'every victim to exit',
    );
    // Sessions really were started while the stuck ones died (else this proves nothing).
    expect(started.length).toBeGreaterThanOrEqual(ROUNDS * 2);
    const injected = victims.filter((victim) => host.output(victim).includes('INJECTED'));
    expect(injected).toEqual([]);
  }, 60_000);
});
