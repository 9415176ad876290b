// One tab's xterm, kept alive while the tab exists (hidden tabs keep their screen and scrollback,
// so switching is instant). Owns the addons: fit, search, links, unicode 11 and the renderer
// (WebGL with a DOM fallback; hidden tabs give their WebGL context back).
import { FitAddon } from '@xterm/addon-fit';
import type { LigaturesAddon } from '@xterm/addon-ligatures';
import { type ISearchOptions, SearchAddon } from '@xterm/addon-search';
import { Unicode11Addon } from '@xterm/addon-unicode11';
import { WebLinksAddon } from '@xterm/addon-web-links';
import { WebglAddon } from '@xterm/addon-webgl';
import { type IBufferRange, type ILink, type ITheme, Terminal } from '@xterm/xterm';
import { PathLimits, SessionLimits } from '../../shared/limits';
import type { Settings } from '../../shared/settings';
import type { Platform } from '../keys/platform';
import { findPaths } from './file-paths';
import { hasLinkModifier, hyperlinkAction, shouldOpenLink } from './links';
import { parseOsc52 } from './osc52';
import { PaintGate } from './paint-gate';
import { cleanPaste, type PasteReview, type PasteRules, reviewPaste } from './paste-guard';
import { type PointerHabits, rightClickEffect } from './pointer-habits';
import { chooseRenderer, type RendererKind } from './renderer-choice';
import { searchColours } from './themes';
import { probeWebgl } from './webgl-probe';

export interface Appearance {
  fontFamily: string;
  fontSize: number;
  fontWeight: Settings['fontWeight'];
  fontWeightBold: Settings['fontWeightBold'];
  lineHeight: number;
  theme: ITheme;
  /** The scheme is light (search colours follow it). */
  light: boolean;
  cursorStyle: Settings['cursorStyle'];
  cursorBlink: boolean;
  scrollback: number;
  renderer: Settings['renderer'];
  ligatures: boolean;
  /** `screenReaderMode` with 'auto' already decided (screen-reader.ts). */
  screenReader: boolean;
}

function sameTheme(a: ITheme, b: ITheme): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Clipboard and mouse habits (from the settings), read at the moment they apply. */
export interface TerminalBehaviour {
  habits: PointerHabits;
  paste: PasteRules;
  osc52: Settings['osc52'];
}

export interface TerminalSize {
  cols: number;
  rows: number;
}

export interface SearchResults {
  index: number;
  count: number;
}

export interface TerminalViewOptions {
  tabId: string;
  appearance: Appearance;
  platform: Platform;
  /** Keystrokes, pastes and terminal replies, to send to the session. */
  onData(data: string): void;
  /** The fitted size changed. */
  onResize(size: TerminalSize): void;
  openLink(url: string): void;
  /** A file path in the output was modifier-clicked: the main side resolves, checks and opens it. */
  openPath(path: string): void;
  /** An OSC 8 link whose text is not its target: may it open? */
  confirmLink(shown: string, target: string): Promise<boolean>;
  /** False keeps a key from xterm (an app shortcut); see keys/key-handler.ts. */
  keyFilter(event: KeyboardEvent): boolean;
  onSearchResults(results: SearchResults): void;
  onPointerDown(): void;
  behaviour(): TerminalBehaviour;
  /** Pasted text that needs a yes first (several lines, or large): may it go? */
  confirmPaste(review: PasteReview): Promise<boolean>;
  copy(text: string): void;
  /** A right-click paste: the clipboard's text comes back through paste() (or a paste event). */
  pasteFromClipboard(): void;
  /** A program wrote the clipboard with OSC 52 (never while a replay is parsed). */
  writeClipboard(text: string): void;
  /** Whether output now being parsed is a replay (what it asks for was asked long ago). */
  replaying(): boolean;
  /** What dropping these files types (quoted paths, or names where there is no path). */
  dropText(files: readonly File[]): string;
  /**
   * The size of the box the terminal fills as last observed (a ResizeObserver), without forcing a
   * layout; null while unknown.
   */
  boxSize(): string | null;
}

