// Name rules (DESIGN.md §3): workspace names 1-40 printable characters, unique per app
// (case-insensitive, and by look: name-lookalikes.ts); tab names 1-64 printable characters. Every name is
// stored in Unicode's composed form (NFC) with plain spaces, and refused if it hides characters, renders
// as nothing or mixes look-alike scripts in a word. Pure, so both sides can check early.
import { NameRules } from './limits';
import { invisibleProblem, mixedScripts, skeleton } from './name-lookalikes';

export type NameCheck =
  | { ok: true; name: string }
  | { ok: false; reason: 'invalid' | 'duplicate'; message: string };

// Control characters (C0, DEL, C1) and the line/paragraph separators cannot be shown in a tab strip.
const UNPRINTABLE = /[\p{Cc}\u2028\u2029]/u;

function checkPrintable(kind: string, raw: string, max: number): NameCheck {
  const name = raw
    .normalize('NFC')
    .replace(/\p{Zs}+/gu, ' ')
    .trim();
  if (name.length === 0) return { ok: false, reason: 'invalid', message: `${kind} name cannot be empty.` };
  // Count code points, not UTF-16 units, so an emoji is one character to the person typing it.
  const length = [...name].length;
  if (length > max)
    return {
      ok: false,
      reason: 'invalid',
      message: `${kind} name is ${length} characters; the limit is ${max}.`,
    };
  if (UNPRINTABLE.test(name))
    return { ok: false, reason: 'invalid', message: `${kind} name contains a control character.` };
  const hidden = invisibleProblem(name);
  if (hidden) return { ok: false, reason: 'invalid', message: `${kind} name ${hidden}.` };
  const mixed = mixedScripts(name);
  if (mixed) {
    return {
      ok: false,
      reason: 'invalid',
      message: `${kind} name mixes ${mixed} letters in one word, which can look like another name.`,
    };
  }
  return { ok: true, name };
}

export function checkTabName(raw: string): NameCheck {
  return checkPrintable('Tab', raw, NameRules.tabMax);
}

export function checkWorkspaceName(raw: string, existing: readonly string[]): NameCheck {
  const check = checkPrintable('Workspace', raw, NameRules.workspaceMax);
  if (!check.ok) return check;
  const looks = skeleton(check.name);
  const twin = existing.find((other) => skeleton(other) === looks);
  if (twin !== undefined) {
    const message =
      twin.toLocaleLowerCase('en') === check.name.toLocaleLowerCase('en')
        ? `A workspace named "${check.name}" already exists.`
        : `"${check.name}" looks like the existing workspace "${twin}"; choose a name that reads differently.`;
    return { ok: false, reason: 'duplicate', message };
  }
  return check;
}

/** The first "Workspace N" not taken, for a workspace created without a name. */
export function nextWorkspaceName(existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLocaleLowerCase('en')));
  for (let n = 1; ; n++) {
    const candidate = `Workspace ${n}`;
    if (!taken.has(candidate.toLocaleLowerCase('en'))) return candidate;
  }
}
