import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOsc7, TerminalScanner } from './terminal-scanner';

function scan(...chunks: string[]): TerminalScanner {
  const scanner = new TerminalScanner();
  for (const chunk of chunks) scanner.feed(chunk);
  return scanner;
}

describe('TerminalScanner', () => {
  it('counts bells in plain output', () => {
    expect(scan('a\x07b\x07', '\x07').bells).toBe(3);
  });

  it('does not count the BEL that terminates an OSC, nor BELs inside DCS strings', () => {
    const scanner = scan('\x1b]0;title\x07', '\x1bPq#0\x07data\x1b\\', '\x1b_apc\x07\x1b\\');
    expect(scanner.bells).toBe(0);
    expect(scanner.title).toBe('title');
  });

  it('takes the title from OSC 0 and OSC 2, with BEL or ST terminators, and clears it on an empty one', () => {
    expect(scan('\x1b]2;vim main.ts\x1b\\').title).toBe('vim main.ts');
    expect(scan('\x1b]0;one\x07', '\x1b]0;two\x07').title).toBe('two');
    expect(scan('\x1b]0;one\x07', '\x1b]2;\x07').title).toBeNull();
    expect(scan('\x1b]1;icon only\x07').title).toBeNull();
  });

  it('takes the cwd from OSC 7 and decodes it', () => {
    const scanner = scan('\x1b]7;file://box/home/me/my%20dir\x07');
    expect(scanner.reportedCwd).toBe('/home/me/my dir');
    expect(scanner.cwdReports).toBe(1);
    expect(scan('\x1b]7;http://box/x\x07').reportedCwd).toBeNull();
  });

  it('drops an OSC interrupted by CAN or by a new escape sequence', () => {
    const scanner = scan('\x1b]0;half\x18', '\x1b]0;other\x1b[31m\x07');
    expect(scanner.title).toBeNull();
    expect(scanner.bells).toBe(1);
  });

  it('handles 8-bit C1 introducers and terminators', () => {
    const scanner = scan('\x9d0;c1 title\x9c\x90dcs\x07\x9c\x07');
    expect(scanner.title).toBe('c1 title');
    expect(scanner.bells).toBe(1);
  });

  it('ignores oversized OSC payloads without storing them', () => {
    const scanner = scan(`\x1b]0;${'x'.repeat(10_000)}\x07`);
    expect(scanner.title).toBeNull();
    expect(scanner.bells).toBe(0);
  });

  it('gives the same result however the stream is split into chunks', () => {
    const stream =
      'pre\x07\x1b]0;first\x07mid\x1b[1;31mred\x1b[0m\x1bPdcs\x07\x1b\\\x07' +
      '\x1b]7;file://h/tmp/a%20b\x1b\\\x1b]2;last title\x07\x9d0;c1\x9c\x1b]2;final\x07\x07';
    const whole = scan(stream);
    expect(whole.bells).toBe(3);
    expect(whole.title).toBe('final');
    expect(whole.reportedCwd).toBe('/tmp/a b');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from = 0;
        for (const point of points) {
          chunks.push(stream.slice(from, point));
          from = point;
        }
        chunks.push(stream.slice(from));
        const split = scan(...chunks);
        expect([split.bells, split.title, split.reportedCwd, split.cwdReports]).toEqual([
          whole.bells,
          whole.title,
          whole.reportedCwd,
          whole.cwdReports,
        ]);
      }),
    );
  });
});

describe('parseOsc7', () => {
  it('accepts file URLs with or without a host', () => {
    expect(parseOsc7('file:///tmp')).toBe('/tmp');
    expect(parseOsc7('file://host/var/log')).toBe('/var/log');
    expect(parseOsc7('not a url')).toBeNull();
  });
});
