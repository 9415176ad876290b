// What the hub is given (persistence, host launcher, settings, environment) and what it reports back.
import type { Layout } from '../../shared/protocol';
import type { Settings } from '../../shared/settings';
import type { HostLauncher } from '../host/host-link';
import type { ShellCommand } from './default-shell';
import type { DetectedProfile } from './detect-profiles';
import type { PathFacts } from './path-open';

/** Where the layout lives between runs (a DurableStore in the app, memory in tests). */
export interface LayoutPersistence {
  load(): Layout | null;
  save(layout: Layout): void;
  flush(): void;
  /** Called once the disk holds everything passed to `save` so far. */
  onSaved?(listener: () => void): void;
}

/** Each tab's recent output on disk, restored above a marker after a restart. */
export interface ScrollbackPersistence {
  load(tabId: string): string | null;
  save(tabId: string, text: string): void;
  remove(tabId: string): void;
  /** Deletes the history of tabs that no longer exist. */
  retain(tabIds: ReadonlySet<string>): void;
}

export interface AppNotice {
  level: 'info' | 'warning' | 'error';
  code: string;
  message: string;
}

export interface HubOptions {
  launcher: HostLauncher;
  settings: Settings;
  persistence: LayoutPersistence;
  scrollback?: ScrollbackPersistence;
  /** Things to tell every client on connect (e.g. a quarantined file). */
  notices?: AppNotice[];
  homeDir: string;
  /** Shell (and its arguments) used when settings.shell is null: see default-shell.ts. */
  defaultShell: ShellCommand;
  /** The shells found on this machine (detect-profiles.ts), offered beside settings.profiles. */
  detectedProfiles?: DetectedProfile[];
  /** The ssh program SSH profiles run (detect-profiles.ts sshCommand); default "ssh". */
  sshCommand?: string;
  /** Environment the shells start from. */
  env: Record<string, string | undefined>;
  /** Where settings.json is, told to clients with the settings (the settings page shows it). */
  settingsPath?: string;
  /** Writes keys of settings.json (settings-file.ts `update`); without it, `settings_update` is refused. */
  updateSettings?: (
    changes: ReadonlyArray<{ key: string; value?: unknown }>,
  ) => { ok: true } | { ok: false; error: string };
  newId?: () => string;
  log?: (line: string) => void;
  /**
   * Opens a checked path in the OS (path_open); resolves to null once it did, or to why not. None: the
   * host cannot open files, and path_open is refused.
   */
  openPath?: (path: string) => Promise<string | null>;
  /** What the disk says about a path for path_open (tests give a fake disk). */
  statPath?: (path: string) => PathFacts | null;
  /** Whose path rules apply to path_open (default: this process's platform). */
  platform?: NodeJS.Platform;
  /** How long a pause held by some viewers while another is caught up lasts before they fall behind. */
  slowViewerMs?: number;
}

export interface ShutdownReport {
  /** Sessions whose processes ignored SIGHUP and had to be killed. */
  forced: string[];
  /** Pids still alive after the timeout (should be none). */
  survivors: number[];
  /** False when the host did not answer in time and was killed outright. */
  clean: boolean;
}
