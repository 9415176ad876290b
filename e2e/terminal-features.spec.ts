import { expect, test } from './fixtures';
import {
  browserHostOnly,
  newShellTab,
  pointAt,
  readyShell,
  run,
  screen,
  screenText,
  shot,
  terminalTabs,
} from './helpers';

const rowCount = (page: import('@playwright/test').Page) =>
  page.getByRole('tabpanel').locator('.terminal-view:not([hidden]) .xterm-rows > div').count();

test('Find: Ctrl+Shift+F opens it, Enter and Shift+Enter step through matches, Escape closes', async ({
  page,
}) => {
  await readyShell(page);
  await run(page, 'echo needle-one; echo hay; echo needle-two', 'needle-two');
  await page.keyboard.press('Control+Shift+F');
  const find = page.getByRole('searchbox', { name: 'Find in terminal' });
  await expect(find).toBeFocused();
  await find.fill('needle-');
  const count = page.getByRole('search').getByRole('status');
  // The typed command line holds two more matches than the output.
  await expect(count).toHaveText(/^\d of 4$/);
  const first = await count.textContent();
  await find.press('Enter');
  await expect(count).not.toHaveText(first ?? '');
  await find.press('Shift+Enter');
  await expect(count).toHaveText(first ?? '');
  await shot(page, 'find-bar');
  await find.fill('no-such-text');
  await expect(count).toHaveText('No results');
  await find.press('Escape');
  await expect(find).toBeHidden();
  // Focus is back in the terminal: typing reaches the shell.
  await run(page, 'echo typed-after-find', 'typed-after-find');
});

test('links open only on Ctrl+click and only for http(s)', async ({ page, context }) => {
  browserHostOnly('the desktop app opens links in the system browser, which a test cannot watch');
  // No network here: answer the link's request locally so the opened page keeps its address.
  await context.route('https://example.com/**', (route) => route.fulfill({ body: 'opened' }));
  await readyShell(page);
  // An OSC 8 hyperlink to javascript: and a plain https URL.
  await run(page, "printf '\\e]8;;javascript:alert(1)\\e\\\\evil-link\\e]8;;\\e\\\\\\n'", 'evil-link');
  await run(page, 'echo https://example.com/tabterm-link', 'https://example.com/tabterm-link');
  const evil = await pointAt(page, 'evil-link');
  await page.mouse.move(evil.x, evil.y);
  await page.keyboard.down('Control');
  await page.mouse.click(evil.x, evil.y);
  await page.keyboard.up('Control');
  const url = await pointAt(page, 'https://example.com/tabterm-link');
  await page.mouse.move(url.x - 5, url.y);
  await page.mouse.move(url.x, url.y);
  // xterm found the link under the pointer.
  await expect(page.locator('.xterm-screen.xterm-cursor-pointer')).toHaveCount(1);
  await page.mouse.click(url.x, url.y);
  const opened = page.context().waitForEvent('page');
  await page.keyboard.down('Control');
  await page.mouse.click(url.x, url.y);
  await page.keyboard.up('Control');
  const popup = await opened;
  await expect.poll(() => popup.url()).toContain('https://example.com/tabterm-link');
  // Neither the javascript: link nor the plain click opened anything.
  expect(page.context().pages()).toHaveLength(2);
});

test('an OSC 8 link shows its target on hover, and one whose text names another place asks first', async ({
  page,
  context,
}) => {
  browserHostOnly('the desktop app opens links in the system browser, which a test cannot watch');
  await context.route('https://example.com/**', (route) => route.fulfill({ body: 'opened' }));
  await readyShell(page);
  const shown = 'https://bank.example/login';
  const target = 'https://example.com/real-target';
  await run(page, `printf '\\e]8;;${target}\\e\\\\${shown}\\e]8;;\\e\\\\\\n'`, shown);
  const link = await pointAt(page, shown);
  const ctrlClick = async () => {
    await page.mouse.move(link.x, link.y + 100);
    await page.mouse.move(link.x, link.y);
    await expect(page.getByRole('tooltip')).toContainText(target);
    await page.keyboard.down('Control');
    await page.mouse.click(link.x, link.y);
    await page.keyboard.up('Control');
  };
  await ctrlClick();
  const dialog = page.getByRole('alertdialog', { name: 'Open this link?' });
  await expect(dialog).toContainText(`shows “${shown}” but opens ${target}`);
  await shot(page, 'deceptive-link');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(context.pages()).toHaveLength(1);
  await ctrlClick();
  const opened = context.waitForEvent('page');
  await dialog.getByRole('button', { name: 'Open link' }).click();
  await expect.poll(async () => (await opened).url()).toContain(target);
});

test('Ctrl+= and Ctrl+- zoom the terminal font, Ctrl+0 resets it; the shell learns the new size', async ({
  page,
}) => {
  await readyShell(page);
  const rows = await rowCount(page);
  await page.keyboard.press('Control+=');
  await page.keyboard.press('Control+=');
  await expect.poll(() => rowCount(page)).toBeLessThan(rows);
  const zoomed = await rowCount(page);
  await run(page, 'echo rows=$(tput lines)', `rows=${zoomed}`);
  await page.keyboard.press('Control+0');
  await expect.poll(() => rowCount(page)).toBe(rows);
  await page.keyboard.press('Control+-');
  await expect.poll(() => rowCount(page)).toBeGreaterThan(rows);
});

test('the terminal follows the window size', async ({ page }) => {
  browserHostOnly('resizing a desktop window is not done through the page viewport');
  await readyShell(page);
  await run(page, 'echo cols=$(tput cols)', /cols=\d+/);
  await page.setViewportSize({ width: 800, height: 500 });
  await run(page, 'clear; echo now=$(tput cols)x$(tput lines)', /now=\d+x\d+/);
  const text = await screenText(page);
  const match = /now=(\d+)x(\d+)/.exec(text);
  expect(match).not.toBeNull();
  expect(Number(match?.[1])).toBeLessThan(80);
  expect(Number(match?.[2])).toBe(await rowCount(page));

  // A tab that was hidden while the window changed size takes the new size when shown again.
  await newShellTab(page, 2);
  await page.setViewportSize({ width: 1000, height: 640 });
  await run(page, 'clear; echo second=$(tput cols)x$(tput lines)', /second=\d+x\d+/);
  const second = /second=(\d+)x(\d+)/.exec(await screenText(page));
  await terminalTabs(page).first().click();
  await readyShell(page);
  await run(page, 'clear; echo first=$(tput cols)x$(tput lines)', /first=\d+x\d+/);
  const first = /first=(\d+)x(\d+)/.exec(await screenText(page));
  expect(first?.slice(1)).toEqual(second?.slice(1));
  expect(Number(first?.[1])).toBeGreaterThan(Number(match?.[1]));
  expect(Number(first?.[2])).toBe(await rowCount(page));
});

test('copy and paste with Ctrl+Shift+C and Ctrl+Shift+V', async ({ page, context }) => {
  browserHostOnly('the desktop app copies and pastes through its menu roles (unit-tested there)');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await readyShell(page);
  await run(page, 'echo clipword', /^clipword$/m);
  const word = await pointAt(page, 'clipword');
  await page.mouse.dblclick(word.x, word.y);
  await page.keyboard.press('Control+Shift+C');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('clipword');
  await page.keyboard.type('echo pasted-');
  await page.keyboard.press('Control+Shift+V');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText('pasted-clipword');
});
