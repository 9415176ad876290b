// How the hub reaches the session host process, whatever started it: `child_process.fork` (browser host,
// tests; fork-host-link.ts) or Electron's utilityProcess (src/main/electron/utility-host-link.ts).
import type { HubToHost } from '../../shared/host-protocol';

export interface HostExit {
  code: number | null;
  signal: string | null;
}

export interface HostProcessLink {
  readonly pid: number | undefined;
  send(message: HubToHost): void;
  /** Raw messages from the host; the supervisor validates them with `HostToHub`. */
  onMessage(listener: (raw: unknown) => void): void;
  onExit(listener: (exit: HostExit) => void): void;
  /** Force the process down (SIGKILL); used when it stops answering or on final shutdown. */
  kill(): void;
}

/** Starts a fresh session host process. Called again for every restart. */
export type HostLauncher = () => HostProcessLink;
