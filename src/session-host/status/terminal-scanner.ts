// Reads what a session's status needs straight from its output stream, chunk by chunk (a sequence may be
// split anywhere): the title (OSC 0/2), the cwd the shell reports (OSC 7, file://host/path) and the bells
// rung (BEL outside OSC/DCS/SOS/PM/APC strings, where BEL is a terminator or payload, not a bell).
// Only these few states matter here; the replay buffer keeps its own full parser for terminal modes.

const BEL = 0x07;
const ESC = 0x1b;
const CAN = 0x18;
const SUB = 0x1a;
const C1_DCS = 0x90;
const C1_SOS = 0x98;
const C1_ST = 0x9c;
const C1_OSC = 0x9d;
const C1_PM = 0x9e;
const C1_APC = 0x9f;

/** OSC payloads longer than this are not titles or paths anyone wants; the rest is skipped, not stored. */
const MAX_OSC_CHARS = 4096;

/** Characters that can leave the ground state; everything else is skipped in bulk. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal output is made of control characters
const GROUND_STOP = /[\x07\x1b\x90\x98\x9d-\x9f]/g;

type State = 'ground' | 'esc' | 'osc' | 'oscEsc' | 'string' | 'stringEsc';

/** The path of an OSC 7 report (`file://host/path`, percent-encoded), or null if it is not one. */
export function parseOsc7(payload: string): string | null {
  if (!payload.startsWith('file://')) return null;
  try {
    const url = new URL(payload);
    const path = decodeURIComponent(url.pathname);
    return path.startsWith('/') ? path : null;
  } catch {
    return null;
  }
}

export class TerminalScanner {
  bells = 0;
  /** The title set by OSC 0/2; null when none was set or it was set to "". */
  title: string | null = null;
  /** The last directory reported with OSC 7. */
  reportedCwd: string | null = null;
  /** Counts OSC 7 reports, so a caller can tell a fresh report of the same path from no report. */
  cwdReports = 0;

  private state: State = 'ground';
  private osc = '';
  private oscOverflow = false;

  feed(data: string): void {
    let i = 0;
    const length = data.length;
    while (i < length) {
      if (this.state === 'ground') {
        GROUND_STOP.lastIndex = i;
        const hit = GROUND_STOP.exec(data);
        if (!hit) return;
        i = hit.index;
      }
      this.step(data.charCodeAt(i), data, i);
      i++;
    }
  }

  private step(code: number, data: string, index: number): void {
    switch (this.state) {
      case 'ground':
        this.ground(code);
        return;
      case 'esc':
        this.escape(code);
        return;
      case 'osc':
        if (code === BEL || code === C1_ST) this.endOsc();
        else if (code === ESC) this.state = 'oscEsc';
        else if (code === CAN || code === SUB) this.state = 'ground';
        else this.collect(data, index);
        return;
      case 'oscEsc':
        if (code === 0x5c /* \ */) {
          this.endOsc();
          return;
        }
        // ESC followed by anything else aborts the string and starts a new escape sequence.
        this.state = 'esc';
        this.escape(code);
        return;
      case 'string':
        if (code === ESC) this.state = 'stringEsc';
        else if (code === C1_ST || code === CAN || code === SUB) this.state = 'ground';
        return;
      case 'stringEsc':
        if (code === 0x5c) {
          this.state = 'ground';
          return;
        }
        this.state = 'esc';
        this.escape(code);
        return;
    }
  }

  private ground(code: number): void {
    if (code === BEL) this.bells++;
    else if (code === ESC) this.state = 'esc';
    else if (code === C1_OSC) this.startOsc();
    else if (code === C1_DCS || code === C1_SOS || code === C1_PM || code === C1_APC) this.state = 'string';
  }

  private escape(code: number): void {
    switch (code) {
      case 0x5d /* ] */:
        this.startOsc();
        return;
      case 0x50 /* P */:
      case 0x58 /* X */:
      case 0x5e /* ^ */:
      case 0x5f /* _ */:
        this.state = 'string';
        return;
      case ESC:
        return;
      case BEL:
        // C0 controls are executed even inside an escape sequence.
        this.bells++;
        return;
      default:
        // CSI and other sequences carry no BEL payload; their bytes are harmless in the ground state.
        this.state = 'ground';
    }
  }

  private startOsc(): void {
    this.state = 'osc';
    this.osc = '';
    this.oscOverflow = false;
  }

  private collect(data: string, index: number): void {
    if (this.osc.length < MAX_OSC_CHARS) this.osc += data[index];
    else this.oscOverflow = true;
  }

  private endOsc(): void {
    this.state = 'ground';
    if (this.oscOverflow) return;
    const separator = this.osc.indexOf(';');
    const command = separator === -1 ? this.osc : this.osc.slice(0, separator);
    const payload = separator === -1 ? '' : this.osc.slice(separator + 1);
    if (command === '0' || command === '2') {
      this.title = payload === '' ? null : payload;
    } else if (command === '7') {
      const path = parseOsc7(payload);
      if (path !== null) {
        this.reportedCwd = path;
        this.cwdReports++;
      }
    }
  }
}
