import { describe, expect, it } from 'vitest';
import { ANSI_KEYS } from '../../shared/color-schemes';
import { defaultSettings } from '../../shared/settings';
import {
  describeProblems,
  editSettingsText,
  migratedSettingsText,
  newSettingsText,
  readSettingsText,
  withSetting,
} from './settings-text';

const defaults = defaultSettings();

describe('readSettingsText', () => {
  it('reads JSON with comments and trailing commas, defaults for the rest', () => {
    const text = `{
      // bigger
      "fontSize": 18, /* and light */ "theme": "light",
    }`;
    expect(readSettingsText(text, defaults)).toEqual({
      settings: { ...defaults, fontSize: 18, theme: 'light' },
      problems: [],
      readable: true,
      legacy: false,
    });
  });

  it('reads the new file, and an empty one, as the defaults', () => {
    expect(readSettingsText(newSettingsText(), defaults)).toMatchObject({ settings: defaults, problems: [] });
    expect(readSettingsText('  \n', defaults)).toMatchObject({ settings: defaults, problems: [] });
  });

  it('ignores a wrong or unknown key alone, naming its path, and applies the others', () => {
    const text = JSON.stringify({
      fontSize: 200,
      theme: 'light',
      fontsize: 12,
      wallpaper: 'red',
      shellArgs: ['-l', 3],
    });
    const read = readSettingsText(text, defaults);
    expect(read.settings).toEqual({ ...defaults, theme: 'light' });
    expect(read.readable).toBe(true);
    expect(read.problems.map((p) => p.path)).toEqual(['fontSize', 'fontsize', 'wallpaper', 'shellArgs[1]']);
    expect(read.problems[0]?.message).toMatch(/72.*default \(14\) is used/);
    expect(read.problems[1]?.message).toContain('did you mean "fontSize"?');
    expect(read.problems[2]?.message).not.toContain('did you mean');
    const typo = readSettingsText('{ "fontSise": 12, "confirmQuitt": false }', defaults).problems;
    expect(typo.map((p) => p.message)).toEqual([
      expect.stringContaining('did you mean "fontSize"?'),
      expect.stringContaining('did you mean "confirmQuit"?'),
    ]);
  });

  it('drops a bad or repeated profile alone, naming it, and keeps the others', () => {
    const text = JSON.stringify({
      profiles: [
        { name: 'Dev', command: '/bin/bash', args: ['--norc'], env: { STAGE: 'dev' } },
        { name: 'Broken', command: '' },
        { name: 'Box', ssh: { host: '-oProxyCommand=evil' } },
        { name: 'dev', command: '/bin/zsh' },
        { name: 'Box', ssh: { host: 'me@box', port: 2222 }, args: ['-A'], icon: '🖥', tabColor: '#33aa55' },
        { name: ' padded', command: 'sh' },
      ],
      defaultProfile: 'Dev',
    });
    const read = readSettingsText(text, defaults);
    expect(read.settings.profiles).toEqual([
      { name: 'Dev', command: '/bin/bash', args: ['--norc'], env: { STAGE: 'dev' } },
      { name: 'Box', ssh: { host: 'me@box', port: 2222 }, args: ['-A'], icon: '🖥', tabColor: '#33aa55' },
    ]);
    expect(read.settings.defaultProfile).toBe('Dev');
    expect(read.problems.map((p) => p.path)).toEqual([
      'profiles[1].command',
      'profiles[2].ssh.host',
      'profiles[3].name',
      'profiles[5].name',
    ]);
    expect(read.problems[1]?.message).toMatch(/leading "-".*this profile is ignored/);
    expect(read.problems[2]?.message).toContain('"dev" is taken by an earlier profile');
  });

  it('reports a profile that is neither a command nor ssh by the command it lacks', () => {
    const read = readSettingsText(JSON.stringify({ profiles: [{ name: 'x' }, 'bash'] }), defaults);
    expect(read.settings.profiles).toEqual([]);
    expect(read.problems.map((p) => p.path)).toEqual(['profiles[0].command', 'profiles[1]']);
  });

  it('drops a bad keybinding and keeps the good ones', () => {
    const text = JSON.stringify({
      keybindings: { 'Alt+T': 'tab.new', 'Ctrl+K': 'no.such.command', 'Ctrl+Shift+W': '' },
    });
    const read = readSettingsText(text, defaults);
    expect(read.settings.keybindings).toEqual({ 'Alt+T': 'tab.new', 'Ctrl+Shift+W': '' });
    expect(read.problems).toEqual([
      { path: 'keybindings["Ctrl+K"]', message: expect.stringContaining('this binding is ignored') },
    ]);
  });

  it('keeps the settings in force when the text is not a JSON object, and says where', () => {
    const inForce = { ...defaults, fontSize: 20 };
    const broken = readSettingsText('{\n  "fontSize": 12\n  "theme": "light"\n}', inForce);
    expect(broken).toMatchObject({ settings: inForce, readable: false });
    expect(broken.problems[0]?.message).toMatch(/^not valid JSON at line 3, column 3 \(CommaExpected\)/);
    expect(readSettingsText('[1, 2]', inForce)).toMatchObject({ settings: inForce, readable: false });
  });

  it('reads the format before this one ({ version, data }) as its data', () => {
    const read = readSettingsText(JSON.stringify({ version: 1, data: { fontSize: 16 } }), defaults);
    expect(read).toMatchObject({ legacy: true, problems: [], settings: { ...defaults, fontSize: 16 } });
    // A user file that happens to have a "version" key is not mistaken for it.
    expect(readSettingsText(JSON.stringify({ version: 1, data: {}, fontSize: 16 }), defaults).legacy).toBe(
      false,
    );
  });
});

