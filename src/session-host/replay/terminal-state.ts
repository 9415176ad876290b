// The terminal state a text replay cannot rebuild once the sequence that set it has left the ring: modes, scroll
// regions, graphic rendition, character sets. Each change follows what xterm.js (the renderer) does for the same
// sequence, so a replay lands in the state the user's terminal is in.

import { type CsiParams, ident } from './escape-scanner';
import { SgrState } from './sgr-state';

export type MouseTracking = 'none' | 'x10' | 'vt200' | 'drag' | 'any';
/** As xterm.js applies it: the legacy UTF-8 (1005) and urxvt (1015) encodings change nothing there. */
export type MouseEncoding = 'default' | 'sgr' | 'sgr-pixels';

/** A DECSTBM region as it was written: 1-based rows, `bottom` 0 meaning the last row. */
export interface ScrollRegion {
  readonly top: number;
  readonly bottom: number;
}

/** Modes in force at one point of the output. */
export interface TerminalModes {
  readonly alternateScreen: boolean;
  readonly cursorVisible: boolean;
  readonly bracketedPaste: boolean;
  readonly applicationCursorKeys: boolean;
  readonly applicationKeypad: boolean;
  readonly mouseTracking: MouseTracking;
  readonly mouseEncoding: MouseEncoding;
  readonly focusEvents: boolean;
  readonly originMode: boolean;
  readonly autoWrap: boolean;
  readonly reverseWraparound: boolean;
  readonly insertMode: boolean;
  /** LNM (`CSI 20 h`): LF also returns the carriage. */
  readonly newLineMode: boolean;
  /** Scroll region of the active screen; null when it is the whole screen. */
  readonly scrollRegion: ScrollRegion | null;
  /** DECSCUSR parameter (`CSI n SP q`); 0 is the user's configured cursor. */
  readonly cursorStyle: number;
  /** Canonical SGR parameters in force ('' when default), e.g. `1;38;5;208`. */
  readonly sgr: string;
}

const MOUSE_TRACKING: Readonly<Record<number, MouseTracking>> = {
  9: 'x10',
  1000: 'vt200',
  1002: 'drag',
  1003: 'any',
};
const MOUSE_MODE: Readonly<Record<MouseTracking, number>> = {
  none: 0,
  x10: 9,
  vt200: 1000,
  drag: 1002,
  any: 1003,
};
const ENCODING_MODE: Readonly<Record<MouseEncoding, number>> = { default: 0, sgr: 1006, 'sgr-pixels': 1016 };
/** Character-set designators: ESC <intermediate> <final> designates G0…G3. */
const CHARSET_SLOT: Readonly<Record<string, number>> = { '(': 0, ')': 1, '*': 2, '+': 3, '-': 1, '.': 2 };
/** Final bytes of the character sets xterm.js knows; it ignores designations of any other. */
const KNOWN_CHARSETS = '0AB4C5RQKYE6ZH7=';
/** Sequences invoking G0…G3 into GL. */
const GL_INVOKE = ['\x0f', '\x0e', '\x1bn', '\x1bo'] as const;

const CSI_SET_PRIVATE = ident('?', 'h');
const CSI_RESET_PRIVATE = ident('?', 'l');
const CSI_SET = ident('', 'h');
const CSI_RESET = ident('', 'l');
const CSI_SGR = ident('', 'm');
const CSI_DECSTBM = ident('', 'r');
const CSI_DECSTR = ident('!', 'p');
const CSI_DECSCUSR = ident(' ', 'q');
const CSI_SAVE_CURSOR = ident('', 's');
const CSI_RESTORE_CURSOR = ident('', 'u');

/** What DECSC (ESC 7) keeps that the tracker models: the rendition. */
interface SavedCursor {
  sgr: SgrState;
}

function regionSequence(region: ScrollRegion): string {
  return region.bottom ? `\x1b[${region.top};${region.bottom}r` : `\x1b[${region.top}r`;
}

export class TerminalState {
  /** Which of 47 / 1047 / 1049 switched to the alternate screen; 0 on the normal screen. */
  altVariant = 0;
  cursorHidden = false;
  bracketedPaste = false;
  applicationCursorKeys = false;
  applicationKeypad = false;
  mouseTracking: MouseTracking = 'none';
  mouseEncoding: MouseEncoding = 'default';
  /** xterm's legacy mouse encodings: tracked so a replay sends them on to terminals that honour them. */
  mouseUtf8 = false;
  mouseUrxvt = false;
  focusEvents = false;
  originMode = false;
  autoWrap = true;
  reverseWraparound = false;
  insertMode = false;
  newLineMode = false;
  cursorStyle = 0;
  normalRegion: ScrollRegion | null = null;
  altRegion: ScrollRegion | null = null;
  readonly sgr = new SgrState();
  normalSaved: SavedCursor | null = null;
  altSaved: SavedCursor | null = null;
  /** Designations of G0…G3 as `<intermediate><final>` ('' = default), and which one GL uses. */
  charsets: [string, string, string, string] = ['', '', '', ''];
  glLevel = 0;

