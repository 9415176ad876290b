import { describe, expect, it } from 'vitest';
import { sourceKind } from './choose-source';

const never = () => false;
const always = () => true;

describe('which process table the host reads', () => {
  it('uses /proc on Linux, ps where there is no /proc (macOS, BSD), Windows tooling on Windows', () => {
    expect(sourceKind({ platform: 'linux', env: {}, exists: always, psWorks: always })).toBe('proc');
    expect(sourceKind({ platform: 'darwin', env: {}, exists: never, psWorks: always })).toBe('ps');
    expect(sourceKind({ platform: 'freebsd', env: {}, exists: never, psWorks: always })).toBe('ps');
    expect(sourceKind({ platform: 'win32', env: {}, exists: always, psWorks: always })).toBe('windows');
  });

  it('falls back to none when not even ps answers', () => {
    expect(sourceKind({ platform: 'darwin', env: {}, exists: never, psWorks: never })).toBe('none');
  });

  it('honours a forced backend and a moved /proc, and ignores a forced value it does not know', () => {
    expect(sourceKind({ platform: 'linux', env: { TABTERM_PROCESS_TABLE: 'ps' }, exists: always })).toBe(
      'ps',
    );
    const hidden = { TABTERM_PROC_ROOT: '/nowhere' };
    const seen: string[] = [];
    const exists = (path: string) => {
      seen.push(path);
      return path.startsWith('/proc');
    };
    expect(sourceKind({ platform: 'linux', env: hidden, exists, psWorks: always })).toBe('ps');
    expect(seen).toEqual(['/nowhere/self/stat']);
    expect(sourceKind({ platform: 'linux', env: { TABTERM_PROCESS_TABLE: 'magic' }, exists: always })).toBe(
      'proc',
    );
  });
});
