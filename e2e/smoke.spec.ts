import { expect, test } from './fixtures';

// The pipeline proof: the browser host serves the renderer, Chromium opens it and a real shell answers.
test('the browser host serves the app and a shell answers in the first tab', async ({ page }) => {
  await expect(page.getByRole('tablist', { name: 'Workspaces' })).toBeVisible();
  const tab = page.getByRole('tablist', { name: 'Terminal tabs' }).getByRole('tab').first();
  await expect(tab).toHaveAttribute('data-state', 'live');
  const terminal = page.getByRole('tabpanel');
  await terminal.click();
  await page.keyboard.type('echo smoke-$((6*7))\n');
  await expect(terminal.locator('.xterm-rows')).toContainText('smoke-42');
});

test('a WebSocket without the token is refused', async ({ page, server }) => {
  const url = new URL(server.url);
  const outcome = await page.evaluate(async (wsUrl) => {
    return await new Promise<string>((resolve) => {
      const socket = new WebSocket(wsUrl);
      socket.onopen = () => resolve('open');
      socket.onerror = () => resolve('refused');
    });
  }, `ws://${url.host}/ws`);
  expect(outcome).toBe('refused');
});
