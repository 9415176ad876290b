// Streaming escape-sequence scanner. Its state machine is the VT500 one xterm.js uses (transition rules ported
// from xterm.js's EscapeSequenceParser, MIT licence), so the replay buffer agrees with the terminal that renders
// the replay on where every sequence starts and ends, even for malformed input. Input may be split anywhere:
// all state, parameters included, carries over between `scan` calls.

/** Parser states, numbered as in xterm.js. */
export const ScanState = {
  Ground: 0,
  Escape: 1,
  EscapeIntermediate: 2,
  CsiEntry: 3,
  CsiParam: 4,
  CsiIntermediate: 5,
  CsiIgnore: 6,
  SosPmApcString: 7,
  OscString: 8,
  DcsEntry: 9,
  DcsParam: 10,
  DcsIgnore: 11,
  DcsIntermediate: 12,
  DcsPassthrough: 13,
} as const;
export type ScanState = (typeof ScanState)[keyof typeof ScanState];

const Action = {
  Ignore: 0,
  Error: 1,
  Print: 2,
  Execute: 3,
  OscStart: 4,
  OscPut: 5,
  OscEnd: 6,
  CsiDispatch: 7,
  Param: 8,
  Collect: 9,
  EscDispatch: 10,
  Clear: 11,
  DcsHook: 12,
  DcsPut: 13,
  DcsUnhook: 14,
} as const;

/** Every code point at or above this is treated like it (a printable non-ASCII character). */
const NON_ASCII = 0xa0;
const MAX_PARAMS = 32;
const MAX_SUB_PARAMS = 32;
const MAX_VALUE = 0x7fffffff;

