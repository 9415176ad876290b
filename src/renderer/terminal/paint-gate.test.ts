import { describe, expect, it } from 'vitest';
import { PaintGate } from './paint-gate';

function harness() {
  const log: string[] = [];
  const parsedWaits: Array<() => void> = [];
  const frameWaits: Array<() => void> = [];
  const gate = new PaintGate({
    parsed: (then) => parsedWaits.push(then),
    frame: (then) => frameWaits.push(then),
  });
  const op = (name: string) => () => log.push(name);
  const parse = () => {
    for (const then of parsedWaits.splice(0)) then();
  };
  const frame = () => {
    for (const then of frameWaits.splice(0)) then();
  };
  return { log, gate, op, parse, frame };
}

describe('PaintGate', () => {
  it('runs operations at once while open', () => {
    const h = harness();
    h.gate.run(h.op('a'));
    h.gate.run(h.op('b'));
    expect(h.log).toEqual(['a', 'b']);
  });

  it('holds later operations until the parse and then a frame, and keeps their order', () => {
    const h = harness();
    h.gate.run(h.op('screen'));
    h.gate.close();
    h.gate.run(h.op('swap'));
    h.gate.run(h.op('rest'));
    expect(h.log).toEqual(['screen']);
    h.frame();
    expect(h.log).toEqual(['screen']);
    h.parse();
    expect(h.log).toEqual(['screen']);
    h.frame();
    expect(h.log).toEqual(['screen', 'swap', 'rest']);
    expect(h.gate.closed).toBe(false);
  });

  it('a second close among the held operations holds what follows it again', () => {
    const h = harness();
    h.gate.close();
    h.gate.run(h.op('one'));
    h.gate.close();
    h.gate.run(h.op('two'));
    h.parse();
    h.frame();
    expect(h.log).toEqual(['one']);
    expect(h.gate.closed).toBe(true);
    h.parse();
    h.frame();
    expect(h.log).toEqual(['one', 'two']);
  });
});
