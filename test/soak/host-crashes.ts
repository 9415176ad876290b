// The soak's last phase: kill -9 the session host while tabs run jobs that escape a hangup (nohup,
// setsid, HUP-ignoring), and each time wait for the next host. Returns the marker prefix of every host
// that held sessions (a host marks its processes TABTERM_HOST_ID=<its pid>-<random>), so the runner can
// check that no process of theirs is left.
import type { Hub } from '../../src/main/hub/hub';
import type { SoakClient } from './soak-client';
import { newTab } from './workload';

const ESCAPES =
  "nohup sleep 1001 >/dev/null 2>&1 & setsid sleep 1002 >/dev/null 2>&1 & (trap '' HUP; exec sleep 1003) &";
const ESCAPES_PER_TAB = 3;
const TABS = 4;

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function crashHostWithEscapees(
  hub: Hub,
  client: SoakClient,
  workspaceId: string,
  crashes: number,
  log: (line: string) => void,
): Promise<{ hostPrefixes: string[]; escapees: number }> {
  const hostPrefixes: string[] = [];
  let escapees = 0;
  for (let crash = 1; crash <= crashes; crash++) {
    const hostPid = hub.hostPid as number;
    hostPrefixes.push(`${hostPid}-`);
    for (let i = 0; i < TABS; i++) {
      const tabId = await newTab(client, workspaceId);
      const ready = client.next('terminal_ready', (m) => m.tabId === tabId, 30_000);
      client.do({ type: 'terminal_spawn', tabId, cols: 100, rows: 30 });
      const { sessionId } = await ready;
      client.do({ type: 'terminal_input', sessionId, data: `${ESCAPES} echo escaped-$((6*7))\r` });
      await until(() => client.sawLine(sessionId, 'escaped-42'), 30_000, 'the escaping jobs');
      escapees += ESCAPES_PER_TAB;
    }
    const statesBefore = client.hostStates.length;
    process.kill(hostPid, 'SIGKILL');
    // Running again: a new host said hello (its pid alone shows before it can take requests).
    await until(
      () => client.hostStates.slice(statesBefore).includes('running') && hub.hostPid !== hostPid,
      30_000,
      'a new session host',
    );
    log(`host crash ${crash}: ${hostPid} killed, ${hub.hostPid} took over`);
  }
  hostPrefixes.push(`${hub.hostPid}-`);
  return { hostPrefixes, escapees };
}
