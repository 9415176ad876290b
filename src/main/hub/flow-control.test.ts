import { describe, expect, it } from 'vitest';
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
});
