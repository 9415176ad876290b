import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { FlowControl, Heartbeat } from '../../shared/limits';
import { ClientMessage, type Layout, type ServerMessage } from '../../shared/protocol';
import { defaultSettings } from '../../shared/settings';
import { liveTab, staleTab } from '../../shared/testing/layout-fixtures';
import { FakeHost, fakeHubOptions } from './fake-host';
import { Hub } from './hub';
import type { HubClient } from './hub-client';
import type { HubOptions, ScrollbackPersistence } from './hub-options';
import type { PathFacts } from './path-open';

/** Just more output than a client may have unacknowledged before the PTY pauses. */
const OVER_WINDOW = FlowControl.highWatermarkChars + 1;

class Recorder implements HubClient {
  readonly received: ServerMessage[] = [];
  /** What the connection has queued and not written out (a WebSocket's bufferedAmount). */
  queuedBytes = 0;
  constructor(readonly id: string) {}
  backlog(): number {
    return this.queuedBytes;
  }
  /** Characters of output and replay received for a session (what an honest client acks). */
  chars(sessionId: string): number {
    return this.received
      .filter(
        (m) => (m.type === 'terminal_output' || m.type === 'terminal_replay') && m.sessionId === sessionId,
      )
      .reduce((sum, m) => sum + ('data' in m ? m.data.length : 0), 0);
  }
  send(message: ServerMessage): void {
    this.received.push(message);
  }
  last<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }> | undefined {
    return this.received.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type).at(-1);
  }
}

async function start(
  options: {
    saved?: Layout | null;
    maxSessions?: number;
    scrollback?: ScrollbackPersistence;
    env?: Record<string, string>;
    slowViewerMs?: number;
    updateSettings?: HubOptions['updateSettings'];
    openPath?: (path: string) => Promise<string | null>;
    statPath?: (path: string) => PathFacts | null;
  } = {},
) {
  const host = new FakeHost();
  let saved: Layout | null = options.saved ?? null;
  const hub = await Hub.start({
    ...fakeHubOptions(host),
    settings: { ...defaultSettings(), shell: '/bin/bash', maxSessions: options.maxSessions ?? 100 },
    persistence: { load: () => saved, save: (layout) => (saved = layout), flush: () => {} },
    ...(options.scrollback ? { scrollback: options.scrollback } : {}),
    env: options.env ?? {},
    ...(options.slowViewerMs ? { slowViewerMs: options.slowViewerMs } : {}),
    ...(options.updateSettings ? { updateSettings: options.updateSettings } : {}),
    ...(options.openPath ? { openPath: options.openPath, platform: 'linux' as const } : {}),
    ...(options.statPath ? { statPath: options.statPath } : {}),
  });
  const client = new Recorder('c1');
  const connection = hub.connect(client);
  const send = (message: unknown) => connection.receive(message);
  return { hub, host, client, send, saved: () => saved };
}

