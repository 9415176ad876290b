import { describe, expect, it } from 'vitest';
import { EscapeScanner, ident } from './escape-scanner';
import { SgrState } from './sgr-state';

/** The canonical parameters after writing `output` into a fresh state. */
function sgrAfter(output: string): string {
  const sgr = new SgrState();
  const scanner = new EscapeScanner({
    execute() {},
    esc() {},
    csi: (id, params) => {
      if (id === ident('', 'm')) sgr.apply(params);
    },
  });
  scanner.scan(output);
  return sgr.toParams();
}

describe('SgrState', () => {
  it('starts default and serializes to a bare reset', () => {
    const sgr = new SgrState();
    expect(sgr.isDefault).toBe(true);
    expect(sgr.toParams()).toBe('');
    expect(sgr.toSequence()).toBe('\x1b[0m');
  });

  it('keeps attributes and colours in one canonical order however they were set', () => {
    expect(sgrAfter('\x1b[31m\x1b[1m\x1b[44;3m')).toBe('1;3;31;44');
    expect(sgrAfter('\x1b[3;44;1;31m')).toBe('1;3;31;44');
  });

  it('distinguishes the 16-colour palette from the same index in the 256-colour one', () => {
    expect(sgrAfter('\x1b[91;102m')).toBe('91;102');
    expect(sgrAfter('\x1b[38;5;9;48;5;10m')).toBe('38;5;9;48;5;10');
  });

  it('reads truecolor and 256-colour in both the semicolon and the colon form', () => {
    expect(sgrAfter('\x1b[38;2;1;2;3m')).toBe('38;2;1;2;3');
    expect(sgrAfter('\x1b[38:2::1:2:3m')).toBe('38;2;1;2;3');
    expect(sgrAfter('\x1b[48:5:208m')).toBe('48;5;208');
    expect(sgrAfter('\x1b[58:2::255:0:0;4:3m')).toBe('4:3;58;2;255;0;0');
  });

  it('does not let colour arguments leak into the following parameters', () => {
    expect(sgrAfter('\x1b[38;5;1;1m')).toBe('1;38;5;1');
    expect(sgrAfter('\x1b[38;2;9;9;9;4m')).toBe('4;38;2;9;9;9');
  });

  it('forgets everything before a reset, also one in the middle of a sequence', () => {
    expect(sgrAfter('\x1b[1;31m\x1b[0;32m')).toBe('32');
    expect(sgrAfter('\x1b[1;31m\x1b[m')).toBe('');
    expect(sgrAfter('\x1b[1;4;5;7;8;9;53m\x1b[22;24;25;27;28;29;55m')).toBe('');
  });

  it('clears bold and dim together with 22, and colours with 39 / 49 / 59', () => {
    expect(sgrAfter('\x1b[1;2;3m\x1b[22m')).toBe('3');
    expect(sgrAfter('\x1b[31;41;58;5;3m\x1b[39;49;59m')).toBe('');
  });

  it('maps underline styles like xterm.js: 21 is double, 4:0 is off, unknown styles are single', () => {
    expect(sgrAfter('\x1b[21m')).toBe('4:2');
    expect(sgrAfter('\x1b[4:3m\x1b[4:0m')).toBe('');
    expect(sgrAfter('\x1b[4:9m')).toBe('4');
  });

  it('ignores unknown parameters', () => {
    expect(sgrAfter('\x1b[1;6;10;60m')).toBe('1');
  });

  it('toSequence sets the state from any other one', () => {
    const sgr = new SgrState();
    const scanner = new EscapeScanner({ execute() {}, esc() {}, csi: (_id, params) => sgr.apply(params) });
    scanner.scan('\x1b[7;38;5;100m');
    expect(sgr.toSequence()).toBe('\x1b[0;7;38;5;100m');
    const copy = sgr.clone();
    sgr.reset();
    expect(copy.toParams()).toBe('7;38;5;100');
    expect(sgr.isDefault).toBe(true);
  });
});
