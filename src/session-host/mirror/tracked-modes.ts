// The terminal state the serializer (@xterm/addon-serialize) does not write back, defined once: each entry
// says how to recognise the sequence that changes it and how to restore it. The mirror's parser hooks fill
// it in as output is parsed (the pen: sgr-pen.ts); `restoreSequence` writes what differs from a fresh terminal.

import { type Params, SgrPen } from './sgr-pen';

/** DEC private modes the serializer leaves out; a `group` holds modes of which only the last set one counts. */
export interface PrivateModeEntry {
  readonly mode: number;
  readonly name: string;
  /** Value in a fresh terminal. */
  readonly initial: boolean;
  /** Mouse encodings replace one another: setting one clears the others, resetting any goes back to none. */
  readonly group?: 'mouseEncoding';
}

export const PRIVATE_MODES: readonly PrivateModeEntry[] = [
  { mode: 25, name: 'cursorVisible', initial: true },
  { mode: 12, name: 'cursorBlink', initial: false },
  { mode: 1005, name: 'mouseUtf8', initial: false, group: 'mouseEncoding' },
  { mode: 1006, name: 'mouseSgr', initial: false, group: 'mouseEncoding' },
  { mode: 1015, name: 'mouseUrxvt', initial: false, group: 'mouseEncoding' },
  { mode: 1016, name: 'mouseSgrPixels', initial: false, group: 'mouseEncoding' },
];
const BY_MODE = new Map(PRIVATE_MODES.map((entry) => [entry.mode, entry]));

/** Back to the text form: an array holds the sub-parameters of the number before it (`4:3` is [4, [3]]). */
function paramText(params: Params): string {
  let text = '';
  params.forEach((param, i) => {
    if (typeof param === 'number') text += (i > 0 ? ';' : '') + String(param);
    else text += `:${param.join(':')}`;
  });
  return text;
}

export class TrackedModes {
  private readonly flags = new Map<number, boolean>();
  private readonly pen = new SgrPen();
  /** DECSTBM as last set on the active screen ('' = whole screen). */
  private region = '';
  /** DECSCUSR cursor style (0 = the user's default). */
  private cursorStyle = 0;

  /** CSI ? Pm h / l; returns false so xterm's own handler still runs. */
  privateMode(params: Params, set: boolean): void {
    for (const param of params) {
      const entry = typeof param === 'number' ? BY_MODE.get(param) : undefined;
      if (!entry) continue;
      if (entry.group) {
        for (const other of PRIVATE_MODES) if (other.group === entry.group) this.flags.delete(other.mode);
      }
      if (set !== entry.initial) this.flags.set(entry.mode, set);
      else this.flags.delete(entry.mode);
    }
  }

  /** CSI Pm m */
  sgr(params: Params): void {
    this.pen.apply(params);
  }

  /** CSI Pt ; Pb r */
  scrollRegion(params: Params): void {
    this.region = paramText(params);
  }

  /** CSI Ps SP q */
  cursorShape(params: Params): void {
    const first = params[0];
    this.cursorStyle = typeof first === 'number' ? first : 0;
  }

  /** The terminal was resized or switched screens: xterm resets the scroll region. */
  resetRegion(): void {
    this.region = '';
  }

  /** A full reset (RIS): everything back to how a fresh terminal starts. */
  reset(): void {
    this.flags.clear();
    this.pen.reset();
    this.region = '';
    this.cursorStyle = 0;
  }

  /**
   * What to write after the serializer's output. The scroll region goes first because DECSTBM homes the
   * cursor, so `cursor` (the serializer's final cursor placement, as CSI row;col H) is written again after it.
   */
  restoreSequence(cursor: { x: number; y: number }): string {
    let out = '';
    if (this.region !== '') out += `\x1b[${this.region}r\x1b[${cursor.y + 1};${cursor.x + 1}H`;
    for (const [mode, value] of this.flags) out += `\x1b[?${mode}${value ? 'h' : 'l'}`;
    if (this.cursorStyle !== 0) out += `\x1b[${this.cursorStyle} q`;
    return out + this.pen.toSequence();
  }
}