function buildTransitionTable(): Uint8Array {
  const S = ScanState;
  const A = Action;
  const table = new Uint8Array(14 << 8).fill((A.Error << 4) | S.Ground);
  const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, k) => from + k);
  const add = (codes: number[], state: number, action: number, next: number): void => {
    for (const code of codes) table[(state << 8) | code] = (action << 4) | next;
  };
  const printables = range(0x20, 0x7f);
  const executables = [...range(0x00, 0x18), 0x19, ...range(0x1c, 0x20)];
  for (let state = 0; state < 14; state++) {
    add([0x18, 0x1a, 0x99, 0x9a], state, A.Execute, S.Ground);
    add(range(0x80, 0x98), state, A.Execute, S.Ground);
    add([0x9c], state, A.Ignore, S.Ground);
    add([0x1b], state, A.Clear, S.Escape);
    add([0x9d], state, A.OscStart, S.OscString);
    add([0x98, 0x9e, 0x9f], state, A.Ignore, S.SosPmApcString);
    add([0x9b], state, A.Clear, S.CsiEntry);
    add([0x90], state, A.Clear, S.DcsEntry);
  }
  add(printables, S.Ground, A.Print, S.Ground);
  add([NON_ASCII], S.Ground, A.Print, S.Ground);
  add(executables, S.Ground, A.Execute, S.Ground);
  // ESC and its intermediates
  add(executables, S.Escape, A.Execute, S.Escape);
  add([0x7f], S.Escape, A.Ignore, S.Escape);
  add(range(0x20, 0x30), S.Escape, A.Collect, S.EscapeIntermediate);
  add(
    [...range(0x30, 0x50), ...range(0x51, 0x58), 0x59, 0x5a, 0x5c, ...range(0x60, 0x7f)],
    S.Escape,
    A.EscDispatch,
    S.Ground,
  );
  add([0x5b], S.Escape, A.Clear, S.CsiEntry);
  add([0x5d], S.Escape, A.OscStart, S.OscString);
  add([0x50], S.Escape, A.Clear, S.DcsEntry);
  add([0x58, 0x5e, 0x5f], S.Escape, A.Ignore, S.SosPmApcString);
  add(executables, S.EscapeIntermediate, A.Execute, S.EscapeIntermediate);
  add([0x7f], S.EscapeIntermediate, A.Ignore, S.EscapeIntermediate);
  add(range(0x20, 0x30), S.EscapeIntermediate, A.Collect, S.EscapeIntermediate);
  add(range(0x30, 0x7f), S.EscapeIntermediate, A.EscDispatch, S.Ground);
  // CSI
  add(executables, S.CsiEntry, A.Execute, S.CsiEntry);
  add([0x7f], S.CsiEntry, A.Ignore, S.CsiEntry);
  add(range(0x40, 0x7f), S.CsiEntry, A.CsiDispatch, S.Ground);
  add(range(0x30, 0x3c), S.CsiEntry, A.Param, S.CsiParam);
  add([0x3c, 0x3d, 0x3e, 0x3f], S.CsiEntry, A.Collect, S.CsiParam);
  add(range(0x20, 0x30), S.CsiEntry, A.Collect, S.CsiIntermediate);
  add(executables, S.CsiParam, A.Execute, S.CsiParam);
  add([0x7f], S.CsiParam, A.Ignore, S.CsiParam);
  add(range(0x30, 0x3c), S.CsiParam, A.Param, S.CsiParam);
  add(range(0x40, 0x7f), S.CsiParam, A.CsiDispatch, S.Ground);
  add([0x3c, 0x3d, 0x3e, 0x3f], S.CsiParam, A.Ignore, S.CsiIgnore);
  add(range(0x20, 0x30), S.CsiParam, A.Collect, S.CsiIntermediate);
  add(executables, S.CsiIntermediate, A.Execute, S.CsiIntermediate);
  add([0x7f], S.CsiIntermediate, A.Ignore, S.CsiIntermediate);
  add(range(0x20, 0x30), S.CsiIntermediate, A.Collect, S.CsiIntermediate);
  add(range(0x30, 0x40), S.CsiIntermediate, A.Ignore, S.CsiIgnore);
  add(range(0x40, 0x7f), S.CsiIntermediate, A.CsiDispatch, S.Ground);
  add(executables, S.CsiIgnore, A.Execute, S.CsiIgnore);
  add([...range(0x20, 0x40), 0x7f, NON_ASCII], S.CsiIgnore, A.Ignore, S.CsiIgnore);
  add(range(0x40, 0x7f), S.CsiIgnore, A.Ignore, S.Ground);
  // OSC: BEL, ST, CAN, SUB or ESC end it
  add([...printables, 0x7f, NON_ASCII], S.OscString, A.OscPut, S.OscString);
  add(executables, S.OscString, A.Ignore, S.OscString);
  add([0x9c, 0x1b, 0x18, 0x1a, 0x07], S.OscString, A.OscEnd, S.Ground);
  // SOS / PM / APC: ignored up to ST (ESC, CAN and SUB leave through the rules for every state)
  add([...printables, ...executables, 0x7f], S.SosPmApcString, A.Ignore, S.SosPmApcString);
  add([0x9c], S.SosPmApcString, A.Ignore, S.Ground);
  // DCS
  add([...executables, 0x7f], S.DcsEntry, A.Ignore, S.DcsEntry);
  add(range(0x20, 0x30), S.DcsEntry, A.Collect, S.DcsIntermediate);
  add(range(0x30, 0x3c), S.DcsEntry, A.Param, S.DcsParam);
  add([0x3c, 0x3d, 0x3e, 0x3f], S.DcsEntry, A.Collect, S.DcsParam);
  add(range(0x40, 0x7f), S.DcsEntry, A.DcsHook, S.DcsPassthrough);
  add([...executables, 0x7f], S.DcsParam, A.Ignore, S.DcsParam);
  add(range(0x30, 0x3c), S.DcsParam, A.Param, S.DcsParam);
  add([0x3c, 0x3d, 0x3e, 0x3f], S.DcsParam, A.Ignore, S.DcsIgnore);
  add(range(0x20, 0x30), S.DcsParam, A.Collect, S.DcsIntermediate);
  add(range(0x40, 0x7f), S.DcsParam, A.DcsHook, S.DcsPassthrough);
  add([...executables, 0x7f], S.DcsIntermediate, A.Ignore, S.DcsIntermediate);
  add(range(0x20, 0x30), S.DcsIntermediate, A.Collect, S.DcsIntermediate);
  add(range(0x30, 0x40), S.DcsIntermediate, A.Ignore, S.DcsIgnore);
  add(range(0x40, 0x7f), S.DcsIntermediate, A.DcsHook, S.DcsPassthrough);
  add([...executables, ...range(0x20, 0x80), NON_ASCII], S.DcsIgnore, A.Ignore, S.DcsIgnore);
  add([...executables, ...printables, NON_ASCII], S.DcsPassthrough, A.DcsPut, S.DcsPassthrough);
  add([0x7f], S.DcsPassthrough, A.Ignore, S.DcsPassthrough);
  add([0x1b, 0x9c, 0x18, 0x1a], S.DcsPassthrough, A.DcsUnhook, S.Ground);
  return table;
}

