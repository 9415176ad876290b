// Refused WebSocket upgrades are worth a line in the log, but a flood of them (a scanner, a page hammering
// the port) must not fill the disk: at most `perWindow` lines per window, then one summary of how many
// more were refused.

export interface RefusalLogOptions {
  perWindow: number;
  windowMs: number;
  now?: () => number;
}

export class RefusalLog {
  private windowStart = Number.NEGATIVE_INFINITY;
  private logged = 0;
  private suppressed = 0;

  constructor(
    private readonly log: (line: string) => void,
    private readonly options: RefusalLogOptions,
  ) {}

  refused(line: string): void {
    const now = this.options.now?.() ?? Date.now();
    if (now - this.windowStart >= this.options.windowMs) {
      if (this.suppressed > 0) {
        this.log(`… and ${this.suppressed} more refused WebSocket upgrades not logged one by one`);
      }
      this.windowStart = now;
      this.logged = 0;
      this.suppressed = 0;
    }
    if (this.logged < this.options.perWindow) {
      this.logged++;
      this.log(line);
    } else {
      this.suppressed++;
    }
  }
}
