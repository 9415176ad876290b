// The app's windows: each shows one workspace (the page reads `?workspace=`, reports changes back),
// is connected to the hub through its WindowHubLink, and keeps its bounds in the window-state store.
import { randomUUID } from 'node:crypto';
import { BrowserWindow, screen } from 'electron';
import type { DurableStore } from '../persistence/durable-store';
import type { WindowBounds, WindowRecord, WindowState } from '../persistence/window-state-store';
import type { RendererLocation } from './renderer-location';
import { type Area, cascadeFrom, placeWindow } from './window-bounds';
import { type HubLike, WindowHubLink } from './window-hub-link';
import { windowOptions } from './window-options';
import { closeWindow, upsertWindow, withKnownWorkspaces } from './window-records';

export interface ManagedWindow {
  /** Stable across restarts (the window-state record id). */
  readonly recordId: string;
  readonly window: BrowserWindow;
  readonly link: WindowHubLink;
  /** The workspace the page says it shows (null: the layout's active one). */
  workspaceId: string | null;
}

export interface WindowManagerOptions {
  preloadPath: string;
  location: RendererLocation;
  /** The background a new window paints before its page (window-options.ts windowBackground). */
  backgroundColor(): string;
  devTools: boolean;
  store: DurableStore<WindowState>;
  hub: HubLike;
  log(line: string): void;
  /** The user closed the last window on Linux/Windows: quit (after confirming) instead. */
  onLastWindowClose(): void;
  onContextMenu(target: ManagedWindow): void;
}

interface OpenSpec {
  recordId?: string;
  workspaceId: string | null;
  bounds: WindowBounds;
  maximized?: boolean;
  fullScreen?: boolean;
}

/** A renderer that crashes this often in a row is left alone instead of reloaded forever. */
const MAX_QUICK_RELOADS = 3;
const QUICK_RELOAD_WINDOW_MS = 30_000;

export class WindowManager {
  readonly #options: WindowManagerOptions;
  /** By webContents id: what the IPC guard knows a sender by. */
  readonly #windows = new Map<number, ManagedWindow>();
  #quitting = false;

  constructor(options: WindowManagerOptions) {
    this.#options = options;
  }

  get count(): number {
    return this.#windows.size;
  }

  all(): ManagedWindow[] {
    return [...this.#windows.values()];
  }

  has(webContentsId: number): boolean {
    return this.#windows.has(webContentsId);
  }

  byContents(webContentsId: number): ManagedWindow | undefined {
    return this.#windows.get(webContentsId);
  }

  /** The focused window, else the first one. */
  focused(): ManagedWindow | undefined {
    const focused = BrowserWindow.getFocusedWindow();
    return this.all().find((managed) => managed.window === focused) ?? this.all()[0];
  }

  /** Reopen the windows of the last run (or one window), dropping workspaces that no longer exist. */
  restoreAll(workspaceIds: ReadonlySet<string>): void {
    const state = withKnownWorkspaces(this.#options.store.get(), workspaceIds);
    this.#setState(state);
    const { workAreas, primary } = displays();
    for (const record of state.windows) {
      this.#open({
        recordId: record.id,
        workspaceId: record.workspaceId,
        bounds: placeWindow(record.bounds, workAreas, primary),
        maximized: record.maximized,
        fullScreen: record.fullScreen,
      });
    }
    if (this.count === 0) this.openNew(null);
  }

  /** A new window beside the focused one. */
  openNew(workspaceId: string | null): ManagedWindow {
    const { workAreas, primary } = displays();
    const from = this.focused()?.window;
    const bounds = cascadeFrom(
      from && !from.isDestroyed() ? toBounds(from.getNormalBounds()) : null,
      workAreas,
      primary,
    );
    return this.#open({ workspaceId, bounds });
  }

  focusFirst(): void {
    const first = this.focused()?.window;
    if (!first) return;
    if (first.isMinimized()) first.restore();
    first.show();
    first.focus();
  }

