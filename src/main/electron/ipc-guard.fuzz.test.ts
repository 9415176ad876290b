// IPC from anything but our own page's top frame is refused, on every renderer → main channel, whatever
// it carries. Property-based: random senders (sub-frames, other origins and schemes, look-alikes,
// credentials, unknown web contents, destroyed frames) and random payloads against the real parsers; a
// handler runs only for a trusted sender with a valid payload, and then gets exactly the parsed value.
// A source check makes sure no channel bypasses the guard.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Channel, Channels } from '../../preload/channels';
import { parseClientMessage } from '../../shared/protocol';
import { type GuardedEvent, IpcGuard, type IpcMainLike } from './ipc-guard';
import {
  type Parser,
  parseClipboardText,
  parseExternalUrl,
  parseHello,
  parseOpenSettingsFile,
  parseOpenWindow,
  parsePaste,
  parseWorkspaceReport,
} from './ipc-payloads';

const TRUSTED = 'app://tabterm';
const OUR_WINDOW = 1;

/** Renderer → main channels and their real parsers, as app-shell.ts registers them. */
const INBOUND: Array<[Channel, Parser<unknown>]> = [
  [Channels.hello, parseHello],
  [Channels.send, parseClientMessage],
  [Channels.openExternal, parseExternalUrl],
  [Channels.openWindow, parseOpenWindow],
  [Channels.workspace, parseWorkspaceReport],
  [Channels.openSettingsFile, parseOpenSettingsFile],
  [Channels.paste, parsePaste],
  [Channels.clipboardWrite, parseClipboardText],
];

/** Frame URLs with the verdict a person would give them (not computed by the code under test). */
const FRAME_URLS: Array<[string, boolean]> = [
  ['app://tabterm/index.html', true],
  ['app://tabterm/index.html?workspace=w1#top', true],
  ['app://tabterm/', true],
  ['app://tabterm.evil/index.html', false],
  ['app://evil/index.html', false],
  ['app://evil.tabterm/index.html', false],
  ['app://user:pw@tabterm/index.html', false],
  ['app://tabterm@evil/index.html', false],
  ['https://tabterm/index.html', false],
  ['http://localhost:5173/', false],
  ['file:///opt/Tabterm/resources/app.asar/out/renderer/index.html', false],
  ['about:blank', false],
  ['about:srcdoc', false],
  ['data:text/html,<script>1</script>', false],
  ['blob:app://tabterm/0b9a0c1e', false],
  ['javascript:alert(1)', false],
  ['chrome-extension://abc/index.html', false],
  ['devtools://devtools/bundled/inspector.html', false],
  ['', false],
  ['not a url', false],
];

const trustedUrls = FRAME_URLS.filter(([, trusted]) => trusted);
const foreignUrls = FRAME_URLS.filter(([, trusted]) => !trusted);
const frameUrl = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...trustedUrls) },
  { weight: 3, arbitrary: fc.constantFrom(...foreignUrls) },
  {
    weight: 1,
    arbitrary: fc
      .webUrl({ withQueryParameters: true, withFragments: true })
      .map((url) => [url, false] as [string, boolean]),
  },
);

/** Payloads each channel accepts, so trusted senders get through often enough to be checked. */
const VALID: Record<string, unknown[]> = {
  [Channels.hello]: [undefined, null],
  [Channels.send]: [{ type: 'tab_activate', tabId: 't1' }, { type: 'host_restart' }],
  [Channels.openExternal]: ['https://example.com/', 'http://127.0.0.1:8080/x?y#z'],
  [Channels.openWindow]: [{}, { tabId: 't1' }],
  [Channels.workspace]: [{ workspaceId: null }, { workspaceId: 'w1' }],
  [Channels.paste]: [undefined, null],
  [Channels.clipboardWrite]: ['copied text', ''],
};

const hostile = fc.oneof(
  fc.constantFrom<unknown>(
    { type: 'terminal_input', sessionId: 'bad id!', data: 'rm -rf ~\r' },
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:pw@example.com/',
    { tabId: '../x' },
    { tabId: 't1', url: 'https://x' },
    {},
    JSON.parse('{"__proto__":{"polluted":true},"workspaceId":"w1"}'),
  ),
  fc.anything({ maxDepth: 2 }),
);

