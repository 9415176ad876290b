// The browser host where the session host cannot read /proc (issue 11), as on macOS: /proc is moved to a
// path that does not exist, so the host reads its process table with `ps`; and where no table can be read
// at all, so the reaper signals blind (the terminal's process group and node-pty's kill). Before the port,
// closing a tab here left its shell and jobs running, a running program never showed as running, and
// Ctrl+C on the server left the tabs' background jobs alive.
import { afterAll, describe, expect, it } from 'vitest';
import { descendants, isAlive, markedPids } from '../support/proc';
import { BrowserHost, makeDirs, type WsClient } from './helpers/browser-host';
import { waitFor } from './helpers/wait';

const started: number[] = [];

afterAll(() => {
  for (const pid of started.filter(isAlive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

/** Starts a background job and a foreground program in the tab; returns every process the tab holds. */
async function busyTab(client: WsClient, sessionId: string, tag: string): Promise<number[]> {
  await client.run(sessionId, `sleep 301${tag} & echo job:$!`, /job:\d+/);
  client.send({ type: 'terminal_input', sessionId, data: `sleep 302${tag}\r` });
  const pids = await waitFor(() => {
    const marked = markedPids(sessionId);
    return marked.length >= 3 ? marked : null;
  }, 'the shell, its job and its foreground program');
  started.push(...pids);
  return pids;
}

const backends = [
  { name: 'with /proc hidden (the ps table)', env: { TABTERM_PROC_ROOT: '/nonexistent' }, kind: 'ps' },
  { name: 'with no process table at all', env: { TABTERM_PROCESS_TABLE: 'none' }, kind: 'none' },
];

describe.skipIf(process.platform === 'win32').each(backends)('the browser host $name', ({ env, kind }) => {
  it('reads the table it was given, shows a running program, ends a closed tab and leaves nothing on Ctrl+C', async () => {
    const host = await BrowserHost.start(makeDirs(), env);
    started.push(host.process.pid as number);
    await waitFor(
      () => host.stderr.join('').includes(`process table: ${kind}`),
      `the session host to report the ${kind} table`,
    );
    const client = await host.client();
    const workspace = client.layout().workspaces[0];
    const firstTab = workspace?.tabIds[0] as string;
    const first = await client.open(firstTab);
    const firstPids = await busyTab(client, first, '1');

    await client.waitFor(
      'session_status',
      (m) => m.sessionId === first && m.status === 'running' && m.command === 'sleep',
    );

    client.send({ type: 'tab_close', tabId: firstTab });
    await waitFor(
      () => firstPids.every((pid) => !isAlive(pid)),
      'the closed tab’s shell, job and program to end',
    ).catch((error: Error) => {
      throw new Error(`${error.message}; alive: ${firstPids.filter(isAlive).join(' ')}`);
    });

    client.send({ type: 'tab_create', workspaceId: workspace?.id as string });
    const layout = await client.waitForLayout(
      (l) => (l.workspaces[0]?.tabIds ?? []).some((id) => id !== firstTab),
      'a second tab',
    );
    const secondTab = layout.workspaces[0]?.tabIds.find((id) => id !== firstTab) as string;
    const second = await client.open(secondTab);
    const secondPids = await busyTab(client, second, '2');
    const everything = [...new Set([...descendants(host.process.pid as number), ...secondPids])];
    started.push(...everything);
    expect(everything.length).toBeGreaterThan(secondPids.length);

    client.close();
    process.kill(host.process.pid as number, 'SIGINT');
    await waitFor(
      () => everything.every((pid) => !isAlive(pid)) && !isAlive(host.process.pid as number),
      'the server, its session host and every process of its tabs to end',
      20_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; alive: ${everything.filter(isAlive).join(' ')}`);
    });
  }, 90_000);
});
