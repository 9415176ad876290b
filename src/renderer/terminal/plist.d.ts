// The parse half of the `plist` package (it ships no types); the build half is never loaded.
declare module 'plist/lib/parse.js' {
  /** A property list's XML as plain values (dict → object, real → number); throws on what is not one. */
  export function parse(xml: string): unknown;
}
