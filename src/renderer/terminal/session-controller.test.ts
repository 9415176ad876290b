import { describe, expect, it } from 'vitest';
import { FlowControl, ReplayFeed, SessionLimits } from '../../shared/limits';
import type { ClientMessage, Layout, LayoutTab, ServerMessage } from '../../shared/protocol';
import { liveTab } from '../../shared/testing/layout-fixtures';
import { visibleTabId } from '../state/selectors';
import { FeedPacer, type PacerClock } from './feed-queue';
import type { TabtermProbe } from './probe';
import { SWAP_BEGIN, SWAP_END } from './replay-pieces';
import { SessionController, type SessionView } from './session-controller';

/** Timers run only when the test says so. */
class ManualClock implements PacerClock {
  private timers: Array<() => void> = [];
  at = 0;
  now() {
    return this.at;
  }
  setTimeout(run: () => void) {
    this.timers.push(run);
    return run;
  }
  clearTimeout(handle: unknown) {
    this.timers = this.timers.filter((run) => run !== handle);
  }
  /** Lets a frame pass and runs what was due. */
  tick() {
    this.at += 1_000;
    for (const run of this.timers.splice(0)) run();
  }
}

class FakeView implements SessionView {
  size = { cols: 100, rows: 30 };
  hasContent = false;
  shown = false;
  written: string[] = [];
  notes: string[] = [];
  /** Writes and notes in the order they reached the terminal. */
  order: string[] = [];
  resets = 0;
  disposed = false;
  private parsing: Array<() => void> = [];
  show() {
    this.shown = true;
  }
  hide() {
    this.shown = false;
  }
  write(data: string, onParsed: () => void) {
    if (data.length > 0) this.hasContent = true;
    this.written.push(data);
    this.order.push(`write ${data}`);
    this.parsing.push(onParsed);
  }
  /** xterm finished parsing everything written so far. */
  parse() {
    for (const done of this.parsing.splice(0)) done();
  }
  writeNote(text: string) {
    this.hasContent = true;
    this.notes.push(text);
    this.order.push(`note ${text}`);
  }
  reset() {
    this.resets++;
    this.written = [];
  }
  paintBarrier() {
    this.order.push('paint');
  }
  dispose() {
    this.disposed = true;
  }
}

const tab = (id: string, patch: Partial<LayoutTab> = {}) => liveTab(id, { cwd: `/home/u/${id}`, ...patch });

function layoutOf(tabs: LayoutTab[], active: string): Layout {
  return {
    workspaces: [{ id: 'w1', name: 'One', tabIds: tabs.map((t) => t.id), activeTabId: active }],
    tabs: Object.fromEntries(tabs.map((t) => [t.id, t])),
    activeWorkspaceId: 'w1',
  };
}

function harness(probe: TabtermProbe | null = null) {
  const clock = new ManualClock();
  const sent: ClientMessage[] = [];
  const views = new Map<string, FakeView>();
  const outputs: string[] = [];
  const shown: string[] = [];
  const controller = new SessionController<FakeView>({
    bridge: { send: (message) => sent.push(message) },
    createView: (tabId) => {
      const view = new FakeView();
      views.set(tabId, view);
      return view;
    },
    mountView: () => {},
    onOutput: (tabId) => outputs.push(tabId),
    onShown: (tabId) => shown.push(tabId),
    now: () => new Date(2024, 0, 1, 12, 0, 0),
    pacer: new FeedPacer({ sliceChars: 4, tickChars: 4, tickMs: 16 }, clock),
    probe,
  });
  let layout: Layout | null = null;
  /** The workspace this window shows (null: the layout's active one). */
  let shownWorkspace: string | null = null;
  /** The hub's message, then the store's change, as app.ts orders them. */
  const receive = (message: ServerMessage) => {
    controller.handleMessage(message);
    if (message.type === 'layout') layout = message.layout;
    controller.sync(layout, 'open', visibleTabId(layout, shownWorkspace));
  };
  const showWorkspace = (workspaceId: string) => {
    shownWorkspace = workspaceId;
    controller.sync(layout, 'open', visibleTabId(layout, shownWorkspace));
  };
  const showLayout = (next: Layout) => receive({ type: 'layout', layout: next, revision: 1 });
  const take = () => sent.splice(0);
  controller.onConnection('open');
  return { controller, sent, views, outputs, shown, receive, showLayout, showWorkspace, take, clock };
}

