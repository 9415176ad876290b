import { describe, expect, it } from 'vitest';
import { envValue } from './env-value';

describe('envValue', () => {
  it('finds Windows variables whatever their case', () => {
    const env = { Path: 'C:\\Windows', ComSpec: 'C:\\Windows\\system32\\cmd.exe' };
    expect(envValue(env, 'PATH', 'win32')).toBe('C:\\Windows');
    expect(envValue(env, 'COMSPEC', 'win32')).toBe('C:\\Windows\\system32\\cmd.exe');
    expect(envValue(env, 'MISSING', 'win32')).toBeUndefined();
  });

  it('matches exactly on POSIX, where Path and PATH are two variables', () => {
    expect(envValue({ Path: '/x' }, 'PATH', 'linux')).toBeUndefined();
    expect(envValue({ Path: '/x' }, 'PATH', 'darwin')).toBeUndefined();
    expect(envValue({ PATH: '/usr/bin' }, 'PATH', 'linux')).toBe('/usr/bin');
  });
});
