// Wires the window together: bridge → store and session controller → views; keys and menus →
// commands → layout actions → bridge. Rendering is a plain function of the store's state.
import type { ServerMessage } from '../shared/protocol';
import type { Settings } from '../shared/settings';
import { registerAppCommands } from './app-commands';
import type { PickedBridge } from './bridge/pick-bridge';
import { CommandRegistry } from './commands';
import { formatAccelerator } from './keys/accelerator';
import { installKeyHandler, type KeyHandler } from './keys/key-handler';
import { acceleratorsFor, buildKeymap, type Keymap } from './keys/keymap';
import { detectOs, type Os, type Platform } from './keys/platform';
import { LayoutActions } from './layout-actions';
import { type PaletteItem, paletteItems } from './palette/palette-items';
import { shownWorkspace, tabsOf, visibleTabId } from './state/selectors';
import { Store } from './state/store';
import { describeTab, describeWorkspace, profileOf, tabTitle } from './state/tab-model';
import { initialUiState, reduce, type UiEvent, type UiState } from './state/ui-state';
import { copyText, readText } from './terminal/clipboard';
import { pasteQuestion } from './terminal/paste-guard';
import { pointerHabits } from './terminal/pointer-habits';
import { installedProbe } from './terminal/probe';
import { screenReaderOn } from './terminal/screen-reader';
import { SessionController } from './terminal/session-controller';
import { dropText, shellKindOf } from './terminal/shell-quote';
import { type Appearance, type TerminalBehaviour, TerminalView } from './terminal/terminal-view';
import { chromeVariables, resolveScheme, terminalTheme } from './terminal/themes';
import { Banners } from './views/banners';
import { confirmDialog } from './views/confirm-dialog';
import { closeContextMenu, openContextMenu } from './views/context-menu';
import { el, isModalOpen, isTextField, setText } from './views/dom';
import { FilePicker } from './views/file-picker';
import { FindBar } from './views/find-bar';
import { openPalette } from './views/palette';
import { openSettingsDialog, type SettingsDialog } from './views/settings-dialog';
import { Sidebar } from './views/sidebar';
import { TabStrip, TERMINAL_PANEL_ID, tabElementId } from './views/tab-strip';
import { withWorkspaceParam } from './window-location';

const MIN_FONT = 6;
const MAX_FONT = 72;

export class App {
  private readonly store: Store<UiState, UiEvent>;
  private readonly registry = new CommandRegistry();
  private readonly actions: LayoutActions;
  private readonly controller: SessionController<TerminalView>;
  private readonly keyHandler: KeyHandler;
  private readonly sidebar: Sidebar;
  private readonly strip: TabStrip;
  private readonly banners: Banners;
  private readonly findBar: FindBar;
  private readonly schemePicker: FilePicker;
  private settingsDialog: SettingsDialog | null = null;
  private readonly appRoot: HTMLElement;
  private readonly terminalHost: HTMLDivElement;
  /** The terminal host's size as the ResizeObserver last reported it. */
  private terminalBox: string | null = null;
  private readonly panel: HTMLDivElement;
  private readonly emptyNote: HTMLDivElement;
  private keymap: Keymap;
  private appliedSettings: Settings | null = null;
  private zoomSteps = 0;
  private appearance: Appearance;
  /** Set by keyboard navigation in a tab list: the next shown tab must not take focus from it. */
  private keepFocusInLists = false;
  private fitFrame = 0;
  private reportedWorkspace: string | null = null;
  /** What the desktop app says of the OS's screen reader; null where nobody can tell (browser host). */
  private osScreenReader: boolean | null = null;
  private readonly os: Os = detectOs(navigator);
  /** Each tab's shell as its session reported it (terminal_ready), for quoting dropped paths. */
  private readonly shells = new Map<string, string>();

