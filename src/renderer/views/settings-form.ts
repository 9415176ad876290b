// What the settings page's controls write: each control's value as the settings_update change main
// checks (the schema is main's to apply; this only turns form text into the value's type).
import { findScheme } from '../../shared/color-schemes';
import type { Settings } from '../../shared/settings';

export type SettingsField =
  | 'fontFamily'
  | 'fontSize'
  | 'theme'
  | 'cursorStyle'
  | 'cursorBlink'
  | 'screenReaderMode';

export interface FieldChange {
  key: SettingsField;
  /** Left out: the key is removed, so its default applies. */
  value?: string | number | boolean;
}

export type FieldResult = { ok: true; change: FieldChange } | { ok: false; error: string };

export type ScreenReaderChoice = 'auto' | 'on' | 'off';

export function screenReaderChoice(setting: Settings['screenReaderMode']): ScreenReaderChoice {
  return setting === 'auto' ? 'auto' : setting ? 'on' : 'off';
}

/** The scheme name a select shows for `theme` ("dark" is Tabterm Dark's old name). */
export function shownSchemeName(settings: Pick<Settings, 'theme' | 'colorSchemes'>): string {
  return findScheme(settings.theme, settings.colorSchemes)?.name ?? settings.theme;
}

export function fieldChange(field: SettingsField, raw: string | boolean): FieldResult {
  switch (field) {
    case 'fontFamily': {
      const text = String(raw).trim();
      // An emptied field means "the default", not an empty font list.
      return { ok: true, change: text === '' ? { key: field } : { key: field, value: text } };
    }
    case 'fontSize': {
      const size = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : Number.NaN;
      return Number.isFinite(size)
        ? { ok: true, change: { key: field, value: size } }
        : { ok: false, error: 'Font size must be a number (6-72).' };
    }
    case 'cursorBlink':
      return { ok: true, change: { key: field, value: raw === true } };
    case 'screenReaderMode': {
      const value = raw === 'on' ? true : raw === 'off' ? false : 'auto';
      return { ok: true, change: { key: field, value } };
    }
    case 'theme':
    case 'cursorStyle':
      return { ok: true, change: { key: field, value: String(raw) } };
    default:
      return field satisfies never;
  }
}