const TABLE = buildTransitionTable();
const GROUND = ScanState.Ground;
/** Text is scanned in windows of this many units, each checked for being pure ASCII in one native call. */
const WINDOW = 16 * 1024;
const MIN_ASCII_CHECK = 32;
const encoder = new TextEncoder();
const encodeTarget = new Uint8Array(3 * WINDOW);

function isAscii(text: string, start: number, end: number): boolean {
  const part = start === 0 && end === text.length ? text : text.slice(start, end);
  const { read, written } = encoder.encodeInto(part, encodeTarget);
  return read === part.length && written === read;
}

function indexOrEnd(text: string, needle: string, from: number, end: number): number {
  const found = text.indexOf(needle, from);
  return found === -1 || found > end ? end : found;
}

/**
 * CSI parameters with xterm.js semantics: empty parameters are 0, empty colon sub-parameters are -1, at most 32
 * of each (extra ones are dropped), values clamp at 2^31-1.
 */
export class CsiParams {
  readonly values = new Int32Array(MAX_PARAMS);
  length = 0;
  private readonly subValues = new Int32Array(MAX_SUB_PARAMS);
  private subLength = 0;
  /** Per parameter: first sub-parameter index << 8 | end index. */
  private readonly subRange = new Uint16Array(MAX_PARAMS);
  private rejectDigits = false;
  private rejectSubDigits = false;
  private digitIsSub = false;

  /** Back to a single empty (zero) parameter, as at the start of a sequence. */
  reset(): void {
    this.length = 0;
    this.subLength = 0;
    this.rejectDigits = false;
    this.rejectSubDigits = false;
    this.digitIsSub = false;
    this.addParam(0);
  }

  addParam(value: number): void {
    this.digitIsSub = false;
    if (this.length >= MAX_PARAMS) {
      this.rejectDigits = true;
      return;
    }
    this.subRange[this.length] = (this.subLength << 8) | this.subLength;
    this.values[this.length++] = value;
  }

  addSubParam(value: number): void {
    this.digitIsSub = true;
    if (!this.length) return;
    if (this.rejectDigits || this.subLength >= MAX_SUB_PARAMS) {
      this.rejectSubDigits = true;
      return;
    }
    this.subValues[this.subLength++] = value;
    this.subRange[this.length - 1]!++;
  }

  addDigit(digit: number): void {
    const length = this.digitIsSub ? this.subLength : this.length;
    if (this.rejectDigits || !length || (this.digitIsSub && this.rejectSubDigits)) return;
    const store = this.digitIsSub ? this.subValues : this.values;
    const current = store[length - 1]!;
    store[length - 1] = current === -1 ? digit : Math.min(current * 10 + digit, MAX_VALUE);
  }

  /** Parameter `index`, or `fallback` when there are fewer parameters. */
  get(index: number, fallback = 0): number {
    return index < this.length ? this.values[index]! : fallback;
  }

  hasSubParams(index: number): boolean {
    const range = this.subRange[index] ?? 0;
    return (range & 0xff) - (range >> 8) > 0;
  }

  /** The colon sub-parameters that follow parameter `index` (empty when none). */
  subParams(index: number): Int32Array {
    const range = this.subRange[index] ?? 0;
    return this.subValues.subarray(range >> 8, range & 0xff);
  }

  copyFrom(other: CsiParams): void {
    this.values.set(other.values);
    this.length = other.length;
    this.subValues.set(other.subValues);
    this.subLength = other.subLength;
    this.subRange.set(other.subRange);
    this.rejectDigits = other.rejectDigits;
    this.rejectSubDigits = other.rejectSubDigits;
    this.digitIsSub = other.digitIsSub;
  }
}

