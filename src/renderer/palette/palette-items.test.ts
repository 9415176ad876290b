import { describe, expect, it } from 'vitest';
import type { Layout } from '../../shared/protocol';
import { CommandId } from '../../shared/settings';
import { liveTab } from '../../shared/testing/layout-fixtures';
import { type CommandContext, registerAppCommands } from '../app-commands';
import { CommandRegistry } from '../commands';
import type { LayoutActions } from '../layout-actions';
import { paletteItems } from './palette-items';

const layout: Layout = {
  workspaces: [
    { id: 'w1', name: 'Main', tabIds: ['a', 'b'], activeTabId: 'a' },
    { id: 'w2', name: 'Ops', tabIds: ['c'], activeTabId: 'c' },
  ],
  tabs: {
    a: liveTab('a', { title: 'bash' }),
    b: liveTab('b', { title: 'vim', customName: 'editor' }),
    c: liveTab('c', { title: 'htop' }),
  },
  activeWorkspaceId: 'w1',
};

describe('paletteItems', () => {
  it('lists the registry’s commands with their keys, then tabs, workspaces and profiles', () => {
    const items = paletteItems({
      commands: [
        { id: 'tab.new', label: 'New Tab', enabled: true },
        { id: 'terminal.find', label: 'Find…', enabled: false },
      ],
      keyFor: (id) => (id === 'tab.new' ? 'Ctrl+Shift+T' : null),
      layout,
      profiles: [
        { name: 'Dev', kind: 'shell', source: 'user', icon: null, tabColor: null },
        { name: 'Box', kind: 'ssh', source: 'user', icon: null, tabColor: null },
      ],
      online: true,
    });
    expect(items.map((i) => [i.label, i.detail, i.hint, i.disabled])).toEqual([
      ['New Tab', 'Command', 'Ctrl+Shift+T', false],
      ['Find…', 'Command', null, true],
      ['bash', 'Tab in Main', null, false],
      ['editor', 'Tab in Main', null, false],
      ['htop', 'Tab in Ops', null, false],
      ['Main', 'Workspace', null, false],
      ['Ops', 'Workspace', null, false],
      ['Dev', 'New tab: profile', null, false],
      ['Box', 'New tab: SSH profile', null, false],
    ]);
    expect(items.map((i) => i.action)).toContainEqual({ kind: 'tab', tabId: 'b' });
    expect(items.map((i) => i.action)).toContainEqual({ kind: 'profile', name: 'Box' });
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });

  it('offers profiles as disabled while there is no connection, and nothing of a layout not yet known', () => {
    const items = paletteItems({
      commands: [],
      keyFor: () => null,
      layout: null,
      profiles: [{ name: 'zsh', kind: 'shell', source: 'detected', icon: null, tabColor: null }],
      online: false,
    });
    expect(items).toEqual([expect.objectContaining({ label: 'zsh', disabled: true })]);
  });
});

describe('the palette and the app’s commands', () => {
  it('offers every command the app registers, by the registry’s own labels', () => {
    const registry = new CommandRegistry();
    const actions = { visibleTab: () => 'a', visibleWorkspace: () => null } as unknown as LayoutActions;
    const context: CommandContext = {
      actions,
      host: 'desktop',
      connected: () => true,
      visibleView: () => null,
      renameVisibleTab: () => {},
      importScheme: () => {},
      openSettings: () => {},
      openFind: () => {},
      zoom: () => {},
      focusTerminalNext: () => {},
      notify: () => {},
      openPalette: () => {},
      openWindow: () => {},
    };
    registerAppCommands(registry, context);
    const items = paletteItems({
      commands: registry.list(),
      keyFor: () => null,
      layout: null,
      profiles: [],
      online: true,
    });
    const offered = items.flatMap((item) => (item.action.kind === 'command' ? [item.action.id] : []));
    expect(new Set(offered)).toEqual(new Set(CommandId.options));
    for (const item of items) expect(item.label).toBe(registry.label((item.action as { id: CommandId }).id));
  });
});
