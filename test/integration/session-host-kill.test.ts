// Ending sessions for real: node-pty's kill() signals only the shell, so the host has to find and end
// background jobs, setsid and double-forked escapees, HUP-ignoring and stopped processes, within the timeout.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { Shutdown, StatusPolling } from '../../src/shared/limits';
import { isAlive, markedPids, openFds } from '../support/proc';
import { HostClient, outputLine, uniqueId, waitFor } from './helpers/host-client';

let client: HostClient | null = null;

afterEach(async () => {
  await client?.close();
  client = null;
});

/** Every way a process started in a session tries to outlive it (each a complete shell list). */
const ESCAPES = [
  'sleep 1000 &',
  'setsid sleep 1000 &',
  "(trap '' HUP; exec sleep 1000) &",
  'nohup sleep 1000 >/dev/null 2>&1 &',
  '( (exec sleep 1000 &) & );',
  'sleep 1000 & kill -STOP $!;',
];

async function sessionWithEscapees(host: HostClient, id: string, lines: string[]): Promise<number[]> {
  await host.spawnBash(id);
  host.run(id, `${lines.join(' ')} echo ready`);
  await host.waitForOutput(id, outputLine('ready'));
  // the shell plus one process per line
  await waitFor(
    () => markedPids(id).length >= lines.length + 1,
    5_000,
    () => `${lines.length + 1} processes`,
  );
  return markedPids(id);
}

function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Both Unix process-table backends run these: /proc (Linux) and ps (macOS, the BSDs; Linux too). */
const BACKENDS = ['proc', 'ps'] as const;
const hostWith = (backend: (typeof BACKENDS)[number]) =>
  HostClient.start({ ...process.env, TABTERM_PROCESS_TABLE: backend });

describe.each(BACKENDS)('kill (%s backend)', (backend) => {
  it('ends the shell, its jobs and every escaped process within the timeout', async () => {
    client = await hostWith(backend);
    const host = client;
    const id = uniqueId('kill');
    const pids = await sessionWithEscapees(host, id, ESCAPES);
    expect(pids.length).toBeGreaterThanOrEqual(ESCAPES.length + 1);

    const started = Date.now();
    host.send({ type: 'kill', sessionId: id });
    const exit = await host.next('exit', (m) => m.sessionId === id);
    expect(exit.signal ?? exit.exitCode).not.toBeNull();
    await waitFor(
      () => markedPids(id).length === 0,
      Shutdown.totalTimeoutMs,
      'no process of the session left',
    );
    expect(pids.filter(isAlive)).toEqual([]);
    // Two of them ignore SIGHUP, so it takes the grace period and a SIGKILL, and no more.
    expect(Date.now() - started).toBeGreaterThanOrEqual(Shutdown.graceMs - 100);
    expect(Date.now() - started).toBeLessThan(Shutdown.totalTimeoutMs);
  });

  it('ends what an exited shell left behind on shutdown', async () => {
    client = await hostWith(backend);
    const host = client;
    const id = uniqueId('leftover');
    const pids = await sessionWithEscapees(host, id, ['nohup sleep 1000 >/dev/null 2>&1 &']);
    host.run(id, 'exit');
    await host.next('exit', (m) => m.sessionId === id);
    expect(pids.filter(isAlive).length).toBe(1);
    const done = await host.shutdown(Shutdown.totalTimeoutMs);
    expect(done.forced).toEqual([id]);
    expect(done.survivors).toEqual([]);
    expect(pids.filter(isAlive)).toEqual([]);
  });
});

describe.each(BACKENDS)('shutdown (%s backend)', (backend) => {
  it('ends all sessions in parallel under one timeout and names the one that needed SIGKILL', async () => {
    client = await hostWith(backend);
    const host = client;
    const polite = uniqueId('polite');
    const stubborn = uniqueId('stubborn');
    const escaped = uniqueId('escaped');
    const all = [
      ...(await sessionWithEscapees(host, polite, ['sleep 1000 &'])),
      ...(await sessionWithEscapees(host, stubborn, ["(trap '' HUP; exec sleep 1000) &"])),
      ...(await sessionWithEscapees(host, escaped, ['setsid sleep 1000 &', '( (exec sleep 1000 &) & );'])),
    ];

    const started = Date.now();
    const done = await host.shutdown(Shutdown.totalTimeoutMs);
    const elapsed = Date.now() - started;
    expect(done.forced).toEqual([stubborn]);
    expect(done.survivors).toEqual([]);
    expect(elapsed).toBeLessThan(Shutdown.totalTimeoutMs);
    expect(all.filter(isAlive)).toEqual([]);
    for (const id of [polite, stubborn, escaped]) expect(markedPids(id)).toEqual([]);
    await waitFor(() => host.messages.filter((m) => m.type === 'exit').length === 3, 2_000, 'three exits');
  });
});

describe('many sessions', () => {
  it('spawns 100, costs no CPU while they idle, kills them all and gives back every descriptor', async () => {
    client = await HostClient.start();
    const host = client;
    const baselineFds = openFds(host.pid);
    const ids = Array.from({ length: 100 }, (_, i) => uniqueId(`many${i}`));
    const spawnStart = Date.now();
    await Promise.all(ids.map((id) => host.spawnBash(id)));
    const spawnMs = Date.now() - spawnStart;
    expect(openFds(host.pid)).toBeGreaterThanOrEqual(baselineFds + 100);

    // Idle cost is a rate, so it takes a time window: first let the status polling that the prompts
    // started run out (the active window), then count the host's CPU ticks over 3 s of idleness.
    const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
    await pause(StatusPolling.activeWindowMs + StatusPolling.intervalMs);
    const cpuBefore = cpuSeconds(host.pid);
    const idleStart = Date.now();
    await pause(3_000);
    const idleCpu = cpuSeconds(host.pid) - cpuBefore;
    const idleShare = idleCpu / ((Date.now() - idleStart) / 1000);

    const killStart = Date.now();
    for (const id of ids) host.send({ type: 'kill', sessionId: id });
    await waitFor(
      () => host.messages.filter((m) => m.type === 'exit').length === ids.length,
      Shutdown.totalTimeoutMs,
      'every exit',
    );
    const killMs = Date.now() - killStart;
    await waitFor(
      () => openFds(host.pid) === baselineFds,
      5_000,
      () => `fds back to ${baselineFds}`,
    );
    for (const id of ids) expect(markedPids(id)).toEqual([]);
    console.log(
      `100 sessions: spawned in ${spawnMs} ms, idle host CPU ${(idleShare * 100).toFixed(2)} %, all killed in ${killMs} ms`,
    );
    expect(idleShare).toBeLessThan(0.01);
  });
});
