// A program that changes its title in a loop does not flood other windows (issue 16, item 8): before,
// every output batch with a new title sent a full layout and a status to every client, idle ones too
// (378 layouts, 5.6 MB in 5 s). Titles now travel in session_status, at most one per session per
// StatusUpdates.intervalMs, and the layout (kept for restarts and later clients) is not broadcast.
import { afterEach, describe, expect, it } from 'vitest';
import { StatusUpdates } from '../../src/shared/limits';
import { type Harness, startHub } from './helpers/hub-harness';
import { waitFor } from './helpers/wait';

let harness: Harness | null = null;

afterEach(async () => {
  await harness?.hub.shutdown(3_000);
  harness = null;
});

describe('a title-changing loop', () => {
  it('reaches an idle window as a few coalesced statuses, no layouts, and its title is kept', async () => {
    harness = await startHub();
    const looping = harness.connect('looping');
    const { sessionId, tabId } = await harness.spawnFirstTab(looping);
    const idle = harness.connect('idle');
    await idle.waitFor('layout');
    const loop =
      'i=0; while [ $i -lt 40000 ]; do printf "\\033]0;title-%d\\007" $i; i=$((i+1)); done; echo loop-$((40+2))-done';
    const started = Date.now();
    const from = idle.received.length;
    looping.do({ type: 'terminal_input', sessionId, data: `${loop}\r` });
    await looping.waitForText(sessionId, /loop-42-done\r?$/m, 60_000);
    // The last title of the loop arrives, once the interval has passed.
    await waitFor(
      () => idle.of('session_status').some((m) => m.title === 'title-39999'),
      'the final title at the idle window',
    );
    const seconds = (Date.now() - started) / 1000;
    const seen = idle.received.slice(from);
    const layouts = seen.filter((m) => m.type === 'layout');
    const statuses = seen.filter((m) => m.type === 'session_status');
    const bytes = JSON.stringify(seen).length;
    expect(layouts).toEqual([]);
    // One leading status, one per interval, one trailing (and idle/running changes around the loop).
    expect(statuses.length).toBeLessThanOrEqual(Math.ceil((seconds * 1000) / StatusUpdates.intervalMs) + 6);
    expect(bytes).toBeLessThan(400 * (statuses.length + 1));
    // The layout keeps the title for the next client.
    expect(harness.hub.currentLayout.tabs[tabId]?.title).toBe('title-39999');
    const later = harness.connect('later');
    expect((await later.waitFor('layout')).layout.tabs[tabId]?.title).toBe('title-39999');
  }, 90_000);
});
