import { expect, test } from './fixtures';
import {
  newShellTab,
  readyShell,
  run,
  screen,
  selectedTab,
  shot,
  terminalTab,
  terminalTabs,
} from './helpers';

test('after a page reload every tab shows its text again: scrollback, and less and vim screens', async ({
  page,
}) => {
  await readyShell(page);
  await run(page, 'seq -f "line-%g" 1 300', 'line-300');

  await newShellTab(page, 2);
  await run(page, 'seq -f "paged-%g" 1 500 | less', 'paged-1');
  await expect(screen(page)).toContainText(':');

  await newShellTab(page, 3);
  await run(page, "printf 'alpha\\nbeta\\ngamma\\n' > notes.txt && vim -u NONE notes.txt", /"notes.txt"/);
  await expect(selectedTab(page)).toHaveAccessibleName(/running vim/);
  await shot(page, 'reload-before');

  await page.reload();

  // The shown tab (vim) is back at once; the others when they are shown.
  await expect(terminalTabs(page)).toHaveCount(3);
  await expect(selectedTab(page)).toHaveAttribute('data-state', 'live');
  await expect(screen(page)).toContainText('alpha');
  await expect(screen(page)).toContainText('gamma');
  // vim's empty-line markers: the full-screen program's screen, not the shell's scrollback.
  await expect(screen(page)).toContainText('~');
  await expect(screen(page)).not.toContainText('&& vim');
  await shot(page, 'reload-vim');
  // vim still has the keyboard: quit it and the shell prompt is there.
  await page.getByRole('tabpanel').locator('.terminal-view:not([hidden]) .xterm-screen').click();
  await page.keyboard.type(':q\n');
  await expect(screen(page)).toContainText('&& vim -u NONE notes.txt');

  await terminalTabs(page).nth(1).click();
  await expect(screen(page)).toContainText('paged-1');
  await expect(screen(page)).not.toContainText('paged-300');
  await page.keyboard.press('q');
  await expect(screen(page)).toContainText('| less');

  await terminalTabs(page).first().click();
  await expect(screen(page)).toContainText('line-300');
  // Scrollback came back too: page up to the top and the first lines are there.
  await page.getByRole('tabpanel').locator('.terminal-view:not([hidden]) .xterm-screen').click();
  await expect(async () => {
    await page.keyboard.press('Shift+PageUp');
    await expect(screen(page)).toContainText(/line-1(?!\d)/, { timeout: 300 });
  }).toPass({ timeout: 15_000 });
  await shot(page, 'reload-scrollback');
  await expect(terminalTab(page, 'bash')).toHaveCount(3);
});

test('a reload paints the screen before the scrollback is parsed, never shows anything else, and vim keeps its message line', async ({
  page,
}) => {
  await readyShell(page);
  // A full ring of scrollback behind a full-screen program, whose message line is drawn once.
  await run(page, 'seq -f "hist-%g" 1 3000', 'hist-3000');
  await run(
    page,
    "printf 'alpha\\nbeta\\ngamma\\n' > fid.txt && vim -u NONE -N fid.txt",
    /"fid.txt" 3L, 17B/,
  );
  await expect(selectedTab(page)).toHaveAccessibleName(/running vim/);

  // After the reload: every frame the terminal shows (its rows' text after each DOM update) and every chunk
  // of replay xterm parses, in order.
  await page.addInitScript(() => {
    const events: Array<{ kind: 'frame' | 'parsed'; text: string }> = [];
    (window as unknown as { __replayEvents: typeof events }).__replayEvents = events;
    window.__tabtermProbe = {
      parsed: (_sessionId, data) => events.push({ kind: 'parsed', text: data.slice(-64) }),
      attached: () => {},
    };
    new MutationObserver(() => {
      const rows = document.querySelector('.terminal-view:not([hidden]) .xterm-rows');
      if (rows) events.push({ kind: 'frame', text: rows.textContent ?? '' });
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await page.reload();

  await expect(screen(page)).toContainText('"fid.txt" 3L, 17B');
  await expect(screen(page)).toContainText('gamma');
  const events = await page.evaluate(
    () => (window as unknown as { __replayEvents: Array<{ kind: string; text: string }> }).__replayEvents,
  );
  const frames = events.filter((e) => e.kind === 'frame' && e.text.trim() !== '');
  // Only ever vim's screen: the scrollback behind it never flashes through while it is parsed.
  expect(frames.length).toBeGreaterThan(0);
  for (const frame of frames) {
    expect(frame.text).toContain('"fid.txt" 3L, 17B');
    expect(frame.text).not.toContain('hist-');
  }
  // The screen was on view before the last of the replay (the scrollback) was parsed.
  const firstFrame = events.findIndex((e) => e.kind === 'frame' && e.text.includes('gamma'));
  const lastParsed = events.findLastIndex((e) => e.kind === 'parsed');
  expect(firstFrame).toBeGreaterThanOrEqual(0);
  expect(firstFrame).toBeLessThan(lastParsed);

  // The scrollback is all there behind vim: quit it and page up.
  await page.getByRole('tabpanel').locator('.terminal-view:not([hidden]) .xterm-screen').click();
  await page.keyboard.type(':q\n');
  await expect(screen(page)).toContainText('hist-3000');
});