describe('editing the text', () => {
  it('sets a key and keeps the comments', () => {
    const text = withSetting(newSettingsText(), 'fontSize', 16);
    expect(text).toContain('// Tabterm settings.');
    expect(readSettingsText(text, defaults).settings.fontSize).toBe(16);
    expect(readSettingsText(withSetting(text, 'fontSize', undefined), defaults).settings.fontSize).toBe(14);
  });

  it('turns an old file into the new format with the same settings', () => {
    const text = migratedSettingsText({ theme: 'light', keybindings: { 'Alt+T': 'tab.new' } });
    expect(text).toContain('"$schema": "./settings.schema.json"');
    expect(readSettingsText(text, defaults)).toMatchObject({
      legacy: false,
      problems: [],
      settings: { ...defaults, theme: 'light', keybindings: { 'Alt+T': 'tab.new' } },
    });
  });
});

describe('describeProblems', () => {
  it('names the first problems by path and counts the rest', () => {
    const problems = ['a', 'b', 'c'].map((path) => ({ path, message: 'bad' }));
    expect(describeProblems(problems, 2)).toBe('a: bad; b: bad; and 1 more');
    expect(describeProblems([{ path: '', message: 'not valid JSON' }])).toBe('not valid JSON');
  });
});

describe('editSettingsText', () => {
  const file = `{
  "$schema": "./settings.schema.json",
  // my font
  "fontSize": 14, /* keep me */
}
`;

  it('writes keys in place, keeping comments, and removes a key whose value is left out', () => {
    const edit = editSettingsText(file, [
      { key: 'fontSize', value: 18 },
      { key: 'theme', value: 'light' },
    ]);
    expect(edit.ok).toBe(true);
    if (!edit.ok) return;
    expect(edit.text).toContain('// my font');
    expect(edit.text).toContain('/* keep me */');
    expect(readSettingsText(edit.text, defaults).settings).toMatchObject({ fontSize: 18, theme: 'light' });
    const removed = editSettingsText(edit.text, [{ key: 'fontSize' }]);
    expect(removed.ok && readSettingsText(removed.text, defaults).settings.fontSize).toBe(14);
    expect(removed.ok && removed.text).not.toContain('"fontSize"');
  });

  it('refuses a wrong value or an unknown key by name, and writes none of the changes', () => {
    expect(
      editSettingsText(file, [
        { key: 'theme', value: 'light' },
        { key: 'fontSize', value: 500 },
      ]),
    ).toEqual({
      ok: false,
      error: expect.stringMatching(/^fontSize: .*nothing was written/),
    });
    expect(editSettingsText(file, [{ key: 'fontSise', value: 12 }])).toEqual({
      ok: false,
      error: expect.stringContaining('did you mean "fontSize"?'),
    });
    expect(editSettingsText(file, [{ key: '$schema', value: 'x' }]).ok).toBe(false);
    expect(editSettingsText(file, [{ key: 'keybindings', value: { 'Ctrl+K': 'no.such' } }])).toEqual({
      ok: false,
      error: expect.stringContaining('keybindings.Ctrl+K'),
    });
  });

  it('refuses to edit a file that is not JSON, rather than guess where the key goes', () => {
    expect(editSettingsText('{ "fontSize": 1', [{ key: 'fontSize', value: 12 }])).toEqual({
      ok: false,
      error: expect.stringContaining('not valid JSON at line 1'),
    });
    expect(editSettingsText('[1]', [{ key: 'fontSize', value: 12 }]).ok).toBe(false);
  });

  it('writes into an empty file', () => {
    const edit = editSettingsText('', [{ key: 'fontSize', value: 20 }]);
    expect(edit.ok && JSON.parse(edit.text)).toEqual({ fontSize: 20 });
  });
});

