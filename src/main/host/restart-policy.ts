// When to restart a crashed session host, and when to stop trying (DESIGN.md §1).
import { HostRestart } from '../../shared/limits';

export type RestartDecision =
  | { restart: true; delayMs: number; attempt: number }
  | { restart: false; attempt: number };

export class RestartPolicy {
  private consecutive = 0;

  constructor(private readonly limits: typeof HostRestart = HostRestart) {}

  get attempts(): number {
    return this.consecutive;
  }

  /** A host that crashed after `uptimeMs`; a long-lived one starts the count afresh. */
  onCrash(uptimeMs: number): RestartDecision {
    if (uptimeMs >= this.limits.stableAfterMs) this.consecutive = 0;
    this.consecutive += 1;
    if (this.consecutive > this.limits.maxConsecutive) return { restart: false, attempt: this.consecutive };
    const delayMs = Math.min(
      this.limits.backoffMaxMs,
      this.limits.backoffBaseMs * 2 ** (this.consecutive - 1),
    );
    return { restart: true, delayMs, attempt: this.consecutive };
  }

  /** The user asked to try again after the policy gave up. */
  reset(): void {
    this.consecutive = 0;
  }
}