  get alternateScreen(): boolean {
    return this.altVariant !== 0;
  }

  clone(): TerminalState {
    const copy = new TerminalState();
    copy.copyFrom(this);
    return copy;
  }

  copyFrom(other: TerminalState): void {
    this.altVariant = other.altVariant;
    this.cursorHidden = other.cursorHidden;
    this.bracketedPaste = other.bracketedPaste;
    this.applicationCursorKeys = other.applicationCursorKeys;
    this.applicationKeypad = other.applicationKeypad;
    this.mouseTracking = other.mouseTracking;
    this.mouseEncoding = other.mouseEncoding;
    this.mouseUtf8 = other.mouseUtf8;
    this.mouseUrxvt = other.mouseUrxvt;
    this.focusEvents = other.focusEvents;
    this.originMode = other.originMode;
    this.autoWrap = other.autoWrap;
    this.reverseWraparound = other.reverseWraparound;
    this.insertMode = other.insertMode;
    this.newLineMode = other.newLineMode;
    this.cursorStyle = other.cursorStyle;
    this.normalRegion = other.normalRegion;
    this.altRegion = other.altRegion;
    this.sgr.copyFrom(other.sgr);
    this.normalSaved = other.normalSaved && { sgr: other.normalSaved.sgr.clone() };
    this.altSaved = other.altSaved && { sgr: other.altSaved.sgr.clone() };
    this.charsets = [...other.charsets];
    this.glLevel = other.glLevel;
  }

  /**
   * RIS (`ESC c`): back to power-on defaults on the normal screen, except what xterm.js keeps across it: cursor
   * visibility and LNM (an option there, not a mode).
   */
  fullReset(): void {
    const { cursorHidden, newLineMode } = this;
    this.copyFrom(new TerminalState());
    this.cursorHidden = cursorHidden;
    this.newLineMode = newLineMode;
  }

  /** DECSTR (`CSI ! p`), as xterm.js does it: mouse modes, LNM and the screen in use are kept. */
  softReset(): void {
    this.cursorHidden = false;
    this.insertMode = false;
    this.applicationCursorKeys = false;
    this.applicationKeypad = false;
    this.bracketedPaste = false;
    this.cursorStyle = 0;
    this.originMode = false;
    this.reverseWraparound = false;
    this.focusEvents = false;
    this.autoWrap = true;
    this.setActiveRegion(null);
    this.sgr.reset();
    this.charsets = ['', '', '', ''];
    this.glLevel = 0;
    this.setActiveSaved(null);
  }

  // --- scanner events ---------------------------------------------------------------------------------------

  execute(code: number): void {
    if (code === 0x0e) this.glLevel = 1;
    else if (code === 0x0f) this.glLevel = 0;
  }

  csi(id: number, params: CsiParams): void {
    switch (id) {
      case CSI_SGR:
        this.sgr.apply(params);
        break;
      case CSI_SET_PRIVATE:
      case CSI_RESET_PRIVATE:
        for (let i = 0; i < params.length; i++)
          this.setPrivateMode(params.values[i]!, id === CSI_SET_PRIVATE);
        break;
      case CSI_SET:
      case CSI_RESET:
        for (let i = 0; i < params.length; i++) {
          const mode = params.values[i];
          if (mode === 4) this.insertMode = id === CSI_SET;
          else if (mode === 20) this.newLineMode = id === CSI_SET;
        }
        break;
      case CSI_DECSTBM:
        this.setScrollRegion(params);
        break;
      case CSI_DECSTR:
        this.softReset();
        break;
      case CSI_DECSCUSR: {
        const style = params.values[0]!;
        if (style >= 0 && style <= 6) this.cursorStyle = style;
        break;
      }
      case CSI_SAVE_CURSOR:
        this.saveCursor();
        break;
      case CSI_RESTORE_CURSOR:
        this.restoreCursor();
        break;
      default:
        break;
    }
  }

  esc(id: number): void {
    const final = String.fromCharCode(id & 0xff);
    const intermediate = id >> 8;
    if (intermediate === 0) {
      this.escFinal(final);
      return;
    }
    const designator = String.fromCharCode(intermediate);
    const slot = CHARSET_SLOT[designator];
    if (slot !== undefined) {
      if (KNOWN_CHARSETS.includes(final)) this.charsets[slot] = final === 'B' ? '' : designator + final;
    } else if (designator === '%' && (final === '@' || final === 'G')) {
      this.glLevel = 0;
      this.charsets[0] = '';
    }
  }

