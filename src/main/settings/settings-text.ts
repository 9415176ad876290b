// settings.json as the user writes it: JSON with comments and trailing commas, every key optional, and a
// `$schema` line that lets editors complete and check it. Reading is forgiving by key: a key this
// version does not know, or one with a wrong value, is named by its path and ignored alone while every
// other key applies; only text that is not JSON at all keeps the settings in force as they were.
// Pure: the file's text in, settings and problems out, so every way a file can be wrong is unit-tested.
import { applyEdits, modify, type ParseError, parse, printParseErrorCode } from 'jsonc-parser';
import type { z } from 'zod';
import { findScheme, schemeNames } from '../../shared/color-schemes';
import { defaultSettings, Profile, Settings } from '../../shared/settings';

export const SCHEMA_FILE = 'settings.schema.json';

export interface SettingsProblem {
  /** Where in the file: `fontSize`, `keybindings["Ctrl+K"]`; empty for the file as a whole. */
  path: string;
  message: string;
}

export interface SettingsRead {
  settings: Settings;
  problems: SettingsProblem[];
  /** False when the text is not a JSON object: `settings` is then the fallback given. */
  readable: boolean;
  /** The text is the format before this one (`{ "version": 1, "data": { … } }`), read as its `data`. */
  legacy: boolean;
}

