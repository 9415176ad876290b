import { expect, test } from './fixtures';
import { newShellTab, readyShell, run, selectedTab, shot, terminalTabs, workspaceTab } from './helpers';

test('background tabs show running programs, unseen output and bells; showing the tab clears them', async ({
  page,
}) => {
  await readyShell(page);
  await newShellTab(page, 2);
  // Output and a bell a moment after we switched away.
  await run(page, "sleep 1.5; printf 'ding\\a\\n'; sleep 600");
  await page.keyboard.press('Alt+1');
  await expect(terminalTabs(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  const background = terminalTabs(page).nth(1);
  await expect(background).toHaveAccessibleName(/^sleep, running sleep, new output, bell$/);
  await expect(background).toHaveAccessibleName(/new output/);
  await expect(background).toHaveAccessibleName(/bell/);
  await expect(background).toHaveAccessibleName(/running sleep/);
  await expect(background.locator('.tab-bell')).toBeVisible();
  await expect(background.locator('.tab-activity')).toBeVisible();
  await shot(page, 'indicators');

  await background.click();
  await expect(background).toHaveAttribute('aria-selected', 'true');
  await expect(background).not.toHaveAccessibleName(/new output|bell/);
  await expect(background.locator('.tab-bell')).toBeHidden();
});

test('a workspace shows when one of its tabs has unseen output', async ({ page }) => {
  await readyShell(page);
  await run(page, 'sleep 1.5; echo from-the-background');
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(workspaceTab(page, 'Workspace 2')).toHaveAttribute('aria-selected', 'true');
  await expect(workspaceTab(page, 'Workspace 1')).toHaveAccessibleName(/new output/);
  await workspaceTab(page, 'Workspace 1').click();
  await expect(selectedTab(page)).toHaveAttribute('data-state', 'live');
  await expect(workspaceTab(page, 'Workspace 1')).not.toHaveAccessibleName(/new output/);
});
