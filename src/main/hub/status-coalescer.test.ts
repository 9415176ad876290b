import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '../../shared/protocol';
import { type CoalescerClock, StatusCoalescer } from './status-coalescer';

class Clock implements CoalescerClock {
  at = 0;
  private timers: Array<{ at: number; run: () => void }> = [];
  now() {
    return this.at;
  }
  setTimeout(run: () => void, ms: number) {
    const timer = { at: this.at + ms, run };
    this.timers.push(timer);
    return timer;
  }
  clearTimeout(handle: unknown) {
    this.timers = this.timers.filter((timer) => timer !== handle);
  }
  advance(ms: number) {
    this.at += ms;
    for (const timer of this.timers.filter((t) => t.at <= this.at)) {
      this.timers = this.timers.filter((t) => t !== timer);
      timer.run();
    }
  }
}

const status = (sessionId: string, title: string, extra: Partial<SessionStatus> = {}): SessionStatus => ({
  sessionId,
  tabId: `tab-${sessionId}`,
  status: 'running',
  exitCode: null,
  command: 'loop',
  title,
  cwd: '/',
  bells: 0,
  lastOutputAt: 0,
  ...extra,
});

describe('StatusCoalescer', () => {
  it('sends the first change at once and at most one more per interval, the latest', () => {
    const clock = new Clock();
    const sent: string[] = [];
    const coalescer = new StatusCoalescer((s) => sent.push(`${s.sessionId}:${s.title}`), 100, clock);
    coalescer.push(status('a', 't0'));
    for (let i = 1; i <= 50; i++) {
      clock.advance(4);
      coalescer.push(status('a', `t${i}`));
    }
    clock.advance(100);
    expect(sent).toEqual(['a:t0', 'a:t24', 'a:t49', 'a:t50']);
  });

  it('keeps sessions apart', () => {
    const clock = new Clock();
    const sent: string[] = [];
    const coalescer = new StatusCoalescer((s) => sent.push(`${s.sessionId}:${s.title}`), 100, clock);
    coalescer.push(status('a', '1'));
    coalescer.push(status('b', '1'));
    coalescer.push(status('a', '2'));
    expect(sent).toEqual(['a:1', 'b:1']);
    clock.advance(100);
    expect(sent).toEqual(['a:1', 'b:1', 'a:2']);
  });

  it('lets an exit overtake nothing: what waited is dropped and the exit goes now', () => {
    const clock = new Clock();
    const sent: string[] = [];
    const coalescer = new StatusCoalescer((s) => sent.push(`${s.title}:${s.status}`), 100, clock);
    coalescer.push(status('a', 'first'));
    coalescer.push(status('a', 'stale'));
    coalescer.pushNow(status('a', 'bye', { status: 'exited', exitCode: 0 }));
    clock.advance(500);
    expect(sent).toEqual(['first:running', 'bye:exited']);
  });
});
