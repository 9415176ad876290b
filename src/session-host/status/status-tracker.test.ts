import { describe, expect, it } from 'vitest';
import { StatusTracker } from './status-tracker';

function setup() {
  const tracker = new StatusTracker({ sessionId: 's1', tabId: 't1', shellName: 'bash', cwd: '/home' }, 1000);
  // What the mirror's parser hooks fill in (src/session-host/mirror/terminal-mirror.ts).
  const scanner = {
    bells: 0,
    title: null as string | null,
    reportedCwd: null as string | null,
    cwdReports: 0,
  };
  return { tracker, scanner };
}

describe('StatusTracker', () => {
  it('starts idle in the spawn cwd, titled after the shell, and reports that once', () => {
    const { tracker } = setup();
    expect(tracker.takeChange()).toMatchObject({ status: 'idle', title: 'bash', cwd: '/home', bells: 0 });
    expect(tracker.takeChange()).toBeNull();
  });

  it('follows the foreground program and titles the session after it', () => {
    const { tracker } = setup();
    tracker.takeChange();
    tracker.applyForeground({ running: true, command: 'sleep', cwd: '/home' });
    expect(tracker.takeChange()).toMatchObject({ status: 'running', command: 'sleep', title: 'sleep' });
    tracker.applyForeground({ running: true, command: 'sleep', cwd: '/home' });
    expect(tracker.takeChange()).toBeNull();
    tracker.applyForeground({ running: false, command: null, cwd: '/home' });
    expect(tracker.takeChange()).toMatchObject({ status: 'idle', command: null, title: 'bash' });
  });

  it('prefers an OSC title over the command, and falls back when it is cleared', () => {
    const { tracker, scanner } = setup();
    scanner.title = 'hello';
    tracker.applyScanner(scanner);
    tracker.applyForeground({ running: true, command: 'vim', cwd: null });
    expect(tracker.takeChange()).toMatchObject({ title: 'hello', command: 'vim' });
    scanner.title = null;
    tracker.applyScanner(scanner);
    expect(tracker.takeChange()).toMatchObject({ title: 'vim' });
  });

  it('counts bells from the scanner', () => {
    const { tracker, scanner } = setup();
    tracker.takeChange();
    scanner.bells += 2;
    tracker.applyScanner(scanner);
    expect(tracker.takeChange()).toMatchObject({ bells: 2 });
  });

  it('lets the newest source of the cwd win: an OSC 7 report is not undone by an unchanged /proc cwd', () => {
    const { tracker, scanner } = setup();
    tracker.applyForeground({ running: false, command: null, cwd: '/home' });
    scanner.reportedCwd = '/srv/app';
    scanner.cwdReports++;
    tracker.applyScanner(scanner);
    expect(tracker.status.cwd).toBe('/srv/app');
    tracker.applyForeground({ running: false, command: null, cwd: '/home' });
    expect(tracker.status.cwd).toBe('/srv/app');
    tracker.applyForeground({ running: false, command: null, cwd: '/tmp' });
    expect(tracker.status.cwd).toBe('/tmp');
  });

  it('moves lastOutputAt at most once per throttle period', () => {
    const { tracker } = setup();
    tracker.noteOutput(10_000);
    expect(tracker.takeChange()).toMatchObject({ lastOutputAt: 10_000 });
    tracker.noteOutput(10_400);
    tracker.noteOutput(10_999);
    expect(tracker.takeChange()).toBeNull();
    tracker.noteOutput(11_000);
    expect(tracker.takeChange()).toMatchObject({ lastOutputAt: 11_000 });
  });

  it('reports the exit and ignores foreground polls afterwards', () => {
    const { tracker } = setup();
    tracker.applyForeground({ running: true, command: 'make', cwd: null });
    tracker.markExited(3);
    expect(tracker.takeChange()).toMatchObject({
      status: 'exited',
      exitCode: 3,
      command: null,
      title: 'bash',
    });
    tracker.applyForeground({ running: true, command: 'make', cwd: null });
    expect(tracker.takeChange()).toBeNull();
  });
});