  constructor(
    root: HTMLElement,
    private readonly picked: PickedBridge,
    private readonly platform: Platform,
    initialSettings: Settings,
    /** The workspace this window was opened to show (`?workspace=`); null: the hub's last active one. */
    initialWorkspaceId: string | null = null,
  ) {
    const { bridge } = picked;
    this.store = new Store(initialUiState(initialSettings, initialWorkspaceId), reduce);
    this.keymap = buildKeymap(platform, initialSettings.keybindings).keymap;
    this.appearance = this.appearanceFor(initialSettings);
    this.actions = new LayoutActions(
      bridge,
      () => this.store.get(),
      () => this.focusTerminal(),
      (event) => this.store.dispatch(event),
    );

    this.keyHandler = installKeyHandler({
      keymap: () => this.keymap,
      commands: this.registry,
      platform,
      terminalFocused: () => this.controller.visibleView()?.hasFocus() ?? false,
    });
    this.controller = new SessionController<TerminalView>({
      bridge,
      createView: (tabId) => this.createView(tabId),
      mountView: (view) => this.terminalHost.append(view.element),
      onOutput: (tabId) => this.store.dispatch({ kind: 'output', tabId }),
      onShown: (_tabId, view) => this.onShown(view),
      probe: installedProbe(),
    });

    const shortcut = (id: Parameters<typeof acceleratorsFor>[1]) => {
      const key = acceleratorsFor(this.keymap, id)[0];
      return key ? formatAccelerator(key, platform) : 'no key';
    };
    this.sidebar = new Sidebar({
      activate: (id, via) => {
        this.keepFocusInLists = via === 'keyboard';
        this.actions.activateWorkspace(id);
      },
      create: () => this.actions.createWorkspace(),
      rename: (id, name) => this.actions.renameWorkspace(id, name),
      remove: (id) => void this.actions.deleteWorkspace(id),
      move: (id, index) => this.actions.moveWorkspace(id, index),
      moveTabTo: (tabId, workspaceId) => this.actions.moveTab(tabId, workspaceId),
      contextMenu: (id, position) => this.workspaceMenu(id, position),
    });
    this.strip = new TabStrip(
      {
        activate: (id, via) => {
          this.keepFocusInLists = via === 'keyboard';
          this.actions.activateTab(id);
        },
        reselect: (id) => {
          this.controller.activate(id, 'retry');
          this.focusTerminal();
        },
        close: (id) => void this.actions.closeTab(id),
        rename: (id, name) => this.actions.renameTab(id, name),
        move: (id, workspaceId, index) => this.actions.moveTab(id, workspaceId, index),
        create: () => {
          this.keepFocusInLists = false;
          this.actions.newTab();
        },
        profileMenu: (position) => this.profileMenu(position),
        contextMenu: (id, position) => this.tabMenu(id, position),
      },
      { newTab: shortcut('tab.new'), closeTab: shortcut('tab.close') },
    );
    this.banners = new Banners({
      dismiss: (id) => this.store.dispatch({ kind: 'dismiss', id }),
      restartHost: () => this.actions.restartHost(),
    });
    this.findBar = new FindBar(() => this.controller.visibleView());
    this.schemePicker = new FilePicker(
      'Colour scheme file (Windows Terminal JSON or iTerm2 .itermcolors)',
      '.json,.jsonc,.itermcolors,application/json',
      (name, text) => this.importScheme(name, text),
      (message) => this.store.dispatch({ kind: 'notice', level: 'error', code: 'scheme_import', message }),
    );
    this.terminalHost = el('div', { class: 'terminal-host' });
    this.emptyNote = el('div', { class: 'empty-note' });
    this.panel = el(
      'div',
      { role: 'tabpanel', id: TERMINAL_PANEL_ID, class: 'terminal-panel' },
      this.findBar.element,
      this.terminalHost,
      this.emptyNote,
    );
    this.appRoot = el(
      'div',
      { class: 'app' },
      this.sidebar.element,
      // Banners float over the panel (app.css): they never move the strip or resize the terminal.
      el('main', { class: 'main' }, this.strip.element, this.panel, this.banners.element),
      this.schemePicker.element,
    );
    root.replaceChildren(this.appRoot);

    registerAppCommands(this.registry, {
      actions: this.actions,
      host: picked.kind,
      connected: () => this.store.get().connection === 'open',
      visibleView: () => this.controller.visibleView(),
      renameVisibleTab: () => {
        const tabId = this.actions.visibleTab();
        if (tabId) this.strip.rename(tabId);
      },
      openFind: () => this.findBar.open(),
      zoom: (step) => this.zoom(step),
      importScheme: () => this.schemePicker.open(),
      openSettings: () => this.openSettings(),
      focusTerminalNext: () => {
        this.keepFocusInLists = false;
      },
      notify: (message) =>
        this.store.dispatch({ kind: 'notice', level: 'warning', code: 'clipboard', message }),
      openPalette: () => this.openPalette(),
      ...(bridge.openWindow ? { openWindow: bridge.openWindow.bind(bridge) } : {}),
    });

    new ResizeObserver((entries) => {
      const box = entries.at(-1)?.contentRect;
      this.terminalBox = box ? `${box.width}x${box.height}` : null;
      this.scheduleFit();
    }).observe(this.terminalHost);
    this.store.subscribe((state) => this.render(state));
    bridge.onConnection((state) => {
      this.controller.onConnection(state);
      this.store.dispatch({ kind: 'connection', state });
    });
    bridge.onMessage((message) => this.receive(message));
    picked.commands?.onCommand((id) => this.registry.run(id));
    bridge.onAccessibilitySupport?.((enabled) => {
      if (typeof enabled !== 'boolean' || enabled === this.osScreenReader) return;
      this.osScreenReader = enabled;
      this.setAppearance(this.appearanceFor(this.store.get().settings));
    });
    this.render(this.store.get());
  }