describe('Hub with a fake host', () => {
  it('starts with one workspace and one tab and spawns it at once', async () => {
    const { client, host } = await start();
    const layout = client.last('layout')!.layout;
    expect(layout.workspaces).toHaveLength(1);
    expect(layout.workspaces[0]?.tabIds).toHaveLength(1);
    expect(host.received.filter((m) => m.type === 'spawn')).toHaveLength(1);
  });

  it('leaves out environment variables exec could not pass on, and says so to every client', async () => {
    const { client, host } = await start({ env: { LANG: 'C.UTF-8', HUGE: 'x'.repeat(200 * 1024) } });
    const spawn = host.received.find((m) => m.type === 'spawn');
    expect(spawn?.type === 'spawn' && spawn.request.env).toEqual({ LANG: 'C.UTF-8' });
    expect(client.last('app_notice')).toMatchObject({ level: 'warning', code: 'env_dropped' });
    expect(client.last('app_notice')?.message).toContain('HUGE');
  });

  it('spawns only each workspace’s active tab of a restored layout; the rest stay stale', async () => {
    const tab = (id: string) => liveTab(id, { cwd: '/', sessionId: 'old' });
    const saved: Layout = {
      workspaces: [
        { id: 'w1', name: 'One', tabIds: ['a', 'b'], activeTabId: 'b' },
        { id: 'w2', name: 'Two', tabIds: ['c'], activeTabId: 'c' },
      ],
      tabs: { a: tab('a'), b: tab('b'), c: tab('c') },
      activeWorkspaceId: 'w1',
    };
    const { host, client } = await start({ saved });
    const spawned = host.received.flatMap((m) => (m.type === 'spawn' ? [m.request.tabId] : []));
    expect(spawned).toEqual(['b', 'c']);
    const layout = client.last('layout')!.layout;
    expect(layout.tabs.a).toMatchObject({ state: 'stale', sessionId: null });
    expect(layout.tabs.b?.state).toBe('live');
  });

  it('starts a restored tab’s new session with its saved history above a marker', async () => {
    const tab = staleTab('a', { cwd: '/' });
    const saved: Layout = {
      workspaces: [{ id: 'w1', name: 'One', tabIds: ['a'], activeTabId: null }],
      tabs: { a: tab },
      activeWorkspaceId: 'w1',
    };
    const files = new Map([
      ['a', 'old line\r\n$ '],
      ['gone', 'x'],
    ]);
    const scrollback: ScrollbackPersistence = {
      load: (id) => files.get(id) ?? null,
      save: (id, text) => files.set(id, text),
      remove: (id) => files.delete(id),
      retain: (ids) => {
        for (const id of files.keys()) if (!ids.has(id)) files.delete(id);
      },
    };
    const { host, client, send } = await start({ saved, scrollback });
    expect([...files.keys()]).toEqual(['a']);
    send({ type: 'terminal_spawn', tabId: 'a', cols: 80, rows: 24 });
    const spawn = host.received.find((m) => m.type === 'spawn');
    expect(spawn?.type === 'spawn' && spawn.request.preamble).toMatch(/^old line\r\n\$ \r\n.*── restored /s);
    expect(client.last('terminal_replay')?.data).toMatch(/^old line.*── restored /s);
    send({ type: 'tab_close', tabId: 'a' });
    expect(files.has('a')).toBe(false);
  });

  it('a second spawn for the same tab joins the first session instead of starting another shell', async () => {
    const { host, client, send } = await start();
    const tabId = client.last('layout')!.layout.workspaces[0]!.tabIds[0]!;
    send({ type: 'terminal_spawn', tabId, cols: 80, rows: 24 });
    expect(host.received.filter((m) => m.type === 'spawn')).toHaveLength(1);
    expect(client.last('terminal_replay')?.data).toBe('replay');
  });

  it('refuses the spawn past the session limit and creates nothing', async () => {
    const { host, client, send } = await start({ maxSessions: 1 });
    const workspaceId = client.last('layout')!.layout.workspaces[0]!.id;
    send({ type: 'tab_create', workspaceId });
    const tabId = client.last('layout')!.layout.workspaces[0]!.activeTabId!;
    send({ type: 'terminal_spawn', tabId, cols: 80, rows: 24 });
    expect(client.last('terminal_error')).toMatchObject({ code: 'session_limit', tabId });
    expect(host.received.filter((m) => m.type === 'spawn')).toHaveLength(1);
    expect(client.last('layout')!.layout.tabs[tabId]?.state).toBe('stale');
  });

  it('applies saved settings to every client and to the next spawn, and keeps only the last settings notice', async () => {
    const { hub, host, client, send } = await start({ maxSessions: 1 });
    hub.applySettings({ ...defaultSettings(), shell: '/bin/zsh', fontSize: 20, maxSessions: 5 });
    expect(client.last('settings')?.settings).toMatchObject({ fontSize: 20, maxSessions: 5 });
    const workspaceId = client.last('layout')!.layout.workspaces[0]!.id;
    send({ type: 'tab_create', workspaceId });
    const tabId = client.last('layout')!.layout.workspaces[0]!.activeTabId!;
    send({ type: 'terminal_spawn', tabId, cols: 80, rows: 24 });
    const spawns = host.received.filter((m) => m.type === 'spawn');
    expect(spawns).toHaveLength(2);
    expect(spawns[1]?.type === 'spawn' && spawns[1].request.shell).toBe('/bin/zsh');

    hub.notify({ level: 'warning', code: 'settings_invalid', message: 'fontSize: too big' });
    hub.notify({ level: 'warning', code: 'settings_invalid', message: 'theme: not a theme' });
    const later = new Recorder('c2');
    hub.connect(later);
    expect(
      later.received.filter((m) => m.type === 'app_notice').map((m) => m.type === 'app_notice' && m.message),
    ).toEqual(['theme: not a theme']);
    hub.notify({ level: 'info', code: 'settings_valid', message: 'valid' });
    const last = new Recorder('c3');
    hub.connect(last);
    expect(last.received.filter((m) => m.type === 'app_notice')).toEqual([]);
  });

  it('passes settings_update to the settings file and tells only the sender why a value was refused', async () => {
    const seen: unknown[] = [];
    const { client, send } = await start({
      updateSettings: (changes) => {
        seen.push(changes);
        return changes[0]?.value === 'pink' ? { ok: false, error: 'theme: not a scheme' } : { ok: true };
      },
    });
    send({ type: 'settings_update', changes: [{ key: 'fontSize', value: 18 }, { key: 'theme' }] });
    expect(seen).toEqual([[{ key: 'fontSize', value: 18 }, { key: 'theme' }]]);
    expect(client.last('terminal_error')).toBeUndefined();
    send({ type: 'settings_update', changes: [{ key: 'theme', value: 'pink' }] });
    expect(client.last('terminal_error')).toMatchObject({
      code: 'invalid_setting',
      message: expect.stringContaining('theme: not a scheme'),
    });
    // Not JSON-shaped values never reach the file.
    send({ type: 'settings_update', changes: [] });
    expect(client.last('terminal_error')?.code).toBe('bad_message');
    expect(seen).toHaveLength(2);
  });

  it('tells clients where settings.json is, with the settings', async () => {
    const host = new FakeHost();
    const hub = await Hub.start(
      fakeHubOptions(host, { settings: defaultSettings(), settingsPath: '/data/settings.json' }),
    );
    const client = new Recorder('c1');
    hub.connect(client);
    expect(client.last('settings')).toMatchObject({ path: '/data/settings.json' });
    hub.applySettings({ ...defaultSettings(), fontSize: 20 });
    expect(client.last('settings')).toMatchObject({
      path: '/data/settings.json',
      settings: { fontSize: 20 },
    });
  });

  it('refuses settings_update where nothing can write the file', async () => {
    const { client, send } = await start();
    send({ type: 'settings_update', changes: [{ key: 'fontSize', value: 18 }] });
    expect(client.last('terminal_error')?.code).toBe('not_permitted');
  });

  it('reports a failed spawn with the host’s message and leaves the tab as it was', async () => {
    const { host, client, send } = await start();
    host.failSpawnsWith = 'Cannot start "/bin/nosuch": no such file.';
    const workspaceId = client.last('layout')!.layout.workspaces[0]!.id;
    send({ type: 'tab_create', workspaceId });
    const tabId = client.last('layout')!.layout.workspaces[0]!.activeTabId!;
    send({ type: 'terminal_spawn', tabId, cols: 80, rows: 24 });
    expect(client.last('terminal_error')).toMatchObject({
      code: 'spawn_failed',
      tabId,
      message: host.failSpawnsWith,
    });
    expect(client.last('layout')!.layout.tabs[tabId]).toMatchObject({ state: 'stale', sessionId: null });
  });

  it('opens a Ctrl+clicked path resolved against the tab directory, and refuses one that is not there', async () => {
    const opened: string[] = [];
    const disk: Record<string, PathFacts> = { '/work/notes.txt': { kind: 'file', mode: 0o644 } };
    const { client, send } = await start({
      openPath: async (path) => {
        opened.push(path);
        return null;
      },
      statPath: (path) => disk[path] ?? null,
      saved: {
        workspaces: [{ id: 'w1', name: 'One', tabIds: ['t1'], activeTabId: 't1' }],
        tabs: { t1: staleTab('t1', { cwd: '/work' }) },
        activeWorkspaceId: 'w1',
      },
    });
    send({ type: 'path_open', tabId: 't1', path: './notes.txt' });
    await vi.waitFor(() => expect(opened).toEqual(['/work/notes.txt']));
    send({ type: 'path_open', tabId: 't1', path: 'missing.txt' });
    const refused = client.last('terminal_error');
    expect(refused).toMatchObject({
      code: 'no_such_file',
      message: 'Cannot open "/work/missing.txt": no such file or folder.',
    });
    // Not tied to the tab: a client takes a terminal_error with a tabId for its spawn's or attach's answer.
    expect(refused?.tabId).toBeUndefined();
    send({ type: 'path_open', tabId: 'nope', path: '/work/notes.txt' });
    expect(client.last('terminal_error')).toMatchObject({ code: 'unknown_tab' });
    expect(opened).toHaveLength(1);
  });

  it('refuses path_open where the host has no opener', async () => {
    const { client, send } = await start();
    const tabId = client.last('layout')!.layout.workspaces[0]!.tabIds[0]!;
    send({ type: 'path_open', tabId, path: '/' });
    expect(client.last('terminal_error')).toMatchObject({ code: 'not_permitted' });
  });

  it('marks tabs stale when the host dies and restarts it', async () => {
    const { host, client } = await start();
    const tabId = client.last('layout')!.layout.workspaces[0]!.tabIds[0]!;
    host.crash();
    expect(client.last('terminal_stale')?.tabIds).toEqual([tabId]);
    expect(client.last('layout')!.layout.tabs[tabId]?.state).toBe('stale');
    expect(client.last('host_status')).toMatchObject({ state: 'restarting', restarts: 1 });
  });

  it('restarts a crashing host five times in a row, then shows failed until the user retries', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date'] });
    try {
      const { host, client, send } = await start();
      for (let crash = 1; crash <= 5; crash++) {
        host.crash();
        expect(client.last('host_status')).toMatchObject({ state: 'restarting', restarts: crash });
        await vi.advanceTimersByTimeAsync(5_000);
        expect(host.launches).toBe(crash + 1);
        expect(client.last('host_status')).toMatchObject({ state: 'running' });
      }
      host.crash();
      expect(client.last('host_status')).toMatchObject({ state: 'failed', restarts: 6 });
      await vi.advanceTimersByTimeAsync(60_000);
      expect(host.launches).toBe(6);
      send({ type: 'host_restart' });
      await vi.advanceTimersByTimeAsync(0);
      expect(host.launches).toBe(7);
      expect(client.last('host_status')).toMatchObject({ state: 'running' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a host that stops answering as unresponsive and recovers without a restart', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'Date'] });
    try {
      const { host, client } = await start();
      host.frozen = true;
      await vi.advanceTimersByTimeAsync(Heartbeat.unresponsiveAfterMs + Heartbeat.intervalMs);
      expect(client.last('host_status')).toMatchObject({ state: 'unresponsive' });
      host.frozen = false;
      await vi.advanceTimersByTimeAsync(Heartbeat.intervalMs);
      expect(client.last('host_status')).toMatchObject({ state: 'running' });
      expect(host.launches).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('resizes the PTY to the most recently active client, with messages the host accepts', async () => {
    const { host, client, send } = await start();
    const tabId = client.last('layout')!.layout.workspaces[0]!.tabIds[0]!;
    send({ type: 'terminal_spawn', tabId, cols: 120, rows: 40 });
    const sessionId = client.last('terminal_ready')!.sessionId;
    send({ type: 'terminal_resize', sessionId, cols: 100, rows: 30 });
    const resizes = host.received.filter((m) => m.type === 'resize');
    expect(resizes).toEqual([
      { type: 'resize', sessionId, cols: 120, rows: 40 },
      { type: 'resize', sessionId, cols: 100, rows: 30 },
    ]);
    expect(host.invalid).toEqual([]);
  });

  it('pauses a session whose client falls behind and resumes when it catches up', async () => {
    const { host, client, send } = await start();
    const layout = client.last('layout')!.layout;
    const tabId = layout.workspaces[0]!.tabIds[0]!;
    send({ type: 'terminal_spawn', tabId, cols: 80, rows: 24 });
    const sessionId = client.last('terminal_ready')!.sessionId;
    host.emit({ type: 'output', sessionId, data: 'x'.repeat(OVER_WINDOW) });
    expect(host.received.at(-1)).toEqual({ type: 'pause', sessionId });
    send({ type: 'terminal_ack', sessionId, chars: OVER_WINDOW });
    expect(host.received.at(-1)).toEqual({ type: 'resume', sessionId });
  });

  it('lets a viewer that stops acking fall behind alone, then gives it a fresh replay once it has read', async () => {
    const { hub, host, client, send } = await start({ slowViewerMs: 20 });
    const tabId = client.last('layout')!.layout.workspaces[0]!.tabIds[0]!;
    send({ type: 'terminal_spawn', tabId, cols: 80, rows: 24 });
    const sessionId = client.last('terminal_ready')!.sessionId;
    const stalled = new Recorder('c2');
    const stalledConnection = hub.connect(stalled);
    stalledConnection.receive({ type: 'terminal_attach', tabId, sessionId, cols: 80, rows: 24 });
    expect(stalled.last('terminal_replay')?.data).toBe('replay');

    host.emit({ type: 'output', sessionId, data: 'x'.repeat(OVER_WINDOW) });
    expect(host.received.at(-1)).toEqual({ type: 'pause', sessionId });
    send({ type: 'terminal_ack', sessionId, chars: client.chars(sessionId) });
    // The stalled viewer holds the pause until it falls behind; then the session runs for the other.
    await vi.waitFor(() => expect(host.received.at(-1)).toEqual({ type: 'resume', sessionId }));
    host.emit({ type: 'output', sessionId, data: 'live' });
    expect(client.last('terminal_output')?.data).toBe('live');
    expect(stalled.last('terminal_output')?.data).toBe('x'.repeat(OVER_WINDOW));

    // Once it has read what it was sent it gets the screen as it is now, then live output again.
    stalledConnection.receive({ type: 'terminal_ack', sessionId, chars: stalled.chars(sessionId) });
    expect(stalled.received.filter((m) => m.type === 'terminal_replay')).toHaveLength(2);
    host.emit({ type: 'output', sessionId, data: 'again' });
    expect(stalled.last('terminal_output')?.data).toBe('again');
    expect(client.last('terminal_output')?.data).toBe('again');
  });

  it('never pauses a session for a viewer that acks without reading, nor queues more output for it', async () => {
    const { hub, host, client, send } = await start();
    const tabId = client.last('layout')!.layout.workspaces[0]!.tabIds[0]!;
    send({ type: 'terminal_spawn', tabId, cols: 80, rows: 24 });
    const sessionId = client.last('terminal_ready')!.sessionId;
    const hostile = new Recorder('c2');
    const connection = hub.connect(hostile);
    connection.receive({ type: 'terminal_attach', tabId, sessionId, cols: 80, rows: 24 });
    hostile.queuedBytes = 3 * 1024 * 1024;
    for (let i = 0; i < 50; i++) {
      host.emit({ type: 'output', sessionId, data: 'y'.repeat(10_000) });
      connection.receive({ type: 'terminal_ack', sessionId, chars: Number.MAX_SAFE_INTEGER });
      send({ type: 'terminal_ack', sessionId, chars: client.chars(sessionId) });
    }
    expect(host.received.filter((m) => m.type === 'pause')).toEqual([]);
    expect(hostile.received.filter((m) => m.type === 'terminal_output')).toEqual([]);
    expect(client.received.filter((m) => m.type === 'terminal_output')).toHaveLength(50);
    // Its acks bought it nothing: still behind, no replay while its queue is full.
    expect(hostile.received.filter((m) => m.type === 'terminal_replay')).toHaveLength(1);
  });

  it('survives 10 000 arbitrary messages, answering every invalid one with terminal_error', {
    timeout: 60_000,
  }, async () => {
    const { hub, host, client, send } = await start();
    const known = fc.constantFrom(
      'terminal_spawn',
      'terminal_attach',
      'terminal_detach',
      'terminal_input',
      'terminal_resize',
      'terminal_ack',
      'terminal_kill',
      'tab_create',
      'tab_close',
      'tab_rename',
      'tab_move',
      'tab_activate',
      'workspace_create',
      'workspace_rename',
      'workspace_delete',
      'workspace_activate',
      'workspace_move',
      'host_restart',
      '__proto__',
    );
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.double(),
      fc.constant(Number.NaN),
      fc.constant(-1),
      fc.constant(1e12),
      fc.constant(null),
      fc.boolean(),
      fc.constant('id1'),
      fc.constant('id2'),
      fc.constant('x'.repeat(70)),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    const fields = fc.dictionary(
      fc.constantFrom(
        'tabId',
        'sessionId',
        'workspaceId',
        'cols',
        'rows',
        'data',
        'chars',
        'name',
        'index',
        'cwd',
        '__proto__',
        'constructor',
        'extra',
      ),
      value,
    );
    const message = fc.oneof(
      fields.map((f) => ({ ...f })),
      fc.tuple(known, fields).map(([type, f]) => ({ ...f, type })),
      fc.anything(),
    );
    fc.assert(
      fc.property(message, (raw) => {
        const before = client.received.length;
        send(raw);
        // Only what this message caused: looking at the whole history each time would be quadratic.
        const fresh = client.received.slice(before).filter((m) => m.type === 'terminal_error');
        if (!ClientMessage.safeParse(raw).success) {
          expect(fresh).toHaveLength(1);
          expect(fresh[0]).toMatchObject({ code: 'bad_message' });
        }
        // Valid messages either did their job or were refused for a reason a person can read.
        for (const error of fresh) expect(error.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 10_000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(hub.currentLayout.workspaces.length).toBeGreaterThan(0);
    // Nothing the fuzz provoked reached the host in a shape it would refuse.
    expect(host.invalid).toEqual([]);
    // The hub still works after all that.
    send({ type: 'workspace_create', name: 'after the storm' });
    expect(client.last('layout')!.layout.workspaces.some((w) => w.name === 'after the storm')).toBe(true);
  });
});
