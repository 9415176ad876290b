// The shells on this machine, offered as profiles beside the user's own: what /etc/shells lists on
// macOS and Linux, and on Windows the shells Windows Terminal offers (PowerShell 7, Windows PowerShell,
// cmd, Git Bash and each WSL distribution). Pure: the file system and the one command run (wsl.exe)
// come in through a probe, so every platform's answer is unit-tested here.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { envValue } from '../../shared/env-value';
import { windowsSearchDirs } from '../../shared/windows-paths';

export interface DetectedProfile {
  name: string;
  command: string;
  args: string[];
}

export interface DetectProbe {
  platform: string;
  env: Readonly<Record<string, string | undefined>>;
  /** A file's text, or null when it cannot be read. */
  readText(path: string): string | null;
  exists(path: string): boolean;
  /** The path with links resolved (so /bin/bash and /usr/bin/bash on a merged /usr are one program). */
  realPath(path: string): string;
  /** A program's standard output, or null when it failed or took too long. */
  run(command: string, args: readonly string[]): Promise<Uint8Array | null>;
}

/** wsl.exe can take seconds to answer when its service is starting; detection must not hang the app. */
const RUN_TIMEOUT_MS = 5_000;

export function machineDetectProbe(): DetectProbe {
  return {
    platform: process.platform,
    env: process.env,
    readText: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
    exists: existsSync,
    realPath: (path) => {
      try {
        return realpathSync(path);
      } catch {
        return path;
      }
    },
    // Asynchronous: the desktop app's main process must not stand still while wsl.exe wakes up.
    run: (command, args) =>
      new Promise((resolve) => {
        execFile(
          command,
          [...args],
          { timeout: RUN_TIMEOUT_MS, windowsHide: true, encoding: 'buffer' },
          (error, stdout) => resolve(error ? null : stdout),
        );
      }),
  };
}

// Listed in /etc/shells but not a shell to open a tab with: restricted bash, multiplexers (they are
// started from a shell), and login refusers.
const NOT_A_TAB = new Set(['rbash', 'tmux', 'screen', 'git-shell', 'nologin', 'false', 'true']);

function unixShells(probe: DetectProbe): DetectedProfile[] {
  const text = probe.readText('/etc/shells') ?? '';
  const profiles: DetectedProfile[] = [];
  const names = new Set<string>();
  const programs = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const path = line.replace(/#.*/, '').trim();
    if (!posix.isAbsolute(path) || !probe.exists(path)) continue;
    const name = posix.basename(path);
    if (NOT_A_TAB.has(name)) continue;
    // One entry per program: /bin/bash and /usr/bin/bash (a merged /usr), or sh linked to dash.
    const program = probe.realPath(path);
    if (names.has(name) || programs.has(program)) continue;
    names.add(name);
    programs.add(program);
    profiles.push({ name, command: path, args: [] });
  }
  return profiles;
}

/** wsl.exe writes its list in UTF-16LE (with or without a byte-order mark), one distribution a line. */
export function parseWslList(output: Uint8Array): string[] {
  const text = new TextDecoder('utf-16le').decode(output).replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/\0/g, '').trim())
    .filter((line) => line !== '' && !/^docker-desktop(-data)?$/i.test(line));
}

async function windowsShells(probe: DetectProbe): Promise<DetectedProfile[]> {
  const env = (name: string) => envValue(probe.env, name, 'win32');
  const systemRoot = env('SystemRoot') ?? 'C:\\Windows';
  const system32 = win32.join(systemRoot, 'System32');
  const programFiles = env('ProgramFiles');
  const first = (candidates: string[]) => candidates.find((path) => probe.exists(path));
  const profiles: DetectedProfile[] = [];

  const pwsh = first([
    ...windowsSearchDirs(env('PATH') ?? '').map((dir) => win32.join(dir, 'pwsh.exe')),
    ...(programFiles ? [win32.join(programFiles, 'PowerShell', '7', 'pwsh.exe')] : []),
  ]);
  if (pwsh) profiles.push({ name: 'PowerShell 7', command: pwsh, args: [] });
  const windowsPowerShell = win32.join(system32, 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  if (probe.exists(windowsPowerShell))
    profiles.push({ name: 'Windows PowerShell', command: windowsPowerShell, args: [] });
  const cmd = first([env('COMSPEC'), win32.join(system32, 'cmd.exe')].filter((p): p is string => !!p));
  if (cmd) profiles.push({ name: 'Command Prompt', command: cmd, args: [] });
  const gitBash = first(
    [programFiles, env('ProgramW6432'), env('ProgramFiles(x86)')]
      .filter((dir): dir is string => !!dir)
      .map((dir) => win32.join(dir, 'Git', 'bin', 'bash.exe')),
  );
  // --login -i is how Git for Windows' own shortcut starts it: /etc/profile sets PATH for its tools.
  if (gitBash) profiles.push({ name: 'Git Bash', command: gitBash, args: ['--login', '-i'] });
  const wsl = win32.join(system32, 'wsl.exe');
  if (probe.exists(wsl)) {
    const output = await probe.run(wsl, ['--list', '--quiet']);
    for (const distribution of output ? parseWslList(output) : []) {
      profiles.push({ name: `${distribution} (WSL)`, command: wsl, args: ['-d', distribution] });
    }
  }
  return profiles;
}

export async function detectProfiles(probe: DetectProbe = machineDetectProbe()): Promise<DetectedProfile[]> {
  return probe.platform === 'win32' ? windowsShells(probe) : unixShells(probe);
}

/** The ssh program: Windows ships OpenSSH in System32 (not always on PATH); elsewhere PATH finds it. */
export function sshCommand(probe: Pick<DetectProbe, 'platform' | 'env' | 'exists'>): string {
  if (probe.platform !== 'win32') return 'ssh';
  const systemRoot = envValue(probe.env, 'SystemRoot', 'win32') ?? 'C:\\Windows';
  const bundled = win32.join(systemRoot, 'System32', 'OpenSSH', 'ssh.exe');
  return probe.exists(bundled) ? bundled : 'ssh.exe';
}