  private receive(message: ServerMessage): void {
    this.controller.handleMessage(message);
    if (message.type === 'terminal_error' && message.code === 'invalid_setting')
      this.settingsDialog?.showError(message.message);
    if (message.type === 'terminal_ready') this.shells.set(message.tabId, message.shell);
    // Output is the session controller's business; the store hears about it as `output` events.
    if (message.type === 'terminal_output' || message.type === 'terminal_replay') return;
    this.store.dispatch({ kind: 'server', message, now: Date.now() });
  }

  private render(state: UiState): void {
    if (state.settings !== this.appliedSettings) this.applySettings(state.settings);
    const { layout, connection } = state;
    const workspace = shownWorkspace(layout, state.shownWorkspaceId);
    if (layout && (workspace?.id ?? null) !== this.reportedWorkspace) {
      this.reportedWorkspace = workspace?.id ?? null;
      this.picked.bridge.reportWorkspace?.(this.reportedWorkspace);
      this.keepWorkspaceInAddress(this.reportedWorkspace);
    }
    this.sidebar.update(
      layout ? layout.workspaces.map((w) => describeWorkspace(layout, w, state.tabs)) : [],
      workspace?.id ?? null,
    );
    const tabs = layout && workspace ? tabsOf(layout, workspace) : [];
    this.strip.update(
      workspace,
      tabs.map((tab) => describeTab(tab, state.tabs[tab.id], connection, profileOf(tab, state.profiles))),
    );
    this.banners.update(state.notices, state.host, connection);
    const visible = visibleTabId(layout, state.shownWorkspaceId);
    this.controller.sync(layout, connection, visible);
    if (visible) this.panel.setAttribute('aria-labelledby', tabElementId(visible));
    else this.panel.removeAttribute('aria-labelledby');
    this.emptyNote.hidden = layout === null || visible !== null;
    if (!this.emptyNote.hidden) {
      const key = acceleratorsFor(this.keymap, 'tab.new')[0];
      const how = key ? `Press ${formatAccelerator(key, this.platform)} or use` : 'Use';
      setText(this.emptyNote, `This workspace has no tabs. ${how} the + button to open one.`);
    }
    const shown = visible ? layout?.tabs[visible] : undefined;
    document.title = shown ? `${tabTitle(shown)} — Tabterm` : 'Tabterm';
  }

