import { expect, test } from './fixtures';
import { readyShell, selectedTab, shot, terminalTabs, workspaceTab, workspaceTabs } from './helpers';

test('workspaces: create, switch, rename in place, refuse a duplicate name, delete after confirming', async ({
  page,
}) => {
  await readyShell(page);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(workspaceTabs(page)).toHaveCount(2);
  await expect(workspaceTab(page, 'Workspace 2')).toHaveAttribute('aria-selected', 'true');
  // A new workspace comes with a live shell.
  await expect(terminalTabs(page)).toHaveCount(1);
  await expect(selectedTab(page)).toHaveAttribute('data-state', 'live');

  // F2 on the focused workspace renames it; the name check runs before anything is sent.
  await workspaceTab(page, 'Workspace 2').focus();
  await page.keyboard.press('F2');
  const field = page.getByRole('textbox', { name: 'Workspace name' });
  await field.fill('workspace 1');
  await field.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'already exists' })).toBeVisible();
  await field.fill('Build');
  await field.press('Enter');
  await expect(workspaceTab(page, 'Build')).toHaveAttribute('aria-selected', 'true');

  // Arrow keys move between workspaces (and show them).
  await workspaceTab(page, 'Build').focus();
  await page.keyboard.press('ArrowUp');
  await expect(workspaceTab(page, 'Workspace 1')).toHaveAttribute('aria-selected', 'true');
  await expect(workspaceTab(page, 'Workspace 1')).toBeFocused();

  // Deleting a workspace with live tabs asks first; Cancel keeps it.
  await workspaceTab(page, 'Build').focus();
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('alertdialog', { name: 'Delete workspace “Build”?' });
  await expect(dialog).toContainText('Its tab will be closed and its shell ended.');
  await shot(page, 'workspace-delete-confirm');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(workspaceTabs(page)).toHaveCount(2);

  await workspaceTab(page, 'Build').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Workspace actions' });
  await menu.getByRole('menuitem', { name: 'Delete Workspace' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete workspace' }).click();
  await expect(workspaceTabs(page)).toHaveCount(1);
  await expect(workspaceTab(page, 'Workspace 1')).toHaveAttribute('aria-selected', 'true');
  // The last workspace cannot be deleted: no delete button is offered.
  await expect(page.getByRole('button', { name: /^Delete workspace/ })).toBeHidden();
});

test('the tab context menu renames, moves and closes', async ({ page }) => {
  await readyShell(page);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(workspaceTabs(page)).toHaveCount(2);
  await readyShell(page);
  await page.keyboard.press('Control+Shift+T');
  await expect(terminalTabs(page)).toHaveCount(2);
  await selectedTab(page).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Tab actions' });
  await expect(menu.getByRole('menuitem')).toHaveText([/Rename/, /Move to Workspace/, /Close Tab/]);
  await shot(page, 'tab-context-menu');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByRole('dialog').getByRole('option', { name: 'Workspace 1' }).click();
  await expect(workspaceTab(page, 'Workspace 1')).toHaveAccessibleName(/2 tabs/);
  await expect(terminalTabs(page)).toHaveCount(1);

  await selectedTab(page).click({ button: 'right' });
  await page
    .getByRole('menu', { name: 'Tab actions' })
    .getByRole('menuitem', { name: /Close Tab/ })
    .click();
  await expect(terminalTabs(page)).toHaveCount(0);
});
