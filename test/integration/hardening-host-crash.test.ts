// The real session host under fire (DESIGN.md §1; VS Code's pty host restarts at most 5 times): kill -9
// it five times in a row and every time the tabs go stale and respawn in a fresh host; the sixth time the
// hub reports `failed` instead of looping, until the user asks for a restart. SIGSTOP it and the hub says
// `unresponsive` within ~10 s, then recovers on SIGCONT with the same host and the same sessions.
import { afterEach, describe, expect, it } from 'vitest';
import { Heartbeat, HostRestart } from '../../src/shared/limits';
import type { Layout } from '../../src/shared/protocol';
import { isAlive, markedPids } from '../support/proc';
import { type Harness, startHub, type TestClient } from './helpers/hub-harness';
import { waitFor } from './helpers/wait';

let harness: Harness | null = null;

afterEach(async () => {
  const hostPid = harness?.hub.hostPid;
  if (hostPid !== undefined && isAlive(hostPid)) process.kill(hostPid, 'SIGCONT');
  await harness?.hub.shutdown(3_000);
  harness = null;
});

/** The parts of the layout a user arranged; sessions and states come and go with the host. */
function arrangement(layout: Layout) {
  return {
    workspaces: layout.workspaces.map(({ id, name, tabIds, activeTabId }) => ({
      id,
      name,
      tabIds,
      activeTabId,
    })),
    tabs: Object.values(layout.tabs).map(({ id, customName, cwd }) => ({ id, customName, cwd })),
    activeWorkspaceId: layout.activeWorkspaceId,
  };
}

async function respawn(client: TestClient, tabId: string): Promise<string> {
  const ready = await client.spawn(tabId);
  await client.waitForText(ready.sessionId, /\$ $/m);
  return ready.sessionId;
}

async function echo(client: TestClient, sessionId: string, n: number): Promise<void> {
  client.do({ type: 'terminal_input', sessionId, data: `echo alive-$((${n}+1000))\r` });
  await client.waitForText(sessionId, new RegExp(`^alive-${n + 1000}\\r?$`, 'm'));
}

