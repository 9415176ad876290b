import { describe, expect, it } from 'vitest';
import { FlowControl } from '../../shared/limits';
import { SessionFlow } from './flow-control';

describe('SessionFlow', () => {
  it('pauses once a client is past the high watermark and resumes below the low one', () => {
    const flow = new SessionFlow(100, 10);
    flow.addClient('a');
    expect(flow.sent('a', 100)).toBeNull();
    expect(flow.sent('a', 1)).toBe('pause');
    expect(flow.sent('a', 50)).toBeNull();
    expect(flow.acked('a', 100)).toBeNull();
    expect(flow.acked('a', 42)).toBe('resume');
    expect(flow.isPaused).toBe(false);
  });

  it('is a sliding window: with the defaults it resumes while half the window is still unparsed', () => {
    const flow = new SessionFlow();
    flow.addClient('a');
    const batch = 64 * 1024;
    let sent = 0;
    while (!flow.isPaused) {
      flow.sent('a', batch);
      sent += batch;
    }
    expect(sent).toBeGreaterThan(FlowControl.highWatermarkChars);
    // Acked batch by batch, as xterm parses them: the resume leaves while the page still has work queued.
    let acked = 0;
    while (flow.isPaused) {
      flow.acked('a', batch);
      acked += batch;
    }
    expect(sent - acked).toBeGreaterThanOrEqual(FlowControl.highWatermarkChars / 2 - batch);
    expect(sent - acked).toBeLessThan(FlowControl.lowWatermarkChars);
  });

  it('waits for the slowest client', () => {
    const flow = new SessionFlow(100, 10);
    flow.addClient('fast');
    flow.addClient('slow');
    flow.sent('fast', 150);
    expect(flow.sent('slow', 150)).toBeNull();
    expect(flow.isPaused).toBe(true);
    expect(flow.acked('fast', 150)).toBeNull();
    expect(flow.acked('slow', 145)).toBe('resume');
  });

  it('resumes when the only lagging client goes away', () => {
    const flow = new SessionFlow(100, 10);
    flow.addClient('a');
    expect(flow.sent('a', 500)).toBe('pause');
    expect(flow.removeClient('a')).toBe('resume');
  });

  it('clamps acks beyond what was sent and ignores unknown clients', () => {
    const flow = new SessionFlow(100, 10);
    flow.addClient('a');
    flow.acked('a', 1_000_000);
    expect(flow.sent('a', 101)).toBe('pause');
    expect(flow.sent('ghost', 1_000)).toBeNull();
    expect(flow.acked('ghost', 1_000)).toBeNull();
  });

  it('lets clients that hold a long pause fall behind while another is caught up, and only then', () => {
    let now = 0;
    const flow = new SessionFlow(100, 10, () => now);
    flow.addClient('fast');
    flow.addClient('stuck');
    flow.sent('fast', 150);
    expect(flow.sent('stuck', 150)).toBeNull();
    expect(flow.isPaused).toBe(true);
    now = 5_000;
    // Everyone is slow: the session goes at their pace, nobody is dropped.
    expect(flow.stalled(1_000)).toEqual([]);
    flow.acked('fast', 150);
    now = 5_999;
    expect(flow.stalled(6_000)).toEqual([]);
    expect(flow.stalled(1_000)).toEqual(['stuck']);
    expect(flow.fallBehind('stuck')).toBe('resume');
    expect(flow.clients()).toEqual(['fast']);
    expect(flow.has('stuck') && flow.isBehind('stuck')).toBe(true);
    expect(flow.sent('stuck', 1_000)).toBeNull();
    expect(flow.caughtUp('stuck')).toBe(false);
    flow.acked('stuck', 145);
    expect(flow.caughtUp('stuck')).toBe(true);
    expect(flow.addClient('stuck')).toBeNull();
    expect(flow.isBehind('stuck')).toBe(false);
    expect(flow.clients()).toEqual(['fast', 'stuck']);
  });
});
