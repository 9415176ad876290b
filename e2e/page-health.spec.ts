import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { readyShell, run, screen } from './helpers';

test('the page runs under its strict CSP without violations or errors, on the DOM renderer here', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Reflect.set(window, '__violations', seen);
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.reload();
  await readyShell(page);
  await page.keyboard.press('Control+Shift+T');
  await readyShell(page);
  await page.keyboard.press('Control+Shift+F');
  await page.keyboard.press('Escape');
  await run(page, 'echo healthy', 'healthy');
  // Headless Chromium only has a software rasteriser: "auto" chose xterm's DOM renderer.
  if (test.info().project.name !== 'electron') {
    await expect(page.locator('.terminal-view:not([hidden])')).toHaveAttribute('data-renderer', 'dom');
  }
  expect(await page.evaluate(() => Reflect.get(window, '__violations'))).toEqual([]);
  expect(errors).toEqual([]);
});

test('the terminal never types replies a program could control: no title report, no clipboard read', async ({
  page,
}) => {
  await readyShell(page);
  // Control: a device-attributes query (CSI c) is answered, and `read` sees the answer as input.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: ${#reply} is the shell's length of $reply
  await run(page, 'printf \'\\e[c\'; read -t 1 -rs -n 64 reply; echo "control=${#reply}"', /control=\d+/);
  await expect(screen(page)).not.toContainText('control=0');
  // Set a title, ask for it back (CSI 21 t) and for the clipboard (OSC 52 "?"): nothing comes back.
  await run(
    page,
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${#reply} is the shell's length of $reply
    'printf \'\\e]0;evil-title\\a\\e[21t\\e]52;c;?\\a\'; read -t 1 -rs -n 64 reply; echo "reply=${#reply}"',
    /reply=\d+/,
  );
  await expect(screen(page)).toContainText('reply=0');
});

test("with screenReaderMode on, what the shell prints is in xterm's accessibility tree for screen readers", async ({
  page,
  server,
}) => {
  await readyShell(page);
  const view = page.locator('.terminal-view:not([hidden])');
  // "auto" in the browser host: nothing reports a screen reader, so the tree is not built.
  await expect(view.locator('.xterm-accessibility-tree')).toHaveCount(0);
  writeFileSync(join(server.dataDir, 'settings.json'), '{ "screenReaderMode": true }');
  await expect(view.locator('.xterm-accessibility-tree')).toHaveCount(1);
  await expect(view.locator('.live-region')).toHaveAttribute('aria-live', 'assertive');
  await run(page, 'echo spoken-words', 'spoken-words');
  // The rows as a screen reader meets them: list items of the accessibility tree.
  const tree = view.getByRole('list');
  await expect(tree.getByRole('listitem').filter({ hasText: /^spoken-words\s*$/ })).toHaveCount(1);
  writeFileSync(join(server.dataDir, 'settings.json'), '{ "screenReaderMode": false }');
  await expect(view.locator('.xterm-accessibility-tree')).toHaveCount(0);
});
