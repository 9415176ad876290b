// The browser host's WebSocket front under hostile frames, in-process with a hub on a fake host (fast):
// invalid UTF-8 text frames (ws closes with 1007), oversized frames (1009), binary frames, broken and
// deeply nested JSON, and a few thousand arbitrary frames. Every frame that the connection survives is
// answered in order, every close is the protocol's own, and the server keeps serving the next client.
// The real-process attacks (token, Origin, Host, floods) are in test/integration/hardening-ws-attacks.test.ts.
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { parseServerMessage, type ServerMessage } from '../../shared/protocol';
import { FakeHost, fakeHubOptions } from '../hub/fake-host';
import { Hub } from '../hub/hub';
import { createHttpServer } from './http-server';
import { allowedHostsFor, type GateConfig } from './ws-gate';

const TOKEN = 'fuzz-token';
/** Sent after each fuzzed frame: its unique answer proves the frame before it was fully handled. */
let probes = 0;
function probe(): { frame: string; answer: string } {
  const tabId = `probe-${++probes}`;
  return { frame: JSON.stringify({ type: 'tab_activate', tabId }), answer: `There is no tab "${tabId}".` };
}

let server: ReturnType<typeof createHttpServer>;
let hub: Hub;
let port = 0;
const logged: string[] = [];

beforeAll(async () => {
  const host = new FakeHost();
  hub = await Hub.start(fakeHubOptions(host));
  let gate: GateConfig = { token: TOKEN, allowedHosts: [] };
  server = createHttpServer({
    rendererDir: '/nonexistent',
    gate: () => gate,
    connect: (client) => hub.connect(client),
    log: (line) => logged.push(line),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  gate = { token: TOKEN, allowedHosts: allowedHostsFor('127.0.0.1', port) };
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await hub.shutdown(100);
});

class Client {
  readonly received: ServerMessage[] = [];
  readonly invalid: string[] = [];
  closed: { code: number; reason: string } | null = null;
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const parsed = parseServerMessage(JSON.parse(data.toString()));
      if (parsed.ok) this.received.push(parsed.value);
      else this.invalid.push(parsed.error);
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
    });
    ws.on('error', () => {});
  }

  static async open(): Promise<Client> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${TOKEN}`, {
      origin: `http://127.0.0.1:${port}`,
      maxPayload: 64 * 1024 * 1024,
    });
    const client = new Client(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_request, response) =>
        reject(new Error(`HTTP ${response.statusCode}`)),
      );
    });
    await client.until(() => client.received.some((m) => m.type === 'host_status'), 'the greeting');
    return client;
  }

  errors(): Extract<ServerMessage, { type: 'terminal_error' }>[] {
    return this.received.filter((m) => m.type === 'terminal_error');
  }

  async until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  /** Sends a frame, then the probe; resolves once the probe's error arrived or the server closed. */
  async exchange(frame: Buffer | string, binary: boolean): Promise<'answered' | 'closed'> {
    const { frame: probeFrame, answer } = probe();
    this.ws.send(frame, { binary });
    this.ws.send(probeFrame);
    await this.until(
      () => this.closed !== null || this.errors().some((e) => e.message === answer),
      'the probe to be answered',
    );
    return this.closed ? 'closed' : 'answered';
  }
}

