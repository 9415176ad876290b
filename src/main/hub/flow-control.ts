// Per-session, per-client accounting of output sent but not yet acknowledged (DESIGN.md §5). The PTY
// pauses when any attached client is more than the high watermark behind and resumes only when every
// client is back under the low one, so a slow window slows its session but never loses bytes.
import { FlowControl } from '../../shared/limits';

export type FlowDecision = 'pause' | 'resume' | null;

export class SessionFlow {
  private readonly unacked = new Map<string, number>();
  private paused = false;

  constructor(
    private readonly high: number = FlowControl.highWatermarkChars,
    private readonly low: number = FlowControl.lowWatermarkChars,
  ) {}

  get isPaused(): boolean {
    return this.paused;
  }

  clients(): string[] {
    return [...this.unacked.keys()];
  }

  has(clientId: string): boolean {
    return this.unacked.has(clientId);
  }

  addClient(clientId: string): FlowDecision {
    this.unacked.set(clientId, 0);
    return this.decide();
  }

  removeClient(clientId: string): FlowDecision {
    this.unacked.delete(clientId);
    return this.decide();
  }

  sent(clientId: string, chars: number): FlowDecision {
    const current = this.unacked.get(clientId);
    if (current === undefined) return null;
    this.unacked.set(clientId, current + chars);
    return this.decide();
  }

  /** Acks beyond what was sent are clamped: a confused client cannot bank credit. */
  acked(clientId: string, chars: number): FlowDecision {
    const current = this.unacked.get(clientId);
    if (current === undefined) return null;
    this.unacked.set(clientId, Math.max(0, current - chars));
    return this.decide();
  }

  private decide(): FlowDecision {
    const worst = Math.max(0, ...this.unacked.values());
    if (!this.paused && worst > this.high) {
      this.paused = true;
      return 'pause';
    }
    if (this.paused && worst < this.low) {
      this.paused = false;
      return 'resume';
    }
    return null;
  }
}