const DEFAULT_SIZE: TerminalSize = { cols: 80, rows: 24 };

function clampSize(size: TerminalSize): TerminalSize {
  return {
    cols: Math.min(SessionLimits.maxCols, Math.max(SessionLimits.minCols, Math.floor(size.cols))),
    rows: Math.min(SessionLimits.maxRows, Math.max(SessionLimits.minRows, Math.floor(size.rows))),
  };
}

/**
 * A frame callback runs after xterm's own (it asked first), so `then` runs once that frame is drawn. Only a
 * hidden page (where frames stop) is not waited for: a timer instead would let a slow frame on a loaded
 * machine be skipped, and the screen painted before it never shown.
 */
function afterNextFrame(then: () => void): void {
  if (document.visibilityState === 'hidden') {
    setTimeout(then, 0);
    return;
  }
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    document.removeEventListener('visibilitychange', onHidden);
    then();
  };
  const onHidden = () => {
    if (document.visibilityState === 'hidden') once();
  };
  document.addEventListener('visibilitychange', onHidden);
  requestAnimationFrame(once);
}

export class TerminalView {
  readonly element: HTMLDivElement;
  private readonly term: Terminal;
  private readonly fitAddon = new FitAddon();
  private readonly searchAddon = new SearchAddon({ highlightLimit: 1000 });
  private webgl: WebglAddon | null = null;
  private ligatures: LigaturesAddon | null = null;
  private ligaturesLoading = false;
  private disposed = false;
  /** WebGL failed or lost its context here once: this tab stays on the DOM renderer. */
  private webglFailed = false;
  private opened = false;
  private shown = false;
  private everWritten = false;
  private appearance: Appearance;
  private linkTip: HTMLDivElement | null = null;
  /** The box size this terminal was last fitted to (null: fit on the next show). */
  private fittedBox: string | null = null;
  /** Something changed the screen while it was hidden (xterm does not paint hidden terminals). */
  private changedWhileHidden = false;
  /** Holds writes behind a paint barrier (replay-pieces.ts). */
  private readonly gate = new PaintGate({
    parsed: (then) => this.term.write('', then),
    frame: afterNextFrame,
  });
  /** Listeners outside the view's own elements, removed with it. */
  private readonly disposers: Array<() => void> = [];

  constructor(private readonly options: TerminalViewOptions) {
    this.appearance = options.appearance;
    this.element = document.createElement('div');
    this.element.className = 'terminal-view';
    this.element.dataset.tabId = options.tabId;
    this.element.hidden = true;
    this.term = new Terminal({
      ...DEFAULT_SIZE,
      // Needed by the unicode 11 addon and by search decorations (result counts).
      allowProposedApi: true,
      fontFamily: options.appearance.fontFamily,
      fontSize: options.appearance.fontSize,
      fontWeight: options.appearance.fontWeight,
      fontWeightBold: options.appearance.fontWeightBold,
      lineHeight: options.appearance.lineHeight,
      scrollback: options.appearance.scrollback,
      theme: options.appearance.theme,
      cursorStyle: options.appearance.cursorStyle,
      cursorBlink: options.appearance.cursorBlink,
      screenReaderMode: options.appearance.screenReader,
      macOptionIsMeta: options.platform === 'mac',
      // Security (ANCHORS: reply injection): every window-manipulation report stays off, so a
      // program cannot make the terminal type a title or sizes back into the shell. OSC 52 has a
      // handler of ours (installClipboardHabits) that never answers a clipboard read.
      windowOptions: {},
      // OSC 8 hyperlinks follow the same rule as detected URLs (http(s) only, modifier-click only);
      // their text is the program's to choose, so the target shows on hover and a link whose text
      // says something else is confirmed first.
      linkHandler: {
        activate: (event, target, range) => void this.activateHyperlink(event, target, range),
        hover: (event, target) => this.showLinkTarget(event, target),
        leave: () => this.hideLinkTarget(),
        allowNonHttpProtocols: false,
      },
    });
    this.term.loadAddon(this.fitAddon);
    this.term.loadAddon(this.searchAddon);
    this.term.loadAddon(new Unicode11Addon());
    this.term.unicode.activeVersion = '11';
    this.term.loadAddon(new WebLinksAddon((event, uri) => this.activateLink(event, uri)));
    this.term.registerLinkProvider({ provideLinks: (y, callback) => callback(this.pathLinks(y)) });
    this.term.attachCustomKeyEventHandler((event) => options.keyFilter(event));
    this.term.onData((data) => options.onData(data));
    this.term.onBinary((data) => options.onData(data));
    this.searchAddon.onDidChangeResults((event) =>
      options.onSearchResults({ index: event.resultIndex, count: event.resultCount }),
    );
    this.element.addEventListener('mousedown', () => options.onPointerDown());
    this.installClipboardHabits();
  }

