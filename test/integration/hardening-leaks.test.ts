// Leaks over many session lives: 200 spawn → end cycles through the hub with a real host and real bash,
// ended three ways (the shell exits, terminal_kill, tab_close), four tabs at a time. Afterwards the open
// descriptors of the hub's process (this test process) and of the session host, and the child processes
// of both, are back to where they were after warm-up: no PTY, pipe or process is left behind, no zombie.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childrenOf, openFds, pidsWithEnv, processTable } from '../support/proc';
import { type Harness, startHub, type TestClient } from './helpers/hub-harness';
import { waitFor } from './helpers/wait';

const CYCLES = 200;
const PARALLEL = 4;
const WARM_UP = 8;

let harness: Harness;
let client: TestClient;

beforeAll(async () => {
  harness = await startHub({ shellArgs: ['--norc', '--noprofile'] });
  client = harness.connect('leaks');
});

afterAll(async () => {
  await harness.hub.shutdown(3_000);
});

/** Children of `pid`, zombies included (a zombie is a leak too: nobody reaped it). */
function childrenOfPid(pid: number): { all: number; zombies: number[] } {
  const { live, zombies } = childrenOf(processTable(), [pid]);
  return { all: live.length + zombies.length, zombies };
}

type Ending = 'exit' | 'kill' | 'close';

/** One life: a tab gets a shell, which then ends; resolves when the hub has reported it closed. */
async function cycle(tabId: string, ending: Ending): Promise<void> {
  const { sessionId } = await client.spawn(tabId, { cols: 80, rows: 24 }, 10_000);
  if (ending === 'exit') client.do({ type: 'terminal_input', sessionId, data: 'exit 7\r' });
  if (ending === 'kill') client.do({ type: 'terminal_kill', tabId, sessionId });
  if (ending === 'close') client.do({ type: 'tab_close', tabId });
  await client.waitFor('terminal_closed', (m) => m.sessionId === sessionId, 15_000);
}

async function newTab(): Promise<string> {
  const workspace = client.layout().workspaces[0]!;
  const before = new Set(workspace.tabIds);
  client.do({ type: 'tab_create', workspaceId: workspace.id });
  return waitFor(() => client.layout().workspaces[0]!.tabIds.find((id) => !before.has(id)), 'a new tab');
}

/** `lives` cycles on one lane; a closed tab is replaced by a new one. */
async function lane(lives: number, offset: number): Promise<void> {
  let tabId = await newTab();
  for (let i = 0; i < lives; i++) {
    const ending: Ending = (['exit', 'kill', 'close'] as const)[(i + offset) % 3]!;
    await cycle(tabId, ending);
    if (ending === 'close') tabId = await newTab();
  }
  client.do({ type: 'tab_close', tabId });
}

function snapshot(hostPid: number) {
  return {
    hubFds: openFds(process.pid),
    hostFds: openFds(hostPid),
    hubChildren: childrenOfPid(process.pid).all,
    hostChildren: childrenOfPid(hostPid).all,
  };
}

describe('200 session lives', () => {
  it('leave descriptors and processes of the hub and the host where they were', async () => {
    const hostPid = harness.hub.hostPid!;
    const ofThisHost = (value: string) => value.startsWith(`${hostPid}-`);
    // The first tab's shell (spawned at start) and a few warm-up lives: lazily loaded modules, pools.
    await lane(WARM_UP, 0);
    await waitFor(
      () => pidsWithEnv('TABTERM_HOST_ID', ofThisHost).length === 1,
      'only the first tab’s shell left',
    );
    const baseline = snapshot(hostPid);
    const started = Date.now();

    await Promise.all(Array.from({ length: PARALLEL }, (_, i) => lane(CYCLES / PARALLEL, i)));
    const elapsed = Date.now() - started;

    expect(client.of('terminal_closed').length).toBeGreaterThanOrEqual(CYCLES + WARM_UP);
    expect(client.of('terminal_closed').filter((m) => m.exitCode === 7).length).toBeGreaterThan(CYCLES / 4);
    await waitFor(
      () => pidsWithEnv('TABTERM_HOST_ID', ofThisHost).length === 1,
      'every shell of the cycles gone',
      15_000,
    );
    let now = snapshot(hostPid);
    await waitFor(
      () => {
        now = snapshot(hostPid);
        return now.hubFds <= baseline.hubFds && now.hostFds <= baseline.hostFds ? now : undefined;
      },
      `descriptors back to the baseline ${JSON.stringify(baseline)} (now ${JSON.stringify(now)})`,
      10_000,
    );
    expect(now.hubChildren).toBe(baseline.hubChildren);
    expect(now.hostChildren).toBe(baseline.hostChildren);
    const zombies = [...childrenOfPid(process.pid).zombies, ...childrenOfPid(hostPid).zombies];
    expect(zombies).toEqual([]);
    expect(harness.hub.hostPid).toBe(hostPid);
    // Roughly how long a session's life takes end to end, for the record (fails only if absurd).
    expect(elapsed / CYCLES).toBeLessThan(1_000);
  }, 120_000);
});
