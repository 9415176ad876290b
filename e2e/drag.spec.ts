import { expect, test } from './fixtures';
import {
  interrupt,
  lastNumber,
  newTab,
  readyShell,
  renameInPlace,
  run,
  screen,
  selectedTab,
  shellPid,
  shot,
  terminalTab,
  terminalTabs,
  workspaceTab,
  workspaceTabs,
} from './helpers';

async function renameSelected(page: import('@playwright/test').Page, name: string): Promise<void> {
  await renameInPlace(page, selectedTab(page), 'Tab name', name);
  await expect(terminalTab(page, name)).toBeVisible();
}

test('a tab dragged onto another workspace keeps its running program and shell', async ({ page }) => {
  await readyShell(page);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(workspaceTabs(page)).toHaveCount(2);
  await workspaceTab(page, 'Workspace 1').click();
  await readyShell(page);
  await renameSelected(page, 'counter');
  await newTab(page, 2);
  await terminalTab(page, 'counter').click();
  await readyShell(page);
  const pid = await shellPid(page);

  await run(page, 'for i in $(seq 1 1000); do echo $i; sleep 0.05; done');
  await expect.poll(() => lastNumber(page)).toBeGreaterThan(20);
  const view = page.locator('.terminal-view:not([hidden])');
  await view.evaluate((element) => {
    element.dataset.marker = 'same-xterm';
  });
  const atDrag = await lastNumber(page);

  await terminalTab(page, 'counter').dragTo(workspaceTab(page, 'Workspace 2'));

  // The tab left this workspace; the window stays here (the tab was put away, not followed).
  await expect(terminalTabs(page)).toHaveCount(1);
  await expect(workspaceTab(page, 'Workspace 1')).toHaveAccessibleName(/1 tab/);
  await expect(workspaceTab(page, 'Workspace 2')).toHaveAccessibleName(/2 tabs/);
  await workspaceTab(page, 'Workspace 2').click();

  // The layout changed, nothing else: the tab is Workspace 2's active tab, its xterm is the same one.
  await expect(terminalTab(page, 'counter')).toHaveAttribute('aria-selected', 'true');
  await expect(view).toHaveAttribute('data-marker', 'same-xterm');
  await expect(terminalTabs(page)).toHaveCount(2);
  await expect(selectedTab(page)).toHaveAttribute('data-state', 'live');
  // The count goes on from where it was: no restart, no gap.
  await expect.poll(() => lastNumber(page), { timeout: 15_000 }).toBeGreaterThan(atDrag + 20);
  await expect(screen(page)).not.toContainText('session restarted');
  await shot(page, 'drag-after-move');

  await interrupt(page);
  expect(await shellPid(page)).toBe(pid);
});

test('tabs reorder by dragging within the strip', async ({ page }) => {
  await readyShell(page);
  await renameSelected(page, 'A');
  await newTab(page, 2);
  await renameSelected(page, 'B');
  await newTab(page, 3);
  await renameSelected(page, 'C');
  const names = () =>
    terminalTabs(page).evaluateAll((tabs) => tabs.map((t) => t.querySelector('.tab-title')?.textContent));

  // Drop C on the left half of A: C becomes first.
  const a = await terminalTab(page, 'A').boundingBox();
  if (!a) throw new Error('tab A has no box');
  await terminalTab(page, 'C').dragTo(terminalTab(page, 'A'), { targetPosition: { x: 3, y: a.height / 2 } });
  await expect.poll(names).toEqual(['C', 'A', 'B']);

  // Keyboard: Alt+Shift+Right moves the focused tab one place right.
  await terminalTab(page, 'C').focus();
  await page.keyboard.press('Alt+Shift+ArrowRight');
  await expect.poll(names).toEqual(['A', 'C', 'B']);
});

test('workspaces reorder by dragging in the sidebar', async ({ page }) => {
  await readyShell(page);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(workspaceTabs(page)).toHaveCount(3);
  const names = () =>
    workspaceTabs(page).evaluateAll((tabs) =>
      tabs.map((t) => t.querySelector('.workspace-name')?.textContent),
    );
  await expect.poll(names).toEqual(['Workspace 1', 'Workspace 2', 'Workspace 3']);
  await workspaceTab(page, 'Workspace 3').dragTo(workspaceTab(page, 'Workspace 1'), {
    targetPosition: { x: 20, y: 3 },
  });
  await expect.poll(names).toEqual(['Workspace 3', 'Workspace 1', 'Workspace 2']);
});

test('hovering a dragged tab over a workspace opens it, and the tab drops at a position in its strip', async ({
  page,
}) => {
  await readyShell(page);
  await renameSelected(page, 'traveller');
  await newTab(page, 2);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(workspaceTab(page, 'Workspace 2')).toHaveAttribute('aria-selected', 'true');
  await readyShell(page);
  await renameSelected(page, 'resident');
  await workspaceTab(page, 'Workspace 1').click();
  await expect(terminalTab(page, 'traveller')).toBeVisible();

  const source = await terminalTab(page, 'traveller').boundingBox();
  const target = await workspaceTab(page, 'Workspace 2').boundingBox();
  if (!source || !target) throw new Error('no boxes');
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 5 });
  // Holding still over the workspace opens it (its strip now shows "resident").
  await expect(workspaceTab(page, 'Workspace 2')).toHaveAttribute('aria-selected', 'true');
  const resident = await terminalTab(page, 'resident').boundingBox();
  if (!resident) throw new Error('no box for resident');
  await page.mouse.move(resident.x + 3, resident.y + resident.height / 2, { steps: 5 });
  await page.mouse.up();

  const names = () =>
    terminalTabs(page).evaluateAll((tabs) => tabs.map((t) => t.querySelector('.tab-title')?.textContent));
  await expect.poll(names).toEqual(['traveller', 'resident']);
  await expect(workspaceTab(page, 'Workspace 1')).toHaveAccessibleName(/1 tab/);
});

test('"Move tab to workspace…" does the same from the keyboard', async ({ page }) => {
  await readyShell(page);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(workspaceTabs(page)).toHaveCount(2);
  await workspaceTab(page, 'Workspace 1').click();
  await readyShell(page);
  await run(page, 'echo still-here', 'still-here');
  await page.keyboard.press('Control+Shift+M');
  const dialog = page.getByRole('dialog', { name: /Move .* to workspace/ });
  await expect(dialog.getByRole('option', { name: 'Workspace 2' })).toHaveAttribute('aria-selected', 'true');
  await shot(page, 'move-dialog');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(workspaceTab(page, 'Workspace 2')).toHaveAccessibleName(/2 tabs/);
  await expect(terminalTabs(page)).toHaveCount(0);
  await expect(page.getByText('This workspace has no tabs.')).toBeVisible();
  await shot(page, 'workspace-empty');
  await workspaceTab(page, 'Workspace 2').click();
  await expect(terminalTabs(page)).toHaveCount(2);
  await expect(screen(page)).toContainText('still-here');
});
