import { describe, expect, it } from 'vitest';
import { quitPrompt } from './quit-prompt';

describe('quitPrompt', () => {
  it('asks nothing when nothing runs or the user turned confirmation off', () => {
    expect(quitPrompt([], true)).toBeNull();
    expect(quitPrompt([{ title: 'vim', command: 'vim' }], false)).toBeNull();
  });

  it('names the running program and the tab it runs in', () => {
    const prompt = quitPrompt([{ title: 'build', command: 'make' }], true);
    expect(prompt?.message).toBe('A program is still running. Quit and end it?');
    expect(prompt?.detail).toBe('• make (in "build")');
    expect(prompt?.buttons).toEqual(['Quit', 'Cancel']);
    expect(prompt?.cancelId).toBe(1);
  });

  it('lists at most eight and counts the rest', () => {
    const running = Array.from({ length: 11 }, (_, i) => ({ title: `t${i}`, command: `p${i}` }));
    const prompt = quitPrompt(running, true);
    expect(prompt?.message).toBe('11 programs are still running. Quit and end them?');
    const lines = prompt?.detail.split('\n') ?? [];
    expect(lines).toHaveLength(9);
    expect(lines.at(-1)).toBe('• and 3 more');
  });
});
