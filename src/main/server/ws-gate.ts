// Who may open the browser host's WebSocket (DESIGN.md §6). Checked on the upgrade request, before
// the hub ever sees the connection: the per-launch token, the Origin (a page from our own address
// only) and the Host header (DNS rebinding). Lessons: eDEX-UI CVE-2023-30856, ttyd CVE-2021-34182.
import { timingSafeEqual } from 'node:crypto';

export interface GateConfig {
  token: string;
  /** host:port values this server answers to, e.g. "127.0.0.1:8123", "localhost:8123". */
  allowedHosts: readonly string[];
}

export type GateResult = { ok: true } | { ok: false; status: number; reason: string };

export function allowedHostsFor(boundHost: string, port: number): string[] {
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  const hosts = loopback.includes(boundHost) || boundHost === '::1' ? loopback : [formatHost(boundHost)];
  return hosts.map((host) => `${host}:${port}`);
}

function formatHost(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

export function tokenMatches(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The request's one Host header, from Node's raw header list; undefined when there is none or more than
 * one (Node would keep the first of several, and a proxy in front might honour another).
 */
export function singleHost(rawHeaders: readonly string[]): string | undefined {
  let host: string | undefined;
  let count = 0;
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if (rawHeaders[i]?.toLowerCase() !== 'host') continue;
    count++;
    host = rawHeaders[i + 1];
  }
  return count === 1 ? host : undefined;
}

/** The Host header check on its own, for plain HTTP requests too. */
export function hostAllowed(config: GateConfig, host: string | undefined): boolean {
  return host !== undefined && config.allowedHosts.includes(host.toLowerCase());
}

export function checkUpgrade(
  config: GateConfig,
  request: { url: string | undefined; host: string | undefined; origin: string | undefined },
): GateResult {
  if (!hostAllowed(config, request.host)) {
    return { ok: false, status: 403, reason: `foreign Host header ${JSON.stringify(request.host ?? null)}` };
  }
  const origin = request.origin;
  if (!origin || origin === 'null') return { ok: false, status: 403, reason: 'missing Origin' };
  let originHost: string;
  try {
    const parsed = new URL(origin);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('scheme');
    originHost = parsed.host;
  } catch {
    return { ok: false, status: 403, reason: `malformed Origin ${JSON.stringify(origin)}` };
  }
  if (!config.allowedHosts.includes(originHost.toLowerCase())) {
    return { ok: false, status: 403, reason: `foreign Origin ${JSON.stringify(origin)}` };
  }
  let token: string | null = null;
  try {
    const url = new URL(request.url ?? '', 'http://placeholder');
    if (url.pathname !== '/ws') return { ok: false, status: 404, reason: 'not the WebSocket endpoint' };
    token = url.searchParams.get('token');
  } catch {
    return { ok: false, status: 400, reason: 'malformed request URL' };
  }
  if (!tokenMatches(config.token, token)) return { ok: false, status: 401, reason: 'missing or wrong token' };
  return { ok: true };
}
