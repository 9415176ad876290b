import { describe, expect, it, vi } from 'vitest';
import { ClipboardLimits } from '../shared/limits';
import type { ServerMessage } from '../shared/protocol';
import { Channels } from './channels';
import { createPreloadBridge, type IpcRendererLike } from './preload-bridge';

function fakeIpc() {
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const sent: Array<[string, ...unknown[]]> = [];
  const ipc: IpcRendererLike = {
    send: (channel, ...args) => {
      sent.push([channel, ...args]);
    },
    on: (channel, listener) => {
      listeners.set(channel, listener);
    },
  };
  // What Electron would pass: an event whose `sender` is the ipcRenderer itself.
  const event = { sender: ipc, ports: [] };
  const emit = (channel: string, ...args: unknown[]) => listeners.get(channel)?.(event, ...args);
  return { ipc, sent, emit };
}

const layoutMessage: ServerMessage = {
  type: 'layout',
  revision: 1,
  layout: { workspaces: [], tabs: {}, activeWorkspaceId: null },
};

describe('preload bridge', () => {
  it('says hello on load so main (re)connects this window', () => {
    const { ipc, sent } = fakeIpc();
    createPreloadBridge(ipc, () => {});
    expect(sent).toEqual([[Channels.hello]]);
  });

  it('passes only the message to listeners, never the event object', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createPreloadBridge(ipc, () => {});
    const listener = vi.fn();
    bridge.onMessage(listener);
    emit(Channels.message, layoutMessage);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([layoutMessage]);
  });

  it('keeps messages that arrive before the page subscribes and delivers them in order', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createPreloadBridge(ipc, () => {});
    const status: ServerMessage = { type: 'host_status', state: 'running', restarts: 0, message: null };
    emit(Channels.message, layoutMessage);
    emit(Channels.message, status);
    const received: ServerMessage[] = [];
    bridge.onMessage((message) => received.push(message));
    expect(received).toEqual([layoutMessage, status]);
  });

  it('gives a dropped file\'s path from webUtils, and "" when webUtils refuses the value', () => {
    const { ipc } = fakeIpc();
    const file = { name: 'a.txt' };
    const webUtils = {
      getPathForFile: (value: never) => {
        if (value !== (file as never)) throw new TypeError('not a File');
        return '/home/me/a.txt';
      },
    };
    const bridge = createPreloadBridge(ipc, () => {}, webUtils);
    expect(bridge.pathForFile(file)).toBe('/home/me/a.txt');
    expect(bridge.pathForFile('not a file')).toBe('');
  });

  it('asks main to paste natively, and to copy text, refusing what is not text or too long', () => {
    const { ipc, sent } = fakeIpc();
    const warn = vi.fn();
    const bridge = createPreloadBridge(ipc, warn);
    sent.length = 0;
    bridge.pasteClipboard();
    bridge.writeClipboard('from osc 52');
    bridge.writeClipboard(42 as unknown as string);
    bridge.writeClipboard('x'.repeat(ClipboardLimits.maxWriteChars + 1));
    expect(sent).toEqual([[Channels.paste], [Channels.clipboardWrite, 'from osc 52']]);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('unsubscribes', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createPreloadBridge(ipc, () => {});
    const listener = vi.fn();
    const stop = bridge.onMessage(listener);
    stop();
    emit(Channels.message, layoutMessage);
    expect(listener).not.toHaveBeenCalled();
  });

  it('drops malformed messages from main with a warning', () => {
    const { ipc, emit } = fakeIpc();
    const warn = vi.fn();
    const bridge = createPreloadBridge(ipc, warn);
    const listener = vi.fn();
    bridge.onMessage(listener);
    emit(Channels.message, 'not an object');
    emit(Channels.message, { noType: true });
    expect(listener).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('reports open at once and closed only when main says so', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createPreloadBridge(ipc, () => {});
    const states: string[] = [];
    bridge.onConnection((state) => states.push(state));
    expect(states).toEqual(['open']);
    emit(Channels.connection, 'bogus');
    emit(Channels.connection, 'closed');
    expect(states).toEqual(['open', 'closed']);
  });

  it('forwards menu commands by id and ignores malformed ones', () => {
    const { ipc, emit } = fakeIpc();
    const warn = vi.fn();
    const bridge = createPreloadBridge(ipc, warn);
    const commands: string[] = [];
    bridge.onCommand((command) => commands.push(command));
    emit(Channels.command, { type: 'command', id: 'tab.new' });
    emit(Channels.command, { type: 'command', id: 'rm -rf' });
    emit(Channels.command, 'tab.new');
    expect(commands).toEqual(['tab.new']);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('sends client messages, links, window requests and the shown workspace on their channels', () => {
    const { ipc, sent } = fakeIpc();
    const bridge = createPreloadBridge(ipc, () => {});
    bridge.send({ type: 'tab_activate', tabId: 't1' });
    bridge.send({ type: 'settings_update', changes: [{ key: 'fontSize', value: 16 }] });
    bridge.openExternal('https://example.com/');
    bridge.openWindow({});
    bridge.openWindow({ tabId: 't1' });
    bridge.reportWorkspace('w1');
    bridge.reportWorkspace(null);
    expect(sent.slice(1)).toEqual([
      [Channels.send, { type: 'tab_activate', tabId: 't1' }],
      [Channels.send, { type: 'settings_update', changes: [{ key: 'fontSize', value: 16 }] }],
      [Channels.openExternal, 'https://example.com/'],
      [Channels.openWindow, {}],
      [Channels.openWindow, { tabId: 't1' }],
      [Channels.workspace, { workspaceId: 'w1' }],
      [Channels.workspace, { workspaceId: null }],
    ]);
  });

  it('tells the page whether the OS reports a screen reader, the last word included, and drops a malformed one', () => {
    const { ipc, emit } = fakeIpc();
    const warn = vi.fn();
    const bridge = createPreloadBridge(ipc, warn);
    const early = vi.fn();
    bridge.onAccessibilitySupport(early);
    expect(early).not.toHaveBeenCalled();
    emit(Channels.accessibility, true);
    expect(early).toHaveBeenLastCalledWith(true);
    const late = vi.fn();
    const unsubscribe = bridge.onAccessibilitySupport(late);
    expect(late).toHaveBeenCalledWith(true);
    emit(Channels.accessibility, 'yes');
    expect(warn).toHaveBeenCalledTimes(1);
    unsubscribe();
    emit(Channels.accessibility, false);
    expect(early).toHaveBeenLastCalledWith(false);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('refuses a link that is not a string of sane length without sending it', () => {
    const { ipc, sent } = fakeIpc();
    const warn = vi.fn();
    const bridge = createPreloadBridge(ipc, warn);
    bridge.openExternal(`https://example.com/${'a'.repeat(9000)}`);
    bridge.openExternal(42 as unknown as string);
    expect(sent).toEqual([[Channels.hello]]);
    expect(warn).toHaveBeenCalledTimes(2);
  });
});