  get size(): TerminalSize {
    return { cols: this.term.cols, rows: this.term.rows };
  }

  /** Whether anything was ever written here (old text worth keeping above a restart marker). */
  get hasContent(): boolean {
    return this.everWritten;
  }

  /** Shows the view (opening xterm the first time: it measures its font only when visible). */
  show(): void {
    this.shown = true;
    this.element.hidden = false;
    if (!this.opened) {
      this.term.open(this.element);
      this.opened = true;
      this.applyLigatures();
    }
    this.applyRenderer();
    // Measuring forces a synchronous layout in the middle of the switch; a terminal already fitted
    // to this box keeps its size (a change of box is caught by the app's ResizeObserver anyway).
    const box = this.options.boxSize();
    if (box === null || box !== this.fittedBox) this.fit();
    // xterm repaints a terminal that changed while hidden once it notices it is visible, a frame
    // late; repaint now instead. Rows that did not change are left alone: rebuilding them would
    // cost the switch a second style pass.
    if (this.changedWhileHidden) this.term.refresh(0, this.term.rows - 1);
    this.changedWhileHidden = false;
  }

  hide(): void {
    this.shown = false;
    this.element.hidden = true;
    // Chromium allows 16 WebGL contexts per page; a hidden tab does not need one.
    this.disposeWebgl();
  }

  /** Fits the terminal to its box; reports a changed size through onResize. */
  fit(): void {
    if (!this.shown || !this.opened) return;
    const proposed = this.fitAddon.proposeDimensions();
    if (!proposed || !Number.isFinite(proposed.cols) || !Number.isFinite(proposed.rows)) return;
    this.fittedBox = this.options.boxSize();
    const size = clampSize(proposed);
    if (size.cols === this.term.cols && size.rows === this.term.rows) return;
    this.term.resize(size.cols, size.rows);
    this.options.onResize(size);
  }

  write(data: string, onParsed: () => void): void {
    this.gate.run(() => {
      if (data.length > 0) this.everWritten = true;
      this.term.write(data, () => {
        this.screenChanged();
        onParsed();
      });
    });
  }

  /** Writes a note of Tabterm's own (markers), not counted as session output. */
  writeNote(text: string): void {
    this.gate.run(() => {
      this.everWritten = true;
      this.term.write(text, () => this.screenChanged());
    });
  }

  /**
   * Clears screen, scrollback and modes before a faithful replay. In the write stream: output handed
   * over before it is parsed before the reset, not on top of the replay after it.
   */
  reset(): void {
    this.gate.run(() =>
      this.term.write('', () => {
        this.term.reset();
        this.screenChanged();
      }),
    );
  }

  paintBarrier(): void {
    this.gate.close();
  }

  focus(): void {
    this.term.focus();
  }

