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
