import { describe, expect, it, vi } from 'vitest';
import type { ClientMessage, Layout } from '../../shared/protocol';
import { staleTab } from '../../shared/testing/layout-fixtures';
import type { HubClient, HubConnection } from '../hub/hub-client';
import { ShellClient } from './shell-client';

const tab = (id: string) => staleTab(id);

/** A tiny hub: applies the three edits the shell client uses and broadcasts the layout. */
function fakeHub(initial: Layout) {
  let layout = initial;
  let client: HubClient | null = null;
  const received: ClientMessage[] = [];
  let next = 1;
  const broadcast = () => client?.send({ type: 'layout', layout, revision: 1 });
  const hub = {
    connect(c: HubClient): HubConnection {
      client = c;
      broadcast();
      return {
        receive(raw) {
          const message = raw as ClientMessage;
          received.push(message);
          if (message.type === 'workspace_create') {
            const id = `new${next++}`;
            const fresh = `fresh${next++}`;
            layout = {
              workspaces: [...layout.workspaces, { id, name: id, tabIds: [fresh], activeTabId: fresh }],
              tabs: { ...layout.tabs, [fresh]: tab(fresh) },
              activeWorkspaceId: id,
            };
          } else if (message.type === 'tab_move') {
            layout = {
              ...layout,
              workspaces: layout.workspaces.map((w) =>
                w.id === message.workspaceId
                  ? { ...w, tabIds: [...w.tabIds, message.tabId], activeTabId: message.tabId }
                  : { ...w, tabIds: w.tabIds.filter((id) => id !== message.tabId) },
              ),
            };
          } else if (message.type === 'tab_close') {
            layout = {
              ...layout,
              workspaces: layout.workspaces.map((w) => ({
                ...w,
                tabIds: w.tabIds.filter((id) => id !== message.tabId),
              })),
            };
          } else {
            return;
          }
          broadcast();
        },
        disconnect() {
          client = null;
        },
      };
    },
  };
  return { hub, received };
}

const start: Layout = {
  workspaces: [{ id: 'w1', name: 'One', tabIds: ['t1', 't2'], activeTabId: 't2' }],
  tabs: { t1: tab('t1'), t2: tab('t2') },
  activeWorkspaceId: 'w1',
};

describe('ShellClient', () => {
  it('follows the layout and knows each workspace’s active tab', () => {
    const shell = new ShellClient(() => {});
    shell.connect(fakeHub(start).hub);
    expect(shell.activeTabOf('w1')).toBe('t2');
    expect(shell.activeTabOf(null)).toBe('t2');
    expect(shell.activeTabOf('nope')).toBeNull();
  });

  it('creates a workspace for a new window', async () => {
    const { hub, received } = fakeHub(start);
    const shell = new ShellClient(() => {});
    shell.connect(hub);
    expect(await shell.workspaceForNewWindow()).toBe('new1');
    expect(received.map((m) => m.type)).toEqual(['workspace_create']);
  });

  it('moves a tab into the new workspace and closes the placeholder tab', async () => {
    const { hub, received } = fakeHub(start);
    const shell = new ShellClient(() => {});
    shell.connect(hub);
    const id = await shell.workspaceForNewWindow('t1');
    expect(id).toBe('new1');
    expect(received).toEqual([
      { type: 'workspace_create' },
      { type: 'tab_move', tabId: 't1', workspaceId: 'new1' },
      { type: 'tab_close', tabId: 'fresh2' },
    ]);
    expect(shell.layout?.workspaces.find((w) => w.id === 'new1')?.tabIds).toEqual(['t1']);
  });

  it('gives up (null) when the hub does not answer, and logs refusals', async () => {
    vi.useFakeTimers();
    try {
      const log = vi.fn();
      const shell = new ShellClient(log);
      shell.connect({
        connect: (client) => {
          client.send({ type: 'layout', layout: start, revision: 1 });
          return {
            receive: () => client.send({ type: 'terminal_error', code: 'invalid_name', message: 'no' }),
            disconnect: () => {},
          };
        },
      });
      const pending = shell.workspaceForNewWindow();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(await pending).toBeNull();
      expect(log).toHaveBeenCalledWith('hub refused a window command: no');
    } finally {
      vi.useRealTimers();
    }
  });
});
