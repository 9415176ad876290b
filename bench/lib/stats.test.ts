import { describe, expect, it } from 'vitest';
import { atLeast, atMost, measured } from './figure';
import { percentile, round, summarize } from './stats';
import { formatTable } from './table';

describe('percentile', () => {
  it('uses the nearest rank: p50 of 1..100 is 50, p95 is 95', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 100)).toBe(100);
  });

  it('refuses an empty sample', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/);
  });

  it('summarizes count, p50, p95, max and mean', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ n: 4, p50: 2, p95: 4, max: 4, mean: 2.5 });
  });
});

describe('figures', () => {
  it('marks a figure pass or short against its target, info without one', () => {
    expect(measured('g', 'a', 'A', 12, 'ms', atMost(16)).mark).toBe('pass');
    expect(measured('g', 'a', 'A', 17, 'ms', atMost(16)).mark).toBe('short');
    expect(measured('g', 'a', 'A', 0.4, 'x', atLeast(0.5)).mark).toBe('short');
    expect(measured('g', 'a', 'A', 3, 'ms').mark).toBe('info');
  });

  it('rounds values for display', () => {
    expect(round(0.123456)).toBe(0.123);
    expect(round(1.23456)).toBe(1.23);
    expect(round(12.3456)).toBe(12.3);
    expect(round(1234.56)).toBe(1235);
  });

  it('prints one aligned row per figure with its target and mark', () => {
    const table = formatTable([
      measured('echo', 'p95', 'Echo p95', 12.3, 'ms', atMost(16)),
      measured('echo', 'raw', 'Raw rate', 120, 'MB/s'),
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^Figure\s+Value\s+Target\s+Mark$/);
    expect(lines[2]).toMatch(/^Echo p95\s+12\.3 ms\s+≤ 16 ms\s+pass$/);
    expect(lines[3]).toMatch(/^Raw rate\s+120 MB\/s$/);
  });
});