  /** A reload (or Electron's reload after a crash) comes back to the workspace this window shows. */
  private keepWorkspaceInAddress(workspaceId: string | null): void {
    try {
      const next = withWorkspaceParam(window.location.href, workspaceId);
      if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
    } catch (error) {
      console.warn(`[tabterm] could not note the workspace in the address: ${String(error)}`);
    }
  }

  private applySettings(settings: Settings): void {
    const previous = this.appliedSettings;
    this.appliedSettings = settings;
    this.settingsDialog?.update(settings, this.store.get().settingsPath);
    this.applyChrome(settings);
    if (!previous || previous.keybindings !== settings.keybindings) {
      const { keymap, problems } = buildKeymap(this.platform, settings.keybindings);
      this.keymap = keymap;
      for (const message of problems)
        this.store.dispatch({ kind: 'notice', level: 'warning', code: 'keybinding', message });
    }
    if (previous && previous.fontSize !== settings.fontSize) this.zoomSteps = 0;
    this.setAppearance(this.appearanceFor(settings));
  }

  /** The window follows the scheme: app.css reads these variables, and data-theme picks notice colours. */
  private applyChrome(settings: Settings): void {
    const resolved = resolveScheme(settings);
    const html = document.documentElement;
    html.dataset.theme = resolved.light ? 'light' : 'dark';
    html.dataset.scheme = resolved.scheme.name;
    html.style.colorScheme = resolved.light ? 'light' : 'dark';
    for (const [name, value] of Object.entries(chromeVariables(resolved)))
      html.style.setProperty(name, value);
  }

  private appearanceFor(settings: Settings): Appearance {
    const resolved = resolveScheme(settings);
    return {
      fontFamily: settings.fontFamily,
      fontSize: Math.min(MAX_FONT, Math.max(MIN_FONT, settings.fontSize + this.zoomSteps)),
      fontWeight: settings.fontWeight,
      fontWeightBold: settings.fontWeightBold,
      lineHeight: settings.lineHeight,
      theme: terminalTheme(resolved),
      light: resolved.light,
      cursorStyle: settings.cursorStyle,
      cursorBlink: settings.cursorBlink,
      scrollback: settings.scrollbackLines,
      renderer: settings.renderer,
      ligatures: settings.ligatures,
      screenReader: screenReaderOn(settings.screenReaderMode, this.osScreenReader),
    };
  }

  private setAppearance(appearance: Appearance): void {
    this.appearance = appearance;
    for (const view of this.controller.allViews()) view.setAppearance(appearance);
  }

  private openSettings(): void {
    if (this.settingsDialog) return this.settingsDialog.focus();
    const { settings, settingsPath } = this.store.get();
    const { bridge } = this.picked;
    this.settingsDialog = openSettingsDialog({
      settings,
      settingsPath,
      save: (change) => bridge.send({ type: 'settings_update', changes: [change] }),
      importScheme: () => this.schemePicker.open(),
      picker: this.schemePicker.element,
      ...(bridge.openSettingsFile ? { openFile: bridge.openSettingsFile.bind(bridge) } : {}),
      onClose: () => {
        this.settingsDialog = null;
        this.appRoot.append(this.schemePicker.element);
        this.focusTerminal();
      },
    });
  }

  /** A chosen scheme file: added to colorSchemes and selected, through main (it writes settings.json). */
  private importScheme(fileName: string, text: string): void {
    const refuse = (message: string) =>
      this.store.dispatch({ kind: 'notice', level: 'error', code: 'scheme_import', message });
    // Loaded on first use: the property-list parser is only for this.
    import('./terminal/scheme-import').then(
      ({ importChanges, parseSchemeFile }) => {
        const parsed = parseSchemeFile(fileName, text);
        if (!parsed.ok) return refuse(parsed.error);
        const changes = importChanges(this.store.get().settings.colorSchemes, parsed.schemes);
        this.picked.bridge.send({ type: 'settings_update', changes });
      },
      (error: unknown) => refuse(`The scheme importer could not be loaded (${String(error)}).`),
    );
  }

