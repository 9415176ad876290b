import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkSpawn } from './spawn-check';

const dir = mkdtempSync(join(tmpdir(), 'spawn-check-'));
const program = join(dir, 'prog');
writeFileSync(program, '#!/bin/sh\n');
chmodSync(program, 0o755);
const plainFile = join(dir, 'plain');
writeFileSync(plainFile, 'x');
chmodSync(plainFile, 0o644);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('checkSpawn', () => {
  it('accepts an absolute executable and an existing directory', () => {
    expect(checkSpawn(program, dir, {})).toEqual({ ok: true, file: program, cwd: dir });
  });

  it('resolves a bare program name through PATH, skipping entries without it', () => {
    expect(checkSpawn('prog', dir, { PATH: `/nonexistent-dir:${dir}` })).toEqual({
      ok: true,
      file: program,
      cwd: dir,
    });
  });

  it('names a missing shell in plain words', () => {
    expect(checkSpawn('/bin/nosuch', dir, {})).toEqual({
      ok: false,
      message: 'Cannot start "/bin/nosuch": no such file',
    });
    expect(checkSpawn('nosuch-shell', dir, { PATH: `${dir}:relative` })).toEqual({
      ok: false,
      message: `Cannot start "nosuch-shell": not found in PATH (looked in ${dir})`,
    });
    expect(checkSpawn('nosuch-shell', dir, {})).toEqual({
      ok: false,
      message: 'Cannot start "nosuch-shell": not found: PATH names no folder to look in',
    });
  });

  it('refuses directories, relative paths and (for non-root) files without the execute bit', () => {
    expect(checkSpawn(dir, dir, {})).toMatchObject({
      ok: false,
      message: expect.stringContaining('directory'),
    });
    expect(checkSpawn('./prog', dir, {})).toMatchObject({
      ok: false,
      message: expect.stringContaining('absolute path'),
    });
    // root may execute any file with an x bit, but never one with none.
    expect(checkSpawn(plainFile, dir, {})).toEqual({
      ok: false,
      message: `Cannot start "${plainFile}": not executable (permission denied)`,
    });
  });

  it('names a missing or wrong working directory', () => {
    expect(checkSpawn(program, '/nope', {})).toEqual({
      ok: false,
      message: 'Cannot start in "/nope": no such directory',
    });
    expect(checkSpawn(program, plainFile, {})).toEqual({
      ok: false,
      message: `Cannot start in "${plainFile}": not a directory`,
    });
    expect(checkSpawn(program, 'relative/dir', {})).toMatchObject({
      ok: false,
      message: expect.stringContaining('absolute path'),
    });
    expect(checkSpawn(program, `${plainFile}/below`, {})).toEqual({
      ok: false,
      message: `Cannot start in "${plainFile}/below": no such directory`,
    });
  });
});
