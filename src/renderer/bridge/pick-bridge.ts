// Desktop or browser: the preload exposes `window.tabterm` (contextBridge IPC); without it the page
// was served by the browser host and talks over its WebSocket.
import type { Bridge } from '../../shared/bridge';
import { type CommandSource, commandSourceOf } from './command-source';
import { createWsBridge } from './ws-bridge';
import { socketUrl } from './ws-url';

export type HostKind = 'desktop' | 'browser';

export interface PickedBridge {
  bridge: Bridge;
  kind: HostKind;
  commands: CommandSource | null;
}

function isBridge(value: unknown): value is Bridge {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof Bridge, unknown>>;
  const optional = [
    'onCommand',
    'openWindow',
    'reportWorkspace',
    'onAccessibilitySupport',
    'openSettingsFile',
    'pathForFile',
    'pasteClipboard',
    'writeClipboard',
  ] as const;
  if (optional.some((key) => candidate[key] !== undefined && typeof candidate[key] !== 'function'))
    return false;
  return (
    typeof candidate.send === 'function' &&
    typeof candidate.onMessage === 'function' &&
    typeof candidate.onConnection === 'function' &&
    typeof candidate.openExternal === 'function'
  );
}

export function pickBridge(): PickedBridge {
  const warn = (message: string) => console.warn(`[tabterm] ${message}`);
  const exposed: unknown = Reflect.get(window, 'tabterm');
  if (isBridge(exposed))
    return { bridge: exposed, kind: 'desktop', commands: commandSourceOf(exposed, warn) };
  const bridge = createWsBridge({ url: socketUrl(window.location) });
  // A laptop waking up or a tab coming back to the foreground should not wait out the backoff.
  window.addEventListener('online', () => bridge.reconnectNow());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') bridge.reconnectNow();
  });
  return { bridge, kind: 'browser', commands: null };
}
