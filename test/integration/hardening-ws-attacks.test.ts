// WebSocket attacks on a real browser host (ANCHORS: eDEX-UI CVE-2023-30856, ttyd CVE-2021-34182, Jupyter
// DNS rebinding): no token, wrong token, foreign/null/missing Origin, a rebinding Host header, oversized
// frames and headers, floods of connections. Each is refused before anything spawns — proved by scanning
// /proc for the server's session-host marker (TABTERM_HOST_ID=<host pid>-…) and by the layout revision
// staying put — while the real client keeps getting its echo, during and after.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { pidsWithEnv } from '../support/proc';
import { BrowserHost, makeDirs, type WsClient } from './helpers/browser-host';
import { waitFor } from './helpers/wait';

let server: BrowserHost;
let real: WsClient;
let sessionId: string;
let hostPid: number;
let marker: (value: string) => boolean;
let echoes = 0;

beforeAll(async () => {
  server = await BrowserHost.start(makeDirs());
  const line = await waitFor(
    () => server.stderr.join('').match(/session host pid (\d+)/),
    'the session host pid in the log',
  );
  hostPid = Number(line[1]);
  marker = (value: string) => value.startsWith(`${hostPid}-`);
  real = await server.client();
  sessionId = await real.open(real.layout().workspaces[0]!.tabIds[0]!);
});

afterAll(async () => {
  real?.close();
  await server?.stop();
});

/** The real client still works: a fresh computed echo comes back. */
async function echo(): Promise<void> {
  const n = ++echoes;
  await real.run(sessionId, `echo echo-$((${n}*1000+7))`, new RegExp(`^echo-${n * 1000 + 7}\\r?$`, 'm'));
}

