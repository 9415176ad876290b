// Shutdown: many sessions, some ignoring SIGHUP, some with children that left the process group
// (setsid, background jobs); quit the browser host (SIGTERM) and count what is still alive afterwards.

import { isAlive, pidsWithEnv } from '../../test/support/proc';
import type { BenchContext, FigureGroup, GroupResult } from '../lib/context';
import { atMost, measured } from '../lib/figure';
import { BenchServer } from '../lib/server';
import { type OpenSession, openSessions } from '../lib/sessions';
import { measureFor, waitFor } from '../lib/wait';

const GROUP = 'shutdown';
/** The quit timeout of DESIGN.md §5 (Shutdown.totalTimeoutMs). */
const KILL_TIMEOUT_MS = 5_000;

interface Kind {
  name: string;
  /** What is typed into the session; null: left idle at its prompt. */
  line: string | null;
  /** Processes the session has once the line took effect (the shell included). */
  processes: number;
}

const KINDS: Kind[] = [
  { name: 'idle shell', line: null, processes: 1 },
  { name: 'foreground ignoring SIGHUP', line: "trap '' HUP; sleep 600", processes: 2 },
  { name: 'setsid child', line: 'setsid sleep 600 </dev/null >/dev/null 2>&1 &', processes: 2 },
  {
    name: 'background job ignoring SIGHUP',
    line: 'nohup sh -c \'trap "" HUP; sleep 600\' >/dev/null 2>&1 &',
    processes: 3,
  },
];

/** Live processes of each session, found by the marker every process of a session inherits. */
function processesBySession(sessionIds: ReadonlySet<string>): Map<string, number[]> {
  const found = new Map<string, number[]>();
  for (const id of sessionIds) {
    found.set(
      id,
      pidsWithEnv('TABTERM_SESSION_ID', (value) => value === id),
    );
  }
  return found;
}

export const shutdown: FigureGroup = {
  id: GROUP,
  title: 'Shutdown',
  async run(context: BenchContext): Promise<GroupResult> {
    const count = context.config.shutdownSessions;
    const server = await BenchServer.start({ settings: { maxSessions: count + 10 } });
    try {
      const client = await server.client();
      context.log(`opening ${count} sessions of ${KINDS.length} kinds`);
      const sessions = await openSessions(client, count);
      const kindOf = new Map<string, Kind>();
      sessions.forEach((session: OpenSession, i) => {
        const kind = KINDS[i % KINDS.length] as Kind;
        kindOf.set(session.sessionId, kind);
        if (kind.line) client.run(session.sessionId, kind.line);
      });
      const ids = new Set(sessions.map((s) => s.sessionId));
      await waitFor(
        () => {
          const found = processesBySession(ids);
          return sessions.every(
            (s) => (found.get(s.sessionId)?.length ?? 0) >= (kindOf.get(s.sessionId)?.processes ?? 1),
          );
        },
        'every session to start its processes',
        60_000,
        250,
      );
      client.close();
      const before = server.processes();
      context.log(`${before.length} processes of this run; quitting the browser host (SIGTERM)`);
      const quitMs = await server.quit('SIGTERM', 60_000);
      const atExit = before.filter(isAlive);
      // Whatever is alive a second after the app has gone is a survivor.
      await measureFor(1_000);
      const survivors = server.processes();
      const forced = /had to kill: (.*)/.exec(server.log())?.[1]?.split(', ').length ?? 0;
      return {
        figures: [
          measured(
            GROUP,
            'quit',
            `Quit with ${count} sessions (SIGTERM → exited)`,
            quitMs,
            'ms',
            atMost(KILL_TIMEOUT_MS),
            `${forced} of ${count} sessions had to be SIGKILLed; kinds, evenly mixed: ${KINDS.map((k) => k.name).join(', ')}`,
          ),
          measured(
            GROUP,
            'survivors',
            `Processes alive 1 s after quit (of ${before.length})`,
            survivors.length,
            '',
            atMost(0),
          ),
          measured(
            GROUP,
            'at-exit',
            'Processes alive at the moment the browser host exited',
            atExit.length,
            '',
          ),
        ],
        details: {
          sessions: count,
          kinds: KINDS.map((k) => ({ name: k.name, line: k.line })),
          processesBefore: before.length,
          forcedSessions: forced,
          aliveAtExit: atExit,
          survivors,
        },
      };
    } finally {
      await server.dispose();
    }
  },
};
