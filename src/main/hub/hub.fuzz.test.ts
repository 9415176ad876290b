// Property-based fuzzing of everything that reaches the hub: client messages (wrong types, missing and
// extra fields, 10 MB strings, NaN/negative/huge sizes, lone surrogates, `__proto__` keys, ids that are
// valid in shape but name nothing, including Object.prototype's own names) interleaved with garbage and
// valid-shaped messages from the session host. Each run drives a fresh hub through a sequence; after
// every step the layout must still be whole, every refusal must be a clear `terminal_error` with the
// right code, and nothing may be changed by a refused message. hub.test.ts keeps the simpler fuzz.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTabName, checkWorkspaceName } from '../../shared/names';
import {
  ClientMessage,
  type ErrorCode,
  type Layout,
  parseServerMessage,
  type ServerMessage,
} from '../../shared/protocol';
import { defaultSettings } from '../../shared/settings';
import {
  applyMutation,
  BROKEN_TEXT,
  junk,
  mutation,
  PROTOTYPE_NAMES,
  TEN_MB,
} from '../../shared/testing/hostile-values';
import { FakeHost, fakeHubOptions } from './fake-host';
import { Hub } from './hub';
import type { HubClient, HubConnection } from './hub-client';

const ONE_MIB_INPUT = 'y'.repeat(1024 * 1024);

class Recorder implements HubClient {
  readonly received: ServerMessage[] = [];
  connection: HubConnection | null = null;
  constructor(readonly id: string) {}
  send(message: ServerMessage): void {
    this.received.push(message);
  }
}

type Pool = 'tab' | 'session' | 'workspace';
/** A field value, resolved against the hub's state when the step runs (ids that exist right then). */
type Value = { known: Pool; n: number } | { literal: unknown };
type Step =
  | { from: 'client'; client: 0 | 1; type: unknown; fields: Array<[string, Value]> }
  | { from: 'raw'; client: 0 | 1; raw: unknown }
  | { from: 'host'; type: string; fields: Array<[string, Value]> };

const unknownId = fc.oneof(
  fc.constantFrom(...PROTOTYPE_NAMES, 'nope', 'id999999', 'A'.repeat(64)),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
);

function idOf(pool: Pool): fc.Arbitrary<Value> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.nat().map((n): Value => ({ known: pool, n })) },
    { weight: 3, arbitrary: unknownId.map((id): Value => ({ literal: id })) },
    { weight: 1, arbitrary: junk.map((value): Value => ({ literal: value })) },
  );
}

const literal = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<Value> =>
  arbitrary.map((value): Value => ({ literal: value }));

const size = (max: number) =>
  fc.oneof(
    { weight: 5, arbitrary: literal(fc.integer({ min: 2, max })) },
    { weight: 1, arbitrary: literal(fc.constantFrom(0, 1, max + 1, -80, 2 ** 31, Number.NaN, 80.5, '80')) },
  );
const text = fc.oneof(
  { weight: 4, arbitrary: literal(fc.string({ maxLength: 70 })) },
  { weight: 1, arbitrary: literal(fc.constantFrom(...BROKEN_TEXT, TEN_MB, '   ', 'x'.repeat(41))) },
  { weight: 1, arbitrary: literal(fc.constantFrom(null, 42)) },
);
const cwd = literal(fc.constantFrom('/', '/tmp', '/no/such/dir', '', TEN_MB, 'relative', 7));
const index = literal(fc.constantFrom(0, 1, 3, 1000, -1, 1.5, Number.NaN, null));

