import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, type ServerHandle, test } from './fixtures';
import {
  readyShell,
  renameInPlace,
  reopen,
  run,
  selectedTab,
  shot,
  terminalTab,
  terminalTabs,
  workspaceTab,
} from './helpers';

/** Settings with one profile of our own, applied by a restart so the page sees them from the start. */
async function withProfile(page: Page, server: ServerHandle, name: string, stage: string): Promise<Page> {
  const profile = {
    name,
    command: '/bin/bash',
    // -C (noclobber) shows in $-: proof that the profile's arguments reached the shell.
    args: ['-C', '-i'],
    env: { PROFILE_STAGE: stage },
    icon: 'P',
    tabColor: '#ff8800',
  };
  writeFileSync(join(server.dataDir, 'settings.json'), JSON.stringify({ profiles: [profile] }));
  const app = await reopen(page, server, await server.restart('SIGTERM'));
  await readyShell(app);
  return app;
}

/** `tag` tells this check's output apart from an earlier one's (restored history shows that too). */
async function expectProfileShell(page: Page, stage: string, tag: string): Promise<void> {
  await run(page, `echo "${tag}-stage=$PROFILE_STAGE"`, `${tag}-stage=${stage}`);
  await run(page, `[[ $- == *C* ]] && echo ${tag}-args-reached`, `${tag}-args-reached`);
}

function palette(page: Page) {
  return page.getByRole('combobox', { name: 'Command, tab, workspace or profile' });
}

test('a tab opened from the New-tab menu runs its profile, keeps it over a reload, and respawns it after a restart', async ({
  page,
  server,
}) => {
  const app = await withProfile(page, server, 'E2E Dev', 'dev-stage');

  // The menu by keyboard: focus the arrow button, ArrowDown opens it, arrows pick the profile.
  const menuButton = app.getByRole('button', { name: 'Tab profiles' });
  await menuButton.focus();
  await app.keyboard.press('ArrowDown');
  const menu = app.getByRole('menu', { name: 'New tab with profile' });
  await expect(menu.getByRole('menuitem', { name: /E2E Dev/ })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: /bash/ }).first()).toBeVisible();
  await app.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /E2E Dev/ })).toBeFocused();
  await app.keyboard.press('Enter');

  await expect(terminalTabs(app)).toHaveCount(2);
  await expect(selectedTab(app)).toHaveAttribute('data-profile', 'E2E Dev');
  await expect(selectedTab(app).locator('.tab-mark')).toHaveText('P');
  await expect(selectedTab(app).locator('.tab-mark')).toHaveCSS('color', 'rgb(255, 136, 0)');
  await readyShell(app);
  await expectProfileShell(app, 'dev-stage', 'menu');
  await shot(app, 'profile-tab');

  await app.reload();
  await expect(selectedTab(app)).toHaveAttribute('data-profile', 'E2E Dev');
  await readyShell(app);
  await run(app, 'echo "after-reload=$PROFILE_STAGE"', 'after-reload=dev-stage');

  // After a restart the tab's session is gone: it respawns with the same profile, not the default.
  const again = await reopen(app, server, await server.restart('SIGKILL'));
  await expect(selectedTab(again)).toHaveAttribute('data-profile', 'E2E Dev');
  await readyShell(again);
  await expectProfileShell(again, 'dev-stage', 'restarted');
});

test('the command palette: fuzzy commands with their keys, tabs, workspaces and profiles, keyboard only', async ({
  page,
  server,
}) => {
  const app = await withProfile(page, server, 'Palette Prof', 'from-palette');
  await renameInPlace(app, selectedTab(app), 'Tab name', 'alpha-logs');
  await expect(terminalTab(app, 'alpha-logs')).toBeVisible();
  await readyShell(app);

  // A fuzzy query runs a command from the registry: "nw tab" is New Tab.
  await app.keyboard.press('Control+Shift+P');
  await expect(palette(app)).toBeFocused();
  await expect(app.getByRole('option', { name: /Zoom In.*Ctrl\+=/ })).toBeVisible();
  await app.keyboard.type('nw tab');
  await expect(app.getByRole('option').first()).toContainText('New Tab');
  await expect(app.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await shot(app, 'palette');
  await app.keyboard.press('Enter');
  await expect(palette(app)).toHaveCount(0);
  await expect(terminalTabs(app)).toHaveCount(2);
  await readyShell(app);

  // A tab by its name; arrows move the choice.
  await app.keyboard.press('Control+Shift+P');
  await app.keyboard.type('alpha lo');
  await expect(app.getByRole('option').first()).toContainText('alpha-logs');
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowUp');
  await app.keyboard.press('Enter');
  await expect(selectedTab(app)).toHaveAccessibleName(/^alpha-logs/);

  // Escape closes it and the terminal has the keys again.
  await app.keyboard.press('Control+Shift+P');
  await expect(palette(app)).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(palette(app)).toHaveCount(0);
  await run(app, 'echo back-in-terminal', 'back-in-terminal');

  // A profile opens a tab with it.
  await app.keyboard.press('Control+Shift+P');
  await app.keyboard.type('palette prof');
  await expect(app.getByRole('option').first()).toContainText('Palette Prof');
  await app.keyboard.press('Enter');
  await expect(terminalTabs(app)).toHaveCount(3);
  await expect(selectedTab(app)).toHaveAttribute('data-profile', 'Palette Prof');
  await readyShell(app);
  await expectProfileShell(app, 'from-palette', 'palette');

  // A workspace by its name switches this window to it.
  await app.getByRole('button', { name: 'New workspace' }).click();
  await expect(workspaceTab(app, 'Workspace 2')).toHaveAttribute('aria-selected', 'true');
  await readyShell(app);
  await app.keyboard.press('Control+Shift+P');
  await app.keyboard.type('workspace 1');
  await expect(app.getByRole('option').first()).toContainText('Workspace 1');
  await app.keyboard.press('Enter');
  await expect(workspaceTab(app, 'Workspace 1')).toHaveAttribute('aria-selected', 'true');
  await expect(terminalTabs(app)).toHaveCount(3);
});
