// OSC 52 (`ESC ] 52 ; Pc ; Pd BEL`): a program sets the clipboard with base64 text. Reads (`Pd` = "?")
// are refused without a reply, so no program (an SSH host included) can learn the clipboard
// (ANCHORS: never answer clipboard reads). Pure; the terminal view writes what this decides.
// Not the xterm clipboard addon: it answers every "?" with whatever its provider reads (an empty reply
// at best, still a reply a program can wait for), and brings a base64 package for what atob does.

export const Osc52Limits = {
  /** Decoded text larger than this is ignored (a program cannot fill memory through the clipboard). */
  maxBytes: 1024 * 1024,
} as const;

export type Osc52Request =
  | { kind: 'write'; text: string }
  | { kind: 'read' }
  | { kind: 'invalid'; reason: string };

/** Pc: any mix of c, p, q, s, 0–7 (or none, meaning "s 0"): all mean the one clipboard we have. */
const SELECTION = /^[cpqs0-7]*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function parseOsc52(data: string, maxBytes: number = Osc52Limits.maxBytes): Osc52Request {
  const split = data.indexOf(';');
  if (split < 0) return { kind: 'invalid', reason: 'no ";" after the selection' };
  const selection = data.slice(0, split);
  const payload = data.slice(split + 1);
  if (!SELECTION.test(selection)) return { kind: 'invalid', reason: 'unknown selection' };
  if (payload === '?') return { kind: 'read' };
  // Every 4 base64 characters hold 3 bytes: refuse by length before decoding anything.
  if (Math.floor((payload.length * 3) / 4) > maxBytes + 2) return { kind: 'invalid', reason: 'too large' };
  if (!BASE64.test(payload) || payload.length % 4 === 1) return { kind: 'invalid', reason: 'not base64' };
  let binary: string;
  try {
    binary = atob(payload);
  } catch {
    return { kind: 'invalid', reason: 'not base64' };
  }
  if (binary.length > maxBytes) return { kind: 'invalid', reason: 'too large' };
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  try {
    return { kind: 'write', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'invalid', reason: 'not UTF-8 text' };
  }
}
