import { expect, test } from './fixtures';
import { newShellTab, readyShell, run, screenText, selectedTab, terminalTabs } from './helpers';

/** The numbers alone on their rows, top to bottom. */
async function numbersOnScreen(page: Parameters<typeof screenText>[0]): Promise<number[]> {
  return (await screenText(page))
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^\d+$/.test(line))
    .map(Number);
}

test('a flooding background tab leaves the shown tab responsive, and shows all its output, in order, when shown again', async ({
  page,
}) => {
  await readyShell(page);
  await newShellTab(page, 2);
  await page.keyboard.press('Alt+1');
  await expect(terminalTabs(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await readyShell(page);
  // The marker is computed by the shell, so the typed command line does not match it.
  await run(page, 'seq 1 400000; echo FLOOD-DONE-$((6*7))');
  await page.keyboard.press('Alt+2');
  await expect(terminalTabs(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await readyShell(page);
  await run(page, 'echo ECHO-$((20+22))', 'ECHO-42');

  await terminalTabs(page).nth(0).click();
  await expect(selectedTab(page)).toHaveAttribute('data-state', 'live');
  await expect
    .poll(async () => (await screenText(page)).includes('FLOOD-DONE-42'), { timeout: 30_000 })
    .toBe(true);
  const numbers = await numbersOnScreen(page);
  expect(numbers.at(-1)).toBe(400000);
  expect(numbers.length).toBeGreaterThan(10);
  // Nothing dropped or reordered on the way: the rows count up one by one.
  numbers.forEach((n, i) => {
    if (i > 0) expect(n).toBe((numbers[i - 1] ?? 0) + 1);
  });
});