  hasFocus(): boolean {
    return this.term.textarea !== undefined && document.activeElement === this.term.textarea;
  }

  selection(): string {
    return this.term.getSelection();
  }

  /**
   * Pastes as typed input (bracketed when the program asked for it), after a confirmation when the
   * text has several lines or is large. Every paste (command, keys, right-click, middle-click) comes here.
   */
  async paste(text: string): Promise<boolean> {
    if (text === '') return false;
    const review = reviewPaste(text, this.options.behaviour().paste);
    if (review !== null && !(await this.options.confirmPaste(review))) return false;
    this.term.paste(cleanPaste(text));
    return true;
  }

  clear(): void {
    this.term.clear();
    this.screenChanged();
  }

  findNext(query: string, options: ISearchOptions = {}): boolean {
    return this.searchAddon.findNext(query, this.searchOptions(options));
  }

  findPrevious(query: string, options: ISearchOptions = {}): boolean {
    return this.searchAddon.findPrevious(query, this.searchOptions(options));
  }

  clearSearch(): void {
    this.searchAddon.clearDecorations();
  }

  setAppearance(appearance: Appearance): void {
    const before = this.appearance;
    this.appearance = appearance;
    const options = this.term.options;
    if (before.fontFamily !== appearance.fontFamily) options.fontFamily = appearance.fontFamily;
    if (before.fontSize !== appearance.fontSize) options.fontSize = appearance.fontSize;
    if (before.fontWeight !== appearance.fontWeight) options.fontWeight = appearance.fontWeight;
    if (before.fontWeightBold !== appearance.fontWeightBold)
      options.fontWeightBold = appearance.fontWeightBold;
    if (before.lineHeight !== appearance.lineHeight) options.lineHeight = appearance.lineHeight;
    if (before.scrollback !== appearance.scrollback) options.scrollback = appearance.scrollback;
    if (!sameTheme(before.theme, appearance.theme)) options.theme = appearance.theme;
    if (before.cursorStyle !== appearance.cursorStyle) options.cursorStyle = appearance.cursorStyle;
    if (before.cursorBlink !== appearance.cursorBlink) options.cursorBlink = appearance.cursorBlink;
    if (before.screenReader !== appearance.screenReader) options.screenReaderMode = appearance.screenReader;
    if (before.ligatures !== appearance.ligatures) this.applyLigatures();
    if (before.renderer !== appearance.renderer) this.webglFailed = false;
    // Another font or size changes the cells: the next show measures again.
    this.fittedBox = null;
    this.screenChanged();
    if (this.shown) {
      this.applyRenderer();
      this.fit();
    }
  }

  /** Parsed output (or a reset, a clear, new colours) changed the screen; noted if nobody saw it. */
  private screenChanged(): void {
    if (!this.shown) this.changedWhileHidden = true;
  }

  dispose(): void {
    this.disposed = true;
    for (const dispose of this.disposers.splice(0)) dispose();
    this.disposeWebgl();
    this.ligatures?.dispose();
    this.term.dispose();
    this.element.remove();
  }

