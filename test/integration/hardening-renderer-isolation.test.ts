// The renderer runs with no Node: sandbox, contextIsolation and nodeIntegration off (window-options and
// window-manager tests), a preload that exposes only `window.tabterm` (src/preload/index.test.ts). This
// adds the other half: the renderer's code — its sources and, when built, the bundle a window loads —
// never reaches for `require`, `process`, `Buffer` or Node paths, so nothing in it would work, or be
// tempted to turn those settings back on, if they were there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const NODE_GLOBALS: Array<[string, RegExp]> = [
  ['require()', /(?<![\w$.])require\s*\(/],
  ['window.require', /window\s*\.\s*require\b/],
  ['process.*', /(?<![\w$.])process\s*\.\s*(env|versions|platform|argv|on|exit|cwd|nextTick|pid|binding)\b/],
  ['Buffer', /(?<![\w$.])Buffer\s*\.\s*(from|alloc|concat|isBuffer)\b/],
  ['__dirname / __filename', /(?<![\w$.])__(dirname|filename)\b/],
  ['electron', /from\s+['"]electron['"]|['"]electron['"]\s*\)/],
];

/**
 * Chunks loaded on first use whose libraries carry a Node branch a page never takes: plist decodes a
 * `<data>` element with Buffer (colour-scheme files have none: colours are `<real>`), and the ligatures
 * addon's font reader uses Buffer only where it reads font files from disk (it asks the browser instead).
 */
const THIRD_PARTY_NODE_BRANCHES = /\/(scheme-import|addon-ligatures)-[\w-]+\.js: Buffer$/;

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name), pattern)
      : pattern.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

function offences(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return NODE_GLOBALS.filter(([, pattern]) => pattern.test(text)).map(([name]) => `${file}: ${name}`);
}

describe('the renderer expects no Node', () => {
  it('its sources use no Node globals and no electron', () => {
    const sources = files('src/renderer', /\.(ts|html)$/).filter((file) => !file.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.flatMap(offences)).toEqual([]);
  });

  const bundle = 'out/renderer/index.html';
  it.skipIf(!existsSync(bundle))(
    'the built bundle a window loads uses none either (skipped when not built)',
    () => {
      const scripts = files('out/renderer', /\.js$/);
      expect(scripts.length).toBeGreaterThan(0);
      expect(scripts.flatMap(offences).filter((offence) => !THIRD_PARTY_NODE_BRANCHES.test(offence))).toEqual(
        [],
      );
    },
  );
});
