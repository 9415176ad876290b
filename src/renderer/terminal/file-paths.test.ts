import { describe, expect, it } from 'vitest';
import { findPaths } from './file-paths';

const paths = (text: string) => findPaths(text).map((found) => found.path);

describe('findPaths, POSIX forms', () => {
  it('finds absolute, home and dot-relative paths', () => {
    expect(paths('see /etc/hosts and ~/notes.md or ./src/a.ts, ../up/b.txt')).toEqual([
      '/etc/hosts',
      '~/notes.md',
      './src/a.ts',
      '../up/b.txt',
    ]);
  });

  it('keeps :line and :line:col apart from the path, and covers them in the range', () => {
    const [found] = findPaths('error at ./src/app.ts:12:5: bad');
    expect(found).toEqual({ start: 9, end: 26, path: './src/app.ts', line: 12, column: 5 });
    expect(findPaths('/var/log/syslog:7')[0]).toMatchObject({
      path: '/var/log/syslog',
      line: 7,
      column: null,
    });
  });

  it('leaves out sentence punctuation and surrounding quotes or brackets', () => {
    expect(paths('Wrote /tmp/out.txt.')).toEqual(['/tmp/out.txt']);
    expect(paths('("/tmp/a.txt") [./b] \x60~/c\x60')).toEqual(['/tmp/a.txt', './b', '~/c']);
    expect(paths('cd ../..')).toEqual(['../..']);
  });

  it('does not take URLs, words with slashes, a lone slash or // for paths', () => {
    expect(paths('https://example.com/a/b file:///etc/x')).toEqual([]);
    expect(paths('and/or 1/2 a / b // comment')).toEqual([]);
  });

  it('gives offsets of the match in the line', () => {
    const text = 'ls: /a/b';
    const [found] = findPaths(text);
    expect(text.slice(found!.start, found!.end)).toBe('/a/b');
  });
});

describe('findPaths, Windows forms', () => {
  it('finds drive paths with either slash, .\\ paths, ~\\ and UNC paths', () => {
    expect(
      paths('open C:\\Users\\me\\a.txt or D:/data/x.csv, .\\src\\b.ts ~\\Desktop \\\\server\\share\\c.doc'),
    ).toEqual([
      'C:\\Users\\me\\a.txt',
      'D:/data/x.csv',
      '.\\src\\b.ts',
      '~\\Desktop',
      '\\\\server\\share\\c.doc',
    ]);
  });

  it('keeps a position after a drive path', () => {
    expect(findPaths('C:\\src\\main.c:40:2')[0]).toMatchObject({
      path: 'C:\\src\\main.c',
      line: 40,
      column: 2,
    });
  });

  it('does not take a bare drive for a path', () => {
    expect(paths('drive C:\\ is full')).toEqual([]);
  });
});
