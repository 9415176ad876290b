import { describe, expect, it } from 'vitest';
import type { LayoutTab } from '../../shared/protocol';
import { liveTab } from '../../shared/testing/layout-fixtures';
import { type Attachment, planSession, type Trigger } from './session-plan';

const tab = (patch: Partial<LayoutTab> = {}) =>
  liveTab('t1', { cwd: '/home/u/project', sessionId: 's1', ...patch });

const attached: Attachment = { phase: 'attached', sessionId: 's1' };
const ALL: Trigger[] = ['shown', 'layout', 'retry', 'restart'];

describe('planSession', () => {
  it('does nothing for a live tab this window is attached to (switching is instant, no replay)', () => {
    for (const trigger of ALL) expect(planSession(tab(), attached, trigger)).toEqual({ kind: 'none' });
  });

  it('does nothing while an attach or spawn is in flight', () => {
    for (const trigger of ALL) {
      expect(planSession(tab(), { phase: 'attaching', sessionId: 's1' }, trigger).kind).toBe('none');
      expect(
        planSession(tab({ sessionId: null }), { phase: 'spawning', sessionId: null }, trigger).kind,
      ).toBe('none');
    }
  });

  it('attaches to a live session it is not attached to when the tab is shown', () => {
    expect(planSession(tab(), null, 'shown')).toEqual({ kind: 'attach', sessionId: 's1' });
  });

  it('spawns at once, in the tab cwd, for a tab without a session', () => {
    expect(planSession(tab({ sessionId: null, state: 'stale' }), null, 'shown')).toEqual({
      kind: 'spawn',
      cwd: '/home/u/project',
    });
    expect(planSession(tab({ sessionId: null, state: 'stale', cwd: null }), null, 'shown')).toEqual({
      kind: 'spawn',
      cwd: null,
    });
  });

  it('tries the old session of a stale tab first (it may have survived a dropped connection)', () => {
    expect(planSession(tab({ state: 'stale' }), null, 'shown')).toEqual({ kind: 'attach', sessionId: 's1' });
    expect(planSession(tab({ state: 'stale' }), attached, 'retry')).toEqual({
      kind: 'attach',
      sessionId: 's1',
    });
  });

  it('leaves a tab that went stale while shown alone until the user acts', () => {
    expect(planSession(tab({ state: 'stale' }), null, 'layout')).toEqual({ kind: 'none' });
    expect(planSession(tab({ state: 'stale' }), null, 'restart')).toEqual({
      kind: 'attach',
      sessionId: 's1',
    });
  });

  it('follows a session another window started for the shown tab', () => {
    expect(planSession(tab({ sessionId: 's2' }), attached, 'layout')).toEqual({
      kind: 'attach',
      sessionId: 's2',
    });
  });

  it('respawns an exited tab only on Enter or a click inside it', () => {
    const exited = tab({ state: 'exited', sessionId: null, exitCode: 1 });
    expect(planSession(exited, null, 'shown')).toEqual({ kind: 'none' });
    expect(planSession(exited, null, 'retry')).toEqual({ kind: 'none' });
    expect(planSession(exited, null, 'layout')).toEqual({ kind: 'none' });
    expect(planSession(exited, null, 'restart')).toEqual({ kind: 'spawn', cwd: '/home/u/project' });
  });
});
