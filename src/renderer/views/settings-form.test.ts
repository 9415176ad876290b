import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings';
import { fieldChange, screenReaderChoice, shownSchemeName } from './settings-form';

describe('settings form', () => {
  it('turns a font size typed as text into a number, and refuses what is not one', () => {
    expect(fieldChange('fontSize', '17')).toEqual({ ok: true, change: { key: 'fontSize', value: 17 } });
    expect(fieldChange('fontSize', '12.5')).toEqual({ ok: true, change: { key: 'fontSize', value: 12.5 } });
    expect(fieldChange('fontSize', '')).toMatchObject({ ok: false });
    expect(fieldChange('fontSize', 'big')).toMatchObject({
      ok: false,
      error: expect.stringContaining('number'),
    });
  });

  it('reads an emptied font family as "back to the default"', () => {
    expect(fieldChange('fontFamily', '  Fira Code ')).toEqual({
      ok: true,
      change: { key: 'fontFamily', value: 'Fira Code' },
    });
    expect(fieldChange('fontFamily', '  ')).toEqual({ ok: true, change: { key: 'fontFamily' } });
  });

  it('maps the screen reader choice both ways', () => {
    expect(fieldChange('screenReaderMode', 'on')).toMatchObject({ change: { value: true } });
    expect(fieldChange('screenReaderMode', 'off')).toMatchObject({ change: { value: false } });
    expect(fieldChange('screenReaderMode', 'auto')).toMatchObject({ change: { value: 'auto' } });
    expect([true, false, 'auto'].map((v) => screenReaderChoice(v as true | false | 'auto'))).toEqual([
      'on',
      'off',
      'auto',
    ]);
  });

  it('passes the checkbox and the choices through, and shows the old "dark" as its scheme name', () => {
    expect(fieldChange('cursorBlink', false)).toEqual({
      ok: true,
      change: { key: 'cursorBlink', value: false },
    });
    expect(fieldChange('cursorStyle', 'bar')).toEqual({
      ok: true,
      change: { key: 'cursorStyle', value: 'bar' },
    });
    expect(shownSchemeName(defaultSettings())).toBe('Tabterm Dark');
    expect(shownSchemeName({ theme: 'Nord', colorSchemes: [] })).toBe('Nord');
  });
});