/** Each client message type with arbitraries for its fields (required first, then optional ones). */
const CLIENT_FIELDS: Record<string, Array<[string, fc.Arbitrary<Value>, 'optional'?]>> = {
  terminal_spawn: [
    ['tabId', idOf('tab')],
    ['cols', size(1000)],
    ['rows', size(500)],
    ['cwd', cwd, 'optional'],
    ['profile', idOf('workspace'), 'optional'],
  ],
  terminal_attach: [
    ['tabId', idOf('tab')],
    ['sessionId', idOf('session')],
    ['cols', size(1000)],
    ['rows', size(500)],
  ],
  terminal_detach: [
    ['tabId', idOf('tab')],
    ['sessionId', idOf('session')],
  ],
  terminal_input: [
    ['sessionId', idOf('session')],
    [
      'data',
      fc.oneof(
        literal(fc.string({ maxLength: 20 })),
        literal(fc.constantFrom(...BROKEN_TEXT, ONE_MIB_INPUT, TEN_MB, 5, null)),
      ),
    ],
  ],
  terminal_resize: [
    ['sessionId', idOf('session')],
    ['cols', size(1000)],
    ['rows', size(500)],
  ],
  terminal_ack: [
    ['sessionId', idOf('session')],
    [
      'chars',
      literal(fc.constantFrom(1, 5000, 100_001, Number.MAX_SAFE_INTEGER, 0, -5, Number.NaN, 2 ** 60, 1.5)),
    ],
  ],
  terminal_kill: [
    ['tabId', idOf('tab')],
    ['sessionId', idOf('session')],
  ],
  tab_create: [
    ['workspaceId', idOf('workspace')],
    ['cwd', cwd, 'optional'],
    ['profile', idOf('workspace'), 'optional'],
    ['index', index, 'optional'],
  ],
  tab_close: [['tabId', idOf('tab')]],
  tab_rename: [
    ['tabId', idOf('tab')],
    ['name', text],
  ],
  tab_move: [
    ['tabId', idOf('tab')],
    ['workspaceId', idOf('workspace')],
    ['index', index, 'optional'],
  ],
  tab_activate: [['tabId', idOf('tab')]],
  workspace_create: [['name', text, 'optional']],
  workspace_rename: [
    ['workspaceId', idOf('workspace')],
    ['name', text],
  ],
  workspace_delete: [['workspaceId', idOf('workspace')]],
  workspace_activate: [['workspaceId', idOf('workspace')]],
  workspace_move: [
    ['workspaceId', idOf('workspace')],
    ['index', index],
  ],
  host_restart: [],
};

/** A valid-shaped message, then maybe broken: a field dropped, an extra or `__proto__` key, a wrong type. */
function clientStep(type: string): fc.Arbitrary<Step> {
  const spec = CLIENT_FIELDS[type] ?? [];
  const fields = fc.tuple(
    ...spec.map(([name, arbitrary, optional]) =>
      optional
        ? fc.option(arbitrary, { nil: undefined }).map((v) => [name, v] as const)
        : arbitrary.map((v) => [name, v] as const),
    ),
  );
  return fc.tuple(fields, mutation, fc.constantFrom<0 | 1>(0, 1)).map(([raw, change, client]) => {
    const present: Array<[string, Value]> = raw.flatMap(([name, value]) =>
      value === undefined ? [] : [[name, value] as [string, Value]],
    );
    const broken = applyMutation(type, present, change, (value): Value => ({ literal: value }));
    return { from: 'client', client, type: broken.type, fields: broken.fields };
  });
}

const hostStep: fc.Arbitrary<Step> = fc.oneof(
  fc.tuple(idOf('session'), literal(fc.constantFrom('out', TEN_MB, ...BROKEN_TEXT, 7))).map(
    ([sessionId, data]): Step => ({
      from: 'host',
      type: 'output',
      fields: [
        ['sessionId', sessionId],
        ['data', data],
      ],
    }),
  ),
  fc.tuple(idOf('session'), literal(fc.constantFrom(0, 3, null, -1, 1.5, 'x'))).map(
    ([sessionId, exitCode]): Step => ({
      from: 'host',
      type: 'exit',
      fields: [
        ['sessionId', sessionId],
        ['exitCode', exitCode],
        ['signal', { literal: null }],
      ],
    }),
  ),
  fc
    .tuple(
      fc.constantFrom('snapshot', 'spawn_failed'),
      literal(fc.constantFrom(0, 1, 2, 9999, -1)),
      idOf('session'),
    )
    .map(
      ([type, reqId, sessionId]): Step => ({
        from: 'host',
        type,
        fields: [
          ['reqId', reqId],
          ['sessionId', sessionId],
          ['data', { literal: 'stale reply' }],
          ['message', { literal: 'm' }],
        ],
      }),
    ),
  fc
    .tuple(
      fc.constantFrom('pong', 'hello', 'error', 'sessions', 'shutdown_done', 'nonsense', '__proto__'),
      junk,
    )
    .map(
      ([type, value]): Step => ({
        from: 'host',
        type,
        fields: [
          ['seq', { literal: value }],
          ['pid', { literal: value }],
        ],
      }),
    ),
  fc.tuple(idOf('session'), literal(fc.constantFrom('vim', TEN_MB.slice(0, 100_000), ...BROKEN_TEXT))).map(
    ([sessionId, title]): Step => ({
      from: 'host',
      type: 'status',
      fields: [
        ['sessionId', sessionId],
        ['title', title],
      ],
    }),
  ),
);

