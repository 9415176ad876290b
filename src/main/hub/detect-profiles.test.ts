import { describe, expect, it } from 'vitest';
import { type DetectProbe, detectProfiles, parseWslList, sshCommand } from './detect-profiles';

function probe(platform: string, over: Partial<DetectProbe> = {}): DetectProbe {
  return {
    platform,
    env: {},
    readText: () => null,
    exists: () => false,
    realPath: (path) => path,
    run: async () => null,
    ...over,
  };
}

function utf16(text: string, bom = true): Uint8Array {
  const bytes = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(bytes.buffer);
  const all = (bom ? '\uFEFF' : '') + text;
  for (let i = 0; i < all.length; i++) view.setUint16(i * 2, all.charCodeAt(i), true);
  return bytes;
}

describe('detectProfiles on Linux', () => {
  // Debian's file on a merged /usr: every shell twice, sh linked to dash, rbash and tmux beside them.
  const debianShells = [
    '# /etc/shells: valid login shells',
    '/bin/sh',
    '/usr/bin/sh',
    '/bin/bash',
    '/usr/bin/bash',
    '/bin/rbash',
    '/usr/bin/rbash',
    '/bin/dash',
    '/usr/bin/dash',
    '/usr/bin/tmux',
    '/usr/bin/fish   # added by the fish package',
    '/usr/local/bin/zsh',
    'relative/elvish',
    '',
  ].join('\n');
  const installed = new Set([
    ...['/bin/sh', '/usr/bin/sh', '/bin/bash', '/usr/bin/bash', '/bin/rbash', '/usr/bin/rbash'],
    ...['/bin/dash', '/usr/bin/dash', '/usr/bin/tmux', '/usr/bin/fish'],
  ]);
  const realPath = (path: string) => {
    const merged = path.replace(/^\/bin\//, '/usr/bin/');
    return merged === '/usr/bin/sh' ? '/usr/bin/dash' : merged;
  };

  it('offers each installed shell once, without wrappers, restricted shells or missing ones', async () => {
    const found = await detectProfiles(
      probe('linux', {
        readText: (path) => (path === '/etc/shells' ? debianShells : null),
        exists: (path) => installed.has(path),
        realPath,
      }),
    );
    expect(found).toEqual([
      { name: 'sh', command: '/bin/sh', args: [] },
      { name: 'bash', command: '/bin/bash', args: [] },
      { name: 'fish', command: '/usr/bin/fish', args: [] },
    ]);
  });

  it('offers nothing when /etc/shells cannot be read (the default shell is still there)', async () => {
    expect(await detectProfiles(probe('linux'))).toEqual([]);
  });
});

describe('detectProfiles on macOS', () => {
  it('reads /etc/shells the same way, keeping the first of two programs with one name', async () => {
    const shells = '/bin/bash\n/bin/csh\n/bin/zsh\n/opt/homebrew/bin/bash\n/opt/homebrew/bin/fish\n';
    const found = await detectProfiles(
      probe('darwin', { readText: () => shells, exists: (p) => p !== '/bin/csh' }),
    );
    expect(found.map((p) => p.command)).toEqual(['/bin/bash', '/bin/zsh', '/opt/homebrew/bin/fish']);
  });
});

describe('detectProfiles on Windows', () => {
  const env = {
    SystemRoot: 'C:\\Windows',
    ProgramFiles: 'C:\\Program Files',
    Path: 'C:\\Windows\\system32;.\\tools',
    ComSpec: 'C:\\Windows\\system32\\cmd.exe',
  };
  const all = new Set([
    'C:\\Program Files\\PowerShell\\7\\pwsh.exe',
    'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
    'C:\\Windows\\system32\\cmd.exe',
    'C:\\Program Files\\Git\\bin\\bash.exe',
    'C:\\Windows\\System32\\wsl.exe',
  ]);

  it('offers PowerShell 7, Windows PowerShell, cmd, Git Bash and each WSL distribution', async () => {
    const calls: string[][] = [];
    const found = await detectProfiles(
      probe('win32', {
        env,
        exists: (path) => all.has(path),
        run: async (command, args) => {
          calls.push([command, ...args]);
          return utf16('Ubuntu-22.04\r\ndocker-desktop\r\nDebian\r\n');
        },
      }),
    );
    expect(found).toEqual([
      { name: 'PowerShell 7', command: 'C:\\Program Files\\PowerShell\\7\\pwsh.exe', args: [] },
      {
        name: 'Windows PowerShell',
        command: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
        args: [],
      },
      { name: 'Command Prompt', command: 'C:\\Windows\\system32\\cmd.exe', args: [] },
      { name: 'Git Bash', command: 'C:\\Program Files\\Git\\bin\\bash.exe', args: ['--login', '-i'] },
      { name: 'Ubuntu-22.04 (WSL)', command: 'C:\\Windows\\System32\\wsl.exe', args: ['-d', 'Ubuntu-22.04'] },
      { name: 'Debian (WSL)', command: 'C:\\Windows\\System32\\wsl.exe', args: ['-d', 'Debian'] },
    ]);
    expect(calls).toEqual([['C:\\Windows\\System32\\wsl.exe', '--list', '--quiet']]);
  });

  it('offers what exists: a bare Windows has Windows PowerShell and cmd, and WSL that fails adds none', async () => {
    const bare = new Set([
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      'C:\\Windows\\System32\\cmd.exe',
      'C:\\Windows\\System32\\wsl.exe',
    ]);
    const found = await detectProfiles(probe('win32', { env: { windir: 'x' }, exists: (p) => bare.has(p) }));
    expect(found.map((p) => p.name)).toEqual(['Windows PowerShell', 'Command Prompt']);
  });
});

describe('parseWslList', () => {
  it('decodes UTF-16LE with or without a byte-order mark, dropping blanks and Docker’s own', () => {
    expect(parseWslList(utf16('Ubuntu\r\n\r\ndocker-desktop-data\r\nkali-linux\r\n'))).toEqual([
      'Ubuntu',
      'kali-linux',
    ]);
    expect(parseWslList(utf16('Alpine\n', false))).toEqual(['Alpine']);
    expect(parseWslList(new Uint8Array())).toEqual([]);
  });
});

describe('sshCommand', () => {
  it('uses Windows’ own OpenSSH from System32 when present, else ssh from PATH', () => {
    const bundled = 'D:\\Win\\System32\\OpenSSH\\ssh.exe';
    const env = { SYSTEMROOT: 'D:\\Win' };
    expect(sshCommand({ platform: 'win32', env, exists: (p) => p === bundled })).toBe(bundled);
    expect(sshCommand({ platform: 'win32', env, exists: () => false })).toBe('ssh.exe');
    expect(sshCommand({ platform: 'linux', env: {}, exists: () => true })).toBe('ssh');
  });
});