const event = fc.constantFrom(...INBOUND.map(([channel]) => channel)).chain((channel) => {
  const valid = fc.constantFrom(...(VALID[channel] ?? [null]));
  return fc.record({
    channel: fc.constant(channel),
    frame: fc.oneof(
      { weight: 9, arbitrary: fc.record({ url: frameUrl, top: fc.boolean() }) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    senderId: fc.oneof(
      { weight: 4, arbitrary: fc.constant(OUR_WINDOW) },
      { weight: 1, arbitrary: fc.integer() },
    ),
    args: fc.oneof(
      { weight: 2, arbitrary: valid.map((value) => [value]) },
      { weight: 2, arbitrary: hostile.map((value) => [value]) },
      { weight: 1, arbitrary: fc.array(fc.oneof(hostile, valid), { maxLength: 3 }) },
    ),
  });
});

describe('IpcGuard under random senders and payloads', () => {
  it('runs a handler only for our top frame in one of our windows with a valid payload, 5 000 times', () => {
    const listeners = new Map<string, (event: GuardedEvent, ...args: unknown[]) => void>();
    const ipc: IpcMainLike = { on: (channel, listener) => listeners.set(channel, listener) };
    const guard = new IpcGuard({
      ipc,
      trustedUrl: TRUSTED,
      isOurWindow: (id) => id === OUR_WINDOW,
      log: () => {},
    });
    const handled: Array<{ channel: string; value: unknown; sender: number }> = [];
    for (const [channel, parse] of INBOUND) {
      guard.on(channel, parse, (value, sender) =>
        handled.push({ channel, value, sender: sender.webContentsId }),
      );
    }
    let accepted = 0;
    fc.assert(
      fc.property(event, ({ channel, frame, senderId, args }) => {
        const before = handled.length;
        const refusals = guard.refusals;
        const guarded: GuardedEvent = {
          senderFrame: frame && { url: frame.url[0], parent: frame.top ? null : {} },
          sender: { id: senderId },
        };
        expect(() => listeners.get(channel)?.(guarded, ...args)).not.toThrow();
        const trustedSender = frame?.url[1] === true && frame.top && senderId === OUR_WINDOW;
        const parse = INBOUND.find(([name]) => name === channel)![1];
        const parsed = args.length <= 1 ? parse(args[0]) : null;
        if (trustedSender && parsed?.ok) {
          accepted += 1;
          expect(handled.slice(before)).toEqual([{ channel, value: parsed.value, sender: OUR_WINDOW }]);
        } else {
          expect(handled.length).toBe(before);
          expect(guard.refusals).toBe(refusals + 1);
        }
      }),
      { numRuns: 5_000 },
    );
    expect(accepted).toBeGreaterThan(50);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('no IPC channel bypasses the guard', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? sources(join(dir, entry.name))
        : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
          ? [join(dir, entry.name)]
          : [],
    );

  it('main registers handlers only through IpcGuard, and registers every renderer → main channel', () => {
    for (const file of sources('src/main')) {
      const text = readFileSync(file, 'utf8');
      // ipcMain.on/once/handle/handleOnce/addListener anywhere would be a door without a guard.
      expect(text, file).not.toMatch(
        /ipcMain\s*\.\s*(on|once|handle|handleOnce|addListener|prependListener)\s*\(/,
      );
    }
    const shell = readFileSync('src/main/electron/app-shell.ts', 'utf8');
    const registered = [...shell.matchAll(/guard\.on\(Channels\.(\w+)/g)].map((match) => match[1]);
    const inbound = [
      'hello',
      'send',
      'openExternal',
      'openWindow',
      'workspace',
      'openSettingsFile',
      'paste',
      'clipboardWrite',
    ];
    expect(registered.sort()).toEqual([...inbound].sort());
    // Every channel in the list is one of those or a main → renderer one (which main only sends on).
    expect(Object.keys(Channels).sort()).toEqual(
      [...inbound, 'message', 'connection', 'command', 'accessibility'].sort(),
    );
  });
});
