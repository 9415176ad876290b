import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readyShell, run, screen } from './helpers';

const FIXTURES = resolve('src/renderer/terminal/fixtures');

/** The visible terminal's panel: its background is the scheme's (the chrome's --bg). */
const panel = (page: Page) => page.getByRole('tabpanel');
/** A word printed in ANSI red: the colour xterm gives it is the scheme's red. */
const redWord = (page: Page) => screen(page).getByText('RED-WORD', { exact: true }).last();

test('a colour scheme picked in settings.json colours the terminal and the window, overrides on top', async ({
  page,
  server,
}) => {
  await readyShell(page);
  await run(page, "printf '\\e[31m%s\\e[0m\\n' RED-WORD", 'RED-WORD');
  const file = join(server.dataDir, 'settings.json');

  writeFileSync(file, '{ "theme": "Solarized Light" }');
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'Solarized Light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(panel(page)).toHaveCSS('background-color', 'rgb(253, 246, 227)');
  await expect(page.locator('body')).not.toHaveCSS('background-color', 'rgb(20, 22, 26)');
  // xterm's own colours: its text is the scheme's foreground, the red word the scheme's red.
  await expect(screen(page)).toHaveCSS('color', 'rgb(101, 123, 131)');
  await expect(redWord(page)).toHaveCSS('color', 'rgb(220, 50, 47)');

  writeFileSync(file, '{ "theme": "Nord", "colors": { "red": "#123456" } }');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(panel(page)).toHaveCSS('background-color', 'rgb(46, 52, 64)');
  await expect(screen(page)).toHaveCSS('color', 'rgb(216, 222, 233)');
  await expect(redWord(page)).toHaveCSS('color', 'rgb(18, 52, 86)');
  await run(page, 'echo still-live', 'still-live');
});

test('cursor style and blink, line height and ligatures apply without breaking the terminal', async ({
  page,
  server,
}) => {
  await readyShell(page);
  const cursor = page.locator('.terminal-view:not([hidden]) .xterm-rows .xterm-cursor');
  await expect(cursor).toHaveClass(/xterm-cursor-block/);
  await expect(cursor).toHaveClass(/xterm-cursor-blink/);
  const rowHeight = async () =>
    (await screen(page).locator(':scope > div').first().boundingBox())?.height ?? 0;
  const before = await rowHeight();
  expect(before).toBeGreaterThan(0);
  writeFileSync(
    join(server.dataDir, 'settings.json'),
    '{ "cursorStyle": "underline", "cursorBlink": false, "ligatures": true, "lineHeight": 1.5 }',
  );
  await expect(cursor).toHaveClass(/xterm-cursor-underline/);
  await expect(cursor).not.toHaveClass(/xterm-cursor-blink/);
  await expect.poll(rowHeight).toBeGreaterThan(before * 1.4);
  // The ligatures addon is in: it asks the font for its contextual alternates.
  await expect(page.locator('.terminal-view:not([hidden]) .xterm')).toHaveCSS(
    'font-feature-settings',
    /calt/,
  );
  await run(page, 'echo "a => b != c"', 'a => b != c');
});

test('Import Colour Scheme…: a Windows Terminal settings.json and an .itermcolors file are added, selected and saved', async ({
  page,
  server,
}) => {
  const file = join(server.dataDir, 'settings.json');
  // The command has no key by default; a user binding reaches it here (the browser host has no menu).
  writeFileSync(
    file,
    '{\n  // my own words\n  "fontSize": 15,\n  "keybindings": { "Alt+I": "theme.import" },\n}\n',
  );
  await readyShell(page);
  await expect(screen(page)).toHaveCSS('font-size', '15px');

  const choose = async (files: Parameters<import('@playwright/test').FileChooser['setFiles']>[0]) => {
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Alt+I');
    await (await chooser).setFiles(files);
  };

  await choose(join(FIXTURES, 'windows-terminal-settings.json'));
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'Night Owl');
  await expect(panel(page)).toHaveCSS('background-color', 'rgb(1, 22, 39)');
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('"theme": "Night Owl"');
  const written = readFileSync(file, 'utf8');
  expect(written).toContain('// my own words');
  expect(written).toContain('"name": "Paper Light"');

  await choose({
    name: 'Dracula (iTerm).itermcolors',
    mimeType: 'application/xml',
    buffer: readFileSync(join(FIXTURES, 'Dracula.itermcolors')),
  });
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'Dracula (iTerm)');
  await expect(panel(page)).toHaveCSS('background-color', 'rgb(40, 42, 54)');
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('"theme": "Dracula (iTerm)"');
  expect(readFileSync(file, 'utf8')).toContain('"name": "Night Owl"');

  // A file that is neither format: the user is told which and why, and nothing is written.
  const before = readFileSync(file, 'utf8');
  await choose({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ "schemes": 3 }'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'broken.json cannot be imported' })).toBeVisible();
  expect(readFileSync(file, 'utf8')).toBe(before);
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'Dracula (iTerm)');
});

test('the settings page (Ctrl+,) saves a new font size to settings.json and the terminal follows', async ({
  page,
  server,
}) => {
  const file = join(server.dataDir, 'settings.json');
  writeFileSync(file, '{\n  // kept\n  "theme": "Nord",\n}\n');
  await readyShell(page);
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'Nord');
  await page.keyboard.press('Control+Comma');
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog).toBeVisible();
  // Keyboard only: the first control has focus, Tab reaches the next, each has a label.
  await expect(dialog.getByRole('textbox', { name: 'Font family' })).toBeFocused();
  await page.keyboard.press('Tab');
  const size = dialog.getByRole('spinbutton', { name: 'Font size' });
  await expect(size).toBeFocused();
  await expect(size).toHaveValue('14');
  await expect(dialog.getByRole('combobox', { name: 'Colour scheme' })).toHaveValue('Nord');
  await size.fill('19');
  await page.keyboard.press('Tab');
  await expect(screen(page)).toHaveCSS('font-size', '19px');
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('"fontSize": 19');
  expect(readFileSync(file, 'utf8')).toContain('// kept');
  await expect(dialog).toContainText(join(server.dataDir, 'settings.json'));

  // A value main refuses is named on the page, and the file keeps what it had.
  await size.fill('500');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('status')).toContainText('fontSize');
  expect(readFileSync(file, 'utf8')).toContain('"fontSize": 19');

  await dialog.getByRole('combobox', { name: 'Colour scheme' }).selectOption('Gruvbox Dark');
  await expect(panel(page)).toHaveCSS('background-color', 'rgb(40, 40, 40)');
  await dialog.getByRole('combobox', { name: 'Cursor style' }).selectOption('bar');
  await expect.poll(() => readFileSync(file, 'utf8')).toContain('"cursorStyle": "bar"');

  // The page's own import button works from inside the modal dialog.
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Import Colour Scheme…' }).click();
  await (await chooser).setFiles(join(FIXTURES, 'one-scheme.json'));
  await expect(page.locator('html')).toHaveAttribute('data-scheme', 'Ubuntu');
  await expect(dialog.getByRole('combobox', { name: 'Colour scheme' })).toHaveValue('Ubuntu');

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await run(page, 'echo after-settings', 'after-settings');
});
