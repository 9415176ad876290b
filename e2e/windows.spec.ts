// Several windows on one set of sessions: each window (here, each browser tab) shows its own
// workspace, while tabs and their sessions are shared.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  browserHostOnly,
  readyShell,
  run,
  screen,
  selectedTab,
  shot,
  terminalTabs,
  workspaceTab,
  workspaceTabs,
} from './helpers';

/** The workspace a page shows: the selected entry of its Workspaces list. */
function shownWorkspace(page: Page) {
  return page.getByRole('tablist', { name: 'Workspaces' }).getByRole('tab', { selected: true });
}

/** Every page lists each workspace with the same number of tabs. */
async function expectCounts(pages: Page[], counts: Record<string, string>): Promise<void> {
  for (const page of pages)
    for (const [name, count] of Object.entries(counts))
      await expect(workspaceTab(page, name)).toHaveAccessibleName(new RegExp(`^${name}, ${count}`));
}

test.beforeEach(() => {
  browserHostOnly('opens a second page on the browser host; Electron windows are opened by the app');
});

test('two windows show their own workspaces over the same tabs', async ({ page, context, server }) => {
  const a = page;
  await readyShell(a);
  await run(a, 'echo window-$((20+1))', 'window-21');

  const b = await context.newPage();
  await b.goto(server.url);
  await expect(shownWorkspace(b)).toHaveAccessibleName(/^Workspace 1/);
  await expect(terminalTabs(b)).toHaveCount(1);
  await expect(screen(b)).toContainText('window-21');

  // B creates a workspace and shows it; A stays where it was, terminal and all.
  await b.getByRole('button', { name: 'New workspace' }).click();
  await expect(workspaceTabs(b)).toHaveCount(2);
  await expect(shownWorkspace(b)).toHaveAccessibleName(/^Workspace 2/);
  await readyShell(b);
  await run(b, 'echo in-b-$((1+1))', 'in-b-2');

  await expect(workspaceTabs(a)).toHaveCount(2);
  await expect(shownWorkspace(a)).toHaveAccessibleName(/^Workspace 1/);
  await expect(terminalTabs(a)).toHaveCount(1);
  await expect(screen(a)).toContainText('window-21');
  await expect(screen(a)).not.toContainText('in-b-2');
  await readyShell(a);
  await run(a, 'echo still-a-$((2+3))', 'still-a-5');

  // Both see the same tabs.
  await expectCounts([a, b], { 'Workspace 1': '1 tab', 'Workspace 2': '1 tab' });

  // A opens a second tab and moves it to Workspace 2: it appears in B, live, with its text.
  await a.keyboard.press('Control+Shift+T');
  await expect(terminalTabs(a)).toHaveCount(2);
  await readyShell(a);
  await run(a, 'echo moved-$((3*3))', 'moved-9');
  await selectedTab(a).click({ button: 'right' });
  await a
    .getByRole('menu', { name: 'Tab actions' })
    .getByRole('menuitem', { name: /Move to Workspace/ })
    .click();
  await a.getByRole('dialog').getByRole('option', { name: 'Workspace 2' }).click();

  await expect(terminalTabs(a)).toHaveCount(1);
  await expect(shownWorkspace(a)).toHaveAccessibleName(/^Workspace 1/);
  await expect(screen(a)).toContainText('still-a-5');
  await expectCounts([a, b], { 'Workspace 1': '1 tab', 'Workspace 2': '2 tabs' });
  await expect(terminalTabs(b)).toHaveCount(2);
  await expect(selectedTab(b)).toHaveAttribute('data-state', 'live');
  await expect(screen(b)).toContainText('moved-9');
  await shot(b, 'windows-moved-tab');

  // Switching in A does not move B either, and a reload brings each window back to its own workspace.
  await workspaceTab(a, 'Workspace 2').click();
  await expect(shownWorkspace(a)).toHaveAccessibleName(/^Workspace 2/);
  await workspaceTab(b, 'Workspace 1').click();
  await expect(shownWorkspace(b)).toHaveAccessibleName(/^Workspace 1/);
  await expect(shownWorkspace(a)).toHaveAccessibleName(/^Workspace 2/);
  await a.reload();
  await expect(shownWorkspace(a)).toHaveAccessibleName(/^Workspace 2/);
  await expect(terminalTabs(a)).toHaveCount(2);
  await expect(new URL(a.url()).searchParams.get('token')).toBe(
    new URL(server.url).searchParams.get('token'),
  );
});

test('New Window opens another browser tab on this window’s workspace, with the same token', async ({
  page,
  context,
  server,
}) => {
  writeFileSync(
    join(server.dataDir, 'settings.json'),
    JSON.stringify({ keybindings: { 'Ctrl+Shift+N': 'window.new' } }),
  );
  const url = await server.restart('SIGTERM');
  await page.goto(url);
  await readyShell(page);
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(shownWorkspace(page)).toHaveAccessibleName(/^Workspace 2/);
  await readyShell(page);

  const opened = context.waitForEvent('page');
  await page.keyboard.press('Control+Shift+N');
  const second = await opened;
  await second.waitForLoadState();
  const address = new URL(second.url());
  expect(address.searchParams.get('token')).toBe(new URL(url).searchParams.get('token'));
  expect(address.searchParams.get('workspace')).not.toBeNull();
  await expect(shownWorkspace(second)).toHaveAccessibleName(/^Workspace 2/);
  await expect(selectedTab(second)).toHaveAttribute('data-state', 'live');

  // The new window then goes its own way.
  await workspaceTab(second, 'Workspace 1').click();
  await expect(shownWorkspace(second)).toHaveAccessibleName(/^Workspace 1/);
  await expect(shownWorkspace(page)).toHaveAccessibleName(/^Workspace 2/);
});