/** What the scanner reports. Callbacks run synchronously inside `scan`; `index` is a position in its text. */
export interface ScanHandler {
  /**
   * One of the executed controls that change what the tracker follows: LF (0x0a), SO (0x0e), SI (0x0f). Other
   * controls (CR, BS, C1 …) change nothing here and are not reported. `state` is the state it ran in.
   */
  execute(code: number, index: number, state: ScanState): void;
  /** A complete CSI sequence. `ident` packs prefix/intermediates and final byte like xterm.js: collect << 8 | final. */
  csi(ident: number, params: CsiParams, index: number): void;
  /** A complete ESC sequence (`ident` = intermediates << 8 | final). */
  esc(ident: number, index: number): void;
}

/** Packs a sequence identifier the way the scanner reports it, e.g. `ident('?', 'h')`, `ident('(', '0')`. */
export function ident(collect: string, final: string): number {
  let packed = 0;
  for (let k = 0; k < collect.length; k++) packed = (packed << 8) | collect.charCodeAt(k);
  return (packed << 8) | final.charCodeAt(0);
}

export class EscapeScanner {
  state: ScanState = ScanState.Ground;
  /**
   * Running count of the UTF-8 bytes beyond one per UTF-16 unit among everything scanned, so the UTF-8 size of
   * a scanned range is its length plus the growth of this counter. Exact for well-formed UTF-16 (a surrogate
   * pair is 2 units + 2); a lone surrogate, which node-pty's UTF-8 decoder never produces, counts 2 bytes.
   */
  extraBytes = 0;
  /** Where the sequence being parsed began in the current `scan` text (-1: in an earlier call). */
  sequenceStart = -1;
  /**
   * Counts units that went through the state machine (anything but ground-state text and line feeds). A range
   * scanned without it changing was plain text from ground to ground: scanning it again changes nothing.
   */
  stateSteps = 0;
  private readonly params = new CsiParams();
  private collect = 0;

  constructor(private readonly handler: ScanHandler) {
    this.params.reset();
  }

  get isGround(): boolean {
    return this.state === ScanState.Ground;
  }

  /** Back to the initial state (ground, no pending sequence); the byte counter is kept. */
  reset(): void {
    this.state = ScanState.Ground;
    this.params.reset();
    this.collect = 0;
    this.sequenceStart = -1;
  }

  /** Copies the parse state of `other` (not the handler). */
  copyFrom(other: EscapeScanner): void {
    this.state = other.state;
    this.extraBytes = other.extraBytes;
    this.stateSteps = other.stateSteps;
    this.params.copyFrom(other.params);
    this.collect = other.collect;
    this.sequenceStart = -1;
  }

  scan(text: string, start = 0, end = text.length): void {
    this.sequenceStart = -1;
    for (let from = start; from < end; from += WINDOW) {
      const to = Math.min(end, from + WINDOW);
      // The ASCII check pays off on runs of text, not on the few units of a step-by-step scan.
      this.scanWindow(text, from, to, to - from >= MIN_ASCII_CHECK && isAscii(text, from, to));
    }
  }

  /**
   * If a complete CSI sequence of the common shape starts at `at` (an ESC), parses its parameters and collect
   * bytes and returns the index of its final byte; otherwise -1 and nothing it did matters (the general path
   * clears parameters at the ESC again).
   */
  private completeCsiEnd(text: string, at: number, end: number): number {
    if (at + 2 >= end || text.charCodeAt(at + 1) !== 0x5b) return -1;
    const params = this.params;
    params.reset();
    let j = at + 2;
    let code = text.charCodeAt(j);
    let collect = 0;
    if (code >= 0x3c && code <= 0x3f) {
      collect = code;
      if (++j === end) return -1;
      code = text.charCodeAt(j);
    }
    while (code >= 0x30 && code <= 0x3b) {
      if (code === 0x3b) params.addParam(0);
      else if (code === 0x3a) params.addSubParam(-1);
      else params.addDigit(code - 0x30);
      if (++j === end) return -1;
      code = text.charCodeAt(j);
    }
    while (code >= 0x20 && code <= 0x2f) {
      collect = (collect << 8) | code;
      if (++j === end) return -1;
      code = text.charCodeAt(j);
    }
    if (code < 0x40 || code > 0x7e) return -1;
    this.collect = collect;
    return j;
  }

