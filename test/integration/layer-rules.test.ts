// The layer rules of DESIGN.md §1 are enforced by tools, not by hope: a deliberate violation must fail
// the same lint and type checks that `npm test` runs.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve('.');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[]): { ok: boolean; output: string } {
  try {
    return { ok: true, output: execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

/** Writes a probe file into the real tree (the rules are per folder), runs `check`, removes it. */
function withProbe<T>(relativePath: string, source: string, check: (path: string) => T): T {
  const path = join(root, relativePath);
  writeFileSync(path, source);
  try {
    return check(relativePath);
  } finally {
    rmSync(path, { force: true });
  }
}

const probeName = `layer-probe-${process.pid}.ts`;

describe('layer rules', () => {
  it.each([
    [
      'src/renderer',
      "import { spawn } from 'node-pty';\n\nexport const probe = spawn;\n",
      /only src\/session-host\/pty imports node-pty/,
    ],
    [
      'src/renderer',
      "import { readFileSync } from 'node:fs';\n\nexport const probe = readFileSync;\n",
      /renderer and shared code run without Node/,
    ],
    [
      'src/shared',
      "import { WebSocket } from 'ws';\n\nexport const probe = WebSocket;\n",
      /only src\/main\/server imports ws/,
    ],
    [
      'src/main/hub',
      "import { app } from 'electron';\n\nexport const probe = app;\n",
      /only src\/main\/electron and src\/preload import electron/,
    ],
    [
      'src/session-host',
      "import { spawn } from 'node-pty';\n\nexport const probe = spawn;\n",
      /only src\/session-host\/pty imports node-pty/,
    ],
  ])('lint refuses a forbidden import in %s', (folder, source, message) => {
    const result = withProbe(join(folder, probeName), source, (path) =>
      run(bin('biome'), ['lint', '--colors=off', path]),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(message);
  });

  it('lint admits node-pty in the pty adapter folder', () => {
    const source = "import { spawn } from 'node-pty';\n\nexport const probe = spawn;\n";
    const result = withProbe(join('src/session-host/pty', probeName), source, (path) =>
      run(bin('biome'), ['lint', '--colors=off', path]),
    );
    expect(result.ok).toBe(true);
  });

  it('the renderer type check has no Node globals', () => {
    const source = 'export const probe: string = process.cwd();\n';
    const result = withProbe(join('src/renderer', probeName), source, () =>
      run(bin('tsc'), ['-p', 'tsconfig.web.json']),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(new RegExp(`${probeName}.*Cannot find name 'process'`));
  });

  it('the shared type check has no DOM', () => {
    const source = 'export const probe = document.title;\n';
    const result = withProbe(join('src/shared', probeName), source, () =>
      run(bin('tsc'), ['-p', 'tsconfig.shared.json']),
    );
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(new RegExp(`${probeName}.*Cannot find name 'document'`));
  });
});
