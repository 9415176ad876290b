import { describe, expect, it } from 'vitest';
import { parseOsc52 } from './osc52';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('parseOsc52', () => {
  it('decodes a write to the clipboard, UTF-8 included', () => {
    expect(parseOsc52(`c;${b64('hello')}`)).toEqual({ kind: 'write', text: 'hello' });
    expect(parseOsc52(`c;${b64('grüße ✓')}`)).toEqual({ kind: 'write', text: 'grüße ✓' });
  });

  it('takes every selection name (and none) for the one clipboard', () => {
    for (const selection of ['', 'p', 's', 'pc', '0', 'c7'])
      expect(parseOsc52(`${selection};${b64('x')}`)).toEqual({ kind: 'write', text: 'x' });
  });

  it('an empty payload writes an empty text (tmux clears this way)', () => {
    expect(parseOsc52('c;')).toEqual({ kind: 'write', text: '' });
  });

  it('recognises a read request, so it can be refused', () => {
    expect(parseOsc52('c;?')).toEqual({ kind: 'read' });
  });

  it('ignores what is not base64, not UTF-8 or not OSC 52 shaped', () => {
    expect(parseOsc52('c;not base64!').kind).toBe('invalid');
    expect(parseOsc52('c;abcde').kind).toBe('invalid');
    expect(parseOsc52('c').kind).toBe('invalid');
    expect(parseOsc52(`x;${b64('x')}`).kind).toBe('invalid');
    expect(parseOsc52(`c;${Buffer.from([0xff, 0xfe]).toString('base64')}`).kind).toBe('invalid');
  });

  it('ignores a text over the size bound, and accepts one at it', () => {
    expect(parseOsc52(`c;${b64('a'.repeat(1000))}`, 1000)).toEqual({ kind: 'write', text: 'a'.repeat(1000) });
    expect(parseOsc52(`c;${b64('a'.repeat(1001))}`, 1000)).toEqual({ kind: 'invalid', reason: 'too large' });
  });
});