/** Repeats `act` until its result satisfies `done` (polling, for things that settle asynchronously). */
async function retry<T>(act: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await act();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function revision(): number {
  return real.of('layout').at(-1)?.revision ?? -1;
}

interface Attempt {
  token?: string | null;
  path?: string;
  origin?: string | null;
  host?: string;
  headers?: Record<string, string>;
}

/** Opens a WebSocket the way an attacker would; resolves with what happened. */
function attempt(options: Attempt = {}): Promise<{ outcome: string; ws: WebSocket }> {
  const token = options.token === undefined ? server.url.searchParams.get('token') : options.token;
  const query = token === null ? '' : `?token=${encodeURIComponent(token)}`;
  const origin = options.origin === undefined ? server.url.origin : options.origin;
  const headers: Record<string, string> = { ...options.headers };
  if (options.host) headers.host = options.host;
  const ws = new WebSocket(`ws://${server.url.host}${options.path ?? '/ws'}${query}`, {
    ...(origin === null ? {} : { origin }),
    headers,
  });
  return new Promise((resolve) => {
    ws.on('open', () => resolve({ outcome: 'open', ws }));
    ws.on('unexpected-response', (_request, response) => {
      resolve({ outcome: `refused ${response.statusCode}`, ws });
      response.resume();
    });
    ws.on('error', (error) => resolve({ outcome: `error ${error.message}`, ws }));
  });
}

/** A raw upgrade request (for what the ws client will not send, such as no Host header at all). */
function rawUpgrade(head: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(Number(server.url.port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
    socket.on('error', () => resolve(answer.split('\r\n')[0] ?? 'reset'));
    socket.write(head);
  });
}

function upgradeHead(lines: string[]): string {
  return [
    ...lines,
    'Connection: Upgrade',
    'Upgrade: websocket',
    'Sec-WebSocket-Version: 13',
    'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
    '',
    '',
  ].join('\r\n');
}

describe('the browser host refuses attackers before anything spawns', () => {
  const port = () => server.url.port;
  const right = () => server.url.searchParams.get('token') ?? '';

  it('sees the real client\'s shell through the host marker (so "nothing spawned" means something)', async () => {
    const shell = real.of('terminal_ready').find((m) => m.sessionId === sessionId)?.pid;
    expect(pidsWithEnv('TABTERM_HOST_ID', marker)).toContain(shell);
    await echo();
  });

  it.each<[string, () => Attempt, number]>([
    ['no token', () => ({ token: null }), 401],
    ['an empty token', () => ({ token: '' }), 401],
    ['a wrong token', () => ({ token: 'x'.repeat(right().length) }), 401],
    ['a token prefix', () => ({ token: right().slice(0, -1) }), 401],
    [
      'the token in another case',
      () => ({ token: right().toUpperCase() === right() ? right().toLowerCase() : right().toUpperCase() }),
      401,
    ],
    [
      'a wrong token before the right one',
      () => ({ path: `/ws?token=nope&token=${right()}`, token: null }),
      401,
    ],
    ['a foreign Origin', () => ({ origin: 'http://evil.example' }), 403],
    ['the null Origin (sandboxed iframe, file:)', () => ({ origin: 'null' }), 403],
    ['no Origin', () => ({ origin: null }), 403],
    [
      'our host on another port in the Origin',
      () => ({ origin: `http://127.0.0.1:${Number(port()) + 1}` }),
      403,
    ],
    ['a look-alike Origin', () => ({ origin: `http://127.0.0.1:${port()}.evil.example` }), 403],
    ['a file: Origin', () => ({ origin: 'file://' }), 403],
    ['a rebinding Host header', () => ({ host: `evil.example:${port()}` }), 403],
    [
      'a rebinding Host and matching Origin',
      () => ({ host: `evil.example:${port()}`, origin: `http://evil.example:${port()}` }),
      403,
    ],
    ['another path', () => ({ path: '/wss' }), 404],
  ])('%s', async (_name, options, status) => {
    const before = { revision: revision(), pids: pidsWithEnv('TABTERM_HOST_ID', marker).sort() };
    const { outcome } = await attempt(options());
    expect(outcome).toBe(`refused ${status}`);
    expect(pidsWithEnv('TABTERM_HOST_ID', marker).sort()).toEqual(before.pids);
    expect(revision()).toBe(before.revision);
  });

  it('refuses an upgrade without a Host header, and one with 64 KB of headers', async () => {
    const before = { revision: revision(), pids: pidsWithEnv('TABTERM_HOST_ID', marker).sort() };
    const path = `/ws?token=${right()}`;
    expect(await rawUpgrade(upgradeHead([`GET ${path} HTTP/1.1`, `Origin: ${server.url.origin}`]))).toMatch(
      / 403 /,
    );
    const huge = upgradeHead([
      `GET ${path} HTTP/1.1`,
      `Host: ${server.url.host}`,
      `Origin: ${server.url.origin}`,
      `X-Padding: ${'a'.repeat(64 * 1024)}`,
    ]);
    expect(await rawUpgrade(huge)).toMatch(/ 431 /);
    expect(pidsWithEnv('TABTERM_HOST_ID', marker).sort()).toEqual(before.pids);
    expect(revision()).toBe(before.revision);
    await echo();
  });

  it('refuses a request with two Host headers, upgrade or plain, whichever comes first', async () => {
    const before = { revision: revision(), pids: pidsWithEnv('TABTERM_HOST_ID', marker).sort() };
    const path = `/ws?token=${right()}`;
    for (const hosts of [
      [server.url.host, `evil.example:${server.url.port}`],
      [`evil.example:${server.url.port}`, server.url.host],
    ]) {
      const lines = [
        `GET ${path} HTTP/1.1`,
        ...hosts.map((h) => `Host: ${h}`),
        `Origin: ${server.url.origin}`,
      ];
      expect(await rawUpgrade(upgradeHead(lines))).toMatch(/ 403 /);
      const plain = [`GET / HTTP/1.1`, ...hosts.map((h) => `Host: ${h}`), 'Connection: close', '', ''];
      expect(await rawUpgrade(plain.join('\r\n'))).toMatch(/ 403 /);
    }
    expect(pidsWithEnv('TABTERM_HOST_ID', marker).sort()).toEqual(before.pids);
    expect(revision()).toBe(before.revision);
    await echo();
  });

  it("serves the page with the desktop app's Content-Security-Policy, framing and forms forbidden", async () => {
    const response = await fetch(new URL('/', server.url));
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'none'");
    expect(policy).toContain("script-src 'self'");
  });

  it('closes an admitted connection whose first frame is an oversized spawn, before it spawns', async () => {
    const before = { revision: revision(), pids: pidsWithEnv('TABTERM_HOST_ID', marker).sort() };
    const { outcome, ws } = await attempt();
    expect(outcome).toBe('open');
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    const tabId = real.layout().workspaces[0]!.tabIds[0]!;
    ws.send(
      JSON.stringify({
        type: 'terminal_spawn',
        tabId,
        cols: 80,
        rows: 24,
        cwd: `/${'a'.repeat(9 * 1024 * 1024)}`,
      }),
    );
    expect(await closed).toBe(1009);
    expect(pidsWithEnv('TABTERM_HOST_ID', marker).sort()).toEqual(before.pids);
    expect(revision()).toBe(before.revision);
    await echo();
  });

  it('closes a connection that sends invalid UTF-8 with 1007 and keeps serving', async () => {
    const before = { revision: revision(), pids: pidsWithEnv('TABTERM_HOST_ID', marker).sort() };
    const { outcome, ws } = await attempt();
    expect(outcome).toBe('open');
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    ws.send(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), { binary: false });
    expect(await closed).toBe(1007);
    expect(pidsWithEnv('TABTERM_HOST_ID', marker).sort()).toEqual(before.pids);
    expect(revision()).toBe(before.revision);
    await echo();
  });

  it('survives floods of refused and of admitted connections, echoing all along, and frees its slots after', async () => {
    const before = { revision: revision(), pids: pidsWithEnv('TABTERM_HOST_ID', marker).sort() };
    const during = echo();
    // 300 strangers at once: no token, wrong Origin, rebinding Host.
    const strangers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        attempt(
          [{ token: null }, { origin: 'http://evil.example' }, { host: `evil.example:${server.url.port}` }][
            i % 3
          ],
        ),
      ),
    );
    expect(new Set(strangers.map((s) => s.outcome))).toEqual(new Set(['refused 401', 'refused 403']));
    // 100 admitted at once: the server keeps at most 64 (the real client is one of them).
    const crowd = await Promise.all(Array.from({ length: 100 }, () => attempt()));
    const admitted = crowd.filter((c) => c.outcome === 'open');
    expect(admitted.length).toBe(63);
    expect(crowd.filter((c) => c.outcome === 'refused 503')).toHaveLength(37);
    await during;
    await echo();
    expect(pidsWithEnv('TABTERM_HOST_ID', marker).sort()).toEqual(before.pids);
    expect(revision()).toBe(before.revision);
    // Slots come back once the crowd leaves.
    for (const { ws } of crowd) ws.terminate();
    const after = await retry(attempt, (a) => a.outcome === 'open', 'a free slot after the crowd left');
    after.ws.close();
    await echo();
    expect(pidsWithEnv('TABTERM_HOST_ID', marker).sort()).toEqual(before.pids);
    expect(server.process.exitCode).toBeNull();
    // Hundreds of refusals, a bounded log: a few lines one by one, the rest counted.
    const refusedLines = server.stderr.join('').match(/refused WebSocket from/g) ?? [];
    expect(refusedLines.length).toBeLessThanOrEqual(40);
  });
});
