// What the hub knows of one running session: who is attached, how far behind each client is, and whose
// window size the PTY follows (the most recently active client's, DESIGN.md §2).
import type { HostSessionInfo } from '../../shared/host-protocol';
import type { SessionStatus } from '../../shared/protocol';
import { SessionFlow } from './flow-control';

export interface Size {
  cols: number;
  rows: number;
}

export class LiveSession {
  readonly flow = new SessionFlow();
  /** Clients that fell behind and wait for their fresh replay. */
  readonly resyncing = new Set<string>();
  status: SessionStatus | null = null;
  /** Size each attached client asked for, in order of last activity (most recent last). */
  private readonly sizes = new Map<string, Size>();
  private applied: Size;

  constructor(readonly info: HostSessionInfo) {
    this.applied = { cols: info.cols, rows: info.rows };
  }

  get id(): string {
    return this.info.sessionId;
  }

  get tabId(): string {
    return this.info.tabId;
  }

  /** Records a client's size and makes it the most recent; returns the size to apply if it changed. */
  touch(clientId: string, size?: Size): Size | null {
    const known = size ? { cols: size.cols, rows: size.rows } : this.sizes.get(clientId);
    if (!known) return null;
    this.sizes.delete(clientId);
    this.sizes.set(clientId, known);
    return this.apply(known);
  }

  /** A resize from a client that is not the most recent is remembered, not applied. */
  resize(clientId: string, size: Size): Size | null {
    if (!this.sizes.has(clientId)) return null;
    const latest = [...this.sizes.keys()].at(-1);
    const copy = { cols: size.cols, rows: size.rows };
    this.sizes.set(clientId, copy);
    return latest === clientId ? this.apply(copy) : null;
  }

  /** Forgets a client; the next most recent client's size takes over. */
  forget(clientId: string): Size | null {
    this.sizes.delete(clientId);
    const latest = [...this.sizes.values()].at(-1);
    return latest ? this.apply(latest) : null;
  }

  private apply(size: Size): Size | null {
    if (size.cols === this.applied.cols && size.rows === this.applied.rows) return null;
    this.applied = size;
    return size;
  }
}
