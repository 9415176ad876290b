// The browser host's HTTP + WebSocket front: serves the built renderer and hands each admitted
// WebSocket to the hub as one client. Only this folder imports `ws`.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { WebSocket, WebSocketServer } from 'ws';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import type { HubClient, HubConnection } from '../hub/hub-client';
import { RefusalLog } from './refusal-log';
import { checkUpgrade, type GateConfig, hostAllowed, singleHost } from './ws-gate';

/** Large enough for the biggest input message (1 MiB of characters, JSON-escaped), small enough to refuse abuse. */
const MAX_FRAME_BYTES = 8 * 1024 * 1024;
/** Browser tabs a person might reasonably keep open on one host. */
const MAX_CONNECTIONS = 64;
/** Stop reading from a client whose outbound queue is this large; it reconnects and replays. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
/** Refused upgrades logged one by one per minute; the rest are counted. */
const REFUSALS_LOGGED = { perWindow: 20, windowMs: 60_000 };

export interface HttpServerOptions {
  rendererDir: string;
  gate: () => GateConfig;
  connect: (client: HubClient) => HubConnection;
  log: (line: string) => void;
}

export function createHttpServer(options: HttpServerOptions): Server {
  // Running from source before a build: say so instead of crashing on a missing folder.
  const assets = existsSync(options.rendererDir)
    ? sirv(options.rendererDir, {
        dev: false,
        etag: true,
        gzip: false,
        brotli: false,
        single: false,
      })
    : null;
  const refusals = new RefusalLog(options.log, REFUSALS_LOGGED);
  const server = createServer((request, response) => {
    if (!hostAllowed(options.gate(), singleHost(request.rawHeaders))) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden: unexpected Host header.\n');
      return;
    }
    response.setHeader('x-content-type-options', 'nosniff');
    response.setHeader('referrer-policy', 'no-referrer');
    response.setHeader('x-frame-options', 'DENY');
    // The same policy as the desktop app; frame-ancestors and form-action work only as a header.
    response.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    if (!assets) {
      response
        .writeHead(503, { 'content-type': 'text/plain' })
        .end('The renderer is not built yet: run `npm run build`.\n');
      return;
    }
    assets(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found.\n');
    });
  });

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = checkUpgrade(options.gate(), {
      url: request.url,
      host: singleHost(request.rawHeaders),
      origin: request.headers.origin,
    });
    if (!verdict.ok || sockets.clients.size >= MAX_CONNECTIONS) {
      const status = verdict.ok ? 503 : verdict.status;
      refusals.refused(
        `refused WebSocket from ${request.socket.remoteAddress}: ${verdict.ok ? 'too many connections' : verdict.reason}`,
      );
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attach(ws, options));
  });
  return server;
}

function attach(ws: WebSocket, options: HttpServerOptions): void {
  const client: HubClient = {
    id: randomUUID(),
    send(message) {
      if (ws.readyState !== WebSocket.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        // Flow control keeps a healthy client far below this; one this far behind is gone or hostile.
        ws.close(1013, 'client too far behind');
        return;
      }
      ws.send(JSON.stringify(message));
    },
    backlog: () => ws.bufferedAmount,
  };
  const connection = options.connect(client);
  const refuse = (message: string) => client.send({ type: 'terminal_error', code: 'bad_message', message });
  ws.on('message', (data, isBinary) => {
    if (isBinary) return refuse('Binary frames are not part of the protocol; send JSON text.');
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      return refuse('A frame was not valid JSON.');
    }
    connection.receive(parsed);
  });
  ws.on('close', () => connection.disconnect());
  ws.on('error', (error) => options.log(`WebSocket error: ${error.message}`));
}
