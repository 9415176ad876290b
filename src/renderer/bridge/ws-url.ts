// The browser host's WebSocket address (DESIGN.md §6): same host as the page, path /ws, and the
// per-launch token the page was opened with.
export interface LocationLike {
  protocol: string;
  host: string;
  search: string;
}

export function tokenFrom(location: LocationLike): string | null {
  return new URLSearchParams(location.search).get('token');
}

export function socketUrl(location: LocationLike): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const token = tokenFrom(location) ?? '';
  return `${scheme}//${location.host}/ws?token=${encodeURIComponent(token)}`;
}
