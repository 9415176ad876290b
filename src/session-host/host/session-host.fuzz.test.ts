// Property-based fuzzing of `SessionHost.handle`, the session host's only door: every HubToHost type with
// wrong types, missing and extra fields, `__proto__` keys, 10 MB strings, NaN/negative/huge sizes, lone
// surrogates and unknown session ids, interleaved with PTY output (through the real replay ring), shell
// exits, passing time and channel backlog. Fakes stand in for node-pty, /proc and the reaper; the real-
// process check is test/integration/hardening-host-fuzz.test.ts. Every invalid message must be answered
// by exactly one `error` and change nothing; valid ones must get their documented answer; afterwards the
// host must still serve.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HostToHub as HostToHubSchema, HubToHost, SessionId } from '../../shared/host-protocol';
import { Reaping } from '../../shared/limits';
import {
  applyMutation,
  BROKEN_TEXT,
  type Mutation,
  mutation,
  PROTOTYPE_NAMES,
  TEN_MB,
} from '../../shared/testing/hostile-values';
import type { Reaper, ReapOptions, ReapResult, ReapTarget } from '../kill/process-reaper';
import type { ProcFs } from '../proc/proc-fs';
import { procSource } from '../proc/proc-source';
import { ActivityPoller } from '../status/activity-poller';
import { FakeLink, FakeMirror, FakePty, spawnRequestFor } from '../testing/fakes';
import { SessionHost } from './session-host';

/** Output a program could print, hostile escape sequences included. */
const PTY_OUTPUT = [
  'hello\r\n',
  '\x1b[?1049h\x1b[2J\x1b[H',
  '\x1b[?1049l',
  '\x1b]0;title\x07',
  '\x1b]7;file://host/tmp\x1b\\',
  '\x1bP$q"p\x1b\\',
  '\x1b[21t\x1b[20t',
  '\x1b]52;c;?\x07',
  '\x1b]8;;javascript:alert(1)\x1b\\x\x1b]8;;\x1b\\',
  '\x1b[', // cut in the middle of a sequence
  '\x07',
  'é'.repeat(300),
  ...BROKEN_TEXT,
  'z'.repeat(70_000),
];

class FakeReaper implements Reaper {
  readonly calls: ReapTarget[] = [];
  reap(target: ReapTarget, _options: ReapOptions): Promise<ReapResult> {
    this.calls.push(target);
    return Promise.resolve({ forced: false, survivors: [] });
  }
}

const procFs: ProcFs = {
  listPids: () => [],
  readStat: (pid) => `${pid} (sh) S 1 ${pid} ${pid} 34816 ${pid} 0 0 0 0 0 0 0 0 0 20 0 1 0 5 0 0`,
  readEnviron: () => null,
  readComm: () => 'sh',
  readCwd: () => '/tmp',
};

function setup(proc: ProcFs = procFs) {
  const link = new FakeLink();
  const reaper = new FakeReaper();
  const ptys = new Map<string, FakePty>();
  let nextPid = 5000;
  const host = new SessionHost({
    link,
    spawnPty: (options) => {
      const pty = new FakePty(nextPid++, options, 'sh');
      ptys.set(options.env.TABTERM_SESSION_ID ?? '', pty);
      return pty;
    },
    createMirror: () => new FakeMirror(),
    reaper,
    poller: new ActivityPoller(),
    processes: procSource(proc),
    hostId: 'fuzz-host',
    hostEnv: { PATH: '/usr/bin:/bin', HOME: '/root' },
    wallClock: () => 1_700_000_000_000,
  });
  return { host, link, reaper, ptys };
}

type Value = { known: number } | { literal: unknown };
type Step =
  | { kind: 'hub'; type: unknown; fields: Array<[string, Value]> }
  | { kind: 'raw'; raw: unknown }
  | { kind: 'data'; session: number; data: string }
  | { kind: 'exit'; session: number; code: number | null }
  | { kind: 'time'; ms: number }
  | { kind: 'backlog'; on: boolean };

const literal = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<Value> =>
  arbitrary.map((value): Value => ({ literal: value }));
