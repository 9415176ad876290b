import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundScrollback, openScrollbackStore } from './scrollback-store';

const dir = () => mkdtempSync(join(tmpdir(), 'tabterm-scrollback-'));

describe('scrollback store', () => {
  it('saves, loads and removes a tab’s text', () => {
    const store = openScrollbackStore(dir(), 1000).store;
    store.save('tab-1', 'hello\r\n\x1b[31mred\x1b[0m\r\n');
    expect(store.load('tab-1')).toBe('hello\r\n\x1b[31mred\x1b[0m\r\n');
    store.remove('tab-1');
    expect(store.load('tab-1')).toBeNull();
  });

  it('never turns an id into a path outside its folder', () => {
    const root = dir();
    const store = openScrollbackStore(join(root, 'sb'), 1000).store;
    store.save('../escape', 'x');
    expect(existsSync(join(root, 'escape.scrollback'))).toBe(false);
    expect(store.load('../escape')).toBeNull();
  });

  it('opens without saving anything, and says why, when its folder cannot be made', () => {
    const root = dir();
    writeFileSync(join(root, 'scrollback'), 'a file where the folder should be');
    const lines: string[] = [];
    const opened = openScrollbackStore(join(root, 'scrollback'), 1000, (line) => lines.push(line));
    expect(opened.notices).toEqual([
      expect.objectContaining({ level: 'warning', code: 'store_read_only', store: 'scrollback' }),
    ]);
    expect(opened.notices[0]?.message).toMatch(/history cannot be saved in .*scrollback \(EEXIST/);
    opened.store.save('tab-1', 'text');
    opened.store.retain(new Set());
    expect(opened.store.load('tab-1')).toBeNull();
    expect(lines).toHaveLength(1);
  });

  it('keeps only the end of long text, starting at a line', () => {
    expect(boundScrollback('line1\nline2\nline3\n', 10)).toBe('line3\n');
    expect(boundScrollback('short', 10)).toBe('short');
  });

  it('forgets tabs that no longer exist', () => {
    const folder = dir();
    const store = openScrollbackStore(folder, 1000).store;
    store.save('keep', 'a');
    store.save('drop', 'b');
    writeFileSync(join(folder, 'unrelated.txt'), 'c');
    store.retain(new Set(['keep']));
    expect(readdirSync(folder).sort()).toEqual(['keep.scrollback', 'unrelated.txt']);
  });
});