  setWorkspace(webContentsId: number, workspaceId: string | null): void {
    const managed = this.#windows.get(webContentsId);
    if (!managed || managed.workspaceId === workspaceId) return;
    managed.workspaceId = workspaceId;
    this.#save(managed);
  }

  /** Quit begins: windows now close without being forgotten, and their state is saved as it is. */
  beginQuit(): void {
    this.#quitting = true;
    for (const managed of this.#windows.values()) this.#save(managed);
  }

  #open(spec: OpenSpec): ManagedWindow {
    const { preloadPath, devTools, hub, log, location } = this.#options;
    const backgroundColor = this.#options.backgroundColor();
    const { bounds } = spec;
    const window = new BrowserWindow(windowOptions({ preloadPath, bounds, backgroundColor, devTools }));
    const contents = window.webContents;
    const contentsId = contents.id;
    const managed: ManagedWindow = {
      recordId: spec.recordId ?? `win-${randomUUID()}`,
      window,
      link: new WindowHubLink(contents, hub, log),
      workspaceId: spec.workspaceId,
    };
    this.#windows.set(contentsId, managed);
    if (spec.maximized) window.maximize();
    if (spec.fullScreen) window.setFullScreen(true);
    window.once('ready-to-show', () => window.show());

    const save = () => this.#save(managed);
    window.on('resize', save);
    window.on('move', save);
    window.on('maximize', save);
    window.on('unmaximize', save);
    window.on('enter-full-screen', save);
    window.on('leave-full-screen', save);
    window.on('close', (event) => {
      if (this.#quitting) return;
      const last = this.#windows.size === 1;
      if (last && process.platform !== 'darwin') {
        event.preventDefault();
        this.#options.onLastWindowClose();
        return;
      }
      this.#setState(closeWindow(this.#options.store.get(), managed.recordId, last));
    });
    window.on('closed', () => {
      this.#windows.delete(contentsId);
    });
    contents.on('context-menu', () => this.#options.onContextMenu(managed));
    this.#reloadAfterCrash(managed);

    contents.loadURL(location.pageUrl(spec.workspaceId)).catch((error: unknown) => {
      log(`window could not load its page: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.#save(managed);
    return managed;
  }

  /** Sessions live in the host, so a crashed page just reloads and replays. */
  #reloadAfterCrash(managed: ManagedWindow): void {
    const reloads: number[] = [];
    managed.window.webContents.on('render-process-gone', (_event, details) => {
      this.#options.log(`window page ended: ${details.reason} (exit code ${details.exitCode})`);
      if (details.reason === 'clean-exit' || managed.window.isDestroyed()) return;
      const now = Date.now();
      while (reloads.length > 0 && now - (reloads[0] ?? now) > QUICK_RELOAD_WINDOW_MS) reloads.shift();
      if (reloads.length >= MAX_QUICK_RELOADS)
        return this.#options.log('the page keeps crashing; not reloading it');
      reloads.push(now);
      managed.window.webContents.reload();
    });
  }

  #save(managed: ManagedWindow): void {
    const { window } = managed;
    if (window.isDestroyed()) return;
    const record: WindowRecord = {
      id: managed.recordId,
      bounds: toBounds(window.getNormalBounds()),
      maximized: window.isMaximized(),
      fullScreen: window.isFullScreen(),
      workspaceId: managed.workspaceId,
    };
    this.#setState(upsertWindow(this.#options.store.get(), record));
  }

  #setState(state: WindowState): void {
    try {
      this.#options.store.set(state);
    } catch (error) {
      this.#options.log(`window state not saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function toBounds(rectangle: Area): WindowBounds {
  return {
    x: Math.round(rectangle.x),
    y: Math.round(rectangle.y),
    width: Math.max(1, Math.round(rectangle.width)),
    height: Math.max(1, Math.round(rectangle.height)),
  };
}

function displays(): { workAreas: Area[]; primary: Area } {
  return {
    workAreas: screen.getAllDisplays().map((display) => display.workArea),
    primary: screen.getPrimaryDisplay().workArea,
  };
}
