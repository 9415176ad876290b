// The graphic rendition (colours and attributes) in force, kept as a small canonical value instead of the raw
// history of SGR sequences, so restoring it costs one short sequence however long the session ran. Semantics
// follow xterm.js's `charAttributes` (MIT), including its reading of malformed colour sequences.

import type { CsiParams } from './escape-scanner';

/** Attribute bits; the order is the order they are serialized in. */
const Flag = {
  Bold: 1,
  Dim: 2,
  Italic: 4,
  Blink: 8,
  Inverse: 16,
  Invisible: 32,
  Strikethrough: 64,
  Overline: 128,
} as const;

const FLAG_CODES: ReadonlyArray<readonly [number, string]> = [
  [Flag.Bold, '1'],
  [Flag.Dim, '2'],
  [Flag.Italic, '3'],
  [Flag.Blink, '5'],
  [Flag.Inverse, '7'],
  [Flag.Invisible, '8'],
  [Flag.Strikethrough, '9'],
  [Flag.Overline, '53'],
];

/** A colour is packed as mode << 24 | value; value is a palette index or 0xRRGGBB. */
const ColorMode = { Default: 0, P16: 1, P256: 2, Rgb: 3 } as const;
const DEFAULT_COLOR = 0;

function color(mode: number, value: number): number {
  return mode * 0x1000000 + value;
}

function colorMode(packed: number): number {
  return Math.floor(packed / 0x1000000);
}

/** SGR parameters selecting `packed` as foreground (base 30), background (40) or underline colour (50). */
function colorParams(packed: number, base: 30 | 40 | 50): string {
  const value = packed % 0x1000000;
  switch (colorMode(packed)) {
    case ColorMode.P16:
      return String(value < 8 ? base + value : base + 60 + value - 8);
    case ColorMode.P256:
      return `${base + 8};5;${value}`;
    case ColorMode.Rgb:
      return `${base + 8};2;${value >> 16};${(value >> 8) & 0xff};${value & 0xff}`;
    default:
      return '';
  }
}

export class SgrState {
  flags = 0;
  /** Underline style: 0 none, 1 single, 2 double, 3 curly, 4 dotted, 5 dashed. */
  underline = 0;
  fg = DEFAULT_COLOR;
  bg = DEFAULT_COLOR;
  underlineColor = DEFAULT_COLOR;

  reset(): void {
    this.flags = 0;
    this.underline = 0;
    this.fg = DEFAULT_COLOR;
    this.bg = DEFAULT_COLOR;
    this.underlineColor = DEFAULT_COLOR;
  }

  copyFrom(other: SgrState): void {
    this.flags = other.flags;
    this.underline = other.underline;
    this.fg = other.fg;
    this.bg = other.bg;
    this.underlineColor = other.underlineColor;
  }

  clone(): SgrState {
    const copy = new SgrState();
    copy.copyFrom(this);
    return copy;
  }

  get isDefault(): boolean {
    return (
      this.flags === 0 && this.underline === 0 && this.fg === 0 && this.bg === 0 && this.underlineColor === 0
    );
  }

  /** Applies one SGR sequence (`CSI … m`). */
  apply(params: CsiParams): void {
    for (let i = 0; i < params.length; i++) {
      const p = params.values[i]!;
      if (p >= 30 && p <= 37) this.fg = color(ColorMode.P16, p - 30);
      else if (p >= 40 && p <= 47) this.bg = color(ColorMode.P16, p - 40);
      else if (p >= 90 && p <= 97) this.fg = color(ColorMode.P16, p - 90 + 8);
      else if (p >= 100 && p <= 107) this.bg = color(ColorMode.P16, p - 100 + 8);
      else if (p === 38 || p === 48 || p === 58) i += this.extractColor(params, i);
      else this.applySimple(p, params, i);
    }
  }

