// How the specs see the app: the way a person does (roles and names), plus the terminal's text as
// xterm's DOM renderer draws it.
import type { Locator, Page } from '@playwright/test';
import { expect, type ServerHandle, test } from './fixtures';

/** Skips the current test in the desktop project, saying why (it never passes silently). */
export function browserHostOnly(reason: string): void {
  test.skip(test.info().project.name === 'electron', reason);
}

/** The page showing the app after `server.restart()`: the same tab on the new URL, or Electron's new window. */
export async function reopen(page: Page, server: ServerHandle, url: string): Promise<Page> {
  if (server.electronWindow) return server.electronWindow();
  await page.goto(url);
  return page;
}

export function terminalTabs(page: Page): Locator {
  return page.getByRole('tablist', { name: 'Terminal tabs' }).getByRole('tab');
}

export function workspaceTabs(page: Page): Locator {
  return page.getByRole('tablist', { name: 'Workspaces' }).getByRole('tab');
}

/** A tab in the strip whose accessible name begins with `title`. */
export function terminalTab(page: Page, title: string): Locator {
  return page
    .getByRole('tablist', { name: 'Terminal tabs' })
    .getByRole('tab', { name: new RegExp(`^${escapeRegExp(title)}`) });
}

export function workspaceTab(page: Page, name: string): Locator {
  return page
    .getByRole('tablist', { name: 'Workspaces' })
    .getByRole('tab', { name: new RegExp(`^${escapeRegExp(name)}`) });
}

export function selectedTab(page: Page): Locator {
  return page.getByRole('tablist', { name: 'Terminal tabs' }).getByRole('tab', { selected: true });
}

/** The rows of the terminal on screen (hidden tabs keep their xterm, so pick the visible one). */
export function screen(page: Page): Locator {
  return page.getByRole('tabpanel').locator('.terminal-view:not([hidden]) .xterm-rows');
}

export async function screenText(page: Page): Promise<string> {
  const rows = await screen(page).locator(':scope > div').allTextContents();
  return rows.join('\n').replace(/\u00a0/g, ' ');
}

/** Waits for the shown tab to be live with a prompt, then focuses its terminal. */
export async function readyShell(page: Page): Promise<void> {
  await expect(selectedTab(page)).toHaveAttribute('data-state', 'live');
  await expect(screen(page)).toContainText('$');
  await page.getByRole('tabpanel').locator('.terminal-view:not([hidden]) .xterm-screen').click();
}

/** Opens a tab with the keyboard and waits until there are `count` tabs (the new one shown). */
export async function newTab(page: Page, count: number): Promise<void> {
  await page.keyboard.press('Control+Shift+T');
  await expect(terminalTabs(page)).toHaveCount(count);
}

/** Opens a tab with the keyboard and waits for its shell, focused (see readyShell). */
export async function newShellTab(page: Page, count: number): Promise<void> {
  await newTab(page, count);
  await readyShell(page);
}

/** Renames a tab or workspace the way a person does: double-click, type, Enter. */
export async function renameInPlace(page: Page, item: Locator, field: string, name: string): Promise<void> {
  await item.dblclick();
  await page.getByRole('textbox', { name: field }).fill(name);
  await page.getByRole('textbox', { name: field }).press('Enter');
}

/**
 * Types a command line and waits for a marker it prints, so the next step sees its output. A string
 * marker must fill a whole line: the typed command line often contains the marker too, and seeing the
 * echo of what was typed says nothing about the output.
 */
export async function run(page: Page, command: string, expectText?: string | RegExp): Promise<void> {
  await page.keyboard.type(`${command}\n`);
  if (expectText === undefined) return;
  const marker =
    typeof expectText === 'string' ? new RegExp(`^${escapeRegExp(expectText)}\\s*$`, 'm') : expectText;
  await expect(screen(page)).toContainText(marker, { useInnerText: true });
}

/** The last line with text on screen. */
export async function lastLine(page: Page): Promise<string> {
  const lines = (await screenText(page)).split('\n').map((line) => line.trimEnd());
  return lines.filter((line) => line.length > 0).at(-1) ?? '';
}

/**
 * Ctrl+C until the prompt is back. Bash lets a loop go on when its child exited normally just as the
 * SIGINT arrived (it assumes the child handled it), so one press is not always enough.
 */
export async function interrupt(page: Page): Promise<void> {
  await expect(async () => {
    await page.keyboard.press('Control+C');
    await expect.poll(() => lastLine(page), { timeout: 1_000 }).toBe('$');
  }).toPass({ timeout: 15_000 });
}

/** The pid of the shell in the shown tab (printed by the shell itself). */
export async function shellPid(page: Page): Promise<number> {
  const tag = `PID${Math.random().toString(36).slice(2, 8)}`;
  await run(page, `echo ${tag}=$$`, new RegExp(`${tag}=\\d+`));
  const match = new RegExp(`${tag}=(\\d+)`).exec(await screenText(page));
  if (!match?.[1]) throw new Error('no pid on screen');
  return Number(match[1]);
}

/** The largest number alone on a row of the screen (for counting loops). */
export async function lastNumber(page: Page): Promise<number> {
  const numbers = (await screenText(page))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^\d+$/.test(line))
    .map(Number);
  return numbers.length ? Math.max(...numbers) : -1;
}

/**
 * The middle of the last piece of terminal text equal to `text`. xterm lays its own layers over the
 * rows, so clicks go to coordinates, as a person's pointer would.
 */
export async function pointAt(page: Page, text: string): Promise<{ x: number; y: number }> {
  const piece = screen(page).getByText(text, { exact: true }).last();
  await expect(piece).toBeVisible();
  const box = await piece.boundingBox();
  if (!box) throw new Error(`"${text}" is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/artifacts/${name}.png` });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
