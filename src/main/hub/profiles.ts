// Which program a tab starts: the profile it records (the user's, else a detected shell of the same
// name), else settings.defaultProfile, else the shell setting or the platform's default shell. A
// profile that no longer exists never leaves a dead tab: the default starts, and the caller is told why.
import { win32 } from 'node:path';
import type { ProfileInfo } from '../../shared/protocol';
import { isSshProfile, type Profile, type Settings } from '../../shared/settings';
import type { DetectedProfile } from './detect-profiles';
import { type ShellCommand, shellCommand } from './shell-launch';

/** What the hub knows besides settings: the machine's shells and where ssh is. */
export interface ProfileContext {
  detected: readonly DetectedProfile[];
  defaultShell: ShellCommand;
  ssh: string;
  homeDir: string;
}

export interface Launch extends ShellCommand {
  /** Variables over the base environment (a profile's `env`). */
  env: Record<string, string>;
  /** Where a new tab of this profile starts, or null: where the user is. */
  cwd: string | null;
  /** The profile used, or null for the default shell. */
  profile: string | null;
  /** Set when the profile asked for is gone and the default starts instead. */
  missing: string | null;
}

type Entry = { source: 'user'; profile: Profile } | { source: 'detected'; profile: DetectedProfile };

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** User profiles first, then detected shells whose name no user profile took. */
function entries(settings: Settings, context: ProfileContext): Entry[] {
  const user: Entry[] = settings.profiles.map((profile) => ({ source: 'user', profile }));
  const detected: Entry[] = context.detected
    .filter((d) => !settings.profiles.some((p) => sameName(p.name, d.name)))
    .map((profile) => ({ source: 'detected', profile }));
  return [...user, ...detected];
}

function find(settings: Settings, context: ProfileContext, name: string): Entry | undefined {
  return entries(settings, context).find((entry) => sameName(entry.profile.name, name));
}

/** The profiles a client offers, in menu order. */
export function profileList(settings: Settings, context: ProfileContext): ProfileInfo[] {
  return entries(settings, context).map(({ source, profile }) => {
    const user = source === 'user' ? profile : null;
    return {
      name: profile.name,
      kind: user && isSshProfile(user) ? 'ssh' : 'shell',
      source,
      icon: user?.icon ?? null,
      tabColor: user?.tabColor ?? null,
    };
  });
}

/** The canonical name of a profile that exists (as settings spell it), or null. */
export function existingProfile(settings: Settings, context: ProfileContext, name: string): string | null {
  return find(settings, context, name)?.profile.name ?? null;
}

/** The profile a tab records when it was opened without one: settings.defaultProfile, if it exists. */
export function defaultProfileName(settings: Settings, context: ProfileContext): string | null {
  return settings.defaultProfile === null
    ? null
    : existingProfile(settings, context, settings.defaultProfile);
}

function expandHome(path: string, homeDir: string): string {
  if (path === '~') return homeDir;
  if (/^~[\\/]/.test(path)) {
    const join = /^[A-Za-z]:[\\/]|^\\\\/.test(homeDir) ? win32.join : (a: string, b: string) => `${a}/${b}`;
    return join(homeDir, path.slice(2));
  }
  return path;
}

function launchOf(entry: Entry, context: ProfileContext): Omit<Launch, 'missing'> {
  if (entry.source === 'detected') {
    const { name, command, args } = entry.profile;
    return { shell: command, args, env: {}, cwd: null, profile: name };
  }
  const profile = entry.profile;
  if (isSshProfile(profile)) {
    const port = profile.ssh.port === undefined ? [] : ['-p', String(profile.ssh.port)];
    return {
      shell: context.ssh,
      // "--" ends ssh's options: the host is never read as one.
      args: [...port, ...profile.args, '--', profile.ssh.host],
      env: {},
      cwd: null,
      profile: profile.name,
    };
  }
  return {
    shell: profile.command,
    args: profile.args,
    env: profile.env,
    cwd: profile.cwd === undefined ? null : expandHome(profile.cwd, context.homeDir),
    profile: profile.name,
  };
}

/** What a tab recording `profile` starts now (null: the default). */
export function launchFor(settings: Settings, context: ProfileContext, profile: string | null): Launch {
  const wanted = profile ?? settings.defaultProfile;
  const entry = wanted === null ? undefined : find(settings, context, wanted);
  if (entry) return { ...launchOf(entry, context), missing: null };
  return {
    ...shellCommand(settings, context.defaultShell),
    env: {},
    cwd: null,
    profile: null,
    missing: wanted,
  };
}