const rawStep: fc.Arbitrary<Step> = fc
  .tuple(
    fc.oneof(
      fc.anything({ maxDepth: 3 }),
      fc.constantFrom(null, undefined, TEN_MB, 42, [], Object.create(null), nestedArrays(10_000)),
      fc.constant(JSON.parse('{"type":"tab_activate","tabId":"x","__proto__":{"polluted":true}}')),
      fc.constant(JSON.parse('{"__proto__":{"type":"host_restart"}}')),
    ),
    fc.constantFrom<0 | 1>(0, 1),
  )
  .map(([raw, client]): Step => ({ from: 'raw', client, raw }));

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 14, arbitrary: fc.constantFrom(...Object.keys(CLIENT_FIELDS)).chain(clientStep) },
  { weight: 3, arbitrary: hostStep },
  { weight: 1, arbitrary: rawStep },
);

function nestedArrays(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** Own properties only, so `__proto__` is a key like any other (as JSON.parse and IPC deliver it). */
function objectOf(fields: Array<[string, unknown]>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of fields) {
    Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function isDirectoryName(path: unknown): boolean {
  return path === '/' || path === '/tmp';
}

/** Valid requests that may still be refused: the session limit, or a client that is not attached. */
const UNCERTAIN = new Set(['terminal_spawn', 'terminal_input', 'terminal_resize']);

/** The refusal a valid message must get, judged from the state before it; null when none is certain. */
function expectedRefusal(
  message: ClientMessage,
  layout: Layout,
  live: ReadonlyMap<string, string>,
): ErrorCode | null {
  const tabExists = (id: string) => Object.hasOwn(layout.tabs, id);
  const workspaceExists = (id: string) => layout.workspaces.some((w) => w.id === id);
  switch (message.type) {
    case 'terminal_spawn':
      return tabExists(message.tabId) ? null : 'unknown_tab';
    case 'terminal_attach':
    case 'terminal_kill':
      return live.get(message.sessionId) === message.tabId ? null : 'unknown_session';
    case 'terminal_input':
    case 'terminal_resize':
      return live.has(message.sessionId) ? null : 'unknown_session';
    case 'tab_create':
      if (message.cwd !== undefined && !isDirectoryName(message.cwd)) return 'no_such_directory';
      // This hub has no profiles: any profile named is unknown.
      if (message.profile !== undefined) return 'unknown_profile';
      return workspaceExists(message.workspaceId) ? null : 'unknown_workspace';
    case 'tab_close':
    case 'tab_activate':
      return tabExists(message.tabId) ? null : 'unknown_tab';
    case 'tab_rename':
      if (!tabExists(message.tabId)) return 'unknown_tab';
      return message.name === null || checkTabName(message.name).ok ? null : 'invalid_name';
    case 'tab_move':
      if (!tabExists(message.tabId)) return 'unknown_tab';
      return workspaceExists(message.workspaceId) ? null : 'unknown_workspace';
    case 'workspace_create': {
      if (message.name === undefined) return null;
      const check = checkWorkspaceName(
        message.name,
        layout.workspaces.map((w) => w.name),
      );
      return check.ok ? null : check.reason === 'duplicate' ? 'duplicate_name' : 'invalid_name';
    }
    case 'workspace_rename': {
      if (!workspaceExists(message.workspaceId)) return 'unknown_workspace';
      const others = layout.workspaces.filter((w) => w.id !== message.workspaceId).map((w) => w.name);
      const check = checkWorkspaceName(message.name, others);
      return check.ok ? null : check.reason === 'duplicate' ? 'duplicate_name' : 'invalid_name';
    }
    case 'workspace_delete':
      if (!workspaceExists(message.workspaceId)) return 'unknown_workspace';
      return layout.workspaces.length === 1 ? 'not_permitted' : null;
    case 'workspace_activate':
    case 'workspace_move':
      return workspaceExists(message.workspaceId) ? null : 'unknown_workspace';
    default:
      return null;
  }
}

/** The layout is whole: every tab in exactly one workspace, actives valid, names unique, live tabs real. */
function checkLayout(layout: Layout, host: FakeHost): void {
  expect(layout.workspaces.length).toBeGreaterThan(0);
  const placed = layout.workspaces.flatMap((w) => w.tabIds);
  expect(new Set(placed).size).toBe(placed.length);
  expect(Object.keys(layout.tabs).sort()).toEqual([...placed].sort());
  for (const [key, tab] of Object.entries(layout.tabs)) {
    expect(tab.id).toBe(key);
    if (tab.state === 'live') {
      expect(tab.sessionId).not.toBeNull();
      expect(host.sessions.get(tab.sessionId ?? '')?.tabId).toBe(tab.id);
    }
  }
  for (const workspace of layout.workspaces) {
    if (workspace.activeTabId !== null) expect(workspace.tabIds).toContain(workspace.activeTabId);
  }
  expect(layout.workspaces.map((w) => w.id)).toContain(layout.activeWorkspaceId);
  const names = layout.workspaces.map((w) => w.name.toLocaleLowerCase('en'));
  expect(new Set(names).size).toBe(names.length);
}

async function startHub() {
  const host = new FakeHost();
  const hub = await Hub.start(
    fakeHubOptions(host, { settings: { ...defaultSettings(), shell: '/bin/bash', maxSessions: 20 } }),
  );
  const clients = [new Recorder('c0'), new Recorder('c1')] as const;
  for (const client of clients) client.connection = hub.connect(client);
  return { hub, host, clients };
}

const unexpected: unknown[] = [];
const onUnexpected = (reason: unknown) => unexpected.push(reason);
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(() => {
  process.on('unhandledRejection', onUnexpected);
  process.on('uncaughtException', onUnexpected);
});
afterAll(() => {
  process.off('unhandledRejection', onUnexpected);
  process.off('uncaughtException', onUnexpected);
});

describe('hub fuzzing (client and host messages, stateful)', () => {
  it('keeps a whole layout and answers every bad or impossible request with the right terminal_error', async () => {
    let cases = 0;
    const seen = { invalid: 0, valid: 0, refusedAsExpected: 0, host: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 50, maxLength: 80, size: 'max' }), async (steps) => {
        const { hub, host, clients } = await startHub();
        const everSessions = new Set<string>();
        try {
          for (const current of steps) {
            cases += 1;
            const layout = hub.currentLayout;
            const live = new Map(
              Object.values(layout.tabs).flatMap((t) =>
                t.sessionId && t.state === 'live' ? [[t.sessionId, t.id] as const] : [],
              ),
            );
            for (const id of live.keys()) everSessions.add(id);
            const pools: Record<Pool, string[]> = {
              tab: Object.keys(layout.tabs),
              session: [...everSessions],
              workspace: layout.workspaces.map((w) => w.id),
            };
            const resolve = (value: Value): unknown =>
              'known' in value
                ? (pools[value.known][value.n % Math.max(1, pools[value.known].length)] ?? 'none')
                : value.literal;
            const before = clients.map((c) => c.received.length);
            const hostSeen = host.received.length;

            if (current.from === 'host') {
              const fields = current.fields.map(([key, value]): [string, unknown] => [key, resolve(value)]);
              const message =
                current.type === 'status'
                  ? { type: 'status', status: statusOf(fields, live) }
                  : objectOf([['type', current.type], ...fields]);
              expect(() => host.emit(message)).not.toThrow();
              seen.host += 1;
            } else {
              const client = clients[current.client];
              const raw =
                current.from === 'raw'
                  ? current.raw
                  : objectOf([
                      ['type', current.type],
                      ...current.fields.map(([k, v]): [string, unknown] => [k, resolve(v)]),
                    ]);
              const parsed = ClientMessage.safeParse(raw);
              expect(() => client.connection?.receive(raw)).not.toThrow();
              const fresh = client.received.slice(before[current.client]);
              const errors = fresh.filter((m) => m.type === 'terminal_error');
              if (!parsed.success) {
                seen.invalid += 1;
                expect(errors).toHaveLength(1);
                expect(errors[0]).toMatchObject({
                  code: 'bad_message',
                  message: expect.stringMatching(/^Invalid message: .{3,}/),
                });
                expect(hub.currentLayout).toBe(layout);
                expect(host.received.slice(hostSeen).filter((m) => m.type !== 'ping')).toEqual([]);
              } else {
                seen.valid += 1;
                const expected = expectedRefusal(parsed.data, layout, live);
                if (expected !== null) {
                  seen.refusedAsExpected += 1;
                  expect(errors.map((e) => e.code)).toEqual([expected]);
                } else if (!UNCERTAIN.has(parsed.data.type)) {
                  // Everything else here was certain to succeed.
                  expect(errors).toEqual([]);
                }
                if (errors.length > 0) expect(hub.currentLayout).toBe(layout);
                if (parsed.data.type === 'terminal_spawn' || parsed.data.type === 'terminal_attach') {
                  // The fake host answers at once, so every spawn or attach is answered at once too.
                  const { tabId } = parsed.data;
                  const answered = fresh.some(
                    (m) => (m.type === 'terminal_ready' || m.type === 'terminal_error') && m.tabId === tabId,
                  );
                  expect(answered, `${parsed.data.type} of ${tabId} answered`).toBe(true);
                }
              }
            }
            for (const [i, client] of clients.entries()) {
              for (const message of client.received.slice(before[i])) {
                const check = parseServerMessage(message);
                expect(check.ok, check.ok ? '' : `${message.type}: ${check.error}`).toBe(true);
                // A sentence for a person, not a code or a stack.
                if (message.type === 'terminal_error') expect(message.message).toMatch(/^[A-Z][a-z]* \S/);
              }
            }
            checkLayout(hub.currentLayout, host);
          }
          expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
          // Still serving: a fresh workspace is created and reaches both clients.
          clients[0].connection?.receive({ type: 'workspace_create', name: 'after the storm' });
          for (const client of clients) {
            const last = client.received.findLast((m) => m.type === 'layout');
            expect(
              last?.type === 'layout' && last.layout.workspaces.some((w) => w.name === 'after the storm'),
            ).toBe(true);
          }
        } finally {
          await hub.shutdown(100);
        }
      }),
      { numRuns: 200 },
    );
    expect(cases).toBeGreaterThanOrEqual(10_000);
    // The mix stays meaningful: plenty of each kind, not 10 000 variations of one refusal.
    expect(seen.valid).toBeGreaterThan(cases / 3);
    expect(seen.invalid).toBeGreaterThan(cases / 10);
    expect(seen.refusedAsExpected).toBeGreaterThan(cases / 20);
    expect(seen.host).toBeGreaterThan(cases / 10);
    expect(unexpected).toEqual([]);
  }, 60_000);
});

/** A `status` from the host: complete, so it is valid, for a session that may or may not exist. */
function statusOf(fields: Array<[string, unknown]>, live: ReadonlyMap<string, string>) {
  const values = new Map(fields);
  const sessionId = values.get('sessionId');
  return {
    sessionId,
    tabId: typeof sessionId === 'string' ? (live.get(sessionId) ?? 'gone') : 'gone',
    status: 'running',
    exitCode: null,
    command: 'vim',
    title: values.get('title'),
    cwd: '/tmp',
    bells: 0,
    lastOutputAt: 1,
  };
}
