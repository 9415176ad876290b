import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings';
import { chromeVariables, resolveScheme, searchColours, terminalTheme } from './themes';

const base = defaultSettings();

describe('themes', () => {
  it('maps a Windows Terminal scheme onto xterm (purple is magenta) with the overrides on top', () => {
    const resolved = resolveScheme({ ...base, theme: 'Dracula', colors: { red: '#123456' } });
    expect(terminalTheme(resolved)).toMatchObject({
      background: '#282A36',
      cursorAccent: '#282A36',
      magenta: '#FF79C6',
      brightMagenta: '#FF92DF',
      red: '#123456',
    });
  });

  it('falls back to the scheme colours xterm needs but WT leaves optional', () => {
    const scheme = {
      ...resolveScheme(base).scheme,
      name: 'Bare',
      cursorColor: undefined,
      selectionBackground: undefined,
    };
    const theme = terminalTheme(resolveScheme({ ...base, theme: 'Bare', colorSchemes: [scheme] }));
    expect(theme.cursor).toBe(scheme.foreground);
    expect(theme.selectionBackground).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('makes the chrome follow the scheme, light or dark by its background', () => {
    const light = resolveScheme({ ...base, theme: 'Solarized Light' });
    expect(light.light).toBe(true);
    expect(chromeVariables(light)).toMatchObject({ '--bg': '#FDF6E3', '--fg': '#657B83' });
    const dark = resolveScheme({ ...base, theme: 'Gruvbox Dark' });
    expect(dark.light).toBe(false);
    expect(chromeVariables(dark)['--bg']).toBe('#282828');
    // A background override that turns the scheme light turns the chrome light too.
    expect(resolveScheme({ ...base, theme: 'Nord', colors: { background: '#ffffff' } }).light).toBe(true);
    expect(searchColours(true)).not.toEqual(searchColours(false));
  });

  it('keeps alpha out of the chrome colours (CSS gets the opaque colour)', () => {
    const resolved = resolveScheme({ ...base, colors: { background: '#10203080' } });
    expect(chromeVariables(resolved)['--bg']).toBe('#102030');
  });
});
