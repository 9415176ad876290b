import { describe, expect, it } from 'vitest';
import { CommandRegistry } from './commands';

describe('CommandRegistry', () => {
  it('runs a registered command and says so', () => {
    const registry = new CommandRegistry();
    let runs = 0;
    registry.register({ id: 'tab.new', label: 'New Tab', run: () => runs++ });
    expect(registry.run('tab.new')).toBe(true);
    expect(runs).toBe(1);
    expect(registry.label('tab.new')).toBe('New Tab');
  });

  it('does nothing for unknown or disabled commands', () => {
    const registry = new CommandRegistry();
    let runs = 0;
    let enabled = false;
    registry.register({ id: 'tab.close', label: 'Close Tab', run: () => runs++, isEnabled: () => enabled });
    expect(registry.run('tab.next')).toBe(false);
    expect(registry.run('tab.close')).toBe(false);
    enabled = true;
    expect(registry.run('tab.close')).toBe(true);
    expect(runs).toBe(1);
  });

  it('lists every command in registration order, with whether it can run now', () => {
    const registry = new CommandRegistry();
    registry.register({ id: 'view.zoomIn', label: 'Zoom In', run: () => {} });
    registry.register({ id: 'tab.close', label: 'Close Tab', run: () => {}, isEnabled: () => false });
    expect(registry.list()).toEqual([
      { id: 'view.zoomIn', label: 'Zoom In', enabled: true },
      { id: 'tab.close', label: 'Close Tab', enabled: false },
    ]);
  });

  it('refuses to register one id twice', () => {
    const registry = new CommandRegistry();
    registry.register({ id: 'tab.new', label: 'a', run: () => {} });
    expect(() => registry.register({ id: 'tab.new', label: 'b', run: () => {} })).toThrow(/twice/);
  });
});