/** Valid UTF-8 text frames: random text, JSON-ish objects, protocol-shaped messages. */
const textFrame = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json({ maxDepth: 3 }),
  fc
    .record({
      type: fc.constantFrom('terminal_input', 'tab_rename', 'workspace_activate', '__proto__', 'nope'),
      sessionId: fc.string({ maxLength: 70 }),
      tabId: fc.constantFrom('__proto__', 'constructor', 'x'),
      name: fc.string(),
      data: fc.string(),
    })
    .map((message) => JSON.stringify(message)),
  fc.constantFrom(
    '{"type":"tab_activate","tabId":"x","__proto__":{"polluted":true}}',
    '{"type":"workspace_create","name":"\\ud800"}',
    `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    '{"type":"terminal_resize","sessionId":"s","cols":1e309,"rows":-0}',
    'null',
    '',
  ),
);
/** Byte strings that are not UTF-8: lone continuation bytes, overlongs, surrogates, truncated sequences. */
const invalidUtf8 = fc
  .tuple(
    fc.uint8Array({ maxLength: 40 }),
    fc.constantFrom(
      [0xff],
      [0xc0, 0x80],
      [0xed, 0xa0, 0x80],
      [0xe2, 0x82],
      [0x80],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
    ),
  )
  .map(([prefix, bad]) => Buffer.concat([Buffer.from(prefix.filter((b) => b < 0x80)), Buffer.from(bad)]));

describe('browser host WebSocket under hostile frames', () => {
  it('closes a connection that sends invalid UTF-8 with 1007 and keeps serving the next client', async () => {
    for (const bytes of [[0xff, 0xfe], [0xc3], [0xed, 0xa0, 0x80]]) {
      const client = await Client.open();
      client.ws.send(Buffer.from(bytes), { binary: false });
      await client.until(() => client.closed !== null, 'the close');
      expect(client.closed?.code).toBe(1007);
    }
    const next = await Client.open();
    next.ws.send(JSON.stringify({ type: 'workspace_create', name: 'still serving' }));
    await next.until(
      () =>
        next.received.some(
          (m) => m.type === 'layout' && m.layout.workspaces.some((w) => w.name === 'still serving'),
        ),
      'the new workspace',
    );
    next.ws.close();
  });

  it('closes a connection whose frame is over 8 MiB with 1009, and serves the next one', async () => {
    const client = await Client.open();
    client.ws.send('x'.repeat(8 * 1024 * 1024 + 1));
    await client.until(() => client.closed !== null, 'the close', 15_000);
    expect(client.closed?.code).toBe(1009);
    const next = await Client.open();
    expect(await next.exchange('{"type":"tab_activate","tabId":"nope"}', false)).toBe('answered');
    next.ws.close();
  });

  it('answers binary frames, broken and absurdly nested JSON with bad_message, in order', async () => {
    const client = await Client.open();
    expect(await client.exchange(Buffer.from([1, 2, 3]), true)).toBe('answered');
    expect(await client.exchange('{"type":', false)).toBe('answered');
    expect(await client.exchange(`${'['.repeat(200_000)}`, false)).toBe('answered');
    const answers = client
      .errors()
      .map((e) => (e.message.startsWith('There is no tab "probe-') ? 'probe' : e.message));
    expect(answers).toEqual([
      'Binary frames are not part of the protocol; send JSON text.',
      'probe',
      'A frame was not valid JSON.',
      'probe',
      'A frame was not valid JSON.',
      'probe',
    ]);
    expect(client.errors().every((e) => e.code === 'bad_message' || e.code === 'unknown_tab')).toBe(true);
    client.ws.close();
  });

  it('survives 1 000 arbitrary frames: each one answered in order or closed with 1007, never anything else', async () => {
    let client = await Client.open();
    let frames = 0;
    let closes = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          {
            weight: 8,
            arbitrary: textFrame.map((text) => ({ frame: Buffer.from(text), binary: false, utf8: true })),
          },
          { weight: 1, arbitrary: invalidUtf8.map((frame) => ({ frame, binary: false, utf8: false })) },
          {
            weight: 1,
            arbitrary: fc
              .uint8Array({ maxLength: 64 })
              .map((b) => ({ frame: Buffer.from(b), binary: true, utf8: true })),
          },
        ),
        async ({ frame, binary, utf8 }) => {
          frames += 1;
          const outcome = await client.exchange(frame, binary);
          if (outcome === 'closed') {
            expect(utf8, 'only invalid UTF-8 closes the connection').toBe(false);
            expect(client.closed?.code).toBe(1007);
            closes += 1;
            client = await Client.open();
          } else {
            expect(utf8).toBe(true);
          }
          expect(client.invalid).toEqual([]);
        },
      ),
      { numRuns: 1_000 },
    );
    expect(frames).toBe(1_000);
    expect(closes).toBeGreaterThan(25);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The hub behind it is intact.
    expect(hub.currentLayout.workspaces.length).toBeGreaterThan(0);
    client.ws.close();
  }, 60_000);
});
