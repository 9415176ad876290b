import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { readyShell, reopen, run, screen, selectedTab, shot, terminalTabs } from './helpers';

test('settings apply: light theme, font size, and a user keybinding that replaces a default', async ({
  page,
  server,
}) => {
  writeFileSync(
    join(server.dataDir, 'settings.json'),
    `{
      // comments are allowed
      "theme": "light",
      "fontSize": 16,
      "keybindings": { "Alt+T": "tab.new", "Ctrl+Shift+T": "" },
    }`,
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

test('a settings file that is not JSON leaves the defaults in force and the user is told in a banner', async ({
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

test('a save applies at once: a wrong key is named and ignored alone, and fixing it takes the banner down', async ({
  page,
  server,
}) => {
  await page.goto(server.url);
  await readyShell(page);
  const file = join(server.dataDir, 'settings.json');
  // The file exists from the first start, with the schema beside it for editors.
  expect(readFileSync(file, 'utf8')).toContain('"$schema": "./settings.schema.json"');
  expect(JSON.parse(readFileSync(join(server.dataDir, 'settings.schema.json'), 'utf8'))).toMatchObject({
    properties: { fontSize: { maximum: 72 } },
  });

  writeFileSync(file, '{ "fontSize": 18, "theme": "light", "fontSise": 30 }');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(screen(page)).toHaveCSS('font-size', '18px');
  const banner = page.getByRole('alert').filter({ hasText: /[Ss]ettings/ });
  await expect(banner).toContainText('fontSise');
  await expect(banner).toContainText('did you mean "fontSize"?');

  // A save that is not JSON keeps what is in force.
  writeFileSync(file, '{ "fontSize": 12, ');
  await expect(banner).toContainText('not valid JSON');
  await expect(screen(page)).toHaveCSS('font-size', '18px');

  writeFileSync(file, '{ "fontSize": 12 }');
  await expect(screen(page)).toHaveCSS('font-size', '12px');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(banner).toHaveCount(0);
  await run(page, 'echo still-live', 'still-live');
});