  private escFinal(final: string): void {
    switch (final) {
      case '7':
        this.saveCursor();
        break;
      case '8':
        this.restoreCursor();
        break;
      case '=':
        this.applicationKeypad = true;
        break;
      case '>':
        this.applicationKeypad = false;
        break;
      case 'c':
        this.fullReset();
        break;
      case 'n':
      case '}':
        this.glLevel = 2;
        break;
      case 'o':
      case '|':
        this.glLevel = 3;
        break;
      case '~':
        this.glLevel = 1;
        break;
      default:
        break;
    }
  }

  private setPrivateMode(mode: number, on: boolean): void {
    switch (mode) {
      case 1:
        this.applicationCursorKeys = on;
        break;
      case 2:
        if (on) this.charsets = ['', '', '', ''];
        break;
      case 6:
        this.originMode = on;
        break;
      case 7:
        this.autoWrap = on;
        break;
      case 25:
        this.cursorHidden = !on;
        break;
      case 45:
        this.reverseWraparound = on;
        break;
      case 66:
        this.applicationKeypad = on;
        break;
      case 9:
      case 1000:
      case 1002:
      case 1003:
        this.mouseTracking = on ? (MOUSE_TRACKING[mode] ?? 'none') : 'none';
        break;
      case 1004:
        this.focusEvents = on;
        break;
      case 1005:
        this.mouseUtf8 = on;
        break;
      case 1015:
        this.mouseUrxvt = on;
        break;
      case 1006:
        this.mouseEncoding = on ? 'sgr' : 'default';
        break;
      case 1016:
        this.mouseEncoding = on ? 'sgr-pixels' : 'default';
        break;
      case 1048:
        if (on) this.saveCursor();
        else this.restoreCursor();
        break;
      case 47:
      case 1047:
      case 1049:
        this.switchScreen(mode, on);
        break;
      case 2004:
        this.bracketedPaste = on;
        break;
      default:
        break;
    }
  }

  private switchScreen(variant: number, toAlternate: boolean): void {
    if (toAlternate) {
      if (variant === 1049) this.saveCursor();
      // The alternate screen is cleared whenever it is left, so it always starts with the full screen as region.
      if (!this.altVariant) this.altRegion = null;
      if (!this.altVariant) this.altVariant = variant;
      return;
    }
    if (this.altVariant) {
      this.altVariant = 0;
      this.altRegion = null;
    }
    if (variant === 1049) this.restoreCursor();
  }

  private setScrollRegion(params: CsiParams): void {
    const top = params.values[0] || 1;
    const bottom = params.length < 2 ? 0 : params.values[1]!;
    // A bottom at or above the top is refused by every terminal size; others depend on the size, which the
    // terminal that replays (same size) decides the same way.
    if (bottom !== 0 && bottom <= top) return;
    this.setActiveRegion(top === 1 && bottom === 0 ? null : { top, bottom });
  }

  private setActiveRegion(region: ScrollRegion | null): void {
    if (this.altVariant) this.altRegion = region;
    else this.normalRegion = region;
  }

  private setActiveSaved(saved: SavedCursor | null): void {
    if (this.altVariant) this.altSaved = saved;
    else this.normalSaved = saved;
  }

  private saveCursor(): void {
    this.setActiveSaved({ sgr: this.sgr.clone() });
  }

  private restoreCursor(): void {
    const saved = this.altVariant ? this.altSaved : this.normalSaved;
    if (saved) this.sgr.copyFrom(saved.sgr);
    else this.sgr.reset();
  }

  // --- output -------------------------------------------------------------------------------------------------

  get modes(): TerminalModes {
    return {
      alternateScreen: this.alternateScreen,
      cursorVisible: !this.cursorHidden,
      bracketedPaste: this.bracketedPaste,
      applicationCursorKeys: this.applicationCursorKeys,
      applicationKeypad: this.applicationKeypad,
      mouseTracking: this.mouseTracking,
      mouseEncoding: this.mouseEncoding,
      focusEvents: this.focusEvents,
      originMode: this.originMode,
      autoWrap: this.autoWrap,
      reverseWraparound: this.reverseWraparound,
      insertMode: this.insertMode,
      newLineMode: this.newLineMode,
      scrollRegion: this.altVariant ? this.altRegion : this.normalRegion,
      cursorStyle: this.cursorStyle,
      sgr: this.sgr.toParams(),
    };
  }

