// The hub and profiles: a tab records the profile it was opened with, and every spawn of it (the
// first, after a crash of the host, after a restart of the app) starts that profile's program.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { HubToHost } from '../../shared/host-protocol';
import type { Layout, ServerMessage } from '../../shared/protocol';
import { defaultSettings, type Settings } from '../../shared/settings';
import { staleTab } from '../../shared/testing/layout-fixtures';
import { FakeHost } from './fake-host';
import { Hub } from './hub';
import type { HubClient } from './hub-client';

class Recorder implements HubClient {
  readonly received: ServerMessage[] = [];
  constructor(readonly id: string) {}
  send(message: ServerMessage): void {
    this.received.push(message);
  }
  last<T extends ServerMessage['type']>(type: T): Extract<ServerMessage, { type: T }> | undefined {
    return this.received.filter((m): m is Extract<ServerMessage, { type: T }> => m.type === type).at(-1);
  }
}

const home = mkdtempSync(`${tmpdir()}/tabterm-profiles-`);
const dev = {
  name: 'Dev Shell',
  command: '/bin/sh',
  args: ['-i'],
  cwd: '~',
  env: { STAGE: 'dev' },
  icon: 'D',
  tabColor: '#aa3300',
};

async function start(over: Partial<Settings> = {}, saved: Layout | null = null) {
  const host = new FakeHost();
  let kept = saved;
  let nextId = 0;
  let settings: Settings = { ...defaultSettings(), profiles: [dev], ...over };
  const hub = await Hub.start({
    launcher: host.launcher,
    settings,
    persistence: { load: () => kept, save: (layout) => (kept = layout), flush: () => {} },
    homeDir: home,
    defaultShell: { shell: '/bin/bash', args: [] },
    detectedProfiles: [{ name: 'zsh', command: '/usr/bin/zsh', args: [] }],
    env: { LANG: 'C.UTF-8' },
    newId: () => `id${++nextId}`,
  });
  const client = new Recorder('c1');
  const connection = hub.connect(client);
  const send = (message: unknown) => connection.receive(message);
  const spawns = () => host.received.flatMap((m: HubToHost) => (m.type === 'spawn' ? [m.request] : []));
  const update = (patch: Partial<Settings>) => {
    settings = { ...settings, ...patch };
    hub.applySettings(settings);
  };
  return { hub, host, client, send, spawns, update, saved: () => kept };
}

function workspaceOf(client: Recorder): string {
  return client.last('layout')!.layout.workspaces[0]!.id;
}

function newestTab(client: Recorder) {
  const layout = client.last('layout')!.layout;
  const ids = layout.workspaces[0]!.tabIds;
  return layout.tabs[ids.at(-1)!]!;
}

