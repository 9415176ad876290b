// Values that break careless code, for the property-based fuzz tests of every side that takes messages
// (the hub, the session host): wrong types, sizes at and past every cap, text that is not valid UTF-16,
// and names that an object's prototype answers to.
import fc from 'fast-check';

export const TEN_MB = 'x'.repeat(10 * 1024 * 1024);

/** Not valid UTF-16, so not encodable as UTF-8 (what "invalid UTF-8" becomes once it is a JS string), plus bidi and line separators. */
export const BROKEN_TEXT = [
  '\ud800',
  '\udfff',
  'a\ud83d',
  '\udc00\ud800',
  '\u0000\uffff\ufffe',
  '\u202e\u2028',
];

/** Valid ids by the schema that name nothing: Object.prototype's keys are the dangerous ones. */
export const PROTOTYPE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'valueOf',
  'prototype',
];

/** Any value in the wrong place: odd numbers, empty and huge strings, broken text, nested junk. */
export const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    Number.NaN,
    -1,
    0,
    -0,
    1.5,
    1e308,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_SAFE_INTEGER + 2,
    null,
    true,
    false,
    '',
    '7',
    '80',
    TEN_MB,
    [],
    {},
  ),
  fc.constantFrom(...BROKEN_TEXT),
  fc.string({ maxLength: 80 }),
  fc.integer(),
  fc.double(),
  fc.anything({ maxDepth: 2 }),
);

/** How a valid-shaped message gets broken, or not (most often not, so sequences also do real work). */
export type Mutation =
  | { kind: 'none' }
  | { kind: 'drop'; n: number }
  | { kind: 'add'; key: string; value: unknown }
  | { kind: 'retype'; n: number; value: unknown }
  | { kind: 'type'; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 1, arbitrary: fc.nat().map((n) => ({ kind: 'drop' as const, n })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'type2'), junk)
      .map(([key, value]) => ({ kind: 'add' as const, key, value })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat(), junk).map(([n, value]) => ({ kind: 'retype' as const, n, value })),
  },
  { weight: 1, arbitrary: junk.map((value) => ({ kind: 'type' as const, value })) },
);

/**
 * A message's type and fields after `change`: a field dropped, an extra or prototype key added, a
 * field or the type replaced by junk (wrapped by `literal` into the test's own value form).
 */
export function applyMutation<V>(
  type: string,
  fields: ReadonlyArray<[string, V]>,
  change: Mutation,
  literal: (value: unknown) => V,
): { type: unknown; fields: Array<[string, V]> } {
  const present = [...fields];
  if (change.kind === 'drop' && present.length > 0) present.splice(change.n % present.length, 1);
  if (change.kind === 'add') present.push([change.key, literal(change.value)]);
  if (change.kind === 'retype' && present.length > 0) {
    const at = change.n % present.length;
    present[at] = [present[at]![0], literal(change.value)];
  }
  return { type: change.kind === 'type' ? change.value : type, fields: present };
}
