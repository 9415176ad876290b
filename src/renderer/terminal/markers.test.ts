import { describe, expect, it } from 'vitest';
import { clockTime, exitedMarker, lostMarker, restartedMarker } from './markers';

describe('markers', () => {
  it('say what happened, in words a person reads', () => {
    expect(exitedMarker(3, null)).toContain('[process exited with code 3 — press Enter to restart]');
    expect(exitedMarker(null, 9)).toContain('[process was ended by signal 9 — press Enter to restart]');
    expect(restartedMarker(new Date(2024, 0, 1, 9, 5, 7))).toContain('── session restarted 09:05:07 ──');
    expect(lostMarker()).toContain('press Enter');
  });

  it('leave the alternate screen and mouse/paste modes before writing', () => {
    for (const marker of [exitedMarker(0, null), restartedMarker(new Date()), lostMarker()]) {
      expect(marker.startsWith('\x1b[?1047l')).toBe(true);
      expect(marker).toContain('\x1b[?1000l');
      expect(marker).toContain('\x1b[?2004l');
      expect(marker).toContain('\x1b[0m\r\n');
    }
  });

  it('hides the cursor under an exit note; a restart shows it again (soft reset)', () => {
    expect(exitedMarker(0, null).endsWith('\x1b[?25l')).toBe(true);
    expect(restartedMarker(new Date())).toContain('\x1b[!p');
  });

  it('formats the clock with two digits each', () => {
    expect(clockTime(new Date(2024, 0, 1, 0, 0, 0))).toBe('00:00:00');
  });
});