  private applySimple(p: number, params: CsiParams, i: number): void {
    switch (p) {
      case 0:
        this.reset();
        break;
      case 1:
        this.flags |= Flag.Bold;
        break;
      case 2:
        this.flags |= Flag.Dim;
        break;
      case 3:
        this.flags |= Flag.Italic;
        break;
      case 4:
        this.setUnderline(params.hasSubParams(i) ? params.subParams(i)[0]! : 1);
        break;
      case 5:
        this.flags |= Flag.Blink;
        break;
      case 7:
        this.flags |= Flag.Inverse;
        break;
      case 8:
        this.flags |= Flag.Invisible;
        break;
      case 9:
        this.flags |= Flag.Strikethrough;
        break;
      case 21:
        this.setUnderline(2);
        break;
      case 22:
        this.flags &= ~(Flag.Bold | Flag.Dim);
        break;
      case 23:
        this.flags &= ~Flag.Italic;
        break;
      case 24:
        this.underline = 0;
        break;
      case 25:
        this.flags &= ~Flag.Blink;
        break;
      case 27:
        this.flags &= ~Flag.Inverse;
        break;
      case 28:
        this.flags &= ~Flag.Invisible;
        break;
      case 29:
        this.flags &= ~Flag.Strikethrough;
        break;
      case 39:
        this.fg = DEFAULT_COLOR;
        break;
      case 49:
        this.bg = DEFAULT_COLOR;
        break;
      case 53:
        this.flags |= Flag.Overline;
        break;
      case 55:
        this.flags &= ~Flag.Overline;
        break;
      case 59:
        this.underlineColor = DEFAULT_COLOR;
        break;
      default:
        break;
    }
  }

  private setUnderline(style: number): void {
    this.underline = style === -1 || style > 5 ? 1 : style;
  }

  /**
   * 38/48/58 with their colour arguments, in either the `;` or the `:` form; returns how many extra
   * parameters were consumed (xterm.js's `_extractColor`).
   */
  private extractColor(params: CsiParams, pos: number): number {
    // [target, colour mode, colour space (ignored), v1, v2, v3]
    const accu = Int32Array.of(0, 0, -1, 0, 0, 0);
    let colorSpace = 0;
    let advance = 0;
    do {
      accu[advance + colorSpace] = params.values[pos + advance]!;
      if (params.hasSubParams(pos + advance)) {
        const sub = params.subParams(pos + advance);
        let k = 0;
        do {
          if (accu[1] === 5) colorSpace = 1;
          accu[advance + k + 1 + colorSpace] = sub[k]!;
        } while (++k < sub.length && k + advance + 1 + colorSpace < accu.length);
        break;
      }
      if ((accu[1] === 5 && advance + colorSpace >= 2) || (accu[1] === 2 && advance + colorSpace >= 5)) break;
      if (accu[1]) colorSpace = 1;
    } while (++advance + pos < params.length && advance + colorSpace < accu.length);
    for (let k = 2; k < accu.length; k++) if (accu[k] === -1) accu[k] = 0;

    const mode = accu[1]!;
    let packed: number;
    if (mode === 2)
      packed = color(ColorMode.Rgb, ((accu[3]! & 0xff) << 16) | ((accu[4]! & 0xff) << 8) | (accu[5]! & 0xff));
    else if (mode === 5) packed = color(ColorMode.P256, accu[3]! & 0xff);
    else return advance;
    if (accu[0] === 38) this.fg = packed;
    else if (accu[0] === 48) this.bg = packed;
    else if (accu[0] === 58) this.underlineColor = packed;
    return advance;
  }

  /** Canonical SGR parameters for this state ('' when everything is default), e.g. `1;4:3;38;5;208`. */
  toParams(): string {
    const parts: string[] = [];
    for (const [flag, code] of FLAG_CODES) if (this.flags & flag) parts.push(code);
    if (this.underline === 1) parts.push('4');
    else if (this.underline > 1) parts.push(`4:${this.underline}`);
    if (this.fg !== DEFAULT_COLOR) parts.push(colorParams(this.fg, 30));
    if (this.bg !== DEFAULT_COLOR) parts.push(colorParams(this.bg, 40));
    if (this.underlineColor !== DEFAULT_COLOR) parts.push(colorParams(this.underlineColor, 50));
    return parts.join(';');
  }

  /** One sequence that sets exactly this state from any other: reset, then the attributes. */
  toSequence(): string {
    const params = this.toParams();
    return params ? `\x1b[0;${params}m` : '\x1b[0m';
  }
}
