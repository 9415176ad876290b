import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../shared/settings';
import { defaultProfileName, existingProfile, launchFor, type ProfileContext, profileList } from './profiles';

const context: ProfileContext = {
  detected: [
    { name: 'bash', command: '/bin/bash', args: [] },
    { name: 'zsh', command: '/usr/bin/zsh', args: [] },
  ],
  defaultShell: { shell: '/bin/zsh', args: ['-l'] },
  ssh: 'ssh',
  homeDir: '/home/me',
};

function settings(over: Partial<Settings> = {}): Settings {
  return { ...defaultSettings(), ...over };
}

const dev = {
  name: 'Dev',
  command: 'bash',
  args: ['--norc'],
  cwd: '~/src',
  env: { STAGE: 'dev' },
  icon: 'D',
  tabColor: '#112233',
};
const box = { name: 'Box', ssh: { host: 'me@box', port: 2222 }, args: ['-A'] };

describe('profileList', () => {
  it('lists user profiles first, then detected shells no user profile renamed over', () => {
    const zshOwn = { name: 'ZSH', command: '/opt/zsh', args: [], env: {} };
    expect(profileList(settings({ profiles: [dev, box, zshOwn] }), context)).toEqual([
      { name: 'Dev', kind: 'shell', source: 'user', icon: 'D', tabColor: '#112233' },
      { name: 'Box', kind: 'ssh', source: 'user', icon: null, tabColor: null },
      { name: 'ZSH', kind: 'shell', source: 'user', icon: null, tabColor: null },
      { name: 'bash', kind: 'shell', source: 'detected', icon: null, tabColor: null },
    ]);
  });
});

describe('launchFor', () => {
  it('starts a user profile’s command with its args, env and cwd (~ is home)', () => {
    expect(launchFor(settings({ profiles: [dev] }), context, 'dev')).toEqual({
      shell: 'bash',
      args: ['--norc'],
      env: { STAGE: 'dev' },
      cwd: '/home/me/src',
      profile: 'Dev',
      missing: null,
    });
  });

  it('expands ~ with Windows separators when home is a Windows path', () => {
    const windows = { ...context, homeDir: 'C:\\Users\\me' };
    expect(launchFor(settings({ profiles: [dev] }), windows, 'Dev').cwd).toBe('C:\\Users\\me\\src');
  });

  it('runs ssh with the port and extra options before "--" and the host', () => {
    const launch = launchFor(settings({ profiles: [box] }), { ...context, ssh: 'C:\\ssh.exe' }, 'Box');
    expect(launch).toMatchObject({
      shell: 'C:\\ssh.exe',
      args: ['-p', '2222', '-A', '--', 'me@box'],
      profile: 'Box',
    });
  });

  it('starts a detected shell by name', () => {
    expect(launchFor(settings(), context, 'bash')).toMatchObject({ shell: '/bin/bash', args: [], env: {} });
  });

  it('falls back to the default shell, naming the profile that is gone', () => {
    expect(launchFor(settings(), context, 'Gone')).toEqual({
      shell: '/bin/zsh',
      args: ['-l'],
      env: {},
      cwd: null,
      profile: null,
      missing: 'Gone',
    });
  });

  it('uses defaultProfile for a tab without one, and the shell setting without either', () => {
    const withDefault = settings({ profiles: [dev], defaultProfile: 'Dev' });
    expect(launchFor(withDefault, context, null).profile).toBe('Dev');
    expect(launchFor(settings({ shell: '/bin/fish', shellArgs: ['-i'] }), context, null)).toMatchObject({
      shell: '/bin/fish',
      args: ['-i'],
      missing: null,
    });
    expect(launchFor(settings({ defaultProfile: 'nope' }), context, null).missing).toBe('nope');
  });
});

describe('existingProfile and defaultProfileName', () => {
  it('find a profile whatever the case, spelled as settings spell it', () => {
    const s = settings({ profiles: [dev], defaultProfile: 'BASH' });
    expect(existingProfile(s, context, 'DEV')).toBe('Dev');
    expect(existingProfile(s, context, 'fish')).toBeNull();
    expect(defaultProfileName(s, context)).toBe('bash');
    expect(defaultProfileName(settings({ defaultProfile: 'fish' }), context)).toBeNull();
    expect(defaultProfileName(settings(), context)).toBeNull();
  });
});