  /**
   * Sequences that bring a freshly reset terminal (cursor at home) into this state. Written before text that
   * was produced in this state, the terminal renders that text as the live one did.
   */
  restoreSequence(): string {
    const out: string[] = [];
    // Normal-screen state first: the switch to the alternate screen would otherwise capture the wrong values.
    if (this.normalRegion) out.push(regionSequence(this.normalRegion));
    if (this.altVariant) {
      const savedByEntry = this.altVariant === 1049;
      if (this.normalSaved && !this.normalSaved.sgr.isDefault) {
        out.push(this.normalSaved.sgr.toSequence(), savedByEntry ? '' : '\x1b7');
      }
      out.push(`\x1b[?${this.altVariant}h`);
      if (this.altRegion) out.push(regionSequence(this.altRegion));
      if (this.altSaved && !this.altSaved.sgr.isDefault) out.push(this.altSaved.sgr.toSequence(), '\x1b7');
    } else if (this.normalSaved && !this.normalSaved.sgr.isDefault) {
      out.push(this.normalSaved.sgr.toSequence(), '\x1b7');
    }
    const privateOn: number[] = [];
    const privateOff: number[] = [];
    if (this.applicationCursorKeys) privateOn.push(1);
    if (this.originMode) privateOn.push(6);
    if (!this.autoWrap) privateOff.push(7);
    if (this.cursorHidden) privateOff.push(25);
    if (this.reverseWraparound) privateOn.push(45);
    if (this.mouseTracking !== 'none') privateOn.push(MOUSE_MODE[this.mouseTracking]);
    if (this.mouseUtf8) privateOn.push(1005);
    if (this.mouseUrxvt) privateOn.push(1015);
    if (this.mouseEncoding !== 'default') privateOn.push(ENCODING_MODE[this.mouseEncoding]);
    if (this.focusEvents) privateOn.push(1004);
    if (this.bracketedPaste) privateOn.push(2004);
    if (privateOn.length) out.push(`\x1b[?${privateOn.join(';')}h`);
    if (privateOff.length) out.push(`\x1b[?${privateOff.join(';')}l`);
    if (this.applicationKeypad) out.push('\x1b=');
    if (this.insertMode) out.push('\x1b[4h');
    if (this.newLineMode) out.push('\x1b[20h');
    if (this.cursorStyle) out.push(`\x1b[${this.cursorStyle} q`);
    for (const designation of this.charsets) if (designation) out.push(`\x1b${designation}`);
    if (this.glLevel) out.push(GL_INVOKE[this.glLevel] ?? '');
    // A saved rendition set above for DECSC is still in force: the current one must replace it even if default.
    const savedRenditionSet =
      (this.normalSaved && !this.normalSaved.sgr.isDefault) ||
      (this.altVariant && this.altSaved && !this.altSaved.sgr.isDefault);
    if (savedRenditionSet || !this.sgr.isDefault) out.push(this.sgr.toSequence());
    return out.join('');
  }

  /**
   * Sequences that return a terminal in this state (on the normal screen) to defaults without moving the
   * cursor, so what is written afterwards starts clean where this text ended.
   */
  resetSequence(): string {
    const out: string[] = [];
    if (this.normalRegion || this.originMode) {
      // Both reset sequences home the cursor: save and restore it around them.
      out.push('\x1b7', this.normalRegion ? '\x1b[r' : '', this.originMode ? '\x1b[?6l' : '', '\x1b8');
    }
    const privateOn: number[] = [];
    const privateOff: number[] = [];
    if (this.applicationCursorKeys) privateOff.push(1);
    if (!this.autoWrap) privateOn.push(7);
    if (this.cursorHidden) privateOn.push(25);
    if (this.reverseWraparound) privateOff.push(45);
    if (this.mouseTracking !== 'none') privateOff.push(MOUSE_MODE[this.mouseTracking]);
    if (this.mouseUtf8) privateOff.push(1005);
    if (this.mouseUrxvt) privateOff.push(1015);
    if (this.mouseEncoding !== 'default') privateOff.push(ENCODING_MODE[this.mouseEncoding]);
    if (this.focusEvents) privateOff.push(1004);
    if (this.bracketedPaste) privateOff.push(2004);
    if (privateOn.length) out.push(`\x1b[?${privateOn.join(';')}h`);
    if (privateOff.length) out.push(`\x1b[?${privateOff.join(';')}l`);
    if (this.applicationKeypad) out.push('\x1b>');
    if (this.insertMode) out.push('\x1b[4l');
    if (this.newLineMode) out.push('\x1b[20l');
    if (this.cursorStyle) out.push('\x1b[0 q');
    this.charsets.forEach((designation, slot) => {
      if (designation) out.push(`\x1b${'()*+'[slot]}B`);
    });
    if (this.glLevel) out.push('\x0f');
    out.push('\x1b[0m');
    return out.join('');
  }
}
