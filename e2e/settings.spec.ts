import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { readyShell, reopen, run, screen, selectedTab, shot, terminalTabs } from './helpers';

test('settings apply: light theme, font size, and a user keybinding that replaces a default', async ({
  page,
  server,
}) => {
  writeFileSync(
    join(server.dataDir, 'settings.json'),
    JSON.stringify({
      version: 1,
      data: { theme: 'light', fontSize: 16, keybindings: { 'Alt+T': 'tab.new', 'Ctrl+Shift+T': '' } },
    }),
  );
  const app = await reopen(page, server, await server.restart('SIGTERM'));
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');
  await readyShell(app);
  await expect(screen(app)).toHaveCSS('font-size', '16px');
  await run(app, 'echo light-theme', 'light-theme');

  // Ctrl+Shift+T is unbound now, so the keys go to the shell; Alt+T opens the tab instead.
  await app.keyboard.press('Control+Shift+T');
  await app.keyboard.press('Alt+T');
  await expect(terminalTabs(app)).toHaveCount(2);
  await expect(selectedTab(app)).toHaveAttribute('data-state', 'live');
  await shot(app, 'light-theme');
});

test('a settings file that cannot be read is set aside and the user is told in a banner', async ({
  page,
  server,
}) => {
  writeFileSync(join(server.dataDir, 'settings.json'), '{ this is not json');
  const app = await reopen(page, server, await server.restart('SIGTERM'));
  const banner = app.getByRole('alert').filter({ hasText: /[Ss]ettings/ });
  await expect(banner).toBeVisible();
  await shot(app, 'notice-banner');
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toHaveCount(0);
  await readyShell(app);
});
