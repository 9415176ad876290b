// Clipboard and file habits (README "Clipboard and files"): paste confirmation on every paste path,
// copy on select, right-click paste, OSC 52 writes without read replies, dropped files, file paths
// that open on Ctrl+click.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  browserHostOnly,
  pointAt,
  readyShell,
  reopen,
  run,
  screen,
  screenText,
  selectedTab,
  shot,
} from './helpers';

const setClipboard = (page: Page, text: string) =>
  page.evaluate((value) => navigator.clipboard.writeText(value), text);
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

/** Lines of the screen that are exactly `text` (output, not the echo of a typed command). */
async function outputLines(page: Page, text: string): Promise<number> {
  return (await screenText(page)).split('\n').filter((line) => line.trim() === text).length;
}

test.beforeEach(async ({ context }) => {
  browserHostOnly('the desktop app denies the page clipboard permissions; its paste goes through menu roles');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

test('pasting several lines with the paste keys asks first, shows the start and the line count; Cancel pastes nothing', async ({
  page,
}) => {
  await readyShell(page);
  await setClipboard(page, 'echo first-pasted\necho second-pasted\n');
  await page.keyboard.press('Control+Shift+V');
  const dialog = page.getByRole('alertdialog', { name: 'Paste several lines?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('2 lines');
  await expect(dialog.getByLabel('Start of the text')).toHaveText('echo first-pasted\necho second-pasted\n');
  await shot(page, 'paste-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  // Focus is back in the terminal, and nothing of the paste reached the shell.
  await run(page, 'echo after-cancel', 'after-cancel');
  expect(await outputLines(page, 'first-pasted')).toBe(0);

  await page.keyboard.press('Control+Shift+V');
  await dialog.getByRole('button', { name: 'Paste' }).click();
  await expect(dialog).toBeHidden();
  // Bash asked for bracketed paste: the lines wait in its editor until Enter.
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText(/^second-pasted\s*$/m, { useInnerText: true });
  expect(await outputLines(page, 'first-pasted')).toBe(1);
});

test('a paste event (middle-click on Linux, a menu Paste) gets the same question; one line pastes at once', async ({
  page,
}) => {
  await readyShell(page);
  // A paste event with its own data, as middle-click on Linux or a menu's Paste delivers it.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', 'echo event-one\necho event-two\n');
    const textarea = document.querySelector('.terminal-view:not([hidden]) textarea');
    textarea?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  });
  const dialog = page.getByRole('alertdialog', { name: 'Paste several lines?' });
  await dialog.getByRole('button', { name: 'Paste' }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText(/^event-two\s*$/m, { useInnerText: true });

  // One line, but over confirmPasteOverChars (5000): asked too; Cancel sends nothing.
  await setClipboard(page, `echo ${'x'.repeat(6000)}`);
  await page.keyboard.press('Control+Shift+V');
  const large = page.getByRole('alertdialog', { name: 'Paste this much text?' });
  await expect(large).toContainText('6,005 characters');
  await large.getByRole('button', { name: 'Cancel' }).click();
  await expect(large).toBeHidden();

  await setClipboard(page, 'one-line-paste');
  await page.keyboard.type('echo ');
  await page.keyboard.press('Control+Shift+V');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText(/^one-line-paste\s*$/m, { useInnerText: true });
  await expect(dialog).toHaveCount(0);
});

test('by default on Linux a right-click keeps the context menu: nothing is pasted or copied', async ({
  page,
}) => {
  test.skip(process.platform === 'win32', 'on Windows a right-click pastes by default (pointer-habits.ts)');
  await readyShell(page);
  await setClipboard(page, 'not-pasted');
  await run(page, 'echo menu-word', /^menu-word$/m);
  await page.evaluate(() => {
    window.addEventListener('contextmenu', (event) => {
      document.body.dataset.menuPrevented = String(event.defaultPrevented);
    });
  });
  const word = await pointAt(page, 'menu-word');
  await page.mouse.click(word.x, word.y, { button: 'right' });
  // The event reached the page unprevented: the browser (or Electron) shows its menu.
  await expect(page.locator('body')).toHaveAttribute('data-menu-prevented', 'false');
  // Headless Chromium draws no menu, so typing goes on in the terminal.
  await run(page, 'echo after-menu', 'after-menu');
  expect(await screenText(page)).not.toContain('not-pasted');
  expect(await clipboard(page)).toBe('not-pasted');
});

test('settings: copy on select, right-click pastes, and the multi-line question turned off', async ({
  page,
  server,
}) => {
  writeFileSync(
    join(server.dataDir, 'settings.json'),
    '{ "copyOnSelect": true, "rightClickAction": "paste", "confirmMultilinePaste": false }',
  );
  const app = await reopen(page, server, await server.restart('SIGTERM'));
  await readyShell(app);
  await run(app, 'echo selectme', /^selectme$/m);
  const word = await pointAt(app, 'selectme');
  await app.mouse.dblclick(word.x, word.y);
  await expect.poll(() => clipboard(app)).toBe('selectme');
  // A drag copies what it ends with, once the button is up.
  await run(app, 'echo dragged-text', /^dragged-text$/m);
  const dragged = await screen(app).getByText('dragged-text', { exact: true }).last().boundingBox();
  if (!dragged) throw new Error('dragged-text is not on screen');
  const middle = dragged.y + dragged.height / 2;
  await app.mouse.move(dragged.x + 1, middle);
  await app.mouse.down();
  await app.mouse.move(dragged.x + dragged.width / 2, middle, { steps: 4 });
  await app.mouse.move(dragged.x + dragged.width - 1, middle, { steps: 4 });
  await app.mouse.up();
  await expect.poll(() => clipboard(app)).toBe('dragged-text');

  await setClipboard(app, 'echo right-one\necho right-two\n');
  await app.mouse.click(word.x, word.y, { button: 'right' });
  await expect(screen(app)).toContainText('echo right-two');
  await app.keyboard.press('Enter');
  // No question: the setting turned it off; both lines ran.
  await expect(screen(app)).toContainText(/^right-two\s*$/m, { useInnerText: true });
  expect(await outputLines(app, 'right-one')).toBe(1);
  await expect(app.getByRole('alertdialog')).toHaveCount(0);
});

test('OSC 52 writes the clipboard; a read request gets no reply and leaves the clipboard alone', async ({
  page,
}) => {
  await readyShell(page);
  await setClipboard(page, 'secret-clipboard');
  // The way of catching a reply works: a device-attributes query is answered.
  await run(
    page,
    `printf '\\e[c'; read -r -s -t 5 -d c reply; echo "da=[\${reply:1}]"`,
    /^da=\[\[\?[0-9;]+\]\s*$/m,
  );
  // A read request: nothing comes back (read times out with nothing).
  await run(
    page,
    `printf '\\e]52;c;?\\a'; read -r -s -t 2 -d $'\\a' reply; echo "osc=[\${reply}]"`,
    /^osc=\[\]\s*$/m,
  );
  expect(await screenText(page)).not.toContain('secret-clipboard');
  expect(await clipboard(page)).toBe('secret-clipboard');

  await run(page, `printf '\\e]52;c;%s\\a' "$(printf 'from osc 52' | base64)"; echo written`, 'written');
  await expect.poll(() => clipboard(page)).toBe('from osc 52');
  // Invalid base64 is ignored.
  await run(page, `printf '\\e]52;c;not*base64\\a'; echo ignored`, 'ignored');
  expect(await clipboard(page)).toBe('from osc 52');
});

test('dropping files types their quoted names (a browser gives no path), space-separated', async ({
  page,
}) => {
  await readyShell(page);
  await page.keyboard.type('printf "<%s>\\n" ');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['a'], "it's here.txt"));
    data.items.add(new File(['b'], 'second file.txt'));
    const target = document.querySelector('.terminal-view:not([hidden]) .xterm-screen');
    for (const type of ['dragenter', 'dragover', 'drop'])
      target?.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(screen(page)).toContainText(`'it'\\''s here.txt' 'second file.txt'`);
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText(/^<it's here\.txt>\s*$/m, { useInnerText: true });
  await expect(screen(page)).toContainText(/^<second file\.txt>\s*$/m, { useInnerText: true });
});

test('a Ctrl+clicked file path opens through the server (relative to the shell directory); a missing file or a program is refused with a message', async ({
  page,
  server,
}) => {
  mkdirSync(join(server.home, 'docs'), { recursive: true });
  writeFileSync(join(server.home, 'docs', 'report.txt'), 'report\n');
  writeFileSync(join(server.home, 'docs', 'run.sh'), '#!/bin/sh\n', { mode: 0o755 });
  await readyShell(page);
  await run(page, 'cd ~/docs && echo in-docs', 'in-docs');
  // The relative path resolves against the directory the shell reports.
  await expect(selectedTab(page)).toHaveAttribute('title', /\/docs\b/);
  await run(page, 'echo ./report.txt:3:1; echo ./missing.txt; echo ./run.sh', './run.sh');
  const report = await pointAt(page, './report.txt:3:1');
  await page.mouse.move(report.x - 5, report.y);
  await page.mouse.move(report.x, report.y);
  await expect(page.getByRole('tooltip')).toHaveText('./report.txt (Ctrl+click to open)');
  // A plain click selects, as always; only the modifier-click opens.
  await page.mouse.click(report.x, report.y);
  await page.keyboard.down('Control');
  await page.mouse.click(report.x, report.y);
  await page.keyboard.up('Control');
  await expect.poll(() => server.openedPaths()).toEqual([join(server.home, 'docs', 'report.txt')]);

  const missing = await pointAt(page, './missing.txt');
  await page.mouse.move(missing.x - 5, missing.y);
  await page.mouse.move(missing.x, missing.y);
  await page.keyboard.down('Control');
  await page.mouse.click(missing.x, missing.y);
  await page.keyboard.up('Control');
  await expect(page.getByRole('alert').filter({ hasText: 'no such file or folder' })).toContainText(
    join(server.home, 'docs', 'missing.txt'),
  );
  // A program is never started from a link.
  const program = await pointAt(page, './run.sh');
  await page.mouse.move(program.x - 5, program.y);
  await page.mouse.move(program.x, program.y);
  await page.keyboard.down('Control');
  await page.mouse.click(program.x, program.y);
  await page.keyboard.up('Control');
  await expect(page.getByRole('alert').filter({ hasText: 'it is a program' })).toContainText(
    join(server.home, 'docs', 'run.sh'),
  );
  expect(server.openedPaths()).toHaveLength(1);
});
