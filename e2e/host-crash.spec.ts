import { expect, test } from './fixtures';
import { newShellTab, readyShell, run, screen, selectedTab, shellPid, shot, terminalTabs } from './helpers';

test('when the session host is killed, tabs turn stale; clicking one gives a working shell in the same cwd', async ({
  page,
  server,
}) => {
  await readyShell(page);
  await run(page, 'mkdir -p ~/proj/one && cd ~/proj/one && echo in-one', 'in-one');
  await expect(selectedTab(page)).toHaveAttribute('title', /proj\/one/);
  const firstPid = await shellPid(page);

  await newShellTab(page, 2);
  await run(page, 'mkdir -p ~/proj/two && cd ~/proj/two && echo in-two', 'in-two');
  await expect(selectedTab(page)).toHaveAttribute('title', /proj\/two/);

  const hostPid = server.hostPid();
  expect(hostPid).not.toBeNull();
  const tabAt = async () => {
    const box = await terminalTabs(page).first().boundingBox();
    return box && { x: box.x, y: box.y };
  };
  const tabBox = await tabAt();
  process.kill(hostPid as number, 'SIGKILL');

  // The "restarting" banner floats over the terminal: the tabs do not move while it shows or when it
  // goes (a click aimed at a tab as it went away used to land below it, on the terminal).
  await expect(page.getByRole('status').filter({ hasText: /Restarting the session host/ })).toBeVisible();
  expect(await tabAt()).toEqual(tabBox);

  for (const index of [0, 1])
    await expect(terminalTabs(page).nth(index)).toHaveAttribute('data-state', 'stale');
  await expect(screen(page)).toContainText('session lost');
  await expect(selectedTab(page)).toHaveAccessibleName(/, stale/);
  // The supervisor brings a new host up on its own.
  await expect
    .poll(
      () => {
        const pid = server.hostPid();
        return pid !== null && pid !== hostPid;
      },
      { message: 'a new session host', timeout: 15_000 },
    )
    .toBe(true);
  await shot(page, 'host-crash-stale');
  await expect(page.getByRole('status').filter({ hasText: /Restarting the session host/ })).toHaveCount(0);
  expect(await tabAt()).toEqual(tabBox);

  // Clicking the stale tab: the old session is gone, so a new shell starts in its last directory,
  // below the old text and a marker.
  await terminalTabs(page).first().click();
  await expect(terminalTabs(page).first()).toHaveAttribute('data-state', 'live');
  await expect(screen(page)).toContainText('in-one');
  await expect(screen(page)).toContainText('session restarted');
  await readyShell(page);
  await run(page, 'pwd', /proj\/one$/m);
  expect(await shellPid(page)).not.toBe(firstPid);
  await shot(page, 'host-crash-restarted');

  // The other tab waited; it restarts when shown, in its own directory.
  await expect(terminalTabs(page).nth(1)).toHaveAttribute('data-state', 'stale');
  await terminalTabs(page).nth(1).click();
  await expect(terminalTabs(page).nth(1)).toHaveAttribute('data-state', 'live');
  await readyShell(page);
  await run(page, 'pwd', /proj\/two$/m);
});
