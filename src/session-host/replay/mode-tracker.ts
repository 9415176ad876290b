// A terminal state kept current by scanning output: the escape scanner feeds a TerminalState, and listeners
// learn where lines end and where the screen switched, with positions in the scanned text.

import { type CsiParams, EscapeScanner, type ScanHandler, ScanState } from './escape-scanner';
import { TerminalState } from './terminal-state';

export interface TrackerListener {
  /** A line feed executed in ground state at `index`; `extraBytes` is the scanner's byte counter after it. */
  lineEnd?(index: number, extraBytes: number): void;
  /** The active screen changed by the sequence that began at `sequenceStart` (-1: in an earlier text). */
  screenSwitch?(toAlternate: boolean, sequenceStart: number, index: number): void;
}

export class ModeTracker implements ScanHandler {
  readonly scanner: EscapeScanner;

  constructor(
    readonly state: TerminalState = new TerminalState(),
    private readonly listener: TrackerListener = {},
  ) {
    this.scanner = new EscapeScanner(this);
  }

  feed(text: string, start = 0, end = text.length): void {
    this.scanner.scan(text, start, end);
  }

  /** True between sequences: a cut here leaves no sequence half on either side. */
  get isGround(): boolean {
    return this.scanner.isGround;
  }

  /** An independent copy of state and scanner position, reporting to `listener`. */
  clone(listener: TrackerListener = {}): ModeTracker {
    const copy = new ModeTracker(this.state.clone(), listener);
    copy.scanner.copyFrom(this.scanner);
    return copy;
  }

  execute(code: number, index: number, state: ScanState): void {
    this.state.execute(code);
    if (code === 0x0a && state === ScanState.Ground) this.listener.lineEnd?.(index, this.scanner.extraBytes);
  }

  csi(id: number, params: CsiParams, index: number): void {
    const wasAlternate = this.state.alternateScreen;
    this.state.csi(id, params);
    this.reportSwitch(wasAlternate, index);
  }

  esc(id: number, index: number): void {
    const wasAlternate = this.state.alternateScreen;
    this.state.esc(id);
    this.reportSwitch(wasAlternate, index);
  }

  private reportSwitch(wasAlternate: boolean, index: number): void {
    if (wasAlternate !== this.state.alternateScreen) {
      this.listener.screenSwitch?.(this.state.alternateScreen, this.scanner.sequenceStart, index);
    }
  }
}
