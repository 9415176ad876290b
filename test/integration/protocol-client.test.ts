// The minimal client of docs/protocol.md, against a real browser host (started from source): if this
// passes, a client written from that page alone can drive a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { BrowserHost, makeDirs } from './helpers/browser-host';
import { waitFor } from './helpers/wait';

let host: BrowserHost;
let url: URL;

beforeAll(async () => {
  host = await BrowserHost.start(makeDirs());
  url = host.url;
});

afterAll(async () => {
  await host.stop();
});

function open(options: { token?: string | null; origin?: string | null; host?: string } = {}): WebSocket {
  const token = options.token === undefined ? url.searchParams.get('token') : options.token;
  const query = token === null ? '' : `?token=${token}`;
  const headers: Record<string, string> = {};
  // A DNS-rebinding page reaches our port under its own name.
  if (options.host) headers.host = `${options.host}:${url.port}`;
  const origin = options.origin === undefined ? url.origin : options.origin;
  return new WebSocket(`ws://${url.host}/ws${query}`, { ...(origin === null ? {} : { origin }), headers });
}

describe('a client written from docs/protocol.md', () => {
  it('spawns the first tab, runs a command and reads its output', async () => {
    const ws = open();
    let output = '';
    let sessionId: string | null = null;
    ws.on('message', (raw) => {
      const m = JSON.parse(raw.toString());
      if (m.type === 'layout' && !sessionId) {
        const tabId = m.layout.workspaces[0].tabIds[0];
        ws.send(JSON.stringify({ type: 'terminal_spawn', tabId, cols: 80, rows: 24 }));
      }
      if (m.type === 'terminal_ready' && !sessionId) {
        sessionId = m.sessionId;
        ws.send(JSON.stringify({ type: 'terminal_input', sessionId, data: 'echo hi-$((40+2))\r' }));
      }
      if (m.type === 'terminal_output' || m.type === 'terminal_replay') {
        output += m.data;
        ws.send(JSON.stringify({ type: 'terminal_ack', sessionId: m.sessionId, chars: m.data.length }));
      }
    });
    await waitFor(() => /hi-42/.test(output), 'the echoed output', 15_000);
    ws.close();
  });

  it.each([
    ['no token', { token: null }],
    ['a wrong token', { token: 'wrong' }],
    ['a foreign Origin', { origin: 'http://evil.example' }],
    ['no Origin', { origin: null }],
    ['a rebinding Host header', { host: 'evil.example' }],
  ])('refuses %s before anything spawns', async (_name, options) => {
    const ws = open(options);
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
      ws.on('error', () => resolve('refused'));
    });
    expect(outcome).toMatch(/^refused/);
  });
});
