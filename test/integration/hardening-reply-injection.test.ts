// Terminal reply injection (ANCHORS: xterm.js CVE-2019-0542 echoed DECRQSS bytes into the PTY; iTerm2
// CVE-2024-38396 answered a title report): output that asks the terminal to answer with attacker-chosen
// bytes must get nothing attacker-chosen back. Checked at three levels: @xterm/headless (the renderer's
// xterm 6 core, with the renderer's options); the hub with a real shell and no terminal in the loop (the
// main side itself answers nothing); and the hub with a headless xterm as the client, wired like the
// renderer (its onData becomes terminal_input), so every reply a real window would type is seen.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Terminal } from '@xterm/headless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../src/main/electron/security-policy';
import type { HubClient, HubConnection } from '../../src/main/hub/hub-client';
import { isOpenableUrl, shouldOpenLink } from '../../src/renderer/terminal/links';
import type { ServerMessage } from '../../src/shared/protocol';
import { type Harness, startHub } from './helpers/hub-harness';
import { waitFor } from './helpers/wait';

/** What the attacker wants typed into the shell; it must never come back. */
const MARK = 'EVIL_MARK';
const hex = (text: string) => Buffer.from(text).toString('hex');

const ATTACKS: Record<string, string> = {
  'title report (CSI 21 t)': `\x1b]2;${MARK};touch /tmp/pwned\x07\x1b[21t`,
  'icon label report (CSI 20 t)': `\x1b]1;${MARK}\r\x07\x1b[20t`,
  'DECRQSS with attacker bytes': `\x1bP$q${MARK}\r\x1b\\`,
  'DECRQSS with an embedded OSC': `\x1bP$q\x1b]0;${MARK}\x07m\x1b\\`,
  'DECRQSS of SGR after attacker SGR': `\x1b[1;4;38;5;99m\x1bP$qm\x1b\\\x1b[0m`,
  'XTGETTCAP of attacker names': `\x1bP+q${hex(MARK)};${hex('TN')}\x1b\\`,
  'OSC 52 clipboard read (BEL)': '\x1b]52;c;?\x07',
  'OSC 52 clipboard read (ST)': '\x1b]52;p;?\x1b\\',
  'OSC 8 javascript: link': `\x1b]8;;javascript:alert('${MARK}')\x1b\\click\x1b]8;;\x1b\\`,
  'OSC 8 file: link': '\x1b]8;;file:///etc/passwd\x1b\\notes\x1b]8;;\x1b\\',
  'OSC 8 deceptive link': `\x1b]8;;https://evil.example/${MARK}\x1b\\https://bank.example\x1b]8;;\x1b\\`,
  'size and position reports (CSI 14/18/19/13/11 t)': '\x1b[14t\x1b[18t\x1b[19t\x1b[13t\x1b[11t',
  'colour queries (OSC 4/10/11/12)': '\x1b]4;1;?\x07\x1b]10;?\x07\x1b]11;?\x07\x1b]12;?\x07',
  'ENQ answerback': '\x05',
};

/** A pattern over terminal bytes, with ESC written as "ESC" (keeps control characters out of literals). */
const bytes = (source: string) => new RegExp(source.replaceAll('ESC', '\\x1b'), 'g');

/** Replies xterm may legitimately send: fixed shapes, only digits and separators inside, no CR/LF. */
const FIXED_REPLIES = [
  bytes('ESCP[01]\\$r[0-9;]*[ "]?[a-zA-Z]?ESC\\\\'), // DECRQSS: "invalid" or the current setting
  bytes('ESC\\[\\d+;\\d+R'), // DSR cursor position
  bytes('ESC\\[\\??>?[\\d;]*c'), // DA1 / DA2
  bytes('ESC\\[\\?\\d+;\\d\\$y'), // DECRQM
  // Colour queries, answered from the fixed theme.
  bytes('ESC\\](?:4;\\d+|1[0-2]);rgb:[0-9a-f]{4}/[0-9a-f]{4}/[0-9a-f]{4}(?:\\x07|ESC\\\\)'),
];

