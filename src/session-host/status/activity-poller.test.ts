import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { ActivityPoller } from './activity-poller';

function counter() {
  const item = { polls: 0, pollStatus: () => item.polls++ };
  return item;
}

describe('ActivityPoller', () => {
  it('polls an active session every interval for the active window, then stops', () => {
    const clock = new FakeClock();
    const poller = new ActivityPoller({ intervalMs: 500, activeWindowMs: 1500 }, clock);
    const session = counter();
    poller.touch(session);
    clock.advance(499);
    expect(session.polls).toBe(0);
    clock.advance(1);
    expect(session.polls).toBe(1);
    clock.advance(1000);
    expect(session.polls).toBe(3);
    clock.advance(10_000);
    expect(session.polls).toBe(3);
    expect(clock.pendingTimers).toBe(0);
  });

  it('keeps polling while activity continues and uses one timer for all sessions', () => {
    const clock = new FakeClock();
    const poller = new ActivityPoller({ intervalMs: 500, activeWindowMs: 1500 }, clock);
    const a = counter();
    const b = counter();
    for (let t = 0; t < 5000; t += 100) {
      poller.touch(a);
      if (t === 0) poller.touch(b);
      expect(clock.pendingTimers).toBe(1);
      clock.advance(100);
    }
    expect(a.polls).toBe(10);
    expect(b.polls).toBe(3);
  });

  it('costs nothing while every session is idle', () => {
    const clock = new FakeClock();
    const poller = new ActivityPoller({ intervalMs: 500, activeWindowMs: 1500 }, clock);
    const sessions = Array.from({ length: 50 }, counter);
    clock.advance(60_000);
    expect(clock.pendingTimers).toBe(0);
    expect(sessions.every((s) => s.polls === 0)).toBe(true);
    expect(poller.activeCount).toBe(0);
  });

  it('forgets a removed session', () => {
    const clock = new FakeClock();
    const poller = new ActivityPoller({ intervalMs: 500, activeWindowMs: 1500 }, clock);
    const session = counter();
    poller.touch(session);
    poller.remove(session);
    clock.advance(1000);
    expect(session.polls).toBe(0);
  });
});