  private zoom(step: -1 | 0 | 1): void {
    const settings = this.store.get().settings;
    const size = settings.fontSize + this.zoomSteps + step;
    if (step === 0) this.zoomSteps = 0;
    else if (size >= MIN_FONT && size <= MAX_FONT) this.zoomSteps += step;
    this.setAppearance(this.appearanceFor(settings));
  }

  private createView(tabId: string): TerminalView {
    const view: TerminalView = new TerminalView({
      tabId,
      appearance: this.appearance,
      platform: this.platform,
      onData: (data) => this.controller.input(tabId, data),
      onResize: (size) => this.controller.resized(tabId, size),
      openLink: (url) => this.picked.bridge.openExternal(url),
      openPath: (path) => this.picked.bridge.send({ type: 'path_open', tabId, path }),
      confirmLink: (shown, target) =>
        confirmDialog({
          title: 'Open this link?',
          message: `The link shows “${shown}” but opens ${target}`,
          confirmLabel: 'Open link',
        }),
      keyFilter: (event) => this.keyHandler.terminalKeyFilter(event),
      onSearchResults: (results) => this.findBar.showResults(view, results),
      onPointerDown: () => this.controller.activate(tabId, 'restart'),
      boxSize: () => this.terminalBox,
      behaviour: () => this.behaviour(),
      confirmPaste: (review) =>
        confirmDialog({
          title: review.multiline ? 'Paste several lines?' : 'Paste this much text?',
          message: pasteQuestion(review),
          preview: review.preview,
          confirmLabel: 'Paste',
        }),
      copy: (text) => this.copy(text),
      pasteFromClipboard: () => this.pasteFromClipboard(view),
      writeClipboard: (text) =>
        this.copy(text, 'A program asked to set the clipboard, but it was not allowed.'),
      replaying: () => this.controller.isReplaying(tabId),
      dropText: (files) => this.dropText(tabId, files),
    });
    return view;
  }

  private behaviour(): TerminalBehaviour {
    const settings = this.store.get().settings;
    return {
      habits: pointerHabits(settings, this.os),
      paste: {
        confirmMultiline: settings.confirmMultilinePaste,
        confirmOverChars: settings.confirmPasteOverChars,
      },
      osc52: settings.osc52,
    };
  }

  private copy(
    text: string,
    blocked = 'Copying was blocked; select the text and use your browser’s Copy.',
  ): void {
    // The desktop page has no clipboard permission: main writes it.
    const bridge = this.picked.bridge;
    if (bridge.writeClipboard) return bridge.writeClipboard(text);
    void copyText(text).then((ok) => {
      if (!ok) this.clipboardNotice(blocked);
    });
  }

  private pasteFromClipboard(view: TerminalView): void {
    const bridge = this.picked.bridge;
    // The desktop app: main pastes natively into the focused terminal, whose paste event is checked.
    if (bridge.pasteClipboard) return bridge.pasteClipboard();
    void readText().then((text) => {
      if (text === null)
        this.clipboardNotice(
          'Reading the clipboard was not allowed; click in the terminal and paste with the keyboard.',
        );
      else void view.paste(text);
    });
  }

  private clipboardNotice(message: string): void {
    this.store.dispatch({ kind: 'notice', level: 'warning', code: 'clipboard', message });
  }

  /**
   * A browser never says where a dropped file is (only its name), so there the quoted name is typed:
   * right for a file in the shell's directory, and the user sees it is not a full path.
   */
  private dropText(tabId: string, files: readonly File[]): string {
    const paths = files.map((file) => this.picked.bridge.pathForFile?.(file) || file.name);
    return dropText(paths, shellKindOf(this.shells.get(tabId) ?? ''));
  }

  private onShown(view: TerminalView): void {
    this.findBar.viewChanged();
    const keep = this.keepFocusInLists;
    this.keepFocusInLists = false;
    if (keep || isModalOpen() || isTextField(document.activeElement)) return;
    view.focus();
  }

  private focusTerminal(): void {
    if (isModalOpen()) return;
    this.controller.visibleView()?.focus();
  }

