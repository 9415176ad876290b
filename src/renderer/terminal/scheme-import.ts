/// <reference path="./plist.d.ts" />
// Colour scheme files people already have, read into `colorSchemes` entries: Windows Terminal JSON (one
// scheme object, an array of them, or a whole settings.json with `schemes`; comments allowed, as WT
// writes them) and iTerm2's .itermcolors (an XML property list of colour dictionaries). Pure: text in,
// schemes or one sentence saying what is wrong out.
import { type ParseError, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import { parse as parsePlist } from 'plist/lib/parse.js';
import { z } from 'zod';
import { ANSI_KEYS, type ColorScheme, ColorScheme as ColorSchemeSchema } from '../../shared/color-schemes';
import { type ClientMessage, describeIssues } from '../../shared/protocol';

type SettingsChange = Extract<ClientMessage, { type: 'settings_update' }>['changes'][number];

export type SchemeImport = { ok: true; schemes: ColorScheme[] } | { ok: false; error: string };

/** WT writes more keys in some versions; a scheme is read by the keys Tabterm knows, the rest left out. */
const LenientScheme = z.object(ColorSchemeSchema.shape);
const MAX_SCHEMES = 200;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseWindowsTerminalSchemes(text: string): SchemeImport {
  const errors: ParseError[] = [];
  const raw: unknown = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first)
    return {
      ok: false,
      error: `not valid JSON (${printParseErrorCode(first.error)} at offset ${first.offset})`,
    };
  const list = Array.isArray(raw)
    ? raw
    : isRecord(raw) && Array.isArray(raw.schemes)
      ? raw.schemes
      : isRecord(raw) && 'name' in raw
        ? [raw]
        : null;
  if (list === null)
    return {
      ok: false,
      error:
        'no colour scheme in it: expected a scheme object, an array of them, or a settings.json with "schemes"',
    };
  if (list.length === 0) return { ok: false, error: 'its "schemes" list is empty' };
  if (list.length > MAX_SCHEMES) return { ok: false, error: `more than ${MAX_SCHEMES} schemes` };
  const schemes: ColorScheme[] = [];
  for (const [index, entry] of list.entries()) {
    const parsed = LenientScheme.safeParse(entry);
    if (!parsed.success) {
      const name = isRecord(entry) && typeof entry.name === 'string' ? ` "${entry.name}"` : '';
      return { ok: false, error: `scheme ${index + 1}${name}: ${describeIssues(parsed.error)}` };
    }
    schemes.push(parsed.data);
  }
  return { ok: true, schemes };
}

/** iTerm2's key for each Windows Terminal colour. */
const ITERM_KEYS: Record<string, string> = {
  foreground: 'Foreground Color',
  background: 'Background Color',
  cursorColor: 'Cursor Color',
  selectionBackground: 'Selection Color',
  ...Object.fromEntries(ANSI_KEYS.map((key, i) => [key, `Ansi ${i} Color`])),
};
const OPTIONAL = new Set(['cursorColor', 'selectionBackground']);

/** One colour dictionary ("Red Component" … 0-1 reals) as "#rrggbb"; null when it is not one. */
function itermColour(value: unknown): string | null {
  if (!isRecord(value)) return null;
  const parts = ['Red', 'Green', 'Blue'].map((c) => value[`${c} Component`]);
  if (!parts.every((p): p is number => typeof p === 'number' && Number.isFinite(p))) return null;
  // Colour spaces (sRGB, calibrated, P3) are read as sRGB: close enough for a terminal palette.
  return `#${parts
    .map((p) =>
      Math.round(Math.min(1, Math.max(0, p)) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

export function parseItermColors(text: string, name: string): SchemeImport {
  let raw: unknown;
  try {
    raw = text.trimStart().startsWith('<') ? parsePlist(text) : null;
  } catch (error) {
    return {
      ok: false,
      error: `not a property list (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  if (!isRecord(raw))
    return { ok: false, error: 'not an iTerm2 colour preset (an XML property list with a dict)' };
  const scheme: Record<string, string> = { name: name.slice(0, 100) || 'Imported' };
  const missing: string[] = [];
  for (const [key, itermKey] of Object.entries(ITERM_KEYS)) {
    const colour = itermColour(raw[itermKey]);
    if (colour) scheme[key] = colour;
    else if (!OPTIONAL.has(key)) missing.push(`"${itermKey}"`);
  }
  if (missing.length > 0)
    return {
      ok: false,
      error: `not an iTerm2 colour preset: no ${missing.slice(0, 3).join(', ')}${missing.length > 3 ? ` and ${missing.length - 3} more` : ''}`,
    };
  const parsed = ColorSchemeSchema.safeParse(scheme);
  return parsed.success
    ? { ok: true, schemes: [parsed.data] }
    : { ok: false, error: describeIssues(parsed.error) };
}

/** A file the user chose: .itermcolors by its name or its XML, Windows Terminal JSON otherwise. */
export function parseSchemeFile(fileName: string, text: string): SchemeImport {
  const base = fileName.replace(/^.*[\\/]/, '');
  const iterm = /\.itermcolors$/i.test(base) || /^\s*<(\?xml|!DOCTYPE plist|plist)/.test(text);
  const result = iterm
    ? parseItermColors(text, base.replace(/\.itermcolors$/i, ''))
    : parseWindowsTerminalSchemes(text);
  return result.ok ? result : { ok: false, error: `${base} cannot be imported: ${result.error}` };
}

/** `existing` with the imported schemes added; one of the same name is replaced where it stood. */
export function mergeSchemes(
  existing: readonly ColorScheme[],
  imported: readonly ColorScheme[],
): ColorScheme[] {
  const merged = [...existing];
  for (const scheme of imported) {
    const at = merged.findIndex((s) => s.name === scheme.name);
    if (at >= 0) merged[at] = scheme;
    else merged.push(scheme);
  }
  return merged;
}

/** The settings_update an import sends: the schemes added to `colorSchemes`, and the first one selected. */
export function importChanges(
  existing: readonly ColorScheme[],
  imported: readonly [ColorScheme, ...ColorScheme[]] | readonly ColorScheme[],
): SettingsChange[] {
  const first = imported[0];
  if (!first) return [];
  return [
    { key: 'colorSchemes', value: mergeSchemes(existing, imported) },
    { key: 'theme', value: first.name },
  ];
}
