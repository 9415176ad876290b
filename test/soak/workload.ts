// What each soak tab does, over and over: spawn a shell, make it produce a lot of output, and end it —
// by exiting, with a non-zero code, by terminal_kill in the middle of a flood, or by closing the tab.
import type { SoakClient } from './soak-client';

/** One life of a session: the command it runs and how it ends. */
interface Job {
  name: string;
  command: string;
  /** Kill the session once this much output arrived (the command never ends by itself). */
  killAfterChars?: number;
  /**
   * Once this output line shows, paste this (made from the session id) into a program that never reads
   * it: most of it waits in node-pty's queue when the session is killed, and none of it may ever reach
   * another session (soak-client.ts counts strays).
   */
  paste?: { after: string; text: (sessionId: string) => string };
}

/** Marks text pasted into one session; seen in another session's output, it is a stray write. */
export const strayMarker = (sessionId: string) => `STRAY<${sessionId}>`;

const JOBS: Job[] = [
  { name: 'seq', command: 'seq 1 120000; exit' },
  { name: 'yes-exit-3', command: 'yes soak-line-of-text | head -c 1500000; echo; exit 3' },
  { name: 'flood-kill', command: 'yes flood-line-that-never-ends', killAfterChars: 1_000_000 },
  { name: 'base64', command: 'head -c 500000 /dev/urandom | base64 -w 120; exit' },
  {
    name: 'paste-kill',
    // The line is parsed whole before the paste arrives, so bash never reads it: sleep holds the terminal.
    command: "echo paste-rea''dy; exec sleep 1000",
    paste: { after: 'paste-ready', text: (sessionId) => `echo ${strayMarker(sessionId)}\r`.repeat(8_000) },
    killAfterChars: 2_000,
  },
  {
    name: 'colours',
    command: 'for i in $(seq 1 3000); do printf "\\e[3%dm%05d \\e[0m%s\\n" $((i%8)) $i "$PWD"; done; exit',
  },
];

/** A new tab replaces the old one after this many lives, so tab_close and tab_create are soaked too. */
const LIVES_PER_TAB = 6;
const TIMEOUT_MS = 60_000;

export interface LaneStats {
  cycles: number;
  failures: string[];
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function newTab(client: SoakClient, workspaceId: string): Promise<string> {
  const before = new Set(client.layout?.workspaces.find((w) => w.id === workspaceId)?.tabIds ?? []);
  client.do({ type: 'tab_create', workspaceId });
  let tabId: string | undefined;
  await until(
    () => {
      tabId = client.layout?.workspaces
        .find((w) => w.id === workspaceId)
        ?.tabIds.find((id) => !before.has(id));
      return tabId !== undefined;
    },
    10_000,
    'a new tab',
  );
  return tabId as string;
}

/** One session's life on `tabId`; resolves when the hub reported it closed. */
async function life(client: SoakClient, tabId: string, job: Job, closeTab: boolean): Promise<void> {
  const ready = client.next('terminal_ready', (m) => m.tabId === tabId, TIMEOUT_MS);
  client.do({ type: 'terminal_spawn', tabId, cols: 120, rows: 40 });
  const { sessionId } = await ready;
  const closed = client.next('terminal_closed', (m) => m.sessionId === sessionId, TIMEOUT_MS);
  client.do({ type: 'terminal_input', sessionId, data: `${job.command}\r` });
  if (job.paste) {
    const { after, text } = job.paste;
    await until(() => client.sawLine(sessionId, after), TIMEOUT_MS, `"${after}" in ${job.name}`);
    client.do({ type: 'terminal_input', sessionId, data: text(sessionId) });
  }
  if (job.killAfterChars !== undefined) {
    const enough = job.killAfterChars;
    await until(
      () => (client.chars.get(sessionId) ?? 0) >= enough,
      TIMEOUT_MS,
      `${enough} chars of ${job.name}`,
    );
    if (closeTab) client.do({ type: 'tab_close', tabId });
    else client.do({ type: 'terminal_kill', tabId, sessionId });
  } else if (closeTab) {
    client.do({ type: 'tab_close', tabId });
  }
  await closed;
}

/** Runs lives on one lane (one tab at a time) while `running()` says so. */
export async function lane(
  client: SoakClient,
  workspaceId: string,
  firstTab: string,
  index: number,
  running: () => boolean,
  stats: LaneStats,
): Promise<void> {
  let tabId = firstTab;
  let lives = 0;
  while (running()) {
    const job = JOBS[(index + stats.cycles) % JOBS.length] as Job;
    lives += 1;
    const closeTab = lives % LIVES_PER_TAB === 0;
    try {
      await life(client, tabId, job, closeTab);
      stats.cycles += 1;
    } catch (error) {
      stats.failures.push(
        `lane ${index} ${job.name}: ${error instanceof Error ? error.message : String(error)}`,
      );
      // Leave nothing running behind a failed life, and carry on with a fresh tab.
      client.do({ type: 'tab_close', tabId });
      tabId = await newTab(client, workspaceId);
      continue;
    }
    if (closeTab) tabId = await newTab(client, workspaceId);
  }
}

export { newTab };
