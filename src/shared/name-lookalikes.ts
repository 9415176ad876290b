// What makes two names look the same, or a name look like nothing (issue 16: a workspace named with
// zero-width or braille-blank characters showed as an empty tab; a Cyrillic look-alike of "prod" sat
// beside "prod"). A pared-down form of Unicode's security mechanisms (UTS #39): invisible characters
// and text-direction overrides are refused, letters of look-alike scripts may not be mixed in one word,
// and names are compared by a skeleton that folds compatibility forms, case and the Cyrillic and Greek
// letters that are drawn like Latin ones.

/** Override or isolate the direction of the text around them: a name could show reversed or reordered. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** Letters that are drawn as nothing at all (braille blank, Hangul fillers, Khmer and Mongolian blanks). */
const BLANK_LETTER = /[\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0]/u;

/** Zero-width joiners are part of emoji sequences and of some scripts' spelling; other format characters hide. */
const JOINERS = new Set(['\u200C', '\u200D']);

/** Scripts whose letters are mistaken for each other; one word may use letters of only one of them. */
const LOOKALIKE_SCRIPTS = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
  ['Armenian', /\p{Script=Armenian}/u],
  ['Cherokee', /\p{Script=Cherokee}/u],
] as const;

/** Cyrillic and Greek letters drawn like a Latin letter (after lower-casing), from Unicode's confusables. */
const AS_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  в: 'b',
  г: 'r',
  д: 'd',
  е: 'e',
  ё: 'e',
  ѕ: 's',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  л: 'n',
  м: 'm',
  н: 'h',
  о: 'o',
  п: 'n',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ь: 'b',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ɡ: 'g',
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ϲ: 'c',
  ϳ: 'j',
};

/** Why a name cannot be shown for what it is, or null. */
export function invisibleProblem(name: string): string | null {
  if (BIDI_CONTROL.test(name)) return 'contains a character that reverses or reorders the text around it';
  if (BLANK_LETTER.test(name)) return 'contains a character that is drawn as a blank';
  for (const char of name) {
    if (/\p{Cf}/u.test(char) && !JOINERS.has(char)) return 'contains an invisible character';
  }
  const visible = name.replace(/[\s\p{Cf}\p{M}]/gu, '');
  if (visible.length === 0) return 'has no visible characters';
  return null;
}

/** The name of the second look-alike script a word mixes in, e.g. "Latin and Cyrillic", or null. */
export function mixedScripts(name: string): string | null {
  for (const word of name.split(/[\s\p{P}\p{S}]+/u)) {
    const found = new Set<string>();
    for (const char of word) {
      for (const [script, pattern] of LOOKALIKE_SCRIPTS) if (pattern.test(char)) found.add(script);
    }
    if (found.size > 1) return [...found].join(' and ');
  }
  return null;
}

/** A form under which names that look alike are equal: compatibility forms, case, joiners, look-alikes. */
export function skeleton(name: string): string {
  const folded = name
    .normalize('NFKC')
    .toLocaleLowerCase('en')
    .replace(/(?:\u200C|\u200D|\s)+/gu, ' ');
  let out = '';
  for (const char of folded) out += AS_LATIN[char] ?? char;
  return out.trim();
}