const sessionId = fc.oneof(
  { weight: 6, arbitrary: fc.nat().map((known): Value => ({ known })) },
  {
    weight: 3,
    arbitrary: literal(
      fc.oneof(
        fc.constantFrom(...PROTOTYPE_NAMES, 'ghost', 'S'.repeat(64)),
        fc.string({ minLength: 1, maxLength: 64 }),
      ),
    ),
  },
  { weight: 1, arbitrary: literal(fc.constantFrom('', 'S'.repeat(65), TEN_MB, 3, null)) },
);
const size = (max: number) =>
  fc.oneof(
    { weight: 5, arbitrary: literal(fc.integer({ min: 1, max })) },
    { weight: 1, arbitrary: literal(fc.constantFrom(0, max + 1, -3, Number.NaN, 2 ** 31, 1.5, '80')) },
  );
const reqId = fc.oneof(
  { weight: 5, arbitrary: literal(fc.nat()) },
  { weight: 1, arbitrary: literal(fc.constantFrom(-1, 1.5, Number.NaN, '1', null)) },
);
/** Fields of a spawn request: a usable value (most of the time), or something hostile. */
const spawnField = <T, U>(usable: fc.Arbitrary<T>, hostile: fc.Arbitrary<U>): fc.Arbitrary<Value> =>
  fc.oneof({ weight: 9, arbitrary: literal(usable) }, { weight: 1, arbitrary: literal(hostile) });

const spawnRequest = fc.record({
  sessionId: fc.oneof(
    { weight: 4, arbitrary: fc.nat({ max: 30 }).map((n): Value => ({ literal: `fresh-${n}` })) },
    { weight: 2, arbitrary: sessionId },
  ),
  shell: spawnField(
    fc.constantFrom('/bin/sh', 'sh'),
    fc.constantFrom('/no/such/shell', '/tmp', 'relative/sh', '', '/bin/sh\0x', TEN_MB, 5),
  ),
  cwd: spawnField(
    fc.constant('/tmp'),
    fc.constantFrom('/no/such/dir', 'tmp', '/etc/passwd', '/tmp\0', '', 5),
  ),
  args: spawnField(fc.constantFrom([], ['-i'], ['\0']), fc.constantFrom([TEN_MB], [1], 'x', null)),
  env: spawnField(
    fc.constantFrom(
      {},
      { X: '1' },
      { TABTERM_SESSION_ID: 'spoofed', TABTERM_HOST_ID: 'spoofed', 'A=B': 'c', NUL: '\0' },
    ),
    fc.constantFrom(JSON.parse('{"__proto__":{"polluted":"yes"},"PATH":"/bin"}'), { X: 1 }, null, []),
  ),
  cols: size(1000),
  rows: size(500),
  preamble: fc.option(spawnField(fc.constant('old\r\n'), fc.constantFrom(TEN_MB, 7)), { nil: undefined }),
});

/** Field arbitraries per message type; `spawn` carries a nested request. */
const HUB_FIELDS: Record<string, Array<[string, fc.Arbitrary<Value>]>> = {
  configure: [
    [
      'config',
      literal(
        fc.constantFrom(
          { ringMaxLines: 2000, ringMaxBytes: 4 * 1024 * 1024 },
          { ringMaxLines: 1, ringMaxBytes: 1024 },
          { ringMaxLines: 0, ringMaxBytes: 1024 },
          { ringMaxLines: 10, ringMaxBytes: 10 },
          { ringMaxLines: Number.NaN, ringMaxBytes: 2048 },
          { ringMaxLines: 5 },
          null,
        ),
      ),
    ],
  ],
  write: [
    ['sessionId', sessionId],
    [
      'data',
      fc.oneof(
        literal(fc.string({ maxLength: 20 })),
        literal(fc.constantFrom(...BROKEN_TEXT, TEN_MB, 4, null)),
      ),
    ],
  ],
  resize: [
    ['sessionId', sessionId],
    ['cols', size(1000)],
    ['rows', size(500)],
  ],
  kill: [['sessionId', sessionId]],
  pause: [['sessionId', sessionId]],
  resume: [['sessionId', sessionId]],
  snapshot: [
    ['reqId', reqId],
    ['sessionId', sessionId],
  ],
  list: [['reqId', reqId]],
  reap_orphans: [
    ['reqId', reqId],
    [
      'hostIds',
      literal(fc.constantFrom([], ['dead-host'], ['fuzz-host'], ['x'.repeat(65)], [''], 'dead-host', [3])),
    ],
  ],
  ping: [['seq', fc.oneof(literal(fc.integer()), literal(fc.constantFrom(Number.NaN, 1.5, '1', 2 ** 60)))]],
  shutdown: [
    ['reqId', reqId],
    ['timeoutMs', literal(fc.constantFrom(0, 10, 1000, -1, Number.NaN, 1.5))],
  ],
};