  /**
   * Pure ASCII text (the usual case) has no C1 controls and no multi-byte characters: in ground state only ESC
   * and the reported controls matter, and native indexOf finds them far faster than a loop over every unit.
   */
  private scanWindow(text: string, start: number, end: number, ascii: boolean): void {
    let state: number = this.state;
    let extra = this.extraBytes;
    let steps = this.stateSteps;
    let nextEsc = -1;
    let nextLf = -1;
    let nextSo = -1;
    let nextSi = -1;
    for (let i = start; i < end; i++) {
      let code: number;
      if (state === GROUND) {
        if (ascii) {
          if (nextEsc < i) nextEsc = indexOrEnd(text, '\x1b', i, end);
          if (nextLf < i) nextLf = indexOrEnd(text, '\n', i, end);
          if (nextSo < i) nextSo = indexOrEnd(text, '\x0e', i, end);
          if (nextSi < i) nextSi = indexOrEnd(text, '\x0f', i, end);
          i = Math.min(nextEsc, nextLf, nextSo, nextSi);
          if (i >= end) break;
          code = text.charCodeAt(i);
          if (code === 0x1b) {
            // The common complete "ESC [ prefix? params intermediates? final" in one tight loop; anything
            // else (controls inside, the end of the window) takes the general path from the ESC.
            const final = this.completeCsiEnd(text, i, end);
            if (final !== -1) {
              steps += final - i + 1;
              this.sequenceStart = i;
              this.state = GROUND;
              this.extraBytes = extra;
              this.stateSteps = steps;
              this.handler.csi((this.collect << 8) | text.charCodeAt(final), this.params, final);
              i = final;
              continue;
            }
          }
        } else {
          // Printable text and the controls nothing here depends on need only their UTF-8 size.
          for (;;) {
            code = text.charCodeAt(i);
            if (code < 0x20) {
              if (code === 0x1b || code === 0x0a || code === 0x0e || code === 0x0f) break;
            } else if (code >= 0x80) {
              if (code < NON_ASCII) break;
              extra += code < 0x800 || (code & 0xf800) === 0xd800 ? 1 : 2;
            }
            if (++i === end) break;
          }
          if (i === end) break;
          if (code >= 0x80) extra += 1;
        }
      } else {
        code = text.charCodeAt(i);
        if (code >= 0x80) extra += code < 0x800 || (code & 0xf800) === 0xd800 ? 1 : 2;
      }
      if (code !== 0x0a || state !== GROUND) steps++;
      let transition = TABLE[(state << 8) | Math.min(code, NON_ASCII)]!;
      switch (transition >> 4) {
        case Action.Execute:
          if (code === 0x0a || code === 0x0e || code === 0x0f) {
            this.state = state as ScanState;
            this.extraBytes = extra;
            this.stateSteps = steps;
            this.handler.execute(code, i, state as ScanState);
          }
          break;
        case Action.Param:
          // Parameter bytes come in runs: take the whole run here.
          for (;;) {
            if (code === 0x3b) this.params.addParam(0);
            else if (code === 0x3a) this.params.addSubParam(-1);
            else this.params.addDigit(code - 0x30);
            if (i + 1 === end) break;
            const next = text.charCodeAt(i + 1);
            if (next < 0x30 || next > 0x3b) break;
            code = next;
            i++;
          }
          break;
        case Action.Collect:
          this.collect = (this.collect << 8) | code;
          break;
        case Action.Clear:
          this.params.reset();
          this.collect = 0;
          break;
        case Action.CsiDispatch:
          this.state = GROUND;
          this.extraBytes = extra;
          this.handler.csi((this.collect << 8) | code, this.params, i);
          break;
        case Action.EscDispatch:
          this.state = GROUND;
          this.extraBytes = extra;
          this.handler.esc((this.collect << 8) | code, i);
          break;
        case Action.OscEnd:
        case Action.DcsUnhook:
          // ESC both ends the string and starts the next sequence (usually the ST "ESC \").
          if (code === 0x1b) transition = (transition & 0xf0) | ScanState.Escape;
          this.params.reset();
          this.collect = 0;
          break;
        default:
          break;
      }
      state = transition & 0x0f;
      // ESC and the C1 introducers (CSI, OSC, DCS, SOS/PM/APC) always begin a new sequence.
      if (code === 0x1b || (state !== GROUND && code >= 0x90 && code < NON_ASCII)) this.sequenceStart = i;
    }
    this.state = state as ScanState;
    this.extraBytes = extra;
    this.stateSteps = steps;
  }
}
