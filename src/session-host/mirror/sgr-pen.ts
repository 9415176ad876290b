// The pen (current SGR attributes) of a terminal, kept from the SGR sequences it parsed, because neither
// xterm's public API nor its serializer gives it: the serializer writes each cell's look, not what the next
// character will be drawn with. One entry per attribute, so it never grows with the output.

/** Parameter lists as xterm's parser hands them over (a number, or sub-parameters for colon forms). */
export type Params = readonly (number | readonly number[])[];

type Key =
  | 'bold'
  | 'dim'
  | 'italic'
  | 'underline'
  | 'blink'
  | 'inverse'
  | 'invisible'
  | 'strike'
  | 'overline';
type ColourKey = 'fg' | 'bg' | 'ul';

/** Attribute switched on by a parameter, and the parameters that switch it off. */
const ON: ReadonlyMap<number, Key> = new Map([
  [1, 'bold'],
  [2, 'dim'],
  [3, 'italic'],
  [4, 'underline'],
  [21, 'underline'],
  [5, 'blink'],
  [6, 'blink'],
  [7, 'inverse'],
  [8, 'invisible'],
  [9, 'strike'],
  [53, 'overline'],
]);
const OFF: ReadonlyMap<number, readonly Key[]> = new Map([
  [22, ['bold', 'dim']],
  [23, ['italic']],
  [24, ['underline']],
  [25, ['blink']],
  [27, ['inverse']],
  [28, ['invisible']],
  [29, ['strike']],
  [55, ['overline']],
]);
const EXTENDED: ReadonlyMap<number, ColourKey> = new Map([
  [38, 'fg'],
  [48, 'bg'],
  [58, 'ul'],
]);

function colourKeyOf(code: number): ColourKey | null {
  if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) return 'fg';
  if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) return 'bg';
  return null;
}

export class SgrPen {
  private readonly attributes = new Map<Key | ColourKey, string>();

  /** One CSI … m, as xterm's parser hands it over (an array holds the sub-parameters of the number before it). */
  apply(params: Params): void {
    if (params.length === 0) this.attributes.clear();
    for (let i = 0; i < params.length; i++) {
      const code = params[i];
      if (typeof code !== 'number') continue;
      const sub = params[i + 1];
      const subText = typeof sub === 'object' ? `:${sub.join(':')}` : '';
      if (code === 0) this.attributes.clear();
      else if (code === 39) this.attributes.delete('fg');
      else if (code === 49) this.attributes.delete('bg');
      else if (code === 59) this.attributes.delete('ul');
      else if (EXTENDED.has(code)) {
        const key = EXTENDED.get(code) as ColourKey;
        if (subText !== '') {
          this.attributes.set(key, `${code}${subText}`);
        } else {
          // Semicolon form: 38;5;n or 38;2;r;g;b.
          const kind = params[i + 1];
          const length = kind === 5 ? 2 : kind === 2 ? 4 : 1;
          this.attributes.set(key, params.slice(i, i + 1 + length).join(';'));
          i += length;
        }
      } else if (colourKeyOf(code)) this.attributes.set(colourKeyOf(code) as ColourKey, String(code));
      else if (ON.has(code)) {
        const key = ON.get(code) as Key;
        // 4:0 is underline off.
        if (key === 'underline' && subText === ':0') this.attributes.delete(key);
        else this.attributes.set(key, `${code}${subText}`);
      } else {
        for (const key of OFF.get(code) ?? []) this.attributes.delete(key);
      }
    }
  }

  reset(): void {
    this.attributes.clear();
  }

  /** Sets the pen in a terminal whose pen is unknown. */
  toSequence(): string {
    const values = [...this.attributes.values()];
    return values.length === 0 ? '\x1b[0m' : `\x1b[0;${values.join(';')}m`;
  }
}
