// The session host process with real bash: the message contract, spawn checks, status, and its exit when
// the hub goes away. Floods, replay and killing have their own files.
import { afterEach, describe, expect, it } from 'vitest';
import { isAlive, markedPids, openFds } from '../support/proc';
import { HostClient, outputLine, uniqueId, waitFor } from './helpers/host-client';

let client: HostClient | null = null;

async function startHost(env: NodeJS.ProcessEnv = process.env): Promise<HostClient> {
  client = await HostClient.start(env);
  return client;
}

afterEach(async () => {
  await client?.close();
  client = null;
});

describe('session host basics', () => {
  it('says hello with its pid, spawns bash, echoes, and reports exit code 3', async () => {
    const host = await startHost();
    expect(host.messages[0]).toEqual({
      type: 'hello',
      pid: host.pid,
      hostId: expect.stringMatching(`^${host.pid}-`),
    });
    const id = uniqueId('basic');
    const spawned = await host.spawnBash(id, { cols: 90, rows: 20 });
    expect(spawned.session).toMatchObject({
      sessionId: id,
      shell: '/bin/bash',
      cwd: '/tmp',
      cols: 90,
      rows: 20,
    });
    expect(isAlive(spawned.session.pid)).toBe(true);

    host.run(id, 'echo hi');
    await host.waitForOutput(id, outputLine('hi'));
    host.run(id, 'exit 3');
    const exit = await host.next('exit', (m) => m.sessionId === id);
    expect(exit).toEqual({ type: 'exit', sessionId: id, exitCode: 3, signal: null });
    expect(host.status(id)).toMatchObject({ status: 'exited', exitCode: 3 });
    expect(host.invalid).toEqual([]);
  });

  it('gives the shell the session marker and terminal identity in its environment', async () => {
    const host = await startHost();
    const id = uniqueId('env');
    await host.spawnBash(id, { env: { MY_VAR: 'from-hub' } });
    host.run(
      id,
      'echo "[$TABTERM_SESSION_ID|$TERM|$COLORTERM|$MY_VAR|$(test -n "$TABTERM_HOST_ID" && echo host)]"',
    );
    await host.waitForOutput(id, `[${id}|xterm-256color|truecolor|from-hub|host]`);
  });

  it('reports a signal exit with a null exit code', async () => {
    const host = await startHost();
    const id = uniqueId('sig');
    await host.spawnBash(id);
    host.run(id, 'kill -TERM $$; kill -KILL $$');
    const exit = await host.next('exit', (m) => m.sessionId === id);
    expect(exit.exitCode).toBeNull();
    expect(exit.signal).toBe(9);
  });

  it('answers an invalid message with an error and keeps serving', async () => {
    const host = await startHost();
    host.sendRaw({ type: 'write', sessionId: 'x' });
    host.sendRaw({ type: 'nonsense' });
    host.sendRaw('just a string');
    const first = await host.next('error', () => true);
    expect(first.sessionId).toBe('x');
    expect(first.message).toMatch(/^Invalid message: .*data/);
    await waitFor(() => host.messages.filter((m) => m.type === 'error').length === 3, 5_000, 'three errors');
    host.send({ type: 'ping', seq: 7 });
    await host.next('pong', (m) => m.seq === 7);
  });

  it('answers requests about unknown sessions without crashing', async () => {
    const host = await startHost();
    host.send({ type: 'write', sessionId: 'ghost', data: 'x' });
    expect(await host.next('error', (m) => m.sessionId === 'ghost')).toMatchObject({
      message: 'No session "ghost"',
    });
    expect(await host.snapshot('ghost')).toBeNull();
    host.send({ type: 'resize', sessionId: 'ghost', cols: 10, rows: 10 });
    host.send({ type: 'kill', sessionId: 'ghost-2' });
    await host.next('error', (m) => m.sessionId === 'ghost-2');
  });

  it('refuses a duplicate session id and lists the live sessions', async () => {
    const host = await startHost();
    const id = uniqueId('dup');
    const first = await host.spawnBash(id);
    const again = await host.spawn(id, '/bin/bash', []);
    expect(again).toMatchObject({
      type: 'spawn_failed',
      sessionId: id,
      message: `Session id "${id}" is already in use`,
    });
    const reqId = host.reqId();
    host.send({ type: 'list', reqId });
    const list = await host.next('sessions', (m) => m.reqId === reqId);
    expect(list.sessions).toEqual([first.session]);
  });

  it('resizes the terminal', async () => {
    const host = await startHost();
    const id = uniqueId('size');
    await host.spawnBash(id, { cols: 80, rows: 24 });
    host.send({ type: 'resize', sessionId: id, cols: 132, rows: 43 });
    host.run(id, 'stty size');
    await host.waitForOutput(id, '43 132');
  });
});