/** Asserts `condition` holds throughout `ms` (for "it does not happen": nothing to wait for). */
async function holdsFor(ms: number, condition: () => boolean, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (!condition()) throw new Error(`stopped holding: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('real session host crash loop', () => {
  it('restarts after each of five kill -9s, then reports failed instead of looping; the layout survives', async () => {
    harness = await startHub();
    const hub = harness.hub;
    const client = harness.connect('a');
    const first = await harness.spawnFirstTab(client);
    const { tabId } = first;
    const workspaceId = client.layout().workspaces[0]!.id;
    client.do({ type: 'workspace_create', name: 'second' });
    client.do({ type: 'tab_rename', tabId, name: 'named tab' });
    client.do({ type: 'workspace_activate', workspaceId });
    await waitFor(() => client.layout().tabs[tabId]?.customName === 'named tab', 'the rename');
    const arranged = arrangement(client.layout());

    let sessionId = first.sessionId;
    for (let crash = 1; crash <= HostRestart.maxConsecutive; crash++) {
      const hostPid = hub.hostPid!;
      const shellPid = client.of('terminal_ready').find((m) => m.sessionId === sessionId)!.pid;
      const staleBefore = client.of('terminal_stale').length;
      process.kill(hostPid, 'SIGKILL');
      await waitFor(() => client.of('terminal_stale').length > staleBefore, `stale after crash ${crash}`);
      expect(client.of('terminal_stale').at(-1)?.tabIds).toEqual([tabId]);
      expect(client.layout().tabs[tabId]?.state).toBe('stale');
      await waitFor(
        () => client.of('host_status').find((m) => m.state === 'running' && m.restarts === crash),
        `running after crash ${crash}`,
        15_000,
      );
      expect(hub.hostPid).not.toBe(hostPid);
      // The killed host's shell went with it (its terminal hung up).
      await waitFor(() => !isAlive(shellPid), `shell ${shellPid} gone after crash ${crash}`);
      sessionId = await respawn(client, tabId);
      await echo(client, sessionId, crash);
      expect(arrangement(client.layout())).toEqual(arranged);
    }

    const lastPid = hub.hostPid!;
    process.kill(lastPid, 'SIGKILL');
    const failed = await client.waitFor('host_status', (m) => m.state === 'failed');
    expect(failed.restarts).toBe(HostRestart.maxConsecutive + 1);
    expect(failed.message).toMatch(/crashed 6 times in a row/);
    expect(client.layout().tabs[tabId]?.state).toBe('stale');
    expect(arrangement(client.layout())).toEqual(arranged);
    // No restart comes, not even after the longest backoff; spawning says why.
    const statuses = client.of('host_status').length;
    await holdsFor(
      HostRestart.backoffMaxMs + 500,
      () => client.of('host_status').length === statuses && hub.hostPid === undefined,
      'no restart after failed',
    );
    client.do({ type: 'terminal_spawn', tabId, cols: 100, rows: 30 });
    await client.waitFor('terminal_error', (m) => m.code === 'host_unavailable' && m.tabId === tabId);

    // The user retries: a fresh host, the tab respawns, everything they arranged is still there.
    const beforeRetry = client.of('host_status').length;
    client.do({ type: 'host_restart' });
    await waitFor(
      () =>
        client
          .of('host_status')
          .slice(beforeRetry)
          .find((m) => m.state === 'running' && m.restarts === 0),
      'running after the retry',
      15_000,
    );
    sessionId = await respawn(client, tabId);
    await echo(client, sessionId, 99);
    expect(arrangement(client.layout())).toEqual(arranged);
    expect(harness.persistence.saved && arrangement(harness.persistence.saved)).toEqual(arranged);
  }, 90_000);
});

describe('what a killed session host leaves behind', () => {
  it('is ended by the next host: nohup, setsid and HUP-ignoring jobs do not outlive a kill -9', async () => {
    harness = await startHub();
    const hub = harness.hub;
    const client = harness.connect('a');
    const { sessionId } = await harness.spawnFirstTab(client);
    const escapes = [
      'nohup sleep 1001 >/dev/null 2>&1 &',
      'setsid sleep 1002 >/dev/null 2>&1 &',
      "(trap '' HUP; exec sleep 1003) &",
      '( (exec sleep 1004 &) & );',
    ];
    client.do({ type: 'terminal_input', sessionId, data: `${escapes.join(' ')} echo started\r` });
    await client.waitForText(sessionId, /^started\r?$/m);
    await waitFor(() => markedPids(sessionId).length >= escapes.length + 1, 'the shell and its jobs');
    const hostPid = hub.hostPid!;
    process.kill(hostPid, 'SIGKILL');
    await waitFor(
      () => client.of('host_status').find((m) => m.state === 'running' && m.restarts === 1),
      'a new host',
      15_000,
    );
    expect(hub.hostPid).not.toBe(hostPid);
    await waitFor(() => markedPids(sessionId).length === 0, 'no process of the lost session left', 10_000);
  }, 60_000);
});

describe('a stopped session host', () => {
  it('is reported unresponsive within ~10 s of SIGSTOP and recovers on SIGCONT without a restart', async () => {
    harness = await startHub();
    const hub = harness.hub;
    const client = harness.connect('a');
    const { sessionId } = await harness.spawnFirstTab(client);
    const hostPid = hub.hostPid!;
    const restartsBefore = client.of('host_status').at(-1)?.restarts;
    const stoppedAt = Date.now();
    process.kill(hostPid, 'SIGSTOP');
    await client.waitFor('host_status', (m) => m.state === 'unresponsive', 15_000);
    const reportedAfter = Date.now() - stoppedAt;
    expect(reportedAfter).toBeGreaterThanOrEqual(Heartbeat.unresponsiveAfterMs - Heartbeat.intervalMs);
    expect(reportedAfter).toBeLessThanOrEqual(Heartbeat.unresponsiveAfterMs + Heartbeat.intervalMs + 2_000);
    // Sessions are kept while it is stopped: the tab is not stale.
    expect(client.layout().tabs[client.layout().workspaces[0]!.tabIds[0]!]?.state).toBe('live');

    const seen = client.of('host_status').length;
    process.kill(hostPid, 'SIGCONT');
    const running = await waitFor(
      () =>
        client
          .of('host_status')
          .slice(seen)
          .find((m) => m.state === 'running'),
      'running again after SIGCONT',
      Heartbeat.intervalMs * 3,
    );
    expect(running.restarts).toBe(restartsBefore);
    expect(hub.hostPid).toBe(hostPid);
    expect(client.of('terminal_stale')).toEqual([]);
    await echo(client, sessionId, 1);
  }, 60_000);
});
