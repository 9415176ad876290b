import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_SCHEMES,
  ColorScheme,
  findScheme,
  isLightScheme,
  luminance,
  mixColours,
  schemeNames,
} from './color-schemes';

describe('built-in colour schemes', () => {
  it('has at least ten valid schemes with unique names, light and dark among them', () => {
    expect(BUILT_IN_SCHEMES.length).toBeGreaterThanOrEqual(10);
    for (const scheme of BUILT_IN_SCHEMES) expect(ColorScheme.parse(scheme)).toEqual(scheme);
    expect(new Set(BUILT_IN_SCHEMES.map((s) => s.name)).size).toBe(BUILT_IN_SCHEMES.length);
    const light = BUILT_IN_SCHEMES.filter(isLightScheme).map((s) => s.name);
    expect(light.sort()).toEqual(['One Half Light', 'Solarized Light', 'Tabterm Light', 'Tango Light']);
  });

  it('keeps the published palettes (spot checks against Windows Terminal and the projects)', () => {
    expect(findScheme('Campbell', [])).toMatchObject({
      background: '#0C0C0C',
      red: '#C50F1F',
      brightWhite: '#F2F2F2',
    });
    expect(findScheme('Solarized Dark', [])).toMatchObject({ background: '#002B36', blue: '#268BD2' });
    expect(findScheme('Dracula', [])).toMatchObject({ background: '#282A36', purple: '#FF79C6' });
    expect(findScheme('Nord', [])).toMatchObject({ background: '#2E3440', cyan: '#88C0D0' });
  });
});

describe('findScheme', () => {
  const mine = { ...(findScheme('Nord', []) as ColorScheme), name: 'Dracula', background: '#000000' };

  it('reads "dark" and "light" as the Tabterm schemes of the first versions', () => {
    expect(findScheme('dark', [])?.name).toBe('Tabterm Dark');
    expect(findScheme('light', [])?.name).toBe('Tabterm Light');
  });

  it('prefers a user scheme of the same name to a built-in one, and the last of several', () => {
    expect(findScheme('Dracula', [mine])?.background).toBe('#000000');
    expect(findScheme('Dracula', [{ ...mine, background: '#111111' }, mine])?.background).toBe('#000000');
    expect(schemeNames([mine]).filter((n) => n === 'Dracula')).toHaveLength(1);
  });

  it('answers null for a name nobody has', () => {
    expect(findScheme('dracula', [])).toBeNull();
  });
});

describe('colour arithmetic', () => {
  it('measures luminance and mixes in sRGB, short and alpha forms included', () => {
    expect(luminance('#000')).toBe(0);
    expect(luminance('#ffffffff')).toBeCloseTo(1);
    expect(mixColours('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixColours('#ff000080', '#00f', 1)).toBe('#0000ff');
  });
});
