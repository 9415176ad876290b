import { describe, expect, it } from 'vitest';
import { FeedPacer, type FeedSink, type PacerClock } from './feed-queue';

/** Timers fire only when the test advances time. */
class ManualClock implements PacerClock {
  private timers: Array<{ at: number; run: () => void }> = [];
  at = 0;
  now() {
    return this.at;
  }
  setTimeout(run: () => void, delayMs: number) {
    const timer = { at: this.at + delayMs, run };
    this.timers.push(timer);
    return timer;
  }
  clearTimeout(handle: unknown) {
    this.timers = this.timers.filter((t) => t !== handle);
  }
  advance(ms: number) {
    this.at += ms;
    for (;;) {
      const due = this.timers.find((t) => t.at <= this.at);
      if (!due) return;
      this.timers = this.timers.filter((t) => t !== due);
      due.run();
    }
  }
  get pending() {
    return this.timers.length;
  }
}

/** Records what reaches the terminal, in order; parse callbacks run when the test says. */
class FakeSink implements FeedSink {
  log: string[] = [];
  private parsing: Array<() => void> = [];
  write(data: string, onParsed: () => void) {
    this.log.push(`w:${data}`);
    this.parsing.push(onParsed);
  }
  writeNote(text: string) {
    this.log.push(`n:${text}`);
  }
  reset() {
    this.log.push('reset');
  }
  paintBarrier() {
    this.log.push('barrier');
  }
  parse() {
    for (const done of this.parsing.splice(0)) done();
  }
  get writes() {
    return this.log.filter((e) => e.startsWith('w:')).map((e) => e.slice(2));
  }
}

function setup(options = { sliceChars: 4, tickChars: 6, tickMs: 16 }) {
  const clock = new ManualClock();
  const pacer = new FeedPacer(options, clock);
  return { clock, pacer };
}

describe('Feed', () => {
  it('passes writes, notes and resets straight through while shown', () => {
    const { pacer, clock } = setup();
    const sink = new FakeSink();
    const feed = pacer.create(sink);
    feed.setPaced(false);
    const parsed: Array<[string, boolean]> = [];
    feed.reset();
    feed.write('hello world', (slice, last) => parsed.push([slice, last]));
    feed.writeNote('note');
    expect(sink.log).toEqual(['reset', 'w:hello world', 'n:note']);
    expect(clock.pending).toBe(0);
    sink.parse();
    expect(parsed).toEqual([['hello world', true]]);
  });

  it('feeds a hidden tab in slices on ticks, in order, one slice in flight at a time', () => {
    const { pacer, clock } = setup();
    const sink = new FakeSink();
    const feed = pacer.create(sink);
    const parsed: Array<[string, boolean]> = [];
    feed.write('abcdefghij', (slice, last) => parsed.push([slice, last]));
    feed.writeNote('N');
    feed.write('kl', (slice, last) => parsed.push([slice, last]));
    expect(sink.log).toEqual([]);
    clock.advance(0);
    expect(sink.writes).toEqual(['abcd']);
    clock.advance(100);
    expect(sink.writes).toEqual(['abcd']);
    sink.parse();
    expect(parsed).toEqual([['abcd', false]]);
    clock.advance(16);
    sink.parse();
    clock.advance(16);
    sink.parse();
    clock.advance(16);
    sink.parse();
    expect(sink.log).toEqual(['w:abcd', 'w:efgh', 'w:ij', 'n:N', 'w:kl']);
    expect(parsed).toEqual([
      ['abcd', false],
      ['efgh', false],
      ['ij', true],
      ['kl', true],
    ]);
    expect(feed.queuedChars).toBe(0);
  });

  it('keeps ticks at least tickMs apart', () => {
    const { pacer, clock } = setup();
    const sink = new FakeSink();
    pacer.create(sink).write('x'.repeat(40), () => {});
    clock.advance(0);
    sink.parse();
    clock.advance(15);
    expect(sink.writes).toHaveLength(1);
    clock.advance(1);
    expect(sink.writes).toHaveLength(2);
  });

  it('shares one budget per tick among hidden tabs, round robin', () => {
    const { pacer, clock } = setup({ sliceChars: 4, tickChars: 6, tickMs: 16 });
    const sinks = [new FakeSink(), new FakeSink(), new FakeSink()];
    for (const [i, sink] of sinks.entries()) pacer.create(sink).write(String(i).repeat(12), () => {});
    clock.advance(0);
    // 4 chars to the first tab, the 2 left to the second, none to the third.
    expect(sinks.map((s) => s.writes.join(''))).toEqual(['0000', '11', '']);
    for (const s of sinks) s.parse();
    clock.advance(16);
    expect(sinks.map((s) => s.writes.join(''))).toEqual(['000000', '11', '2222']);
    for (const s of sinks) s.parse();
    clock.advance(16);
    expect(sinks.map((s) => s.writes.join(''))).toEqual(['000000', '111111', '222222']);
  });

  it('hands everything queued over at once when the tab is shown, notes and resets in place', () => {
    const { pacer, clock } = setup();
    const sink = new FakeSink();
    const feed = pacer.create(sink);
    const parsed: string[] = [];
    feed.write('abcdefgh', (slice) => parsed.push(slice));
    clock.advance(0);
    feed.reset();
    feed.write('replay', (slice) => parsed.push(slice));
    feed.writeNote('N');
    feed.setPaced(false);
    expect(sink.log).toEqual(['w:abcd', 'w:efgh', 'reset', 'w:replay', 'n:N']);
    feed.write('live', (slice) => parsed.push(slice));
    expect(sink.writes.at(-1)).toBe('live');
    sink.parse();
    expect(parsed.join('')).toBe('abcdefghreplaylive');
  });

  it('never cuts a surrogate pair in two', () => {
    const { pacer, clock } = setup({ sliceChars: 4, tickChars: 4, tickMs: 16 });
    const sink = new FakeSink();
    const text = 'abc😀de';
    pacer.create(sink).write(text, () => {});
    for (let i = 0; i < 4; i++) {
      clock.advance(16);
      sink.parse();
    }
    expect(sink.writes).toEqual(['abc', '😀de']);
  });

  it('a disposed feed frees its turn and writes nothing more', () => {
    const { pacer, clock } = setup({ sliceChars: 4, tickChars: 8, tickMs: 16 });
    const gone = new FakeSink();
    const other = new FakeSink();
    const feed = pacer.create(gone);
    feed.write('x'.repeat(12), () => {});
    clock.advance(0);
    feed.dispose();
    pacer.create(other).write('y'.repeat(12), () => {});
    clock.advance(16);
    expect(gone.writes).toEqual(['xxxx']);
    expect(other.writes).toEqual(['yyyy']);
  });
});
