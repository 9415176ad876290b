import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  newTab,
  readyShell,
  renameInPlace,
  reopen,
  run,
  selectedTab,
  shot,
  terminalTab,
  terminalTabs,
  workspaceTab,
  workspaceTabs,
} from './helpers';

async function tabIn(page: Page, name: string, dir: string): Promise<void> {
  await readyShell(page);
  await renameInPlace(page, selectedTab(page), 'Tab name', name);
  await expect(terminalTab(page, name)).toBeVisible();
  await readyShell(page);
  await run(page, `mkdir -p ~/${dir} && cd ~/${dir} && echo at-${dir}`, `at-${dir}`);
  await expect(selectedTab(page)).toHaveAttribute('title', new RegExp(`/${dir}(\\s|$)`));
}

const titles = (page: Page) =>
  terminalTabs(page).evaluateAll((tabs) => tabs.map((t) => t.querySelector('.tab-title')?.textContent));
const workspaceNames = (page: Page) =>
  workspaceTabs(page).evaluateAll((tabs) => tabs.map((t) => t.querySelector('.workspace-name')?.textContent));

test('after the browser host restarts, workspaces and tabs are back (names, order, cwd), stale until shown', async ({
  page,
  server,
}) => {
  await expect(workspaceTabs(page)).toHaveCount(1);
  await renameInPlace(page, workspaceTab(page, 'Workspace 1'), 'Workspace name', 'Alpha');
  await expect(workspaceTab(page, 'Alpha')).toBeVisible();
  await tabIn(page, 'one', 'dir-a');
  await newTab(page, 2);
  await tabIn(page, 'two', 'dir-b');
  await page.getByRole('button', { name: 'New workspace' }).click();
  await expect(workspaceTabs(page)).toHaveCount(2);
  // "Alpha" freed the name "Workspace 1", so the new workspace takes it.
  await renameInPlace(page, workspaceTab(page, 'Workspace 1'), 'Workspace name', 'Beta');
  await expect(workspaceTab(page, 'Beta')).toBeVisible();
  await tabIn(page, 'three', 'dir-c');
  await workspaceTab(page, 'Alpha').click();
  await expect(terminalTab(page, 'two')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => titles(page)).toEqual(['one', 'two']);

  if (!server.electronWindow) {
    // The page notices at once: every tab stale, a banner says why, nothing is lost yet.
    await server.kill('SIGTERM');
    await expect(page.getByRole('status').filter({ hasText: 'Connection to Tabterm lost' })).toBeVisible();
    for (const index of [0, 1])
      await expect(terminalTabs(page).nth(index)).toHaveAttribute('data-state', 'stale');
    await shot(page, 'connection-lost');
  }

  const app = await reopen(page, server, await server.restart('SIGTERM'));
  await expect.poll(() => workspaceNames(app)).toEqual(['Alpha', 'Beta']);
  await expect(workspaceTab(app, 'Alpha')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => titles(app)).toEqual(['one', 'two']);
  await expect(terminalTab(app, 'two')).toHaveAttribute('aria-selected', 'true');
  // The shown tab gets a shell at once; the other waits until it is shown.
  await expect(terminalTab(app, 'two')).toHaveAttribute('data-state', 'live');
  await expect(terminalTab(app, 'one')).toHaveAttribute('data-state', 'stale');
  await expect(terminalTab(app, 'one')).toHaveAttribute('title', /\/dir-a(\s|$)/);
  await shot(app, 'restart-restored');
  await readyShell(app);
  await run(app, 'pwd', /dir-b$/m);

  await terminalTab(app, 'one').click();
  await expect(terminalTab(app, 'one')).toHaveAttribute('data-state', 'live');
  await readyShell(app);
  await run(app, 'pwd', /dir-a$/m);

  await workspaceTab(app, 'Beta').click();
  await expect.poll(() => titles(app)).toEqual(['three']);
  await expect(terminalTab(app, 'three')).toHaveAttribute('data-state', 'live');
  await readyShell(app);
  await run(app, 'pwd', /dir-c$/m);
});
