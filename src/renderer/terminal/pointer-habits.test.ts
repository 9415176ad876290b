import { describe, expect, it } from 'vitest';
import { pointerHabits, rightClickEffect } from './pointer-habits';

const unset = { copyOnSelect: null, rightClickAction: null };

describe('pointerHabits', () => {
  it('leaves copy on select off on every system unless asked', () => {
    for (const os of ['mac', 'windows', 'linux'] as const)
      expect(pointerHabits(unset, os).copyOnSelect).toBe(false);
    expect(pointerHabits({ ...unset, copyOnSelect: true }, 'linux').copyOnSelect).toBe(true);
  });

  it('keeps the context menu on right-click everywhere by default', () => {
    expect(pointerHabits(unset, 'windows').rightClickAction).toBe('menu');
    expect(pointerHabits(unset, 'mac').rightClickAction).toBe('menu');
    expect(pointerHabits(unset, 'linux').rightClickAction).toBe('menu');
  });

  it('lets a setting win over the system habit', () => {
    expect(pointerHabits({ ...unset, rightClickAction: 'copyPaste' }, 'windows').rightClickAction).toBe(
      'copyPaste',
    );
    expect(pointerHabits({ ...unset, rightClickAction: 'paste' }, 'mac').rightClickAction).toBe('paste');
    expect(pointerHabits({ ...unset, copyOnSelect: false }, 'mac').copyOnSelect).toBe(false);
  });
});

describe('rightClickEffect', () => {
  it('menu always shows the menu, paste always pastes', () => {
    expect(rightClickEffect('menu', true)).toBe('menu');
    expect(rightClickEffect('menu', false)).toBe('menu');
    expect(rightClickEffect('paste', true)).toBe('paste');
  });

  it('copyPaste copies a selection, else pastes', () => {
    expect(rightClickEffect('copyPaste', true)).toBe('copy');
    expect(rightClickEffect('copyPaste', false)).toBe('paste');
  });
});
