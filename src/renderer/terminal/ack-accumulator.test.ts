import { describe, expect, it } from 'vitest';
import { AckAccumulator } from './ack-accumulator';

describe('AckAccumulator', () => {
  it('acks every threshold while writes are still queued', () => {
    const acks = new AckAccumulator(100);
    for (let i = 0; i < 5; i++) acks.queued();
    expect(acks.parsed(60)).toBe(0);
    expect(acks.parsed(60)).toBe(120);
    expect(acks.parsed(30)).toBe(0);
  });

  it('flushes the remainder when the queue drains', () => {
    const acks = new AckAccumulator(100);
    acks.queued();
    acks.queued();
    expect(acks.parsed(10)).toBe(0);
    expect(acks.parsed(5)).toBe(15);
    expect(acks.pending).toBe(0);
  });

  it('acks a single small write at once (interactive echo)', () => {
    const acks = new AckAccumulator(5000);
    acks.queued();
    expect(acks.parsed(1)).toBe(1);
  });

  it('never acks zero and never loses chars across many writes', () => {
    const acks = new AckAccumulator(1000);
    let acked = 0;
    let written = 0;
    for (let i = 0; i < 200; i++) acks.queued();
    for (let i = 0; i < 200; i++) {
      const size = (i * 37) % 90;
      written += size;
      const ack = acks.parsed(size);
      expect(ack).toBeGreaterThanOrEqual(0);
      acked += ack;
    }
    expect(acked).toBe(written);
  });

  it('counts a write parsed in slices as pending until its last slice', () => {
    const acks = new AckAccumulator(5000);
    acks.queued();
    expect(acks.parsed(2000, false)).toBe(0);
    expect(acks.pending).toBe(1);
    expect(acks.parsed(4000, false)).toBe(6000);
    expect(acks.parsed(10, true)).toBe(10);
    expect(acks.pending).toBe(0);
  });
});
