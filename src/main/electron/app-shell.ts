// The desktop app once Electron is ready: stores, hub, windows, IPC, menus and the quit sequence.
// Everything it decides is decided by the pure modules beside it; this file only wires them up.
import { join } from 'node:path';
import {
  app,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  type MessageBoxOptions,
  protocol,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { Channels } from '../../preload/channels';
import { ScrollbackSaving, Shutdown } from '../../shared/limits';
import { parseClientMessage } from '../../shared/protocol';
import type { CommandId, Settings } from '../../shared/settings';
import { openScrollbackStore } from '../app/scrollback-store';
import { defaultShell } from '../hub/default-shell';
import { detectProfiles, machineDetectProbe, sshCommand } from '../hub/detect-profiles';
import { Hub } from '../hub/hub';
import type { AppNotice } from '../hub/hub-options';
import type { StoreNotice } from '../persistence/durable-store';
import { type AppStores, openAppStores } from '../persistence/stores';
import { menuPlatform } from './accelerators';
import { routeCommand } from './command-route';
import { electronStoreBackend } from './electron-store-backend';
import { IpcGuard } from './ipc-guard';
import {
  parseClipboardText,
  parseExternalUrl,
  parseHello,
  parseOpenSettingsFile,
  parseOpenWindow,
  parsePaste,
  parseWorkspaceReport,
} from './ipc-payloads';
import { appMenuModel, terminalContextMenuModel } from './menu-model';
import { menuTemplate } from './menu-template';
import { quitPrompt } from './quit-prompt';
import { rendererLocation } from './renderer-location';
import { installSessionPolicy, serveRenderer } from './security';
import { isSafeExternalUrl } from './security-policy';
import { ShellClient } from './shell-client';
import { utilityHostLauncher } from './utility-host-link';
import { type ManagedWindow, WindowManager } from './window-manager';
import { windowBackground } from './window-options';

export interface AppShellOptions {
  /** Folder of the built main bundle (out/main): session-host.js is beside it. */
  mainDir: string;
  log(line: string): void;
}

type QuitState = 'running' | 'confirming' | 'shutting-down' | 'done';

export function openExternalSafely(url: string, log: (line: string) => void): void {
  if (!isSafeExternalUrl(url)) return log(`refused to open ${url}`);
  shell.openExternal(url).catch((error: unknown) => log(`could not open ${url}: ${String(error)}`));
}

export class AppShell {
  readonly #log: (line: string) => void;
  readonly #stores: AppStores;
  readonly #hub: Hub;
  readonly #shellClient: ShellClient;
  readonly #windows: WindowManager;
  readonly #platform = menuPlatform(process.platform);
  #quit: QuitState = 'running';

  /** Opens the stores, starts the hub and the session host, then the windows of the last run. */
  static async start(options: AppShellOptions): Promise<AppShell> {
    const { log, mainDir } = options;
    const stores = openAppStores(app.getPath('userData'), { backend: electronStoreBackend, log });
    for (const notice of stores.notices) log(`${notice.level}: ${notice.message}`);
    const location = rendererLocation({
      packaged: app.isPackaged,
      devServerUrl: process.env.ELECTRON_RENDERER_URL,
    });
    if (location.trusted.startsWith('app:')) serveRenderer(protocol, join(mainDir, '../renderer'));
    installSessionPolicy(session.defaultSession, log);

    const history = openScrollbackStore(
      join(app.getPath('userData'), 'scrollback'),
      ScrollbackSaving.maxCharsPerTab,
      log,
    );
    const hub = await Hub.start({
      launcher: utilityHostLauncherFor(mainDir, log),
      settings: stores.settings,
      persistence: stores.layout,
      scrollback: history.store,
      notices: [...stores.notices, ...history.notices].map(toAppNotice),
      homeDir: app.getPath('home'),
      defaultShell: defaultShell(),
      detectedProfiles: await detectProfiles(),
      sshCommand: sshCommand(machineDetectProbe()),
      env: process.env,
      updateSettings: (changes) => stores.files.settings.update(changes),
      settingsPath: stores.files.settings.path,
      // The hub has checked the path is there and is not a program; shell.openPath answers "" or why not.
      openPath: async (path) => (await shell.openPath(path)) || null,
      log,
    });
    return new AppShell(options, stores, hub, location);
  }

  private constructor(
    options: AppShellOptions,
    stores: AppStores,
    hub: Hub,
    location: ReturnType<typeof rendererLocation>,
  ) {
    this.#log = options.log;
    this.#stores = stores;
    this.#hub = hub;
    this.#shellClient = new ShellClient(this.#log);
    this.#shellClient.connect(hub);
    this.#windows = new WindowManager({
      preloadPath: join(options.mainDir, '../preload/index.cjs'),
      location,
      backgroundColor: () => windowBackground(stores.files.settings.settings),
      devTools: !app.isPackaged,
      store: stores.files.windowState,
      hub,
      log: this.#log,
      onLastWindowClose: () => this.requestQuit(true),
      onContextMenu: (target) => this.#showContextMenu(target),
    });
    this.#registerIpc(location.trusted);
    this.#setMenu(stores.settings.keybindings);
    stores.onNotice((notice) => {
      this.#log(`${notice.level}: ${notice.message}`);
      hub.notify(toAppNotice(notice));
    });
    stores.files.settings.onChange((settings) => {
      hub.applySettings(settings);
      this.#setMenu(settings.keybindings);
    });
    stores.files.settings.watch();
    this.#windows.restoreAll(this.#shellClient.workspaceIds());
  }

  /** The app menu shows the keys in force, so it is built again when settings.json changes them. */
  #setMenu(keybindings: Settings['keybindings']): void {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(
          appMenuModel({
            platform: this.#platform,
            keybindings: keybindings,
            devTools: !app.isPackaged,
          }),
          this.#platform,
          (command) => this.#run(command, this.#windows.focused()),
        ),
      ),
    );
  }

  get quitting(): boolean {
    return this.#quit !== 'running';
  }

  get done(): boolean {
    return this.#quit === 'done';
  }

  /** A second launch: bring this instance forward instead. */
  focus(): void {
    if (this.#windows.count === 0) this.reopen();
    else this.#windows.focusFirst();
  }

  /** macOS dock click with no window open: the last window comes back where it was. */
  reopen(): void {
    if (this.#windows.count === 0 && !this.quitting)
      this.#windows.restoreAll(this.#shellClient.workspaceIds());
  }

  /**
   * Quit: ask first if programs are running (and the user wants to be asked), then end every session
   * (the hub's shutdown: SIGHUP, grace, SIGKILL, all under one timeout), save, and exit.
   */
  requestQuit(confirm: boolean): void {
    if (this.#quit !== 'running') return;
    this.#quit = 'confirming';
    void this.#quitSequence(confirm).catch((error: unknown) => {
      this.#log(`quit failed: ${error instanceof Error ? error.stack : String(error)}`);
      this.#exit(1);
    });
  }

  async #quitSequence(confirm: boolean): Promise<void> {
    const prompt = confirm
      ? quitPrompt(this.#hub.runningPrograms(), this.#stores.files.settings.settings.confirmQuit)
      : null;
    if (prompt) {
      const parent = this.#windows.focused()?.window;
      const options: MessageBoxOptions = { ...prompt, buttons: [...prompt.buttons] };
      const { response } = parent
        ? await dialog.showMessageBox(parent, options)
        : await dialog.showMessageBox(options);
      if (response !== prompt.defaultId) {
        this.#quit = 'running';
        return;
      }
    }
    this.#quit = 'shutting-down';
    this.#windows.beginQuit();
    for (const managed of this.#windows.all()) managed.link.setConnection('closed');
    const report = await withTimeout(
      this.#hub.shutdown(),
      ScrollbackSaving.quitTimeoutMs + Shutdown.totalTimeoutMs + 2_000,
    );
    if (report === null) this.#log('the session host did not confirm shutdown in time');
    else {
      if (report.forced.length > 0) this.#log(`had to kill sessions: ${report.forced.join(', ')}`);
      if (report.survivors.length > 0)
        this.#log(`still alive after shutdown: ${report.survivors.join(', ')}`);
    }
    this.#shellClient.disconnect();
    this.#exit(0);
  }

  #exit(code: number): void {
    this.#stores.files.settings.close();
    if (!this.#stores.flush()) this.#log('some settings could not be saved');
    this.#quit = 'done';
    app.exit(code);
  }

  #registerIpc(trustedUrl: string): void {
    const windows = this.#windows;
    const guard = new IpcGuard({
      ipc: ipcMain,
      trustedUrl,
      isOurWindow: (id) => windows.has(id),
      log: this.#log,
    });
    guard.on(Channels.hello, parseHello, (_none, sender) => {
      const managed = windows.byContents(sender.webContentsId);
      managed?.link.reconnect();
      // A page (new, or reloaded) learns at once what screenReaderMode "auto" follows.
      managed?.window.webContents.send(Channels.accessibility, app.accessibilitySupportEnabled);
    });
    app.on('accessibility-support-changed', (_event, enabled) => {
      for (const managed of windows.all())
        if (!managed.window.isDestroyed()) managed.window.webContents.send(Channels.accessibility, enabled);
    });
    guard.on(Channels.send, parseClientMessage, (message, sender) =>
      windows.byContents(sender.webContentsId)?.link.receive(message),
    );
    guard.on(Channels.openExternal, parseExternalUrl, (url) => openExternalSafely(url, this.#log));
    guard.on(Channels.paste, parsePaste, (_none, sender) =>
      windows.byContents(sender.webContentsId)?.window.webContents.paste(),
    );
    guard.on(Channels.clipboardWrite, parseClipboardText, (text) => clipboard.writeText(text));
    guard.on(Channels.openWindow, parseOpenWindow, ({ tabId }) => this.#openWorkspaceWindow(tabId));
    guard.on(Channels.openSettingsFile, parseOpenSettingsFile, () => {
      const path = this.#stores.files.settings.path;
      shell.openPath(path).then(
        (problem) => problem && this.#log(`could not open ${path}: ${problem}`),
        (error: unknown) => this.#log(`could not open ${path}: ${String(error)}`),
      );
    });
    guard.on(Channels.workspace, parseWorkspaceReport, ({ workspaceId }, sender) =>
      windows.setWorkspace(sender.webContentsId, workspaceId),
    );
  }

  #run(command: CommandId, target: ManagedWindow | undefined): void {
    const route = routeCommand(command);
    if (route.kind === 'renderer') {
      if (target && !target.window.isDestroyed())
        target.window.webContents.send(Channels.command, { type: 'command', id: command });
      return;
    }
    switch (route.action) {
      case 'newWindow':
        return this.#openWorkspaceWindow(undefined);
      case 'moveTabToNewWindow': {
        const tabId = this.#shellClient.activeTabOf(target?.workspaceId ?? null);
        if (tabId) this.#openWorkspaceWindow(tabId);
        return;
      }
      case 'copy':
        target?.window.webContents.copy();
        return;
      case 'paste':
        target?.window.webContents.paste();
        return;
      default:
        return route.action satisfies never;
    }
  }

  #openWorkspaceWindow(tabId: string | undefined): void {
    if (this.quitting) return;
    void this.#shellClient.workspaceForNewWindow(tabId).then((workspaceId) => {
      if (workspaceId === null)
        return this.#log('no workspace for the new window; the hub did not create one');
      if (!this.quitting) this.#windows.openNew(workspaceId);
    });
  }

  #showContextMenu(target: ManagedWindow): void {
    const model = terminalContextMenuModel({
      platform: this.#platform,
      keybindings: this.#stores.settings.keybindings,
    });
    const menu = Menu.buildFromTemplate(
      menuTemplate(model, this.#platform, (command) => this.#run(command, target)),
    );
    menu.popup({ window: target.window });
  }
}

function utilityHostLauncherFor(mainDir: string, log: (line: string) => void) {
  return utilityHostLauncher({
    fork: (modulePath, args, options) => utilityProcess.fork(modulePath, args, options),
    modulePath: join(mainDir, 'session-host.js'),
    log,
  });
}

function toAppNotice({ level, code, message }: StoreNotice): AppNotice {
  return { level, code, message };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
