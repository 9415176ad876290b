// The hub with a real session host and real bash: the session life cycle as clients see it.
import { afterEach, describe, expect, it } from 'vitest';
import { isAlive, openFds, pidsOfSessions } from '../support/proc';
import { type Harness, startHub } from './helpers/hub-harness';
import { waitFor } from './helpers/wait';

let harness: Harness | null = null;

afterEach(async () => {
  await harness?.hub.shutdown(3_000);
  harness = null;
});

describe('hub sessions', () => {
  it('spawn → ready → echo hi → output → exit 3 → closed with code 3', async () => {
    harness = await startHub();
    const client = harness.connect('a');
    const { tabId, sessionId } = await harness.spawnFirstTab(client);
    client.do({ type: 'terminal_input', sessionId, data: 'echo hi\r' });
    await client.waitForText(sessionId, /^hi\r?$/m);
    client.do({ type: 'terminal_input', sessionId, data: 'exit 3\r' });
    const closed = await client.waitFor('terminal_closed', (m) => m.sessionId === sessionId);
    expect(closed).toMatchObject({ tabId, exitCode: 3 });
    await waitFor(() => client.layout().tabs[tabId]?.state === 'exited', 'tab marked exited');
    expect(client.layout().tabs[tabId]?.exitCode).toBe(3);
  });

  it('a second client attaching mid-flood gets replay then live output with no gap and no duplicate', async () => {
    harness = await startHub();
    const first = harness.connect('first');
    const { tabId, sessionId } = await harness.spawnFirstTab(first);
    first.do({
      type: 'terminal_input',
      sessionId,
      data: 'for i in $(seq 1 30000); do echo L$i; done; echo DONE\r',
    });
    await first.waitForText(sessionId, /L5000\r?\n/);
    const second = harness.connect('second');
    second.do({ type: 'terminal_attach', tabId, sessionId, cols: 100, rows: 30 });
    await second.waitForText(sessionId, /^DONE\r?$/m, 30_000);
    const numbers = [...second.screenText(sessionId).matchAll(/^L(\d+)\r?$/gm)].map((m) => Number(m[1]));
    const firstSeen = numbers[0]!;
    expect(firstSeen).toBeGreaterThan(1);
    expect(numbers).toEqual(Array.from({ length: 30000 - firstSeen + 1 }, (_, i) => firstSeen + i));
    const replay = second.of('terminal_replay');
    expect(replay).toHaveLength(1);
  });

  it('a viewer that stops acking falls behind alone: the other sees the whole flood, it gets a fresh replay', async () => {
    harness = await startHub();
    const live = harness.connect('live');
    const { tabId, sessionId } = await harness.spawnFirstTab(live);
    const stuck = harness.connect('stuck', false);
    stuck.do({ type: 'terminal_attach', tabId, sessionId, cols: 100, rows: 30 });
    await stuck.waitFor('terminal_replay');
    live.do({
      type: 'terminal_input',
      sessionId,
      data: 'for i in $(seq 1 40000); do echo L$i; done; echo FLOOD-$((6*7))\r',
    });
    // Before, the stuck viewer held the PTY paused after 100 000 characters, for every viewer.
    await live.waitForText(sessionId, /^FLOOD-42\r?$/m, 60_000);
    const received = () =>
      [...stuck.of('terminal_output'), ...stuck.of('terminal_replay')].reduce(
        (sum, m) => sum + m.data.length,
        0,
      );
    stuck.do({ type: 'terminal_ack', sessionId, chars: received() });
    const fresh = await stuck.waitFor('terminal_replay', (m) => m.data.includes('FLOOD-42'));
    expect(stuck.of('terminal_replay').at(-1)).toBe(fresh);
    stuck.do({ type: 'terminal_ack', sessionId, chars: fresh.data.length });
    live.do({ type: 'terminal_input', sessionId, data: 'echo after-$((1+1))\r' });
    await waitFor(
      () => stuck.of('terminal_output').some((m) => m.data.includes('after-2')),
      'live output for the viewer that caught up',
    );
  }, 90_000);

  it('delivers output to every attached client and takes input from any of them', async () => {
    harness = await startHub();
    const a = harness.connect('a');
    const { tabId, sessionId } = await harness.spawnFirstTab(a);
    const b = harness.connect('b');
    b.do({ type: 'terminal_attach', tabId, sessionId, cols: 100, rows: 30 });
    await b.waitFor('terminal_replay');
    b.do({ type: 'terminal_input', sessionId, data: 'echo from-b-$((1+1))\r' });
    await a.waitForText(sessionId, /^from-b-2\r?$/m);
    await b.waitForText(sessionId, /^from-b-2\r?$/m);
  });

  it('answers bad messages with terminal_error and keeps serving', async () => {
    harness = await startHub();
    const client = harness.connect('a');
    const bad: unknown[] = [
      null,
      'text',
      { type: 'terminal_spawn' },
      { type: 'terminal_spawn', tabId: 'x', cols: -1, rows: 10 },
      { type: 'terminal_input', sessionId: 'nope', data: 'x' },
      { type: 'terminal_resize', sessionId: 'x', cols: Number.NaN, rows: 1 },
      { type: 'tab_rename', tabId: 'x', name: 'y', extra: 1 },
      JSON.parse('{"type":"terminal_ack","sessionId":"s","chars":1,"__proto__":{"polluted":true}}'),
    ];
    for (const message of bad) client.do(message as Record<string, unknown>);
    await waitFor(() => client.of('terminal_error').length >= bad.length, 'an error per bad message');
    for (const error of client.of('terminal_error')) expect(error.message.length).toBeGreaterThan(5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const { sessionId } = await harness.spawnFirstTab(client);
    client.do({ type: 'terminal_input', sessionId, data: 'echo still-alive\r' });
    await client.waitForText(sessionId, /^still-alive\r?$/m);
  });

  it('refuses a workspace name that is taken or too long, and creates nothing', async () => {
    harness = await startHub();
    const client = harness.connect('a');
    const before = client.layout();
    client.do({ type: 'workspace_create', name: 'workspace 1' });
    client.do({ type: 'workspace_create', name: 'x'.repeat(41) });
    await waitFor(() => client.of('terminal_error').length === 2, 'two refusals');
    expect(client.of('terminal_error').map((e) => e.code)).toEqual(['duplicate_name', 'invalid_name']);
    expect(harness.hub.currentLayout).toEqual(before);
  });
});

describe('host crash', () => {
  it('kill -9 the session host → tabs stale → host restarted → activating respawns in the same cwd', async () => {
    harness = await startHub();
    const client = harness.connect('a');
    const { tabId, sessionId } = await harness.spawnFirstTab(client);
    client.do({ type: 'terminal_input', sessionId, data: 'cd /usr/share\r' });
    await waitFor(() => client.layout().tabs[tabId]?.cwd === '/usr/share', 'cwd tracked as /usr/share');
    const hostPid = harness.hub.hostPid!;
    process.kill(hostPid, 'SIGKILL');
    const stale = await client.waitFor('terminal_stale');
    expect(stale.tabIds).toEqual([tabId]);
    expect(client.layout().tabs[tabId]?.state).toBe('stale');
    await client.waitFor('host_status', (m) => m.state === 'running' && m.restarts === 1);
    expect(harness.hub.hostPid).not.toBe(hostPid);
    // The client first tries its old session (it may have survived a dropped connection)...
    client.do({ type: 'terminal_attach', tabId, sessionId, cols: 100, rows: 30 });
    await client.waitFor('terminal_error', (m) => m.code === 'unknown_session' && m.tabId === tabId);
    // ...then respawns in the tab's last cwd.
    client.do({ type: 'terminal_spawn', tabId, cols: 100, rows: 30 });
    const ready = await client.waitFor('terminal_ready', (m) => m.sessionId !== sessionId);
    expect(ready.cwd).toBe('/usr/share');
    await client.waitForText(ready.sessionId, /\$ $/m);
    client.do({ type: 'terminal_input', sessionId: ready.sessionId, data: 'pwd\r' });
    await client.waitForText(ready.sessionId, /^\/usr\/share\r?$/m);
  });
});

describe('limits and shutdown', () => {
  it('100 sessions spawn and close; the 101st is refused; afterwards no process is left and fds are back', async () => {
    harness = await startHub({ maxSessions: 100 });
    const client = harness.connect('a');
    const hostPid = harness.hub.hostPid!;
    await harness.spawnFirstTab(client);
    const workspaceId = client.layout().workspaces[0]!.id;
    const baselineFds = openFds(hostPid);
    for (let i = 1; i < 101; i++) client.do({ type: 'tab_create', workspaceId });
    await waitFor(() => client.layout().workspaces[0]!.tabIds.length === 101, '101 tabs', 20_000);
    const tabIds = client.layout().workspaces[0]!.tabIds;
    for (const tabId of tabIds.slice(1)) client.do({ type: 'terminal_spawn', tabId, cols: 80, rows: 24 });
    await waitFor(() => client.of('terminal_ready').length >= 100, '100 sessions ready', 45_000);
    const refusal = await client.waitFor('terminal_error', (m) => m.code === 'session_limit');
    expect(refusal.message).toMatch(/100 are open/);
    expect(refusal.tabId).toBe(tabIds[100]);
    const ours = client.of('terminal_ready').map((m) => m.sessionId);
    expect(pidsOfSessions(ours).length).toBeGreaterThanOrEqual(100);
    for (const tabId of tabIds) client.do({ type: 'tab_close', tabId });
    await waitFor(() => pidsOfSessions(ours).length === 0, 'every shell gone', 30_000);
    await waitFor(() => openFds(hostPid) <= baselineFds, `host fds back to ${baselineFds}`, 10_000);
  });

  it('quit kills background jobs, setsid children and HUP-ignoring processes within the timeout', async () => {
    harness = await startHub();
    const client = harness.connect('a');
    const { sessionId } = await harness.spawnFirstTab(client);
    const workspaceId = client.layout().workspaces[0]!.id;
    client.do({ type: 'tab_create', workspaceId });
    await waitFor(() => client.layout().workspaces[0]!.tabIds.length === 2, 'second tab');
    const secondTab = client.layout().workspaces[0]!.tabIds[1]!;
    client.do({ type: 'terminal_spawn', tabId: secondTab, cols: 80, rows: 24 });
    const second = await client.waitFor('terminal_ready', (m) => m.tabId === secondTab);
    await client.waitForText(second.sessionId, /\$ $/m);
    client.do({ type: 'terminal_input', sessionId, data: 'sleep 1000 & setsid sleep 1001 & echo started\r' });
    client.do({ type: 'terminal_input', sessionId: second.sessionId, data: "trap '' HUP; sleep 1002\r" });
    await client.waitForText(sessionId, /^started\r?$/m);
    const ours = [sessionId, second.sessionId];
    await waitFor(() => pidsOfSessions(ours).length >= 5, 'shells, sleeps and the setsid child');
    const pids = pidsOfSessions(ours);
    const started = Date.now();
    const report = await harness.hub.shutdown(5_000);
    harness = null;
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(report.survivors).toEqual([]);
    expect(pids.filter(isAlive)).toEqual([]);
    expect(report.forced).toContain(second.sessionId);
  });
});