function unexplained(replies: string): string {
  let rest = replies;
  for (const pattern of FIXED_REPLIES) rest = rest.replace(pattern, '');
  return rest;
}

/** The renderer's xterm options that matter here (src/renderer/terminal/terminal-view.ts). */
const RENDERER_OPTIONS = { allowProposedApi: true, windowOptions: {} } as const;

function headless(options: object = RENDERER_OPTIONS): { term: Terminal; replies: () => string } {
  const term = new Terminal({ cols: 100, rows: 30, ...options });
  let replies = '';
  term.onData((data) => {
    replies += data;
  });
  term.onBinary((data) => {
    replies += data;
  });
  return { term, replies: () => replies };
}

const write = (term: Terminal, data: string) => new Promise<void>((resolve) => term.write(data, resolve));

describe('xterm (headless, same core as the renderer) answers no attacker-chosen bytes', () => {
  it.each(Object.entries(ATTACKS))('%s', async (_name, attack) => {
    for (const options of [RENDERER_OPTIONS, {}]) {
      const { term, replies } = headless(options);
      await write(term, attack);
      expect(replies()).not.toContain(MARK);
      expect(replies()).not.toMatch(/[\r\n]/);
      expect(unexplained(replies())).toBe('');
      term.dispose();
    }
  });

  it('reports no window title even after the attacker set one', async () => {
    const { term, replies } = headless();
    await write(term, `\x1b]0;${MARK}\x07\x1b]2;${MARK}\x07\x1b[21t\x1b[20t\x1b[22;0t\x1b[21t`);
    expect(replies()).toBe('');
    term.dispose();
  });
});

describe('the renderer cannot read the clipboard or open dangerous links', () => {
  const rendererFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? rendererFiles(join(dir, entry.name)) : [join(dir, entry.name)],
    );

  it('never imports the clipboard addon (so OSC 52 reads go unanswered) and keeps window reports off', () => {
    const sources = rendererFiles('src/renderer').filter((file) => /\.(ts|tsx|js|mjs|html)$/.test(file));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) expect(readFileSync(file, 'utf8'), file).not.toMatch(/addon-clipboard/);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain(
      '@xterm/addon-clipboard',
    );
    const view = readFileSync('src/renderer/terminal/terminal-view.ts', 'utf8');
    expect(view).toMatch(/windowOptions: \{\}/);
    expect(view).toMatch(/allowNonHttpProtocols: false/);
  });

  it('opens only http(s) links, only on a modifier-click, and main refuses what the renderer lets by', () => {
    const ctrl = { ctrlKey: true, metaKey: false };
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'vbscript:x',
      'ssh://h',
    ]) {
      expect(shouldOpenLink(ctrl, url, 'other'), url).toBe(false);
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
    expect(shouldOpenLink({ ctrlKey: false, metaKey: false }, 'https://bank.example/', 'other')).toBe(false);
    // Credentials in a URL are a disguise (https://bank.example@evil.example/): main refuses them.
    expect(isSafeExternalUrl('https://bank.example@evil.example/')).toBe(false);
    expect(isOpenableUrl('https://bank.example/')).toBe(true);
  });
});

/** A hub client that is a terminal, wired as the renderer wires xterm: output in, onData out as input. */
class TerminalClient implements HubClient {
  readonly id = 'xterm-client';
  readonly term = new Terminal({ cols: 100, rows: 30, ...RENDERER_OPTIONS });
  readonly inputs: string[] = [];
  readonly received: ServerMessage[] = [];
  connection: HubConnection | null = null;
  sessionId: string | null = null;
  screen = '';

  constructor() {
    const forward = (data: string) => {
      this.inputs.push(data);
      if (this.sessionId)
        this.connection?.receive({ type: 'terminal_input', sessionId: this.sessionId, data });
    };
    this.term.onData(forward);
    this.term.onBinary(forward);
  }

