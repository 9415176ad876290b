// Per-session, per-client accounting of output sent but not yet acknowledged (DESIGN.md §5). The PTY
// pauses when an attached client is more than the high watermark behind and resumes once every live
// client is back under the low one, so a slow window slows its session but never loses bytes.
//
// A viewer that stops reading must not freeze the session for the others (issue 16, item 7): once the
// session has stayed paused for `slowViewerMs` only because of some clients while another is caught up,
// those clients fall behind. They get no live output, no longer hold the PTY, and once they have
// acknowledged what they were sent the hub gives them a fresh replay and they rejoin (hub.ts). Acks are
// credited only up to what a client has outstanding: a confused or hostile client cannot bank credit.
import { FlowControl } from '../../shared/limits';

export type FlowDecision = 'pause' | 'resume' | null;

export class SessionFlow {
  /** Live clients: they receive output and their backlog holds the PTY. */
  private readonly unacked = new Map<string, number>();
  /** Clients that fell behind: what they still have to acknowledge before a fresh replay. */
  private readonly lagging = new Map<string, number>();
  private pausedAt: number | null = null;

  constructor(
    private readonly high: number = FlowControl.highWatermarkChars,
    private readonly low: number = FlowControl.lowWatermarkChars,
    private readonly now: () => number = Date.now,
  ) {}

  get isPaused(): boolean {
    return this.pausedAt !== null;
  }

  /** The live clients (those that get output). */
  clients(): string[] {
    return [...this.unacked.keys()];
  }

  /** Attached, live or behind. */
  has(clientId: string): boolean {
    return this.unacked.has(clientId) || this.lagging.has(clientId);
  }

  isBehind(clientId: string): boolean {
    return this.lagging.has(clientId);
  }

  addClient(clientId: string): FlowDecision {
    this.lagging.delete(clientId);
    this.unacked.set(clientId, 0);
    return this.decide();
  }

  removeClient(clientId: string): FlowDecision {
    this.unacked.delete(clientId);
    this.lagging.delete(clientId);
    return this.decide();
  }

  sent(clientId: string, chars: number): FlowDecision {
    const current = this.unacked.get(clientId);
    if (current === undefined) return null;
    this.unacked.set(clientId, current + chars);
    return this.decide();
  }

  /** Credits at most what the client has outstanding. */
  acked(clientId: string, chars: number): FlowDecision {
    const behind = this.lagging.get(clientId);
    if (behind !== undefined) {
      this.lagging.set(clientId, Math.max(0, behind - chars));
      return null;
    }
    const current = this.unacked.get(clientId);
    if (current === undefined) return null;
    this.unacked.set(clientId, Math.max(0, current - chars));
    return this.decide();
  }

  /** A behind client that has acknowledged (nearly) all it was sent: ready for a fresh replay. */
  caughtUp(clientId: string): boolean {
    const behind = this.lagging.get(clientId);
    return behind !== undefined && behind < this.low;
  }

  /** Stops counting a client: it gets no live output until it rejoins with a fresh replay. */
  fallBehind(clientId: string): FlowDecision {
    const current = this.unacked.get(clientId);
    if (current === undefined) return null;
    this.unacked.delete(clientId);
    this.lagging.set(clientId, current);
    return this.decide();
  }

  /**
   * The clients holding a pause that has lasted `slowViewerMs` while another live client is caught up;
   * none while every client is slow (then the session simply goes at their pace).
   */
  stalled(slowViewerMs: number): string[] {
    if (this.pausedAt === null || this.now() - this.pausedAt < slowViewerMs) return [];
    const counts = [...this.unacked];
    if (!counts.some(([, chars]) => chars < this.low)) return [];
    return counts.filter(([, chars]) => chars >= this.low).map(([clientId]) => clientId);
  }

  private decide(): FlowDecision {
    const worst = Math.max(0, ...this.unacked.values());
    if (this.pausedAt === null && worst > this.high) {
      this.pausedAt = this.now();
      return 'pause';
    }
    if (this.pausedAt !== null && worst < this.low) {
      this.pausedAt = null;
      return 'resume';
    }
    return null;
  }
}