type Shape = typeof Settings.shape;
type Key = keyof Shape;
const KEYS = Object.keys(Settings.shape) as Key[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function issueText(error: z.ZodError): string {
  return error.issues[0]?.message ?? 'invalid value';
}

/** Edits (insert, delete, replace) between two short strings, ignoring case. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
        (row[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[y.length] ?? 0;
}

/** The known key a typo most likely meant (two edits at most), as a hint. */
function suggestion(key: string): string {
  let best: { known: string; edits: number } | null = null;
  for (const known of KEYS) {
    const edits = distance(key, known);
    if (edits <= 2 && (!best || edits < best.edits)) best = { known, edits };
  }
  return best ? ` (did you mean "${best.known}"?)` : '';
}

function pathText(at: readonly PropertyKey[]): string {
  return at.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
}

/** Profiles entry by entry: a wrong one, or a second one of a name, is named and ignored alone. */
function readProfiles(entries: readonly unknown[]): { value: unknown; problems: SettingsProblem[] } {
  const kept: Profile[] = [];
  const problems: SettingsProblem[] = [];
  const names = new Set<string>();
  entries.forEach((entry, index) => {
    const one = Profile.safeParse(entry);
    if (!one.success) {
      const ssh = typeof entry === 'object' && entry !== null && 'ssh' in entry;
      const issue = branchIssue(one.error.issues[0], ssh ? 1 : 0);
      problems.push({
        path: `profiles[${index}]${pathText(issue?.path ?? [])}`,
        message: `${issue?.message ?? 'invalid profile'}; this profile is ignored`,
      });
      return;
    }
    const key = one.data.name.toLowerCase();
    if (names.has(key)) {
      problems.push({
        path: `profiles[${index}].name`,
        message: `the name "${one.data.name}" is taken by an earlier profile (names ignore case); this one is ignored`,
      });
      return;
    }
    names.add(key);
    kept.push(one.data);
  });
  return { value: kept, problems };
}

/**
 * zod reports a union's failure as one issue holding each branch's issues; the branch the entry meant
 * (0: a command, 1: ssh, as `Profile` lists them) says what is wrong with it.
 */
function branchIssue(issue: z.core.$ZodIssue | undefined, branch: number): z.core.$ZodIssue | undefined {
  if (issue?.code !== 'invalid_union') return issue;
  return issue.errors[branch]?.[0] ?? issue;
}

/** One key's value, or the problems that make it fall back to its default (keybindings: entry by entry). */
function readKey(key: Key, value: unknown): { value?: unknown; problems: SettingsProblem[] } {
  const schema = Settings.shape[key] as z.ZodType;
  const parsed = schema.safeParse(value);
  if (parsed.success) return { value: parsed.data, problems: [] };
  if (key === 'keybindings' && isRecord(value)) {
    const kept: Record<string, unknown> = {};
    const problems: SettingsProblem[] = [];
    for (const [accelerator, command] of Object.entries(value)) {
      const one = schema.safeParse({ [accelerator]: command });
      if (one.success) {
        kept[accelerator] = command;
        continue;
      }
      const why =
        typeof command === 'string' && command !== '' && accelerator.length <= 64
          ? `"${command}" is not a command (see "Settings" in the README)`
          : issueText(one.error);
      problems.push({
        path: `keybindings[${JSON.stringify(accelerator)}]`,
        message: `${why}; this binding is ignored`,
      });
    }
    return { value: kept, problems };
  }
  if (key === 'profiles' && Array.isArray(value)) return readProfiles(value);
  const path = key + pathText(parsed.error.issues[0]?.path ?? []);
  return {
    problems: [
      {
        path,
        message: `${issueText(parsed.error)}; the default (${JSON.stringify(defaultSettings()[key])}) is used`,
      },
    ],
  };
}

export function readSettingsText(text: string, fallback: Settings): SettingsRead {
  if (text.trim() === '') return { settings: defaultSettings(), problems: [], readable: true, legacy: false };
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (first) {
    const where = lineAndColumn(text, first.offset);
    const problem = { path: '', message: `not valid JSON at ${where} (${printParseErrorCode(first.error)})` };
    return { settings: fallback, problems: [problem], readable: false, legacy: false };
  }
  if (!isRecord(raw)) {
    const problem = { path: '', message: 'the file must hold one JSON object, { … }' };
    return { settings: fallback, problems: [problem], readable: false, legacy: false };
  }
  const legacy =
    Object.keys(raw).length === 2 && typeof raw.version === 'number' && isRecord(raw.data) ? raw.data : null;
  const source = legacy ?? raw;
  const chosen: Record<string, unknown> = {};
  const problems: SettingsProblem[] = [];
  for (const [key, value] of Object.entries(source)) {
    if (key === '$schema') continue;
    if (!(KEYS as string[]).includes(key)) {
      problems.push({ path: key, message: `not a setting of this version${suggestion(key)}; ignored` });
      continue;
    }
    const read = readKey(key as Key, value);
    if ('value' in read) chosen[key] = read.value;
    problems.push(...read.problems);
  }
  const settings = Settings.parse(chosen);
  const themeProblem = unknownTheme(settings);
  if (themeProblem) {
    problems.push(themeProblem);
    settings.theme = defaultSettings().theme;
  }
  return { settings, problems, readable: true, legacy: legacy !== null };
}

/** `theme` must name a built-in scheme or one of `colorSchemes`, which no one key's schema can check. */
function unknownTheme(settings: Settings): SettingsProblem | null {
  if (findScheme(settings.theme, settings.colorSchemes)) return null;
  const names = schemeNames(settings.colorSchemes).map((name) => `"${name}"`);
  return {
    path: 'theme',
    message: `no colour scheme is named "${settings.theme}" (there are ${names.join(', ')}); the default is used`,
  };
}

/** One line for a person: the first problems, each with its path. */
export function describeProblems(problems: readonly SettingsProblem[], limit = 4): string {
  const shown = problems.slice(0, limit).map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  const more = problems.length > limit ? `; and ${problems.length - limit} more` : '';
  return shown.join('; ') + more;
}

const FORMAT = { insertSpaces: true, tabSize: 2, eol: '\n' } as const;

/** What a new settings file holds: the schema reference and a word on how the file works. */
export function newSettingsText(): string {
  return [
    '{',
    `  "$schema": "./${SCHEMA_FILE}",`,
    '  // Tabterm settings. Every key is optional and takes its default when left out; your editor',
    '  // completes and checks keys through the schema above. Saved changes apply at once; a key with',
    '  // a wrong value is reported and ignored alone. The keys are listed in the README ("Settings").',
    '}',
    '',
  ].join('\n');
}

/** `text` with `key` set to `value` (or removed, for undefined), comments and layout kept. */
export function withSetting(text: string, key: string, value: unknown): string {
  const base = text.trim() === '' ? '{}' : text;
  return applyEdits(base, modify(base, [key], value, { formattingOptions: FORMAT }));
}

/** One key to write: `value` left out removes the key, so it takes its default. */
export interface SettingChange {
  key: string;
  value?: unknown;
}

export type SettingsEdit = { ok: true; text: string } | { ok: false; error: string };

/**
 * `text` with every change applied, or why none is: an unknown key, a value its key's schema refuses, or
 * a file that is not a JSON object (an edit could not know where to go). All or nothing, so a client
 * never half-writes a group of keys (a scheme and its selection).
 */
export function editSettingsText(text: string, changes: readonly SettingChange[]): SettingsEdit {
  if (text.trim() !== '') {
    const errors: ParseError[] = [];
    const raw: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
    const first = errors[0];
    if (first)
      return {
        ok: false,
        error: `settings.json is not valid JSON at ${lineAndColumn(text, first.offset)}; fix it in an editor first (nothing was written)`,
      };
    if (!isRecord(raw))
      return { ok: false, error: 'settings.json must hold one JSON object; nothing was written' };
  }
  for (const { key, value } of changes) {
    if (!(KEYS as string[]).includes(key))
      return { ok: false, error: `"${key}" is not a setting${suggestion(key)}; nothing was written` };
    if (value === undefined) continue;
    const parsed = (Settings.shape[key as Key] as z.ZodType).safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = (issue?.path ?? []).map((part) =>
        typeof part === 'number' ? `[${part}]` : `.${String(part)}`,
      );
      return {
        ok: false,
        error: `${key}${at.join('')}: ${issue?.message ?? 'invalid value'}; nothing was written`,
      };
    }
  }
  let next = text;
  for (const { key, value } of changes) next = withSetting(next, key, value);
  if (changes.some((change) => change.key === 'theme' || change.key === 'colorSchemes')) {
    const problem = readSettingsText(next, defaultSettings()).problems.find((p) => p.path === 'theme');
    if (problem)
      return {
        ok: false,
        error: `theme: ${problem.message.replace(/; the default is used$/, '')}; nothing was written`,
      };
  }
  return { ok: true, text: next };
}

/** The new-format text for a legacy file's settings: every key it set, under the schema reference. */
export function migratedSettingsText(data: Record<string, unknown>): string {
  let text = newSettingsText();
  for (const [key, value] of Object.entries(data)) text = withSetting(text, key, value);
  return text;
}