/** A valid-shaped message, then maybe broken: a field dropped, an extra or `__proto__` key, a wrong type. */
function mutate(type: string, fields: Array<[string, Value]>, change: Mutation): Step {
  const broken = applyMutation(type, fields, change, (value): Value => ({ literal: value }));
  return { kind: 'hub', type: broken.type, fields: broken.fields };
}

const hubStep: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(reqId, spawnRequest, mutation).map(([id, request, change]) => {
      const requestFields = Object.entries(request).flatMap(([key, value]) =>
        value === undefined ? [] : [[key, value] as [string, Value]],
      );
      // The tab id is not fuzzed here (it is a plain label to the host).
      requestFields.push(['tabId', { literal: 'tab' }]);
      return mutate(
        'spawn',
        [
          ['reqId', id],
          ['request', { literal: { nested: requestFields } }],
        ],
        change,
      );
    }),
  },
  {
    weight: 10,
    arbitrary: fc
      .constantFrom(...Object.keys(HUB_FIELDS))
      .chain((type) =>
        fc
          .tuple(
            fc.tuple(
              ...(HUB_FIELDS[type] ?? []).map(([name, value]) =>
                value.map((v) => [name, v] as [string, Value]),
              ),
            ),
            mutation,
          )
          .map(([fields, change]) => mutate(type, fields, change)),
      ),
  },
);

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: hubStep },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.anything({ maxDepth: 3 }),
        fc.constantFrom(null, undefined, TEN_MB, 0, Object.create(null)),
        fc.constant(JSON.parse('{"type":"ping","seq":1,"__proto__":{"polluted":true}}')),
      )
      .map((raw): Step => ({ kind: 'raw', raw })),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.nat(), fc.constantFrom(...PTY_OUTPUT))
      .map(([session, data]): Step => ({ kind: 'data', session, data })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.nat(), fc.constantFrom(0, 1, 130, null))
      .map(([session, code]): Step => ({ kind: 'exit', session, code })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 2000 }).map((ms): Step => ({ kind: 'time', ms })) },
  { weight: 1, arbitrary: fc.boolean().map((on): Step => ({ kind: 'backlog', on })) },
);

