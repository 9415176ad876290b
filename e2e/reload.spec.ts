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
