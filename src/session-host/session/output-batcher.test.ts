import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock';
import { OutputBatcher } from './output-batcher';

const options = { intervalMs: 5, immediateMaxChars: 8, maxBatchChars: 32 };

function setup() {
  const clock = new FakeClock();
  const out: string[] = [];
  const batcher = new OutputBatcher((data) => out.push(data), options, clock);
  return { clock, out, batcher };
}

describe('OutputBatcher', () => {
  it('sends a small chunk on an idle session at once (echo never waits)', () => {
    const { clock, out, batcher } = setup();
    clock.advance(100);
    batcher.push('a');
    expect(out).toEqual(['a']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('coalesces chunks that follow each other within the interval into one message', () => {
    const { clock, out, batcher } = setup();
    clock.advance(100);
    batcher.push('a');
    clock.advance(1);
    batcher.push('b');
    batcher.push('c');
    expect(out).toEqual(['a']);
    clock.advance(5);
    expect(out).toEqual(['a', 'bc']);
  });

  it('holds a large chunk on an idle session for the interval', () => {
    const { clock, out, batcher } = setup();
    clock.advance(100);
    batcher.push('0123456789');
    expect(out).toEqual([]);
    clock.advance(5);
    expect(out).toEqual(['0123456789']);
  });

  it('flushes early once the batch reaches its size cap, and never loses or reorders bytes', () => {
    const { clock, out, batcher } = setup();
    const sent: string[] = [];
    for (let i = 0; i < 50; i++) {
      const chunk = `<${i}>`.padEnd(7, '.');
      sent.push(chunk);
      batcher.push(chunk);
      clock.advance(1);
    }
    batcher.flush();
    expect(out.join('')).toBe(sent.join(''));
    expect(out.every((message) => message.length <= options.maxBatchChars + 7)).toBe(true);
    expect(out.length).toBeLessThan(25);
  });

  it('flush() empties the batch immediately and cancels its timer', () => {
    const { clock, out, batcher } = setup();
    clock.advance(100);
    batcher.push('0123456789');
    batcher.flush();
    expect(out).toEqual(['0123456789']);
    expect(clock.pendingTimers).toBe(0);
    batcher.flush();
    expect(out).toEqual(['0123456789']);
  });
});