  private scheduleFit(): void {
    if (this.fitFrame) return;
    this.fitFrame = requestAnimationFrame(() => {
      this.fitFrame = 0;
      this.controller.visibleView()?.fit();
    });
  }

  private tabMenu(tabId: string, position: { x: number; y: number }): void {
    const hint = (id: Parameters<typeof acceleratorsFor>[1]) => {
      const key = acceleratorsFor(this.keymap, id)[0];
      return key ? formatAccelerator(key, this.platform) : undefined;
    };
    const layout = this.store.get().layout;
    openContextMenu(
      position,
      [
        { label: 'Rename…', hint: 'F2', run: () => this.strip.rename(tabId) },
        {
          label: 'Move to Workspace…',
          hint: hint('tab.moveToWorkspace'),
          disabled: (layout?.workspaces.length ?? 0) < 2,
          run: () => this.actions.pickWorkspaceFor(tabId),
        },
        { label: 'Close Tab', hint: hint('tab.close'), run: () => void this.actions.closeTab(tabId) },
      ],
      'Tab actions',
    );
  }

  private keyHint(id: Parameters<typeof acceleratorsFor>[1]): string | null {
    const key = acceleratorsFor(this.keymap, id)[0];
    return key ? formatAccelerator(key, this.platform) : null;
  }

  /** The New-tab menu: the default, then every profile the hub offers. */
  private profileMenu(position: { x: number; y: number }): void {
    const { profiles, defaultProfile, connection } = this.store.get();
    const offline = connection !== 'open';
    const open = (profile?: string) => {
      this.keepFocusInLists = false;
      this.actions.newTab(undefined, profile);
    };
    openContextMenu(
      position,
      [
        {
          label: defaultProfile ? `New Tab (${defaultProfile})` : 'New Tab (default shell)',
          hint: this.keyHint('tab.new') ?? undefined,
          disabled: offline,
          run: () => open(),
        },
        ...profiles.map((profile) => ({
          label: profile.icon ? `${profile.icon} ${profile.name}` : profile.name,
          ...(profile.kind === 'ssh' ? { hint: 'SSH' } : {}),
          disabled: offline,
          run: () => open(profile.name),
        })),
      ],
      'New tab with profile',
    );
  }

  private openPalette(): void {
    const state = this.store.get();
    const items = paletteItems({
      commands: this.registry.list(),
      keyFor: (id) => this.keyHint(id),
      layout: state.layout,
      profiles: state.profiles,
      online: state.connection === 'open',
    });
    closeContextMenu();
    openPalette({ items, onClose: (chosen) => this.runPaletteItem(chosen) });
  }

  private runPaletteItem(chosen: PaletteItem | null): void {
    // Focus goes back to the terminal first; what the item does may then move it (a rename field).
    this.keepFocusInLists = false;
    this.focusTerminal();
    if (!chosen) return;
    const action = chosen.action;
    switch (action.kind) {
      case 'command':
        this.registry.run(action.id);
        return;
      case 'tab':
        this.actions.showTab(action.tabId);
        return;
      case 'workspace':
        this.actions.activateWorkspace(action.workspaceId);
        return;
      case 'profile':
        this.actions.newTab(undefined, action.name);
        return;
      default:
        action satisfies never;
    }
  }

  private workspaceMenu(workspaceId: string, position: { x: number; y: number }): void {
    const layout = this.store.get().layout;
    openContextMenu(
      position,
      [
        { label: 'New Tab Here', run: () => this.actions.newTab(workspaceId) },
        { label: 'Rename…', hint: 'F2', run: () => this.sidebar.rename(workspaceId) },
        {
          label: 'Delete Workspace',
          disabled: (layout?.workspaces.length ?? 0) < 2,
          run: () => void this.actions.deleteWorkspace(workspaceId),
        },
      ],
      'Workspace actions',
    );
  }

  dispose(): void {
    closeContextMenu();
    this.keyHandler.dispose();
    this.controller.dispose();
  }
}