describe('spawn failures', () => {
  it('names a missing shell and a missing directory, and leaks no file descriptor over 20 failures', async () => {
    const host = await startHost();
    const baseline = openFds(host.pid);
    // A session that comes and goes gives its descriptors back too.
    const warm = uniqueId('warm');
    await host.spawnBash(warm);
    expect(openFds(host.pid)).toBeGreaterThan(baseline);
    host.run(warm, 'exit');
    await host.next('exit', (m) => m.sessionId === warm);
    await waitFor(() => openFds(host.pid) === baseline, 2_000, 'the pty descriptor to close');

    const noShell = await host.spawn(uniqueId('noshell'), '/bin/nosuch', []);
    expect(noShell).toMatchObject({
      type: 'spawn_failed',
      message: 'Cannot start "/bin/nosuch": no such file',
    });
    const noCwd = await host.spawn(uniqueId('nocwd'), '/bin/bash', [], { cwd: '/nope' });
    expect(noCwd).toMatchObject({
      type: 'spawn_failed',
      message: 'Cannot start in "/nope": no such directory',
    });
    const notInPath = await host.spawn(uniqueId('nopath'), 'no-such-shell-xyz', []);
    expect(notInPath).toMatchObject({
      type: 'spawn_failed',
      message: expect.stringMatching(/^Cannot start "no-such-shell-xyz": not found in PATH \(looked in \//),
    });

    for (let i = 0; i < 20; i++) {
      const reply = await host.spawn(uniqueId(`fail${i}`), i % 2 ? '/bin/nosuch' : '/bin/bash', [], {
        cwd: i % 2 ? '/tmp' : '/nope',
      });
      expect(reply.type).toBe('spawn_failed');
    }
    expect(openFds(host.pid)).toBe(baseline);
  });
});

// Both Unix process-table backends: /proc (Linux) and ps (macOS, the BSDs; Linux too).
describe.each(['proc', 'ps'])('status (%s backend)', (backend) => {
  it('follows idle → running (sleep) → idle, the cwd, bells, the title and OSC 7', async () => {
    const host = await startHost({ ...process.env, TABTERM_PROCESS_TABLE: backend });
    const id = uniqueId('status');
    await host.spawnBash(id, { cwd: '/' });
    await waitFor(() => host.status(id)?.status === 'idle', 5_000, 'idle');
    expect(host.status(id)).toMatchObject({
      status: 'idle',
      command: null,
      title: 'bash',
      cwd: '/',
      bells: 0,
    });

    host.run(id, 'sleep 2');
    await waitFor(() => host.status(id)?.status === 'running', 5_000, 'running');
    expect(host.status(id)).toMatchObject({ command: 'sleep', title: 'sleep' });
    await waitFor(() => host.status(id)?.status === 'idle', 6_000, 'idle again');
    expect(host.status(id)).toMatchObject({ command: null, title: 'bash' });

    host.run(id, 'cd /tmp');
    await waitFor(
      () => host.status(id)?.cwd === '/tmp',
      5_000,
      () => `cwd /tmp: ${JSON.stringify(host.status(id))}`,
    );

    host.run(id, "printf '\\a'");
    await waitFor(() => host.status(id)?.bells === 1, 5_000, 'one bell');

    host.run(id, "printf '\\e]0;hello\\a'");
    await waitFor(() => host.status(id)?.title === 'hello', 5_000, 'title hello');
    expect(host.status(id)?.bells).toBe(1);

    host.run(id, "printf '\\e]7;file://localhost/var/tmp\\a'");
    await waitFor(() => host.status(id)?.cwd === '/var/tmp', 5_000, 'OSC 7 cwd');

    const last = host.status(id);
    expect(last?.lastOutputAt).toBeGreaterThan(Date.now() - 10_000);

    // A status is sent only when something in it changed.
    const statuses = host.messages.flatMap((m) => (m.type === 'status' ? [JSON.stringify(m.status)] : []));
    expect(statuses.length).toBeGreaterThan(5);
    for (let i = 1; i < statuses.length; i++) expect(statuses[i]).not.toBe(statuses[i - 1]);
  });
});

describe('host lifetime', () => {
  it('ends its sessions (escaped ones too) and exits when the hub channel disconnects', async () => {
    const host = await startHost();
    const id = uniqueId('orphan');
    await host.spawnBash(id);
    host.run(id, "sleep 1000 & setsid sleep 1000 & (trap '' HUP; exec sleep 1000) & echo started");
    await host.waitForOutput(id, outputLine('started'));
    await waitFor(() => markedPids(id).length >= 4, 5_000, 'the shell and its three sleeps');
    const pids = markedPids(id);

    const started = Date.now();
    const code = await host.disconnect(10_000);
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(markedPids(id)).toEqual([]);
    expect(pids.filter(isAlive)).toEqual([]);
  });
});
