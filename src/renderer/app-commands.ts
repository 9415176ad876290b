// Every command this window implements, registered once. Keys (keys/keymap.ts), buttons, context
// menus and the desktop menu run them by id.
import { GOTO_COMMANDS } from '../shared/keybindings';
import type { HostKind } from './bridge/pick-bridge';
import type { CommandRegistry } from './commands';
import type { LayoutActions } from './layout-actions';
import { copyText, readText } from './terminal/clipboard';
import type { TerminalView } from './terminal/terminal-view';
import { withWorkspaceParam } from './window-location';

export interface CommandContext {
  actions: LayoutActions;
  host: HostKind;
  connected(): boolean;
  visibleView(): TerminalView | null;
  renameVisibleTab(): void;
  openFind(): void;
  zoom(step: -1 | 0 | 1): void;
  /** Focus goes to the terminal once the new layout shows it. */
  focusTerminalNext(): void;
  notify(message: string): void;
  /** Opens the file chooser of "Import Colour Scheme…". */
  importScheme(): void;
  openSettings(): void;
  /** Opens the command palette (views/palette.ts). */
  openPalette(): void;
  /** The desktop app's window opener (Bridge.openWindow), when there is one. */
  openWindow?: (request: { tabId?: string }) => void;
}

export function registerAppCommands(registry: CommandRegistry, context: CommandContext): void {
  const { actions } = context;
  const online = () => context.connected();
  const hasTab = () => online() && actions.visibleTab() !== null;
  const withView = (run: (view: TerminalView) => void) => () => {
    const view = context.visibleView();
    if (view) run(view);
  };
  const navigate = (run: () => void) => () => {
    context.focusTerminalNext();
    run();
  };

  registry.register({
    id: 'tab.new',
    label: 'New Tab',
    isEnabled: online,
    run: navigate(() => actions.newTab()),
  });
  registry.register({
    id: 'tab.close',
    label: 'Close Tab',
    isEnabled: hasTab,
    run: () => {
      const tabId = actions.visibleTab();
      if (tabId) void actions.closeTab(tabId);
    },
  });
  registry.register({
    id: 'tab.next',
    label: 'Next Tab',
    isEnabled: hasTab,
    run: navigate(() => actions.cycleTab(1)),
  });
  registry.register({
    id: 'tab.previous',
    label: 'Previous Tab',
    isEnabled: hasTab,
    run: navigate(() => actions.cycleTab(-1)),
  });
  GOTO_COMMANDS.forEach((id, index) => {
    registry.register({
      id,
      label: index === 8 ? 'Last Tab' : `Tab ${index + 1}`,
      isEnabled: hasTab,
      run: navigate(() => actions.gotoTab(index + 1)),
    });
  });
  registry.register({
    id: 'tab.rename',
    label: 'Rename Tab…',
    isEnabled: hasTab,
    run: () => context.renameVisibleTab(),
  });
  registry.register({
    id: 'tab.moveToWorkspace',
    label: 'Move Tab to Workspace…',
    isEnabled: hasTab,
    run: () => {
      const tabId = actions.visibleTab();
      if (tabId) actions.pickWorkspaceFor(tabId);
    },
  });
  registry.register({
    id: 'workspace.new',
    label: 'New Workspace',
    isEnabled: online,
    run: () => actions.createWorkspace(),
  });
  const openWindow = context.openWindow;
  if (openWindow) {
    // The desktop app: main opens windows (and moves a tab with its live session into one).
    registry.register({
      id: 'window.new',
      label: 'New Window',
      isEnabled: online,
      run: () => openWindow({}),
    });
    registry.register({
      id: 'tab.moveToNewWindow',
      label: 'Move Tab to New Window',
      isEnabled: hasTab,
      run: () => {
        const tabId = actions.visibleTab();
        if (tabId) openWindow({ tabId });
      },
    });
  } else if (context.host === 'browser') {
    // Another browser tab on the same host is another client of the same sessions, starting on this
    // window's workspace and free to show another. The address keeps the token the user opened.
    registry.register({
      id: 'window.new',
      label: 'New Window',
      run: () => {
        const href = withWorkspaceParam(window.location.href, actions.visibleWorkspace()?.id ?? null);
        window.open(href, '_blank', 'noopener');
      },
    });
  }
  registry.register({
    id: 'terminal.find',
    label: 'Find…',
    isEnabled: hasTab,
    run: () => context.openFind(),
  });
  registry.register({
    id: 'terminal.copy',
    label: 'Copy',
    run: withView((view) => {
      const text = view.selection();
      void copyText(text).then((ok) => {
        if (!ok) context.notify('Copying was blocked; select the text and use your browser’s Copy.');
      });
    }),
  });
  registry.register({
    id: 'terminal.paste',
    label: 'Paste',
    isEnabled: hasTab,
    run: withView((view) => {
      void readText().then((text) => {
        if (text === null) {
          context.notify(
            'Reading the clipboard was not allowed; click in the terminal and paste with the keyboard.',
          );
        } else if (text !== '') {
          void view.paste(text);
        }
        view.focus();
      });
    }),
  });
  registry.register({
    id: 'terminal.clear',
    label: 'Clear Scrollback',
    run: withView((view) => view.clear()),
  });
  registry.register({
    id: 'palette.open',
    label: 'Command Palette…',
    run: () => context.openPalette(),
  });
  registry.register({ id: 'view.zoomIn', label: 'Zoom In', run: () => context.zoom(1) });
  registry.register({ id: 'view.zoomOut', label: 'Zoom Out', run: () => context.zoom(-1) });
  registry.register({ id: 'view.zoomReset', label: 'Actual Size', run: () => context.zoom(0) });
  registry.register({
    id: 'theme.import',
    label: 'Import Colour Scheme…',
    isEnabled: online,
    run: () => context.importScheme(),
  });
  registry.register({ id: 'settings.open', label: 'Open Settings', run: () => context.openSettings() });
}