describe('Hub profiles', () => {
  it('tells each client the profiles on connect, and again after settings change', async () => {
    const { client, update } = await start();
    expect(client.last('profiles')).toEqual({
      type: 'profiles',
      profiles: [
        { name: 'Dev Shell', kind: 'shell', source: 'user', icon: 'D', tabColor: '#aa3300' },
        { name: 'zsh', kind: 'shell', source: 'detected', icon: null, tabColor: null },
      ],
      defaultProfile: null,
    });
    update({ profiles: [], defaultProfile: 'zsh' });
    expect(client.last('profiles')).toMatchObject({ profiles: [{ name: 'zsh' }], defaultProfile: 'zsh' });
  });

  it('opens a tab with a profile: it records it and spawns its command, args, env and cwd', async () => {
    const { client, send, spawns } = await start();
    send({ type: 'tab_create', workspaceId: workspaceOf(client), profile: 'dev shell' });
    const tab = newestTab(client);
    expect(tab).toMatchObject({ profile: 'Dev Shell', title: 'Dev Shell', cwd: home });
    send({ type: 'terminal_spawn', tabId: tab.id, cols: 80, rows: 24 });
    expect(spawns().at(-1)).toMatchObject({
      tabId: tab.id,
      shell: '/bin/sh',
      args: ['-i'],
      cwd: home,
      env: { LANG: 'C.UTF-8', STAGE: 'dev' },
    });
  });

  it('respawns a profile’s tab with the same profile after the host crashed', async () => {
    const { client, host, send, spawns } = await start();
    send({ type: 'tab_create', workspaceId: workspaceOf(client), profile: 'zsh' });
    const tabId = newestTab(client).id;
    send({ type: 'terminal_spawn', tabId, cols: 80, rows: 24 });
    host.crash();
    await expect.poll(() => client.last('host_status')?.state).toBe('running');
    send({ type: 'terminal_spawn', tabId, cols: 80, rows: 24 });
    const forTab = spawns().filter((s) => s.tabId === tabId);
    expect(forTab.map((s) => s.shell)).toEqual(['/usr/bin/zsh', '/usr/bin/zsh']);
  });

  it('starts a restored tab of a profile that no longer exists with the default shell, and says so', async () => {
    const saved: Layout = {
      workspaces: [{ id: 'w1', name: 'One', tabIds: ['a'], activeTabId: 'a' }],
      tabs: { a: staleTab('a', { cwd: home, profile: 'Gone' }) },
      activeWorkspaceId: 'w1',
    };
    const { client, spawns } = await start({}, saved);
    expect(spawns()).toMatchObject([{ tabId: 'a', shell: '/bin/bash' }]);
    expect(client.last('layout')!.layout.tabs.a).toMatchObject({ state: 'live', profile: 'Gone' });
    expect(client.last('app_notice')).toMatchObject({ code: 'profile_missing', level: 'warning' });
    expect(client.last('app_notice')?.message).toContain('"Gone"');
    expect(client.last('app_notice')?.message).toContain('tab "bash"');
  });

  it('refuses a tab or a spawn with an unknown profile and changes nothing', async () => {
    const { client, send, spawns } = await start();
    const before = client.last('layout')!.revision;
    send({ type: 'tab_create', workspaceId: workspaceOf(client), profile: 'fish' });
    expect(client.last('terminal_error')).toMatchObject({ code: 'unknown_profile' });
    const tabId = newestTab(client).id;
    send({ type: 'terminal_spawn', tabId: 'x', cols: 80, rows: 24, profile: 'Dev Shell' });
    expect(client.last('terminal_error')).toMatchObject({ code: 'unknown_tab' });
    expect(client.last('layout')!.revision).toBe(before);
    expect(spawns()).toHaveLength(1);
    expect(newestTab(client).id).toBe(tabId);
  });

  it('records the profile a terminal_spawn names on a stale tab, and opens new tabs with defaultProfile', async () => {
    const { client, send, spawns } = await start({ defaultProfile: 'zsh' });
    send({ type: 'tab_create', workspaceId: workspaceOf(client) });
    const tab = newestTab(client);
    expect(tab.profile).toBe('zsh');
    send({ type: 'terminal_spawn', tabId: tab.id, cols: 80, rows: 24, profile: 'Dev Shell' });
    expect(newestTab(client).profile).toBe('Dev Shell');
    expect(spawns().at(-1)).toMatchObject({ tabId: tab.id, shell: '/bin/sh' });
  });

  it('opens the very first tab with defaultProfile too', async () => {
    const { client, spawns } = await start({ defaultProfile: 'Dev Shell' });
    expect(newestTab(client)).toMatchObject({ profile: 'Dev Shell', title: 'Dev Shell' });
    expect(spawns()).toMatchObject([{ shell: '/bin/sh', env: { STAGE: 'dev' } }]);
  });

  it('leaves out a profile variable exec could not pass (a NUL byte), keeps the rest, and says so', async () => {
    const leaky = { ...dev, name: 'Leaky', env: { GOOD: 'yes', BAD: 'a\u0000b' } };
    const { client, send, spawns } = await start({ profiles: [leaky] });
    send({ type: 'tab_create', workspaceId: workspaceOf(client), profile: 'Leaky' });
    send({ type: 'terminal_spawn', tabId: newestTab(client).id, cols: 80, rows: 24 });
    expect(spawns().at(-1)?.env).toEqual({ LANG: 'C.UTF-8', GOOD: 'yes' });
    expect(client.last('app_notice')).toMatchObject({ code: 'profile_env_dropped' });
    expect(client.last('app_notice')?.message).toContain('BAD');
  });

  it('runs an SSH profile through ssh with the host after "--"', async () => {
    const box = { name: 'Box', ssh: { host: 'me@box.example', port: 2200 }, args: ['-A'] };
    const { client, send, spawns } = await start({ profiles: [box] });
    send({ type: 'tab_create', workspaceId: workspaceOf(client), profile: 'Box' });
    send({ type: 'terminal_spawn', tabId: newestTab(client).id, cols: 80, rows: 24 });
    expect(spawns().at(-1)).toMatchObject({
      shell: 'ssh',
      args: ['-p', '2200', '-A', '--', 'me@box.example'],
    });
  });
});
