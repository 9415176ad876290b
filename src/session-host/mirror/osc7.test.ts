import { describe, expect, it } from 'vitest';
import { parseOsc7 } from './osc7';

describe('parseOsc7', () => {
  it('reads a POSIX path, percent-decoded, whatever the host', () => {
    expect(parseOsc7('file://box/home/me/My%20Files')).toBe('/home/me/My Files');
    expect(parseOsc7('file:///tmp')).toBe('/tmp');
  });

  it('gives a Windows drive path back in Windows form', () => {
    expect(parseOsc7('file://PC/C:/Users/me/src')).toBe('C:\\Users\\me\\src');
    expect(parseOsc7('file:///D:/')).toBe('D:\\');
    expect(parseOsc7('file:///D:')).toBe('D:\\');
  });

  it('refuses what is not a file URL', () => {
    expect(parseOsc7('http://example.com/x')).toBeNull();
    expect(parseOsc7('file://%zz')).toBeNull();
    expect(parseOsc7('')).toBeNull();
  });
});
