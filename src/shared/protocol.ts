// The renderer ⇄ main protocol (DESIGN.md §2): one discriminated union per direction, parsed from
// `unknown` at every boundary. docs/protocol.md documents these shapes; keep the two in step.
import { z } from 'zod';
import { PathLimits, SessionLimits } from './limits';
import { ProfileName, Settings } from './settings';

export const SettingsUpdateLimits = { maxChanges: 32 } as const;

export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids are 1-64 letters, digits, "_" or "-"');
const Cols = z.number().int().min(SessionLimits.minCols).max(SessionLimits.maxCols);
const Rows = z.number().int().min(SessionLimits.minRows).max(SessionLimits.maxRows);
const Path = z.string().min(1).max(PathLimits.maxChars);
/** Free text a person typed (a name); the name rules themselves live in names.ts. */
const Text = z.string().max(1024);

// ── renderer → main ─────────────────────────────────────────────────────────────────────────────

export const ClientMessage = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('terminal_spawn'),
    tabId: Id,
    cols: Cols,
    rows: Rows,
    cwd: Path.optional(),
    profile: ProfileName.optional(),
  }),
  z.strictObject({ type: z.literal('terminal_attach'), tabId: Id, sessionId: Id, cols: Cols, rows: Rows }),
  z.strictObject({ type: z.literal('terminal_detach'), tabId: Id, sessionId: Id }),
  z.strictObject({
    type: z.literal('terminal_input'),
    sessionId: Id,
    data: z.string().max(SessionLimits.maxInputChars),
  }),
  z.strictObject({ type: z.literal('terminal_resize'), sessionId: Id, cols: Cols, rows: Rows }),
  z.strictObject({
    type: z.literal('terminal_ack'),
    sessionId: Id,
    chars: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  }),
  z.strictObject({ type: z.literal('terminal_kill'), tabId: Id, sessionId: Id }),
  z.strictObject({
    type: z.literal('tab_create'),
    workspaceId: Id,
    cwd: Path.optional(),
    profile: ProfileName.optional(),
    index: z.number().int().min(0).optional(),
  }),
  z.strictObject({ type: z.literal('tab_close'), tabId: Id }),
  z.strictObject({ type: z.literal('tab_rename'), tabId: Id, name: Text.nullable() }),
  z.strictObject({
    type: z.literal('tab_move'),
    tabId: Id,
    workspaceId: Id,
    index: z.number().int().min(0).optional(),
  }),
  z.strictObject({ type: z.literal('tab_activate'), tabId: Id }),
  z.strictObject({ type: z.literal('workspace_create'), name: Text.optional() }),
  z.strictObject({ type: z.literal('workspace_rename'), workspaceId: Id, name: Text }),
  z.strictObject({ type: z.literal('workspace_delete'), workspaceId: Id }),
  z.strictObject({ type: z.literal('workspace_activate'), workspaceId: Id }),
  z.strictObject({
    type: z.literal('workspace_move'),
    workspaceId: Id,
    index: z.number().int().min(0),
  }),
  /**
   * Open a file or folder the user Ctrl+clicked in the tab's output: absolute, `~/…`, or relative to
   * the tab's directory. Refused (terminal_error) unless it exists and is not a program.
   */
  z.strictObject({ type: z.literal('path_open'), tabId: Id, path: Path }),
  /** Retry after the session host gave up restarting (host_status "failed"). */
  z.strictObject({ type: z.literal('host_restart') }),
  /**
   * Write keys of settings.json (the in-app settings, an imported colour scheme). Each value is checked
   * against that key's schema on the main side; `value` left out removes the key (back to its default).
   */
  z.strictObject({
    type: z.literal('settings_update'),
    changes: z
      .array(z.strictObject({ key: z.string().min(1).max(64), value: z.json().optional() }))
      .min(1)
      .max(SettingsUpdateLimits.maxChanges),
  }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;
export type ClientMessageType = ClientMessage['type'];

// ── main → renderer ─────────────────────────────────────────────────────────────────────────────

export const TabState = z.enum(['live', 'stale', 'exited']);
export type TabState = z.infer<typeof TabState>;

export const LayoutTab = z.object({
  id: Id,
  /** Automatic title: the terminal's title, else the running program, else the shell. */
  title: z.string(),
  /** A name the user gave the tab; wins over `title` when set. */
  customName: z.string().nullable(),
  cwd: z.string().nullable(),
  profile: z.string().nullable(),
  sessionId: Id.nullable(),
  state: TabState,
  exitCode: z.number().int().nullable(),
});
export type LayoutTab = z.infer<typeof LayoutTab>;

export const LayoutWorkspace = z.object({
  id: Id,
  name: z.string(),
  tabIds: z.array(Id),
  activeTabId: Id.nullable(),
});
export type LayoutWorkspace = z.infer<typeof LayoutWorkspace>;

export const Layout = z.object({
  workspaces: z.array(LayoutWorkspace),
  tabs: z.record(Id, LayoutTab),
  activeWorkspaceId: Id.nullable(),
});
export type Layout = z.infer<typeof Layout>;

export const SessionStatusKind = z.enum(['idle', 'running', 'exited']);
export type SessionStatusKind = z.infer<typeof SessionStatusKind>;

export const SessionStatus = z.object({
  sessionId: Id,
  tabId: Id,
  status: SessionStatusKind,
  exitCode: z.number().int().nullable(),
  /** The foreground program when `running` (e.g. "vim"), else null. */
  command: z.string().nullable(),
  title: z.string(),
  cwd: z.string().nullable(),
  /** Bells rung since the session started; a change means a new bell. */
  bells: z.number().int().min(0),
  /** Epoch ms of the latest output (updated at most once a second). */
  lastOutputAt: z.number(),
});
export type SessionStatus = z.infer<typeof SessionStatus>;

export const ErrorCode = z.enum([
  'bad_message',
  'unknown_tab',
  'unknown_session',
  'unknown_workspace',
  'invalid_name',
  'duplicate_name',
  'session_limit',
  'spawn_failed',
  'no_such_directory',
  'no_such_file',
  'host_unavailable',
  'not_permitted',
  'invalid_setting',
  'unknown_profile',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** A profile as clients show it (menus, the palette, a tab's mark); what it runs stays with main. */
export const ProfileInfo = z.object({
  name: ProfileName,
  kind: z.enum(['shell', 'ssh']),
  /** `user`: from settings.profiles; `detected`: a shell found on this machine. */
  source: z.enum(['user', 'detected']),
  icon: z.string().nullable(),
  tabColor: z.string().nullable(),
});
export type ProfileInfo = z.infer<typeof ProfileInfo>;

export const HostState = z.enum(['running', 'restarting', 'unresponsive', 'failed']);
export type HostState = z.infer<typeof HostState>;

export const ServerMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('terminal_ready'),
    tabId: Id,
    sessionId: Id,
    pid: z.number().int(),
    shell: z.string(),
    cwd: z.string(),
  }),
  z.object({
    type: z.literal('terminal_replay'),
    sessionId: Id,
    data: z.string(),
    /** The visible screen alone, sent when `data` holds scrollback too: painted first, `data` parsed behind it. */
    screen: z.string().optional(),
  }),
  z.object({ type: z.literal('terminal_output'), sessionId: Id, data: z.string() }),
  z.object({
    type: z.literal('terminal_closed'),
    tabId: Id,
    sessionId: Id,
    exitCode: z.number().int().nullable(),
    signal: z.number().int().nullable(),
  }),
  z.object({
    type: z.literal('terminal_error'),
    tabId: Id.optional(),
    sessionId: Id.optional(),
    code: ErrorCode,
    message: z.string(),
  }),
  z.object({ type: z.literal('terminal_stale'), tabIds: z.array(Id) }),
  z.object({ type: z.literal('session_status'), ...SessionStatus.shape }),
  /** `revision` grows with every change; `layout_saved` says which revision is safely on disk. */
  z.object({ type: z.literal('layout'), layout: Layout, revision: z.number().int().min(0) }),
  z.object({ type: z.literal('layout_saved'), revision: z.number().int().min(0) }),
  z.object({
    type: z.literal('host_status'),
    state: HostState,
    restarts: z.number().int().min(0),
    message: z.string().nullable(),
  }),
  /** The settings in force; sent on connect and after the file changes. `path`: where settings.json is. */
  z.object({ type: z.literal('settings'), settings: Settings, path: z.string().optional() }),
  /** The profiles a new tab can start, in menu order; sent on connect and after settings change. */
  z.object({
    type: z.literal('profiles'),
    profiles: z.array(ProfileInfo),
    /** The profile a tab opened without one starts (settings.defaultProfile, when it exists). */
    defaultProfile: ProfileName.nullable(),
  }),
  /** Something the user should know that is not tied to one request (e.g. a quarantined file). */
  z.object({
    type: z.literal('app_notice'),
    level: z.enum(['info', 'warning', 'error']),
    code: z.string(),
    message: z.string(),
  }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;
export type ServerMessageOf<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Turn a schema failure into one line a person can read: the first issues, with their paths. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function parseClientMessage(raw: unknown): ParseResult<ClientMessage> {
  const result = ClientMessage.safeParse(raw);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: describeIssues(result.error) };
}

export function parseServerMessage(raw: unknown): ParseResult<ServerMessage> {
  const result = ServerMessage.safeParse(raw);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: describeIssues(result.error) };
}