  send(message: ServerMessage): void {
    this.received.push(message);
    if (message.type !== 'terminal_output' && message.type !== 'terminal_replay') return;
    const { sessionId, data } = message;
    this.screen += data;
    this.term.write(data, () =>
      this.connection?.receive({ type: 'terminal_ack', sessionId, chars: data.length }),
    );
  }

  type(data: string): void {
    if (this.sessionId) this.connection?.receive({ type: 'terminal_input', sessionId: this.sessionId, data });
  }
}

/** `printf` of the raw bytes, every non-alphanumeric byte as an octal escape (so the echo is inert). */
function printfOf(attack: string): string {
  const escaped = [...Buffer.from(attack)]
    .map((byte) =>
      /[A-Za-z0-9]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `\\${byte.toString(8).padStart(3, '0')}`,
    )
    .join('');
  return `printf '${escaped}'`;
}

/**
 * Prints every attack, then reads the terminal raw for a second: whatever anything typed back lands in
 * `x`. `%q` makes the result printable; letters of an injected marker would show as they are.
 */
const PROBE = `stty raw -echo; ${Object.values(ATTACKS).map(printfOf).join('; ')}; read -r -t 1 -d '' x; stty sane; printf '\\n%s:[%q]\\n' got "$x"`;

describe('through the hub with a real shell', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHub();
  });

  afterAll(async () => {
    await harness.hub.shutdown(3_000);
  });

  it('the main side answers nothing: the shell reads no input after the attacks', async () => {
    const client = harness.connect('plain');
    const { sessionId } = await harness.spawnFirstTab(client);
    client.do({ type: 'terminal_input', sessionId, data: `${PROBE}\r` });
    await client.waitForText(sessionId, /got:\[.*\]\r?\n/, 15_000);
    expect(client.screenText(sessionId)).toMatch(/got:\[''\]\r?\n/);
  });

  it('a terminal client wired like the renderer types back nothing the attacker chose', async () => {
    const workspaceId = harness.hub.currentLayout.workspaces[0]!.id;
    const terminal = new TerminalClient();
    terminal.connection = harness.hub.connect(terminal);
    terminal.connection.receive({ type: 'tab_create', workspaceId });
    const tabId = await waitFor(
      () =>
        harness.hub.currentLayout.workspaces[0]!.tabIds.find(
          (id) => harness.hub.currentLayout.tabs[id]?.state === 'stale',
        ),
      'a new tab',
    );
    terminal.connection.receive({ type: 'terminal_spawn', tabId, cols: 100, rows: 30 });
    const ready = await waitFor(
      () =>
        terminal.received.find(
          (m): m is Extract<ServerMessage, { type: 'terminal_ready' }> => m.type === 'terminal_ready',
        ),
      'terminal_ready',
    );
    terminal.sessionId = ready.sessionId;
    await waitFor(() => /\$ $/m.test(terminal.screen), 'the prompt');
    const typedBefore = terminal.inputs.length;
    terminal.type(`${PROBE}\r`);
    await waitFor(() => /got:\[.*\]\r?\n/.test(terminal.screen), 'the probe result', 15_000);
    const replies = terminal.inputs.slice(typedBefore).join('');
    // The loop is live (xterm did answer DECRQSS, with its fixed "invalid request" reply)...
    expect(replies).toContain('\x1bP0$r\x1b\\');
    // ...and nothing in what it typed was chosen by the output.
    expect(replies).not.toContain(MARK);
    expect(unexplained(replies)).toBe('');
    const got = terminal.screen.match(/got:\[(.*)\]\r?\n/)?.[1] ?? '';
    expect(got).not.toContain(MARK);
    expect(got).not.toMatch(/pwned|alert|evil/i);
    terminal.term.dispose();
  });
});
