import { describe, expect, it } from 'vitest';
import { LiveSession } from './live-session';

const info = { sessionId: 's1', tabId: 't1', pid: 1, shell: 'bash', cwd: '/', cols: 80, rows: 24 };

describe('LiveSession sizing', () => {
  it('follows the most recently active client', () => {
    const session = new LiveSession(info);
    expect(session.touch('a', { cols: 100, rows: 30 })).toEqual({ cols: 100, rows: 30 });
    expect(session.touch('b', { cols: 120, rows: 40 })).toEqual({ cols: 120, rows: 40 });
    expect(session.resize('a', { cols: 90, rows: 30 })).toBeNull();
    expect(session.touch('a')).toEqual({ cols: 90, rows: 30 });
  });

  it('keeps only the size of whatever message it was given', () => {
    const session = new LiveSession(info);
    const message = { type: 'terminal_resize', sessionId: 's1', cols: 100, rows: 30 };
    expect(session.touch('a', message)).toEqual({ cols: 100, rows: 30 });
    expect(session.resize('a', { ...message, cols: 90 })).toEqual({ cols: 90, rows: 30 });
  });

  it('does not resize to the size already applied', () => {
    const session = new LiveSession(info);
    expect(session.touch('a', { cols: 80, rows: 24 })).toBeNull();
  });

  it('falls back to the previous client when the active one leaves', () => {
    const session = new LiveSession(info);
    session.touch('a', { cols: 100, rows: 30 });
    session.touch('b', { cols: 120, rows: 40 });
    expect(session.forget('b')).toEqual({ cols: 100, rows: 30 });
  });

  it('ignores resizes from clients that are not attached', () => {
    const session = new LiveSession(info);
    expect(session.resize('ghost', { cols: 10, rows: 10 })).toBeNull();
  });
});
