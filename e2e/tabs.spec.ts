import { expect, test } from './fixtures';
import { readyShell, run, screen, selectedTab, shot, terminalTab, terminalTabs } from './helpers';

test('tabs open, switch and close with the keyboard and the mouse', async ({ page }) => {
  await readyShell(page);
  await run(page, 'echo first-$((40+2))', 'first-42');

  await page.keyboard.press('Control+Shift+T');
  await expect(terminalTabs(page)).toHaveCount(2);
  await expect(terminalTabs(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(selectedTab(page)).toHaveAttribute('data-state', 'live');
  // The new tab has the keyboard focus: typing goes straight to its shell.
  await expect(screen(page)).toContainText('$');
  await run(page, 'echo hello', /^hello$/m);
  await expect(screen(page)).not.toContainText('first-42');

  // Switching keeps each tab's terminal alive: no new xterm, no replay, the text is simply there.
  const viewsBefore = await page.locator('.terminal-view').count();
  await page.keyboard.press('Control+PageUp');
  await expect(terminalTabs(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(screen(page)).toContainText('first-42');
  await page.keyboard.press('Alt+2');
  await expect(terminalTabs(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(screen(page)).toContainText('hello');
  await page.keyboard.press('Control+PageDown');
  await expect(terminalTabs(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.terminal-view')).toHaveCount(viewsBefore);

  await terminalTabs(page).nth(1).click();
  await expect(terminalTabs(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'New tab' }).click();
  await expect(terminalTabs(page)).toHaveCount(3);
  await expect(terminalTabs(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(selectedTab(page)).toHaveAttribute('data-state', 'live');
  await shot(page, 'tabs-three');

  // Close the active tab with the key, then another with its close button.
  await page.keyboard.press('Control+Shift+W');
  await expect(terminalTabs(page)).toHaveCount(2);
  await expect(screen(page)).toContainText('hello');
  await page
    .getByRole('button', { name: /^Close / })
    .first()
    .click();
  await expect(terminalTabs(page)).toHaveCount(1);
  await expect(screen(page)).toContainText('hello');
});

test('Ctrl+T and Ctrl+W stay with the shell on Linux', async ({ page }) => {
  await readyShell(page);
  // Ctrl+W deletes the word before the cursor in bash, then Ctrl+T swaps the last two characters.
  await page.keyboard.type('echo keep dropme');
  await page.keyboard.press('Control+W');
  await page.keyboard.press('Control+T');
  await page.keyboard.press('Enter');
  await expect(screen(page)).toContainText(/^kee p\s*$/m, { useInnerText: true });
  await expect(terminalTabs(page)).toHaveCount(1);
});

test('a tab is renamed in place; Escape cancels, a bad name is refused, an empty name restores the title', async ({
  page,
}) => {
  await readyShell(page);
  const tab = selectedTab(page);
  await tab.dblclick();
  const field = page.getByRole('textbox', { name: 'Tab name' });
  await expect(field).toBeFocused();
  await field.fill('not this');
  await field.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(terminalTab(page, 'bash')).toBeVisible();

  await tab.focus();
  await page.keyboard.press('F2');
  await field.fill('x'.repeat(65));
  await field.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'limit is 64' })).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'rename-invalid');
  await field.fill('build server');
  await field.press('Enter');
  await expect(terminalTab(page, 'build server')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('button', { name: 'Close build server' })).toHaveCount(1);

  await terminalTab(page, 'build server').dblclick();
  await field.fill('');
  await field.press('Enter');
  await expect(terminalTab(page, 'bash')).toBeVisible();
});

test('closing a tab that runs a program asks first', async ({ page }) => {
  await readyShell(page);
  await page.keyboard.press('Control+Shift+T');
  await expect(terminalTabs(page)).toHaveCount(2);
  await readyShell(page);
  await run(page, 'sleep 600');
  await expect(selectedTab(page)).toHaveAccessibleName(/running sleep/);
  await page.keyboard.press('Control+Shift+W');
  const dialog = page.getByRole('alertdialog', { name: /Close/ });
  await expect(dialog).toContainText('sleep is still running');
  await shot(page, 'close-confirm');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(terminalTabs(page)).toHaveCount(2);
  await page.keyboard.press('Control+Shift+W');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Close tab' }).click();
  await expect(terminalTabs(page)).toHaveCount(1);
});

test('an exited tab says so and Enter restarts it in the same tab', async ({ page }) => {
  await readyShell(page);
  await run(page, 'mkdir -p ~/exit-here && cd ~/exit-here && echo before-exit', 'before-exit');
  // The tab's tooltip shows the directory once the session host has seen the shell move there.
  await expect(selectedTab(page)).toHaveAttribute('title', /exit-here/);
  await run(page, 'exit 3');
  await expect(selectedTab(page)).toHaveAttribute('data-state', 'exited');
  await expect(selectedTab(page)).toHaveAccessibleName(/exited with code 3/);
  await expect(screen(page)).toContainText('[process exited with code 3 — press Enter to restart]');
  await shot(page, 'tab-exited');
  await page.keyboard.press('Enter');
  await expect(selectedTab(page)).toHaveAttribute('data-state', 'live');
  await expect(screen(page)).toContainText('session restarted');
  await expect(screen(page)).toContainText('before-exit');
  await run(page, 'pwd', /exit-here$/m);
  await expect(terminalTabs(page)).toHaveCount(1);
});