describe('SessionController', () => {
  it('attaches the shown live tab, replays into a reset terminal, and acks what xterm parsed', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a'), tab('b')], 'a'));
    expect(h.take()).toEqual([
      { type: 'terminal_attach', tabId: 'a', sessionId: 's-a', cols: 100, rows: 30 },
    ]);
    expect(h.views.get('a')?.shown).toBe(true);
    expect(h.views.has('b')).toBe(false);

    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    h.receive({ type: 'terminal_replay', sessionId: 's-a', data: 'old screen' });
    h.receive({ type: 'terminal_output', sessionId: 's-a', data: 'live' });
    const view = h.views.get('a')!;
    expect(view.resets).toBe(1);
    expect(view.written).toEqual(['old screen', 'live']);
    expect(h.take()).toEqual([]);
    view.parse();
    expect(h.take()).toEqual([{ type: 'terminal_ack', sessionId: 's-a', chars: 'old screen'.length + 4 }]);
  });

  it('paints the screen of a replay first, then swaps in the whole replay in slices, acking both parts', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a')], 'a'));
    h.take();
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    const data = 'x'.repeat(ReplayFeed.sliceChars + 10);
    h.receive({ type: 'terminal_replay', sessionId: 's-a', data, screen: 'screen' });
    h.receive({ type: 'terminal_output', sessionId: 's-a', data: 'live' });
    const view = h.views.get('a')!;
    expect(view.resets).toBe(1);
    expect(view.order).toEqual([
      'write screen',
      'paint',
      `note ${SWAP_BEGIN}`,
      `write ${'x'.repeat(ReplayFeed.sliceChars)}`,
      `write ${'x'.repeat(10)}`,
      `note ${SWAP_END}`,
      'write live',
    ]);
    view.parse();
    const acked = h.take().reduce((sum, m) => sum + (m.type === 'terminal_ack' ? m.chars : 0), 0);
    expect(acked).toBe('screen'.length + data.length + 'live'.length);
  });

  it('acks every ackEveryChars while output keeps coming', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a')], 'a'));
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    h.take();
    const chunk = 'x'.repeat(FlowControl.ackEveryChars / 2);
    for (let i = 0; i < 5; i++) h.receive({ type: 'terminal_output', sessionId: 's-a', data: chunk });
    h.views.get('a')?.parse();
    const acks = h.take().filter((m) => m.type === 'terminal_ack');
    expect(acks.reduce((sum, m) => sum + (m.type === 'terminal_ack' ? m.chars : 0), 0)).toBe(
      chunk.length * 5,
    );
    expect(acks.length).toBeGreaterThanOrEqual(2);
  });

  it('switches between attached tabs without attaching again, and keeps acking hidden ones', () => {
    const h = harness();
    const tabs = [tab('a'), tab('b')];
    h.showLayout(layoutOf(tabs, 'a'));
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    h.showLayout(layoutOf(tabs, 'b'));
    h.receive({ type: 'terminal_ready', tabId: 'b', sessionId: 's-b', pid: 2, shell: 'bash', cwd: '/' });
    h.take();
    h.showLayout(layoutOf(tabs, 'a'));
    h.showLayout(layoutOf(tabs, 'b'));
    expect(h.take()).toEqual([]);
    expect(h.views.get('a')?.shown).toBe(false);
    h.receive({ type: 'terminal_output', sessionId: 's-a', data: 'bg' });
    expect(h.outputs).toEqual(['a']);
    // Hidden: paced, handed over on the next tick, acked once parsed.
    expect(h.views.get('a')?.written).toEqual([]);
    h.clock.tick();
    expect(h.views.get('a')?.written).toEqual(['bg']);
    expect(h.take()).toEqual([]);
    h.views.get('a')?.parse();
    expect(h.take()).toEqual([{ type: 'terminal_ack', sessionId: 's-a', chars: 2 }]);
  });

  it('feeds a hidden tab in slices, acking only what was parsed, and flushes it when shown', () => {
    const h = harness();
    const tabs = [tab('a'), tab('b')];
    h.showLayout(layoutOf(tabs, 'a'));
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    h.showLayout(layoutOf(tabs, 'b'));
    h.receive({ type: 'terminal_ready', tabId: 'b', sessionId: 's-b', pid: 2, shell: 'bash', cwd: '/' });
    h.take();
    h.receive({ type: 'terminal_output', sessionId: 's-a', data: 'abcdefghij' });
    h.receive({ type: 'terminal_closed', tabId: 'a', sessionId: 's-a', exitCode: 0, signal: null });
    const a = h.views.get('a')!;
    h.clock.tick();
    expect(a.written).toEqual(['abcd']);
    // One slice in flight per tab: nothing more until xterm parsed it.
    h.clock.tick();
    expect(a.written).toEqual(['abcd']);
    a.parse();
    expect(h.take()).toEqual([]);
    h.clock.tick();
    expect(a.written).toEqual(['abcd', 'efgh']);
    expect(a.notes).toEqual([]);
    // Shown again: the rest at once, then the exit note after it.
    h.showLayout(layoutOf(tabs, 'a'));
    expect(a.written).toEqual(['abcd', 'efgh', 'ij']);
    expect(a.notes).toHaveLength(1);
  });

  it('tells the probe what xterm parsed and which session a tab got', () => {
    const parsed: string[] = [];
    const attached: string[] = [];
    const h = harness({
      parsed: (sessionId, data) => parsed.push(`${sessionId}:${data}`),
      attached: (tabId, sessionId) => attached.push(`${tabId}:${sessionId}`),
    });
    h.showLayout(layoutOf([tab('a')], 'a'));
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    expect(attached).toEqual(['a:s-a']);
    h.receive({ type: 'terminal_replay', sessionId: 's-a', data: 'old' });
    h.receive({ type: 'terminal_output', sessionId: 's-a', data: 'new' });
    expect(parsed).toEqual([]);
    h.views.get('a')?.parse();
    expect(parsed).toEqual(['s-a:old', 's-a:new']);
  });

  it('spawns a tab without a session in its cwd, then sends input and resizes to that session', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a', { sessionId: null, state: 'stale' })], 'a'));
    expect(h.take()).toEqual([{ type: 'terminal_spawn', tabId: 'a', cols: 100, rows: 30, cwd: '/home/u/a' }]);
    expect(h.views.get('a')?.notes).toEqual([]);
    h.controller.input('a', 'ls\r');
    expect(h.take()).toEqual([]);
    h.receive({
      type: 'terminal_ready',
      tabId: 'a',
      sessionId: 's-new',
      pid: 3,
      shell: 'bash',
      cwd: '/home/u/a',
    });
    h.controller.input('a', 'ls\r');
    h.controller.resized('a', { cols: 90, rows: 20 });
    expect(h.take()).toEqual([
      { type: 'terminal_input', sessionId: 's-new', data: 'ls\r' },
      { type: 'terminal_resize', sessionId: 's-new', cols: 90, rows: 20 },
    ]);
  });

  it('sends a size that changed while the spawn was in flight once the session is ready', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a', { sessionId: null, state: 'stale' })], 'a'));
    h.take();
    h.views.get('a')!.size = { cols: 70, rows: 20 };
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-new', pid: 3, shell: 'bash', cwd: '/' });
    expect(h.take()).toEqual([{ type: 'terminal_resize', sessionId: 's-new', cols: 70, rows: 20 }]);
  });

  it('splits input larger than one message without losing any of it', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a')], 'a'));
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    h.take();
    const paste = 'p'.repeat(SessionLimits.maxInputChars + 10);
    h.controller.input('a', paste);
    const inputs = h.take();
    expect(inputs).toHaveLength(2);
    expect(inputs.map((m) => (m.type === 'terminal_input' ? m.data : '')).join('')).toBe(paste);
  });

  it('respawns in the last cwd below a marker when the old session is unknown', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a', { state: 'stale' })], 'a'));
    expect(h.take()).toEqual([
      { type: 'terminal_attach', tabId: 'a', sessionId: 's-a', cols: 100, rows: 30 },
    ]);
    h.views.get('a')!.hasContent = true;
    h.receive({
      type: 'terminal_error',
      tabId: 'a',
      sessionId: 's-a',
      code: 'unknown_session',
      message: 'gone',
    });
    expect(h.take()).toEqual([{ type: 'terminal_spawn', tabId: 'a', cols: 100, rows: 30, cwd: '/home/u/a' }]);
    expect(h.views.get('a')?.notes[0]).toContain('session restarted 12:00:00');
    // The fresh session's first output is appended below the old text, not replacing it.
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-2', pid: 4, shell: 'bash', cwd: '/' });
    h.receive({ type: 'terminal_replay', sessionId: 's-2', data: '$ ' });
    expect(h.views.get('a')?.resets).toBe(0);
    // A later replay (the hub's fresh one for a window that fell behind) replaces the screen.
    h.receive({ type: 'terminal_replay', sessionId: 's-2', data: '$ now' });
    expect(h.views.get('a')?.resets).toBe(1);
  });

  it('says when a process exits and respawns the same tab on Enter', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a')], 'a'));
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    h.take();
    h.receive({ type: 'terminal_closed', tabId: 'a', sessionId: 's-a', exitCode: 2, signal: null });
    h.showLayout(layoutOf([tab('a', { state: 'exited', exitCode: 2, sessionId: null })], 'a'));
    expect(h.views.get('a')?.notes).toHaveLength(1);
    expect(h.views.get('a')?.notes[0]).toContain('exited with code 2');
    expect(h.take()).toEqual([]);
    h.controller.input('a', 'x');
    expect(h.take()).toEqual([]);
    h.controller.input('a', '\r');
    expect(h.take()).toEqual([{ type: 'terminal_spawn', tabId: 'a', cols: 100, rows: 30, cwd: '/home/u/a' }]);
  });

  it('writes the exit note for a tab that exited while this window was not attached', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a'), tab('b', { state: 'exited', exitCode: 7, sessionId: null })], 'a'));
    h.showLayout(layoutOf([tab('a'), tab('b', { state: 'exited', exitCode: 7, sessionId: null })], 'b'));
    h.showLayout(layoutOf([tab('a'), tab('b', { state: 'exited', exitCode: 7, sessionId: null })], 'b'));
    expect(h.views.get('b')?.notes).toHaveLength(1);
    expect(h.views.get('b')?.notes[0]).toContain('exited with code 7');
  });

  it('marks stale tabs lost and waits for the user before starting anything', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a')], 'a'));
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    h.take();
    h.receive({ type: 'terminal_stale', tabIds: ['a'] });
    h.showLayout(layoutOf([tab('a', { state: 'stale' })], 'a'));
    expect(h.views.get('a')?.notes[0]).toContain('session lost');
    expect(h.take()).toEqual([]);
    h.controller.input('a', 'echo\r');
    expect(h.take()).toEqual([
      { type: 'terminal_attach', tabId: 'a', sessionId: 's-a', cols: 100, rows: 30 },
    ]);
  });

  it('holds a request while the session host restarts and sends it once the host runs', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a', { state: 'stale' })], 'a'));
    h.receive({ type: 'terminal_error', tabId: 'a', code: 'unknown_session', message: 'gone' });
    h.receive({ type: 'terminal_error', tabId: 'a', code: 'host_unavailable', message: 'not running' });
    h.take();
    h.receive({ type: 'host_status', state: 'restarting', restarts: 1, message: null });
    h.controller.activate('a', 'retry');
    expect(h.take()).toEqual([]);
    h.receive({ type: 'host_status', state: 'running', restarts: 1, message: null });
    expect(h.take()).toEqual([
      { type: 'terminal_attach', tabId: 'a', sessionId: 's-a', cols: 100, rows: 30 },
    ]);
  });

  it('after a dropped connection waits for the new layout, then attaches the shown tab again', () => {
    const h = harness();
    const layout = layoutOf([tab('a')], 'a');
    h.showLayout(layout);
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    h.take();
    h.controller.onConnection('closed');
    h.controller.sync(layout, 'closed', 'a');
    h.controller.input('a', 'lost');
    h.controller.onConnection('open');
    h.controller.sync(layout, 'open', 'a');
    expect(h.take()).toEqual([]);
    h.showLayout(layout);
    expect(h.take()).toEqual([
      { type: 'terminal_attach', tabId: 'a', sessionId: 's-a', cols: 100, rows: 30 },
    ]);
  });

  it('drops terminal replies xterm makes to queries inside a replay, but not typing', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a')], 'a'));
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    h.receive({ type: 'terminal_replay', sessionId: 's-a', data: 'vim asked \x1b[c' });
    h.take();
    h.controller.input('a', '\x1b[?1;2c');
    h.controller.input('a', 'k');
    expect(h.take()).toEqual([{ type: 'terminal_input', sessionId: 's-a', data: 'k' }]);
    h.views.get('a')?.parse();
    h.take();
    h.controller.input('a', '\x1b[A');
    expect(h.take()).toEqual([{ type: 'terminal_input', sessionId: 's-a', data: '\x1b[A' }]);
  });

  it('says a tab is replaying until the replay is parsed, and not for live output', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a')], 'a'));
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    expect(h.controller.isReplaying('a')).toBe(false);
    h.receive({ type: 'terminal_replay', sessionId: 's-a', data: 'old \x1b]52;c;aGk=\x07' });
    expect(h.controller.isReplaying('a')).toBe(true);
    h.views.get('a')?.parse();
    expect(h.controller.isReplaying('a')).toBe(false);
    h.receive({ type: 'terminal_output', sessionId: 's-a', data: 'new' });
    expect(h.controller.isReplaying('a')).toBe(false);
    expect(h.controller.isReplaying('unknown')).toBe(false);
  });

  it('follows a session another window started for the shown tab', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a')], 'a'));
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    h.take();
    h.showLayout(layoutOf([tab('a', { sessionId: 's-other' })], 'a'));
    expect(h.take()).toEqual([
      { type: 'terminal_attach', tabId: 'a', sessionId: 's-other', cols: 100, rows: 30 },
    ]);
  });

  it('shows the active tab of the workspace this window shows, whatever the hub’s active workspace', () => {
    const h = harness();
    const twoWorkspaces: Layout = {
      workspaces: [
        { id: 'w1', name: 'One', tabIds: ['a'], activeTabId: 'a' },
        { id: 'w2', name: 'Two', tabIds: ['b'], activeTabId: 'b' },
      ],
      tabs: { a: tab('a'), b: tab('b') },
      activeWorkspaceId: 'w1',
    };
    h.showWorkspace('w2');
    h.showLayout(twoWorkspaces);
    expect(h.take()).toEqual([
      { type: 'terminal_attach', tabId: 'b', sessionId: 's-b', cols: 100, rows: 30 },
    ]);
    expect(h.views.has('a')).toBe(false);
    // Another window activating w2 and back changes nothing here.
    h.showLayout({ ...twoWorkspaces, activeWorkspaceId: 'w2' });
    h.showLayout(twoWorkspaces);
    expect(h.take()).toEqual([]);
    expect(h.shown).toEqual(['b']);
  });

  it('disposes the view of a closed tab and ignores its late output', () => {
    const h = harness();
    h.showLayout(layoutOf([tab('a'), tab('b')], 'a'));
    h.receive({ type: 'terminal_ready', tabId: 'a', sessionId: 's-a', pid: 1, shell: 'bash', cwd: '/' });
    h.showLayout(layoutOf([tab('b')], 'b'));
    expect(h.views.get('a')?.disposed).toBe(true);
    h.receive({ type: 'terminal_output', sessionId: 's-a', data: 'late' });
    expect(h.views.get('a')?.written).toEqual([]);
  });
});
