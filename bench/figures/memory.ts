// Memory per session: the browser host (main side) and the session host, before and after opening many
// idle sessions, then with every ring full. Shells are not counted (they are their own processes). Each
// reading follows a full GC in both processes, so it is what they keep, not garbage awaiting collection.
import { join } from 'node:path';
import { openFds, rssBytes } from '../../test/support/proc';
import type { BenchContext, FigureGroup, GroupResult } from '../lib/context';
import { atMost, measured } from '../lib/figure';
import { INSPECT_ON_SIGNAL_ENV, Inspector } from '../lib/inspector';
import { BenchServer } from '../lib/server';
import { openSessions, runEverywhere } from '../lib/sessions';
import { writeColouredLog } from '../lib/text-files';

const GROUP = 'memory';
const MB = 1e6;

interface Reading {
  mainRss: number;
  hostRss: number;
  mainHeap: number;
  hostHeap: number;
}

async function read(
  server: BenchServer,
  main: Inspector,
  host: Inspector,
  hostPid: number,
): Promise<Reading> {
  await Promise.all([main.collectGarbage(), host.collectGarbage()]);
  const [mainHeap, hostHeap] = await Promise.all([main.heapUsed(), host.heapUsed()]);
  const mainRss = rssBytes(server.pid);
  const hostRss = rssBytes(hostPid);
  if (mainRss === null || hostRss === null) throw new Error('the browser host or its session host is gone');
  return { mainRss, hostRss, mainHeap, hostHeap };
}

function perSession(from: Reading, to: Reading, sessions: number) {
  return {
    total: (to.mainRss - from.mainRss + (to.hostRss - from.hostRss)) / sessions / MB,
    main: (to.mainRss - from.mainRss) / sessions / MB,
    host: (to.hostRss - from.hostRss) / sessions / MB,
    heap: (to.mainHeap - from.mainHeap + (to.hostHeap - from.hostHeap)) / sessions / MB,
  };
}

export const memory: FigureGroup = {
  id: GROUP,
  title: 'Memory per session',
  async run(context: BenchContext): Promise<GroupResult> {
    const { memorySessions: count, ringLines } = context.config;
    const logFile = join(context.workDir, 'ring-fill.log');
    writeColouredLog(logFile, ringLines + 200, 120);
    const server = await BenchServer.start({
      settings: { maxSessions: count + 10 },
      env: INSPECT_ON_SIGNAL_ENV,
    });
    try {
      const hostPid = server.hostPid();
      if (hostPid === null) throw new Error('no session host');
      const main = await Inspector.open(server.pid, () => server.log());
      const host = await Inspector.open(hostPid, () => server.log());
      try {
        const client = await server.client();
        await client.quiet(1_000);
        const base = await read(server, main, host, hostPid);
        context.log(`opening ${count} idle sessions`);
        const sessions = await openSessions(client, count);
        await client.quiet(2_000);
        const idle = await read(server, main, host, hostPid);
        const fds = { browserHost: openFds(server.pid), sessionHost: openFds(hostPid) };
        context.log(`filling every ring (${ringLines}+ lines of 120 columns each)`);
        await runEverywhere(client, sessions, `cat ${logFile}`);
        await client.quiet(2_000);
        const full = await read(server, main, host, hostPid);
        client.close();
        const idlePer = perSession(base, idle, count);
        const fullPer = perSession(base, full, count);
        const split = (p: { main: number; host: number; heap: number }) =>
          `main ${p.main.toFixed(3)} + host ${p.host.toFixed(3)} MB RSS; JS heap ${p.heap.toFixed(3)} MB`;
        return {
          figures: [
            measured(
              GROUP,
              'idle',
              `Main + session host per idle session (${count} sessions)`,
              idlePer.total,
              'MB',
              atMost(0.5),
              split(idlePer),
            ),
            measured(
              GROUP,
              'full',
              `Main + session host per session, every ring full`,
              fullPer.total,
              'MB',
              atMost(1.5),
              split(fullPer),
            ),
          ],
          details: {
            sessions: count,
            unit: 'MB = 10^6 bytes; RSS from /proc/<pid>/status after a full GC (inspector) in both processes',
            readings: { base, idle, full },
            openFileDescriptorsWithAllSessions: fds,
            idlePerSession: idlePer,
            fullPerSession: fullPer,
          },
        };
      } finally {
        main.close();
        host.close();
      }
    } finally {
      await server.dispose();
    }
  },
};