function objectOf(fields: Array<[string, unknown]>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of fields) {
    Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

/** What a message can make a PTY do. Pause/resume are left out: any reply sent while the channel is
 *  backlogged pauses every PTY, which is flow control, not an effect of the message. */
function effects(ptys: ReadonlyMap<string, FakePty>): number {
  let count = 0;
  for (const pty of ptys.values()) {
    count += pty.written.length + pty.calls.filter((c) => c !== 'pause' && c !== 'resume').length;
  }
  return count;
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeEach(() => {
  // Batching and status polling run on timers: time passes only when a step says so.
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'performance', 'Date'],
  });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('session host fuzzing', () => {
  it('answers every invalid message with one error and changes nothing; valid ones get their answer', async () => {
    let cases = 0;
    const seen = { invalid: 0, valid: 0, unknownSession: 0, spawned: 0 };
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 75, maxLength: 100, size: 'max' }), async (steps) => {
        const { host, link, reaper, ptys } = setup();
        /** Session ids in spawn order; `known` values pick from it. */
        const spawned: string[] = [];
        let checked = 0;
        // An id is reusable once its session was reaped, so it may appear twice.
        const alive = () => [...new Set(spawned)].filter((id) => ptys.get(id)?.exited === false);
        const resolve = (value: Value): unknown => {
          if ('known' in value) return spawned[value.known % Math.max(1, spawned.length)] ?? 'none-yet';
          const nested = value.literal;
          if (
            typeof nested === 'object' &&
            nested !== null &&
            'nested' in nested &&
            Array.isArray(nested.nested)
          ) {
            return objectOf((nested.nested as Array<[string, Value]>).map(([k, v]) => [k, resolve(v)]));
          }
          return nested;
        };

        for (const current of steps) {
          const before = link.sent.length;
          if (current.kind === 'data' || current.kind === 'exit') {
            const live = alive();
            const id = live[current.session % Math.max(1, live.length)];
            const pty = id === undefined ? undefined : ptys.get(id);
            if (current.kind === 'data') pty?.emitData(current.data);
            else pty?.emitExit({ exitCode: current.code, signal: current.code === null ? 9 : null });
          } else if (current.kind === 'time') {
            vi.advanceTimersByTime(current.ms);
          } else if (current.kind === 'backlog') {
            if (current.on) link.backlogged = true;
            else link.drained();
          } else {
            const raw =
              current.kind === 'raw'
                ? current.raw
                : objectOf([
                    ['type', current.type],
                    ...current.fields.map(([k, v]): [string, unknown] => [k, resolve(v)]),
                  ]);
            cases += 1;
            const parsed = HubToHost.safeParse(raw);
            const ptyCount = ptys.size;
            const reaps = reaper.calls.length;
            const writes = effects(ptys);
            const liveBefore = alive();
            expect(() => host.handle(raw)).not.toThrow();
            const fresh = link.sent.slice(before);
            if (!parsed.success) {
              seen.invalid += 1;
              expect(fresh).toHaveLength(1);
              // A spawn that names its request and session gets that request's failure; the rest an error.
              const request = (raw ?? {}) as {
                type?: unknown;
                reqId?: unknown;
                request?: { sessionId?: unknown };
              };
              const answerable =
                request.type === 'spawn' &&
                Number.isSafeInteger(request.reqId) &&
                (request.reqId as number) >= 0 &&
                SessionId.safeParse(request.request?.sessionId).success;
              expect(fresh[0]).toMatchObject(
                answerable
                  ? {
                      type: 'spawn_failed',
                      reqId: request.reqId,
                      sessionId: request.request?.sessionId,
                      message: expect.stringMatching(/^Invalid spawn request: .{3,}/),
                    }
                  : { type: 'error', message: expect.stringMatching(/^Invalid message: .{3,}/) },
              );
              expect(ptys.size).toBe(ptyCount);
              expect(reaper.calls.length).toBe(reaps);
              expect(effects(ptys)).toBe(writes);
            } else {
              seen.valid += 1;
              const message = parsed.data;
              const isLive = 'sessionId' in message && liveBefore.includes(message.sessionId);
              const neverSpawned = 'sessionId' in message && !spawned.includes(message.sessionId);
              if (neverSpawned) seen.unknownSession += 1;
              switch (message.type) {
                case 'configure':
                case 'pause':
                case 'resume':
                  expect(fresh.filter((m) => m.type === 'error')).toEqual([]);
                  break;
                case 'resize':
                  expect(fresh).toEqual([]);
                  if (isLive)
                    expect(ptys.get(message.sessionId)?.calls.at(-1)).toBe(
                      `resize ${message.cols}x${message.rows}`,
                    );
                  break;
                case 'write':
                  if (isLive) {
                    expect(fresh.filter((m) => m.type === 'error')).toEqual([]);
                    expect(ptys.get(message.sessionId)?.written.at(-1)).toBe(message.data);
                  } else {
                    expect(fresh).toEqual([
                      {
                        type: 'error',
                        sessionId: message.sessionId,
                        message: `No session "${message.sessionId}"`,
                      },
                    ]);
                  }
                  break;
                case 'kill':
                  if (neverSpawned) {
                    expect(fresh).toEqual([
                      {
                        type: 'error',
                        sessionId: message.sessionId,
                        message: `No session "${message.sessionId}"`,
                      },
                    ]);
                    expect(reaper.calls.length).toBe(reaps);
                  }
                  if (isLive) expect(reaper.calls.length).toBeGreaterThanOrEqual(reaps);
                  break;
                case 'snapshot': {
                  const reply = fresh.find((m) => m.type === 'snapshot');
                  expect(reply).toMatchObject({ reqId: message.reqId, sessionId: message.sessionId });
                  if (neverSpawned) expect(reply).toMatchObject({ data: null });
                  if (isLive) expect(typeof (reply?.type === 'snapshot' ? reply.data : null)).toBe('string');
                  break;
                }
                case 'list': {
                  const reply = fresh.find((m) => m.type === 'sessions');
                  expect(reply?.type === 'sessions' && reply.reqId).toBe(message.reqId);
                  expect(reply?.type === 'sessions' && reply.sessions.map((s) => s.sessionId).sort()).toEqual(
                    [...liveBefore].sort(),
                  );
                  break;
                }
                case 'ping':
                  expect(fresh).toEqual([{ type: 'pong', seq: message.seq }]);
                  break;
                case 'reap_orphans':
                  await settle();
                  expect(
                    link.sent
                      .slice(before)
                      .some((m) => m.type === 'orphans_reaped' && m.reqId === message.reqId),
                  ).toBe(true);
                  break;
                case 'shutdown':
                  await settle();
                  expect(
                    link.sent
                      .slice(before)
                      .some((m) => m.type === 'shutdown_done' && m.reqId === message.reqId),
                  ).toBe(true);
                  break;
                case 'spawn': {
                  const replies = fresh.filter(
                    (m) => (m.type === 'spawned' || m.type === 'spawn_failed') && m.reqId === message.reqId,
                  );
                  expect(replies).toHaveLength(1);
                  const { request } = message;
                  const fine =
                    (request.shell === '/bin/sh' || request.shell === 'sh') && request.cwd === '/tmp';
                  if (replies[0]?.type === 'spawned') {
                    seen.spawned += 1;
                    expect(fine).toBe(true);
                    expect(liveBefore).not.toContain(request.sessionId);
                    spawned.push(request.sessionId);
                    const env = ptys.get(request.sessionId)?.options.env;
                    // The markers cannot be overridden by the request.
                    expect(env?.TABTERM_SESSION_ID).toBe(request.sessionId);
                    expect(env?.TABTERM_HOST_ID).toBe('fuzz-host');
                  } else {
                    expect(replies[0]).toMatchObject({
                      sessionId: request.sessionId,
                    });
                    expect(replies[0]?.type === 'spawn_failed' && replies[0].message.length).toBeGreaterThan(
                      10,
                    );
                    if (fine && !spawned.includes(request.sessionId)) {
                      throw new Error(`a fresh, valid spawn failed: ${JSON.stringify(replies[0])}`);
                    }
                  }
                  break;
                }
                default:
                  message satisfies never;
              }
            }
          }
          await settle();
          // Everything the host said (replies, output, status, exits) is valid on the hub's side too.
          for (const message of link.sent.slice(checked)) {
            const check = HostToHubSchema.safeParse(message);
            expect(check.success, check.success ? '' : JSON.stringify(check.error.issues).slice(0, 300)).toBe(
              true,
            );
          }
          checked = link.sent.length;
          expect(host.sessionCount).toBe(alive().length);
        }
        // Still serving: answers a ping and starts a new session.
        link.drained();
        const before = link.sent.length;
        host.handle({ type: 'ping', seq: 42 });
        host.handle({
          type: 'spawn',
          reqId: 999_999,
          request: spawnRequestFor('after', { tabId: 't' }),
        });
        expect(link.sent.slice(before).map((m) => m.type)).toEqual(['pong', 'spawned', 'status']);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
      }),
      { numRuns: 200 },
    );
    expect(cases).toBeGreaterThanOrEqual(10_000);
    expect(seen.valid).toBeGreaterThan(cases / 5);
    expect(seen.invalid).toBeGreaterThan(cases / 10);
    expect(seen.unknownSession).toBeGreaterThan(cases / 50);
    expect(seen.spawned).toBeGreaterThan(cases / 50);
  }, 60_000);

  it('forgets exited sessions that left nothing running, keeps those that did, and stays bounded', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 400 }),
        fc.uniqueArray(fc.nat({ max: 399 }), { maxLength: 5 }),
        async (count, leftovers) => {
          // Processes still running with the markers of these sessions (say `sleep 99 &; exit`).
          const kept = leftovers.filter((n) => n < count).map((n) => `exited-${n}`);
          const proc: ProcFs = {
            ...procFs,
            listPids: () => [1, ...kept.map((_, i) => 9000 + i)],
            readEnviron: (pid) => {
              const id = kept[pid - 9000];
              return id ? `TABTERM_HOST_ID=fuzz-host\0TABTERM_SESSION_ID=${id}\0` : null;
            },
          };
          const { host, ptys, reaper } = setup(proc);
          for (let n = 0; n < count; n++) {
            host.handle({
              type: 'spawn',
              reqId: n,
              request: spawnRequestFor(`exited-${n}`, { tabId: 't' }),
            });
            ptys.get(`exited-${n}`)?.emitExit({ exitCode: 0, signal: null });
            // Pruning reads the process table, which takes a turn (a backend may run `ps`).
            if (n % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
          }
          await host.shutdown(1000);
          const reaped = reaper.calls.map((target) => target.sessionId);
          // Those with leftovers are always ended at shutdown...
          for (const id of kept) expect(reaped).toContain(id);
          // ...and the list never holds more than twice the pruning size (here: kept ones plus new ones).
          expect(reaped.length).toBeLessThan(2 * Reaping.exitedPruneFrom);
          // Below the pruning size nothing is looked up or forgotten.
          if (count < Reaping.exitedPruneFrom) expect(reaped.length).toBe(count);
        },
      ),
      { numRuns: 60 },
    );
  });
});
