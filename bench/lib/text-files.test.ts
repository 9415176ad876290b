import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FNV_OFFSET, fnv1aText } from './hash';
import { writeBigFile, writeColouredLog } from './text-files';

const dir = mkdtempSync(join(tmpdir(), 'bench-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeBigFile', () => {
  it('writes exactly the asked size in newline-ended lines and predicts the PTY stream checksum', () => {
    const file = writeBigFile(join(dir, 'big.txt'), 3 * 1024 * 1024 + 17);
    const text = readFileSync(file.path, 'latin1');
    expect(text.length).toBe(file.bytes);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.split('\n').slice(0, -1);
    expect(lines.length).toBe(file.lines);
    expect(lines.every((line) => line.length <= 118)).toBe(true);
    expect(/[$~\r\t]/.test(text)).toBe(false);
    const pty = text.replace(/\n/g, '\r\n');
    expect(pty.length).toBe(file.ptyChars);
    expect(fnv1aText(FNV_OFFSET, pty)).toBe(file.ptyHash);
  });
});

describe('writeColouredLog', () => {
  it('writes lines that are 120 columns wide once colours are removed', () => {
    writeColouredLog(join(dir, 'log.txt'), 50);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching SGR sequences is the point
    const plain = readFileSync(join(dir, 'log.txt'), 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
    const lines = plain.split('\n').slice(0, -1);
    expect(lines).toHaveLength(50);
    expect(lines.every((line) => line.length === 120)).toBe(true);
  });
});