  private installClipboardHabits(): void {
    // Capture phase on the view's own box: the browser's native paste (the platform's paste keys,
    // middle-click on Linux) reaches xterm's textarea only through here, so it is checked too.
    this.element.addEventListener(
      'paste',
      (event) => {
        event.preventDefault();
        event.stopPropagation();
        const text = event.clipboardData?.getData('text/plain') ?? '';
        void this.paste(text);
      },
      { capture: true },
    );
    this.element.addEventListener(
      'contextmenu',
      (event) => {
        const effect = rightClickEffect(
          this.options.behaviour().habits.rightClickAction,
          this.term.hasSelection(),
        );
        // 'menu' leaves the event alone: xterm readies its textarea and the usual context menu opens.
        if (effect === 'menu') return;
        event.preventDefault();
        event.stopPropagation();
        if (effect === 'copy') {
          this.options.copy(this.term.getSelection());
          this.term.clearSelection();
          return;
        }
        // Focus first: the desktop app pastes natively, into the focused element.
        this.focus();
        this.options.pasteFromClipboard();
      },
      { capture: true },
    );
    // A drag changes the selection at every step: copy once, when the button comes up. Selections
    // made otherwise (double-click's second press included, select-all) are copied as they change.
    let dragging = false;
    const copySelection = () => {
      if (this.options.behaviour().habits.copyOnSelect && this.term.hasSelection())
        this.options.copy(this.term.getSelection());
    };
    this.element.addEventListener('mousedown', (event) => {
      if (event.button === 0) dragging = true;
    });
    const onMouseUp = () => {
      if (!dragging) return;
      dragging = false;
      copySelection();
    };
    // On the window: the button may come up outside the terminal.
    window.addEventListener('mouseup', onMouseUp);
    this.disposers.push(() => window.removeEventListener('mouseup', onMouseUp));
    this.term.onSelectionChange(() => {
      if (!dragging) copySelection();
    });
    this.term.parser.registerOscHandler(52, (data) => {
      // Handled either way, so nothing else answers: a read request gets no reply at all.
      if (this.options.behaviour().osc52 === 'off' || this.options.replaying()) return true;
      const request = parseOsc52(data);
      if (request.kind === 'write') this.options.writeClipboard(request.text);
      return true;
    });
    this.element.addEventListener('dragover', (event) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    });
    this.element.addEventListener('drop', (event) => {
      const files = event.dataTransfer?.files;
      if (!files || files.length === 0) return;
      event.preventDefault();
      const text = this.options.dropText([...files]);
      if (text === '') return;
      // Pasted (bracketed where the program asked), through the same check: a POSIX file name may
      // hold a line break.
      void this.paste(text);
      this.focus();
    });
  }

  private activateLink(event: MouseEvent, uri: string): void {
    if (shouldOpenLink(event, uri, this.options.platform)) this.options.openLink(uri);
  }

  /** File paths on buffer line `y` (1-based) as links; a modifier-click opens them, like web links. */
  private pathLinks(y: number): ILink[] | undefined {
    const line = this.term.buffer.active.getLine(y - 1);
    if (!line) return undefined;
    // Offsets in the text, mapped back to cells (a wide character takes two, its second is empty).
    let text = '';
    const columns: number[] = [];
    for (let x = 0; x < line.length; x++) {
      const cell = line.getCell(x);
      if (!cell || cell.getWidth() === 0) continue;
      const chars = cell.getChars() || ' ';
      for (let i = 0; i < chars.length; i++) columns.push(x);
      text += chars;
    }
    const links = findPaths(text).flatMap((found): ILink[] => {
      const first = columns[found.start];
      const last = columns[found.end - 1];
      if (first === undefined || last === undefined || found.path.length > PathLimits.maxChars) return [];
      return [
        {
          range: { start: { x: first + 1, y }, end: { x: last + 1, y } },
          text: text.slice(found.start, found.end),
          activate: (event) => {
            if (hasLinkModifier(event, this.options.platform)) this.options.openPath(found.path);
          },
          hover: (event) => this.showLinkTarget(event, found.path),
          leave: () => this.hideLinkTarget(),
        },
      ];
    });
    return links.length > 0 ? links : undefined;
  }

  private async activateHyperlink(event: MouseEvent, target: string, range: IBufferRange): Promise<void> {
    const shown = this.textIn(range);
    const action = hyperlinkAction(event, shown, target, this.options.platform);
    if (action === 'ignore') return;
    if (action === 'confirm' && !(await this.options.confirmLink(shown, target))) return;
    this.options.openLink(target);
  }

  /** The text a link covers (ranges are 1-based, end inclusive, and may run over wrapped lines). */
  private textIn(range: IBufferRange): string {
    const buffer = this.term.buffer.active;
    let text = '';
    for (let y = range.start.y; y <= range.end.y; y++) {
      const from = y === range.start.y ? range.start.x - 1 : 0;
      const to = y === range.end.y ? range.end.x : undefined;
      text += buffer.getLine(y - 1)?.translateToString(true, from, to) ?? '';
    }
    return text;
  }

  private showLinkTarget(event: MouseEvent, target: string): void {
    const host = this.term.element;
    if (!host) return;
    // Below the pointer and transparent to it (pointer-events: none), so it never covers the link.
    this.linkTip ??= Object.assign(document.createElement('div'), { className: 'link-tip' });
    this.linkTip.setAttribute('role', 'tooltip');
    const modifier = this.options.platform === 'mac' ? 'Cmd' : 'Ctrl';
    this.linkTip.textContent = `${target} (${modifier}+click to open)`;
    const box = host.getBoundingClientRect();
    this.linkTip.style.left = `${Math.max(0, event.clientX - box.left)}px`;
    this.linkTip.style.top = `${Math.max(0, event.clientY - box.top + 16)}px`;
    host.append(this.linkTip);
  }

  private hideLinkTarget(): void {
    this.linkTip?.remove();
  }

  private searchOptions(options: ISearchOptions): ISearchOptions {
    const colours = searchColours(this.appearance.light);
    return {
      ...options,
      decorations: {
        ...colours,
        matchOverviewRuler: colours.matchBackground,
        activeMatchColorOverviewRuler: colours.activeMatchBackground,
      },
    };
  }

  /**
   * The ligatures addon needs an opened terminal. It joins a list of common ligatures in any host, and
   * reads the font's own where the page may use the Local Font Access API; a failure leaves plain text.
   * Loaded on first use: its font parser is a third of the page's code, for a setting that is off by default.
   */
  private applyLigatures(): void {
    if (!this.opened) return;
    if (!this.appearance.ligatures) {
      this.ligatures?.dispose();
      this.ligatures = null;
      return;
    }
    if (this.ligatures || this.ligaturesLoading) return;
    this.ligaturesLoading = true;
    import('@xterm/addon-ligatures').then(
      ({ LigaturesAddon }) => {
        this.ligaturesLoading = false;
        // The setting may have been turned off, or the tab closed, while the code loaded.
        if (this.disposed || this.ligatures || !this.appearance.ligatures) return;
        try {
          const addon = new LigaturesAddon();
          this.term.loadAddon(addon);
          this.ligatures = addon;
        } catch (error) {
          console.warn(`[tabterm] ligatures unavailable, drawing plain text: ${String(error)}`);
        }
      },
      (error: unknown) => {
        this.ligaturesLoading = false;
        console.warn(`[tabterm] ligatures unavailable, drawing plain text: ${String(error)}`);
      },
    );
  }

  private applyRenderer(): void {
    const wanted: RendererKind = this.webglFailed
      ? 'dom'
      : chooseRenderer(this.appearance.renderer, probeWebgl());
    if (wanted === 'dom') {
      this.disposeWebgl();
      return;
    }
    if (this.webgl) return;
    try {
      const addon = new WebglAddon();
      addon.onContextLoss(() => {
        // The GPU process reset or too many contexts: fall back for good in this tab.
        this.webglFailed = true;
        this.disposeWebgl();
      });
      this.term.loadAddon(addon);
      this.webgl = addon;
      this.element.dataset.renderer = 'webgl';
    } catch (error) {
      console.warn(`[tabterm] WebGL renderer unavailable, using the DOM renderer: ${String(error)}`);
      this.webglFailed = true;
      this.webgl = null;
    }
  }

  private disposeWebgl(): void {
    const addon = this.webgl;
    this.webgl = null;
    // Which renderer draws this tab, for people debugging and for the end-to-end specs.
    this.element.dataset.renderer = 'dom';
    addon?.dispose();
  }
}
