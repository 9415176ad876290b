// FNV-1a (32 bit) over UTF-16 code units, computed incrementally. The page hashes what xterm parsed and
// the bench hashes the source file with the same function (ASCII text: one code unit per byte).
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Folds `text[from, to)` into `state` and returns the new state. */
export function fnv1aText(state: number, text: string, from = 0, to = text.length): number {
  let hash = state;
  for (let i = from; i < to; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** Same as fnv1aText for bytes (a byte of ASCII equals its code unit). */
export function fnv1aBytes(state: number, bytes: Uint8Array, from = 0, to = bytes.length): number {
  let hash = state;
  for (let i = from; i < to; i++) {
    hash ^= bytes[i] as number;
    hash = Math.imul(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

export function hex(hash: number): string {
  return hash.toString(16).padStart(8, '0');
}
