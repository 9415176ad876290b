import { describe, expect, it, vi } from 'vitest';
import { Channels } from '../../preload/channels';
import { parseClientMessage } from '../../shared/protocol';
import { type GuardedEvent, IpcGuard, type IpcMainLike } from './ipc-guard';
import { parseExternalUrl, parseHello, parseOpenWindow, parseWorkspaceReport } from './ipc-payloads';

const TRUSTED = 'app://tabterm';

function setup() {
  const listeners = new Map<string, (event: GuardedEvent, ...args: unknown[]) => void>();
  const ipc: IpcMainLike = { on: (channel, listener) => listeners.set(channel, listener) };
  const log = vi.fn();
  const guard = new IpcGuard({ ipc, trustedUrl: TRUSTED, isOurWindow: (id) => id === 1, log });
  const emit = (channel: string, event: GuardedEvent, ...args: unknown[]) =>
    listeners.get(channel)?.(event, ...args);
  return { guard, emit, log };
}

const top = (url = 'app://tabterm/index.html', id = 1): GuardedEvent => ({
  senderFrame: { url, parent: null },
  sender: { id },
});
const sub = (url = 'app://tabterm/index.html'): GuardedEvent => ({
  senderFrame: { url, parent: {} },
  sender: { id: 1 },
});
const message = { type: 'tab_activate', tabId: 't1' };

describe('IpcGuard', () => {
  it('passes a valid message from our page to the handler, with the sender id', () => {
    const { guard, emit } = setup();
    const handler = vi.fn();
    guard.on(Channels.send, parseClientMessage, handler);
    emit(Channels.send, top(), message);
    expect(handler).toHaveBeenCalledWith(message, { webContentsId: 1 });
    expect(guard.refusals).toBe(0);
  });

  it('carries a settings_update from our page, and refuses one from another origin', () => {
    const { guard, emit } = setup();
    const handler = vi.fn();
    guard.on(Channels.send, parseClientMessage, handler);
    const update = { type: 'settings_update', changes: [{ key: 'theme', value: 'Nord' }] };
    emit(Channels.send, top('https://evil.example/'), update);
    expect(handler).not.toHaveBeenCalled();
    emit(Channels.send, top(), update);
    expect(handler).toHaveBeenCalledWith(update, { webContentsId: 1 });
  });

  it.each([
    ['a sub-frame', sub()],
    ['another origin', top('https://evil.example/')],
    ['a frame that is gone', { senderFrame: null, sender: { id: 1 } }],
    ['a web contents that is not one of our windows', top('app://tabterm/index.html', 7)],
  ])('refuses %s before parsing anything', (_label, event) => {
    const { guard, emit, log } = setup();
    const handler = vi.fn();
    const parse = vi.fn(parseClientMessage);
    guard.on(Channels.send, parse, handler);
    emit(Channels.send, event as GuardedEvent, message);
    expect(parse).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
    expect(guard.refusals).toBe(1);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^IPC tabterm:send refused: untrusted sender/));
  });

  it('refuses an invalid payload and extra arguments', () => {
    const { guard, emit, log } = setup();
    const handler = vi.fn();
    guard.on(Channels.send, parseClientMessage, handler);
    emit(Channels.send, top(), { type: 'terminal_input', sessionId: 'bad id!', data: 'x' });
    emit(Channels.send, top(), message, 'extra');
    expect(handler).not.toHaveBeenCalled();
    expect(guard.refusals).toBe(2);
    expect(log.mock.calls[0]?.[0]).toMatch(/refused: sessionId:/);
  });

  it('keeps main up when a handler throws', () => {
    const { guard, emit, log } = setup();
    guard.on(Channels.send, parseClientMessage, () => {
      throw new Error('boom');
    });
    expect(() => emit(Channels.send, top(), message)).not.toThrow();
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/handler failed: Error: boom/));
  });

  it('allows one handler per channel', () => {
    const { guard } = setup();
    guard.on(Channels.hello, parseHello, () => {});
    expect(() => guard.on(Channels.hello, parseHello, () => {})).toThrow(/already handled/);
  });

  it('stops logging after many refusals but keeps counting', () => {
    const { guard, emit, log } = setup();
    guard.on(Channels.send, parseClientMessage, () => {});
    for (let i = 0; i < 200; i++) emit(Channels.send, sub(), message);
    expect(guard.refusals).toBe(200);
    expect(log.mock.calls.length).toBeLessThanOrEqual(50);
  });
});

describe('desktop IPC payloads', () => {
  it('hello carries nothing', () => {
    expect(parseHello(undefined)).toEqual({ ok: true, value: null });
    expect(parseHello({ evil: true }).ok).toBe(false);
  });

  it('open-external takes only safe http(s) URLs', () => {
    expect(parseExternalUrl('https://example.com/')).toEqual({ ok: true, value: 'https://example.com/' });
    expect(parseExternalUrl('file:///etc/passwd').ok).toBe(false);
    expect(parseExternalUrl(['https://example.com/']).ok).toBe(false);
  });

  it('open-window takes an optional tab id and nothing else', () => {
    expect(parseOpenWindow({})).toEqual({ ok: true, value: {} });
    expect(parseOpenWindow({ tabId: 't-1' })).toEqual({ ok: true, value: { tabId: 't-1' } });
    expect(parseOpenWindow({ tabId: '../x' }).ok).toBe(false);
    expect(parseOpenWindow({ tabId: 't', url: 'https://x' }).ok).toBe(false);
  });

  it('workspace reports take an id or null', () => {
    expect(parseWorkspaceReport({ workspaceId: 'w1' })).toEqual({ ok: true, value: { workspaceId: 'w1' } });
    expect(parseWorkspaceReport({ workspaceId: null })).toEqual({ ok: true, value: { workspaceId: null } });
    expect(parseWorkspaceReport({}).ok).toBe(false);
  });
});
