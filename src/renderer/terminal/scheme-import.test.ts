/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { ColorScheme, findScheme } from '../../shared/color-schemes';
// The fixtures are files as the apps write them; read as text (the renderer's tests may not use node:fs).
import draculaIterm from './fixtures/Dracula.itermcolors?raw';
import oneScheme from './fixtures/one-scheme.json?raw';
import wtSettings from './fixtures/windows-terminal-settings.json?raw';
import {
  mergeSchemes,
  parseItermColors,
  parseSchemeFile,
  parseWindowsTerminalSchemes,
} from './scheme-import';

const FIXTURES: Record<string, string> = {
  'Dracula.itermcolors': draculaIterm,
  'one-scheme.json': oneScheme,
  'windows-terminal-settings.json': wtSettings,
};
const fixture = (name: string): string => FIXTURES[name] ?? '';

describe('Windows Terminal schemes', () => {
  it('reads the schemes of a whole settings.json, comments and all', () => {
    const result = parseWindowsTerminalSchemes(fixture('windows-terminal-settings.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.schemes.map((s) => s.name)).toEqual(['Night Owl', 'Paper Light']);
    expect(result.schemes[0]).toMatchObject({
      background: '#011627',
      purple: '#C792EA',
      cursorColor: '#7E57C2',
    });
    // Optional in WT: left out, not invented.
    expect(result.schemes[1]).not.toHaveProperty('cursorColor');
    for (const scheme of result.schemes) expect(ColorScheme.safeParse(scheme).success).toBe(true);
  });

  it('reads one scheme object, and an array of them', () => {
    const one = fixture('one-scheme.json');
    expect(parseWindowsTerminalSchemes(one)).toMatchObject({ ok: true, schemes: [{ name: 'Ubuntu' }] });
    expect(parseWindowsTerminalSchemes(`[${one}, ${one.replace('Ubuntu', 'Ubuntu 2')}]`)).toMatchObject({
      ok: true,
      schemes: [{ name: 'Ubuntu' }, { name: 'Ubuntu 2' }],
    });
  });

  it('says what is wrong with a bad file', () => {
    expect(parseWindowsTerminalSchemes('{ "name": ')).toEqual({
      ok: false,
      error: expect.stringContaining('not valid JSON'),
    });
    expect(parseWindowsTerminalSchemes('{ "profiles": {} }')).toEqual({
      ok: false,
      error: expect.stringContaining('no colour scheme in it'),
    });
    const broken = fixture('one-scheme.json').replace('"#cc0000"', '"crimson"');
    expect(parseWindowsTerminalSchemes(broken)).toEqual({
      ok: false,
      error: expect.stringMatching(/^scheme 1 "Ubuntu": red: /),
    });
    const noBlue = JSON.parse(fixture('one-scheme.json'));
    delete noBlue.blue;
    expect(parseWindowsTerminalSchemes(JSON.stringify(noBlue))).toEqual({
      ok: false,
      error: expect.stringContaining('blue'),
    });
  });
});

describe('iTerm2 .itermcolors', () => {
  it('reads an exported preset: 0-1 components to #rrggbb, ANSI n to WT names', () => {
    const result = parseItermColors(fixture('Dracula.itermcolors'), 'Dracula (iTerm)');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const dracula = findScheme('Dracula', []);
    expect(result.schemes).toEqual([
      {
        ...Object.fromEntries(Object.entries(dracula ?? {}).map(([k, v]) => [k, v.toLowerCase()])),
        name: 'Dracula (iTerm)',
      },
    ]);
  });

  it('says what is wrong with a bad file', () => {
    expect(parseItermColors('{"not": "xml"}', 'x')).toEqual({
      ok: false,
      error: expect.stringContaining('property list'),
    });
    const noBackground = fixture('Dracula.itermcolors').replace(
      '<key>Background Color</key>',
      '<key>Other</key>',
    );
    expect(parseItermColors(noBackground, 'x')).toEqual({
      ok: false,
      error: expect.stringContaining('"Background Color"'),
    });
    expect(parseItermColors('<plist version="1.0"><array><string>a</string></array></plist>', 'x')).toEqual({
      ok: false,
      error: expect.stringContaining('not an iTerm2 colour preset'),
    });
  });
});

describe('parseSchemeFile', () => {
  it('tells the formats apart by name or content, names the scheme after the file, and names the file on error', () => {
    expect(
      parseSchemeFile('C:\\Users\\me\\Dracula.itermcolors', fixture('Dracula.itermcolors')),
    ).toMatchObject({
      ok: true,
      schemes: [{ name: 'Dracula' }],
    });
    expect(parseSchemeFile('/home/me/preset.xml', fixture('Dracula.itermcolors'))).toMatchObject({
      ok: true,
      schemes: [{ name: 'preset.xml' }],
    });
    expect(parseSchemeFile('settings.json', fixture('windows-terminal-settings.json'))).toMatchObject({
      ok: true,
    });
    expect(parseSchemeFile('/tmp/bad.json', 'nope')).toEqual({
      ok: false,
      error: expect.stringMatching(/^bad\.json cannot be imported: /),
    });
  });

  it('merges by name: a re-import replaces the old scheme where it stood', () => {
    const [a, b] = (
      parseWindowsTerminalSchemes(fixture('windows-terminal-settings.json')) as { schemes: ColorScheme[] }
    ).schemes as [ColorScheme, ColorScheme];
    const changed = { ...a, red: '#000000' };
    expect(mergeSchemes([a, b], [changed]).map((s) => [s.name, s.red])).toEqual([
      ['Night Owl', '#000000'],
      ['Paper Light', '#CC3E28'],
    ]);
    expect(mergeSchemes([a], [b]).map((s) => s.name)).toEqual(['Night Owl', 'Paper Light']);
  });
});
