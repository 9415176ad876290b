// Garbage over the real fork channel (serialization 'advanced', as the hub uses it, so Maps, BigInts,
// Dates, typed arrays and cycles arrive intact) must not take the session host down: every invalid
// message gets one `error`, a live bash session keeps working, hostile spawns (NUL bytes, 10 MB
// arguments, bad environment names) are refused with a reason, and spoofed markers are ignored. The
// fast, exhaustive fuzz of the same handler is src/session-host/host/session-host.fuzz.test.ts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubToHost } from '../../src/shared/host-protocol';
import { TEN_MB } from '../../src/shared/testing/hostile-values';
import { isAlive, markedPids } from '../support/proc';
import { HostClient, outputLine, uniqueId, waitFor } from './helpers/host-client';

let host: HostClient;
let live: string;

beforeAll(async () => {
  host = await HostClient.start();
  live = uniqueId('fuzz-live');
  await host.spawnBash(live);
});

afterAll(async () => {
  await host?.close();
});

function circular(): unknown {
  const message: Record<string, unknown> = { type: 'spawn', reqId: 1 };
  message.request = message;
  return message;
}

function garbageFor(live: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.anything({
      maxDepth: 3,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withTypedArray: true,
      withNullPrototype: true,
    }),
    fc.constantFrom<unknown>(
      null,
      0,
      'ping',
      TEN_MB,
      [{ type: 'ping', seq: 1 }],
      { type: 'ping', seq: 1n },
      { type: 'ping', seq: 1, extra: new Map([[1, 2]]) },
      { type: 'write', sessionId: live, data: new Uint8Array([101, 99, 104, 111]) },
      { type: 'write', sessionId: 'x'.repeat(65), data: 'rm -rf ~\r' },
      { type: 'write', sessionId: 'ghost', data: TEN_MB },
      { type: 'resize', sessionId: live, cols: Number.NaN, rows: 24 },
      { type: 'resize', sessionId: live, cols: 1e9, rows: -1 },
      { type: 'kill', sessionId: '../../etc' },
      { type: 'configure', config: { ringMaxLines: 0, ringMaxBytes: 1 } },
      { type: 'snapshot', reqId: -1, sessionId: live },
      { type: 'shutdown', reqId: 1, timeoutMs: -5 },
      JSON.parse('{"type":"ping","seq":1,"__proto__":{"polluted":true}}'),
      new Date(0),
      new Error('boom'),
    ),
    fc.constant(null).map(() => circular()),
  );
}

/** The channel itself refuses some top-level values (a bare BigInt, undefined); those go wrapped. */
function sendable(value: unknown): unknown {
  return typeof value === 'bigint' || typeof value === 'symbol' || value === undefined ? { value } : value;
}

describe('the real session host under garbage', () => {
  it('answers 1 000 invalid messages with errors and keeps its live session working', async () => {
    const errorsBefore = host.messages.filter((m) => m.type === 'error').length;
    const sent = fc.sample(garbageFor(live), { numRuns: 1_000, seed: 20_240_806 }).map(sendable);
    let invalid = 0;
    /** Valid messages about sessions that do not exist are answered with an error too. */
    let unknown = 0;
    for (const message of sent) {
      const parsed = HubToHost.safeParse(message);
      if (!parsed.success) invalid += 1;
      else if (
        (parsed.data.type === 'write' || parsed.data.type === 'kill') &&
        parsed.data.sessionId !== live
      )
        unknown += 1;
      host.sendRaw(message);
    }
    expect(invalid).toBeGreaterThan(900);
    host.send({ type: 'ping', seq: 777 });
    await host.next('pong', (m) => m.seq === 777, 20_000);
    expect(host.messages.filter((m) => m.type === 'error').length - errorsBefore).toBe(invalid + unknown);
    expect(host.invalid).toEqual([]);
    expect(isAlive(host.pid)).toBe(true);
    host.run(live, 'echo still-$((6*7))');
    await host.waitForOutput(live, outputLine('still-42'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses hostile spawns with a reason (NUL bytes, 10 MB arguments, bad env names) and ignores spoofed markers', async () => {
    const base = { tabId: 'tab', cwd: '/tmp', cols: 80, rows: 24 };
    const refused = [
      await host.spawn(uniqueId('nul-shell'), '/bin/sh\0-c', [], base),
      await host.spawn(uniqueId('nul-arg'), '/bin/sh', ['-c', 'echo a\0b; sleep 100'], base),
      await host.spawn(uniqueId('huge-arg'), '/bin/sh', ['-c', TEN_MB], base),
      await host.spawn(uniqueId('bad-env'), '/bin/sh', ['-c', 'sleep 100'], {
        ...base,
        env: { 'BAD=NAME': 'x' },
      }),
      await host.spawn(uniqueId('nul-env'), '/bin/sh', ['-c', 'sleep 100'], {
        ...base,
        env: { NUL: 'a\0b' },
      }),
    ];
    expect(refused.map((reply) => reply.type)).toEqual(Array(refused.length).fill('spawn_failed'));
    for (const reply of refused) {
      if (reply.type !== 'spawn_failed') continue;
      expect(reply.message).toMatch(/^Invalid spawn request: /);
      // The reason, not the request: a 10 MB argument is not echoed back.
      expect(reply.message.length).toBeLessThan(1_000);
    }
    const spoofId = uniqueId('spoof');
    const spoof = await host.spawn(spoofId, '/bin/sh', ['-c', 'sleep 100'], {
      ...base,
      env: { TABTERM_SESSION_ID: 'someone-else', TABTERM_HOST_ID: 'another-host' },
    });
    expect(spoof.type).toBe('spawned');
    // The marker always names the real session, whatever the request said.
    await waitFor(() => markedPids(spoofId).length > 0, 5_000, 'the marker');
    expect(markedPids('someone-else')).toEqual([]);
    expect(isAlive(host.pid)).toBe(true);
    host.run(live, 'echo after-$((2*21))');
    await host.waitForOutput(live, outputLine('after-42'));
    host.send({ type: 'kill', sessionId: spoofId });
  });
});
