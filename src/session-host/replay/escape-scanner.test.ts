import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsiParams, EscapeScanner, ident, ScanState } from './escape-scanner';

function formatParams(params: CsiParams): string {
  const parts: string[] = [];
  for (let i = 0; i < params.length; i++) {
    parts.push([params.values[i], ...params.subParams(i)].join(':'));
  }
  return parts.join(';');
}

function identName(id: number): string {
  let name = '';
  for (let rest = id; rest; rest >>= 8) name = String.fromCharCode(rest & 0xff) + name;
  return name;
}

/** Scans `chunks` in order; events carry positions in the concatenated input. */
function record(chunks: readonly string[]): { events: string[]; scanner: EscapeScanner } {
  const events: string[] = [];
  let offset = 0;
  const scanner = new EscapeScanner({
    execute: (code, index, state) => events.push(`exec ${code}@${offset + index} in ${state}`),
    csi: (id, params, index) =>
      events.push(`csi ${identName(id)} [${formatParams(params)}]@${offset + index}`),
    esc: (id, index) => events.push(`esc ${identName(id)}@${offset + index}`),
  });
  for (const chunk of chunks) {
    scanner.scan(chunk);
    offset += chunk.length;
  }
  return { events, scanner };
}

describe('EscapeScanner', () => {
  it('reports a private-mode CSI with its prefix, parameters and final byte', () => {
    const input = 'ab\x1b[?1049;2004hcd';
    expect(record([input]).events).toEqual([`csi ?h [1049;2004]@${input.indexOf('h')}`]);
  });

  it('reads colon sub-parameters, empty sub-parameters as -1 and empty parameters as 0', () => {
    const input = '\x1b[4:3;38:2::10:20:30;;5m';
    expect(record([input]).events).toEqual([`csi m [4:3;38:2:-1:10:20:30;0;5]@${input.length - 1}`]);
  });

  it('reports ESC sequences with their intermediates', () => {
    expect(record(['\x1b(0\x1b=\x1bc']).events).toEqual(['esc (0@2', 'esc =@4', 'esc c@6']);
  });

  it('treats the 8-bit C1 introducer U+009B like ESC [', () => {
    expect(record(['\u009b?25l']).events).toEqual(['csi ?l [25]@4']);
  });

  it('reports only the controls that matter to tracking (LF, SO, SI), with the state they ran in', () => {
    const { events } = record(['a\r\n\t\x0e\x0f\x07\x1b[1\n2m']);
    expect(events).toEqual([
      'exec 10@2 in 0',
      'exec 14@4 in 0',
      'exec 15@5 in 0',
      `exec 10@10 in ${ScanState.CsiParam}`,
      'csi m [12]@12',
    ]);
  });

  it('skips OSC strings ended by BEL, by ESC \\ and by the C1 ST, whatever they contain', () => {
    const { events, scanner } = record(['\x1b]0;a\x1b[1m\nb\x07', '\x1b]2;t\x1b\\', '\x1b]8;;x\u009c', 'z']);
    // The ESC inside the first OSC ends it: "[1m" is then an ESC [ sequence, as in xterm.js.
    expect(events).toEqual(['csi m [1]@8', 'exec 10@9 in 0', 'esc \\@18']);
    expect(scanner.isGround).toBe(true);
  });

  it('ignores DCS payloads and SOS/PM/APC strings up to their terminator', () => {
    const { events } = record(['\x1bP1$r0;1m\x1b\\', '\x1b_\x1b[9m', '\x1b^pm\u009c\n']);
    expect(events).toEqual(['esc \\@10', 'csi m [9]@16', 'exec 10@22 in 0']);
  });

  it('aborts a sequence on CAN and SUB', () => {
    const { events, scanner } = record(['\x1b[1\x18m\x1b[?25\x1ah']);
    expect(events).toEqual([]);
    expect(scanner.isGround).toBe(true);
  });

  it('ignores a CSI whose prefix byte comes after a parameter, like xterm.js', () => {
    expect(record(['\x1b[1?h\x1b[2h']).events).toEqual(['csi h [2]@8']);
  });

  it('keeps at most 32 parameters and clamps huge values', () => {
    const many = Array.from({ length: 40 }, (_, k) => k + 1).join(';');
    const { events } = record([`\x1b[${many}m\x1b[99999999999999m`]);
    expect(events[0]).toBe(
      `csi m [${Array.from({ length: 32 }, (_, k) => k + 1).join(';')}]@${many.length + 2}`,
    );
    expect(events[1]).toContain('[2147483647]');
  });

  it('knows it is mid-sequence after a partial chunk and finishes the sequence with the next one', () => {
    const scanner = new EscapeScanner({ execute() {}, csi() {}, esc() {} });
    scanner.scan('text\x1b[38;5');
    expect(scanner.isGround).toBe(false);
    expect(scanner.state).toBe(ScanState.CsiParam);
    scanner.scan(';1m');
    expect(scanner.isGround).toBe(true);
  });

  it('marks where the current sequence began, or -1 when it began in an earlier chunk', () => {
    const starts: number[] = [];
    const scanner = new EscapeScanner({
      execute() {},
      esc() {},
      csi: () => starts.push(scanner.sequenceStart),
    });
    scanner.scan('ab\x1b[1mcd\u009b2m\x1b[');
    scanner.scan('3m');
    expect(starts).toEqual([2, 8, -1]);
  });

  it('counts UTF-8 bytes beyond one per UTF-16 unit, surrogate pairs split across chunks included', () => {
    const scanner = new EscapeScanner({ execute() {}, csi() {}, esc() {} });
    const text = 'aé€😀\x1b]0;ü\x07';
    scanner.scan(text.slice(0, 4)); // ends between the two halves of the emoji
    scanner.scan(text.slice(4));
    const utf8 = new TextEncoder().encode(text).length;
    expect(text.length + scanner.extraBytes).toBe(utf8);
  });

  it('counts the same bytes on the ASCII fast path and on the per-character path', () => {
    const ascii = 'plain \x1b[1mbold\x1b[0m\r\n'.repeat(50);
    const mixed = `${ascii}é`;
    const a = new EscapeScanner({ execute() {}, csi() {}, esc() {} });
    a.scan(ascii);
    const b = new EscapeScanner({ execute() {}, csi() {}, esc() {} });
    b.scan(mixed);
    expect(a.extraBytes).toBe(0);
    expect(b.extraBytes).toBe(1);
  });

  it('parses CSI sequences the same on the ASCII fast path and on the general path', () => {
    const sequences = '\x1b[?1049h\x1b[38:2::1:2:3;1m\x1b[2 q\x1b[!p\x1b[>c\x1b[1;2$p\x1b[1?h\x1b[ 1q\x1b[5@';
    const ascii = record([`${sequences}\n`]).events;
    // A non-ASCII character anywhere in the window sends everything through the general path.
    const general = record([`${sequences}\né`]).events;
    expect(ascii).toEqual(general);
    // All but "ESC [ 1 ? h" (a prefix after a parameter is ignored).
    expect(ascii).toHaveLength(8);
  });

  it('ident packs collect bytes and final like the scanner', () => {
    expect(ident('?', 'h')).toBe((0x3f << 8) | 0x68);
    expect(ident('', 'm')).toBe(0x6d);
    expect(ident('(', '0')).toBe((0x28 << 8) | 0x30);
  });

  it('reports the same events and ends in the same state however the input is split', () => {
    const pieces = [
      'abc',
      '\r\n',
      '\x1b[?1049h',
      '\x1b[38:2::1:2:3m',
      '\x1b]0;title\x07',
      '\x1b]8;;http://x\x1b\\',
      '\x1bP+q544e\x1b\\',
      '\u009b4m',
      '😀',
      'é',
      '\x1b(0',
      '\x0e',
      '\x1b[1\n;2r',
      '\x18',
      '\x1b[',
      '\x1b',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (parts, cuts) => {
          const input = parts.join('');
          const points = [...new Set(cuts.map((c) => c % (input.length + 1)))].sort((x, y) => x - y);
          const chunks: string[] = [];
          let last = 0;
          for (const point of points) {
            chunks.push(input.slice(last, point));
            last = point;
          }
          chunks.push(input.slice(last));
          const whole = record([input]);
          const split = record(chunks);
          expect(split.events).toEqual(whole.events);
          expect(split.scanner.state).toBe(whole.scanner.state);
          expect(split.scanner.extraBytes).toBe(whole.scanner.extraBytes);
        },
      ),
      { numRuns: 300 },
    );
  });
});