describe('colour schemes in settings', () => {
  const mine = {
    name: 'Mine',
    foreground: '#eeeeee',
    background: '#101010',
    ...Object.fromEntries(ANSI_KEYS.map((key) => [key, '#808080'])),
  };

  it('takes a built-in name, an old "dark"/"light", or one of colorSchemes', () => {
    for (const theme of ['Nord', 'light', 'Solarized Dark']) {
      expect(readSettingsText(JSON.stringify({ theme }), defaults)).toMatchObject({
        settings: { theme },
        problems: [],
      });
    }
    const text = JSON.stringify({ theme: 'Mine', colorSchemes: [mine] });
    expect(readSettingsText(text, defaults)).toMatchObject({ settings: { theme: 'Mine' }, problems: [] });
  });

  it('names an unknown scheme and falls back to the default alone', () => {
    const read = readSettingsText('{ "theme": "Nope", "fontSize": 20 }', defaults);
    expect(read.settings).toMatchObject({ theme: 'dark', fontSize: 20 });
    expect(read.problems).toEqual([{ path: 'theme', message: expect.stringContaining('"Nope"') }]);
    expect(read.problems[0]?.message).toContain('"Dracula"');
  });

  it('refuses a scheme with a bad colour by its path', () => {
    const read = readSettingsText(JSON.stringify({ colorSchemes: [{ ...mine, red: 'red' }] }), defaults);
    expect(read.problems).toEqual([
      { path: 'colorSchemes[0].red', message: expect.stringContaining('#rrggbb') },
    ]);
  });

  it('writes a new scheme and selects it in one edit, but refuses to select a scheme that does not exist', () => {
    const edit = editSettingsText('{}', [
      { key: 'colorSchemes', value: [mine] },
      { key: 'theme', value: 'Mine' },
    ]);
    expect(edit.ok && readSettingsText(edit.text, defaults).settings.theme).toBe('Mine');
    expect(editSettingsText('{}', [{ key: 'theme', value: 'Mine' }])).toEqual({
      ok: false,
      error: expect.stringMatching(/^theme: no colour scheme is named "Mine".*nothing was written$/),
    });
  });
});
