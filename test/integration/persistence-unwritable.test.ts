// A data directory the app cannot fully write does not stop it (issue 16, item 6): with a file where the
// folder of tabs' history should be, the browser host starts, tells every client it keeps no history this
// session, and its shells work. Before, it exited with "Tabterm could not start: EEXIST …".
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BrowserHost, makeDirs } from './helpers/browser-host';

let host: BrowserHost | null = null;

afterEach(async () => {
  await host?.stop();
  host = null;
});

describe('a data directory with no room for tabs’ history', () => {
  it('starts, says so, and its shells work', async () => {
    const dirs = makeDirs();
    mkdirSync(dirs.dataDir, { recursive: true });
    writeFileSync(join(dirs.dataDir, 'scrollback'), 'a file where the folder should be');
    host = await BrowserHost.start(dirs);
    const client = await host.client();
    const notice = await client.waitFor('app_notice', (m) => m.code === 'store_read_only');
    expect(notice.level).toBe('warning');
    expect(notice.message).toMatch(/history cannot be saved in .*scrollback/);
    const tabId = client.layout().workspaces[0]!.tabIds[0]!;
    const sessionId = await client.open(tabId);
    await client.run(sessionId, 'echo $((40+2))', /^42\r?$/m);
    client.close();
  }, 60_000);
});
