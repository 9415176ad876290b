// Stopping `npm run serve` the ordinary ways ends everything (issue 16, item 4): a process manager or an
// IDE's stop button signals one process of the chain npm → scripts/serve.mjs → out/server/serve.js →
// session host → shells, and a parent that dies takes the server with it. Before, scripts/serve.mjs ran the
// server with spawnSync and passed nothing on, and `sh -c` between npm and it swallowed SIGINT.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commandLine, descendants, isAlive, pidsWithEnv } from '../support/proc';
import { launchServe, type ServeProcess } from '../support/serve-process';
import { waitFor } from './helpers/wait';

interface Chain {
  serve: ServeProcess;
  npm: number;
  wrapper: number;
  server: number;
  host: number;
}

const started: Chain[] = [];

afterAll(() => {
  for (const chain of started) {
    for (const pid of everything(chain)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
});

/** The chain's processes and every process its session host marked. */
function everything(chain: Chain): number[] {
  const marked = pidsWithEnv('TABTERM_HOST_ID', (value) => value.startsWith(`${chain.host}-`));
  return [chain.npm, chain.wrapper, chain.server, chain.host, ...marked].filter(isAlive);
}

function childMatching(parents: number[], pattern: RegExp): number | undefined {
  return parents.flatMap((pid) => descendants(pid)).find((pid) => pattern.test(commandLine(pid)));
}

async function startChain(): Promise<Chain> {
  const dir = mkdtempSync(join(tmpdir(), 'tabterm-signals-'));
  const serve = await launchServe({
    program: 'npm',
    entry: ['run', 'serve', '--silent', '--'],
    dataDir: join(dir, 'data'),
    home: dir,
  });
  const npm = serve.child.pid as number;
  const found = await waitFor(() => {
    const wrapper = childMatching([npm], /scripts\/serve\.mjs/);
    const server = childMatching([npm], /out\/server\/serve\.js/);
    const host = childMatching([npm], /session-host\.js/);
    if (!wrapper || !server || !host) return null;
    // The first tab's shell is up.
    if (pidsWithEnv('TABTERM_HOST_ID', (value) => value.startsWith(`${host}-`)).length === 0) return null;
    return { wrapper, server, host };
  }, 'the server, its session host and the first shell');
  const chain = { serve, npm, ...found };
  started.push(chain);
  return chain;
}

const cases: Array<{ target: 'npm' | 'wrapper' | 'server'; signal: NodeJS.Signals }> = [
  { target: 'npm', signal: 'SIGTERM' },
  { target: 'npm', signal: 'SIGINT' },
  { target: 'npm', signal: 'SIGKILL' },
  { target: 'wrapper', signal: 'SIGTERM' },
  { target: 'wrapper', signal: 'SIGINT' },
  { target: 'wrapper', signal: 'SIGKILL' },
  { target: 'server', signal: 'SIGTERM' },
];

describe.skipIf(process.platform === 'win32')('stopping npm run serve', () => {
  it('has npm start the wrapper directly (no shell in between to swallow signals)', async () => {
    const chain = await startChain();
    expect(commandLine(chain.npm)).toMatch(/npm run serve/);
    const wrapperParent = descendants(chain.npm)[0];
    expect(wrapperParent).toBe(chain.wrapper);
    process.kill(chain.npm, 'SIGTERM');
    await waitFor(() => everything(chain).length === 0, 'everything to end', 15_000);
  }, 60_000);

  it('ends npm, the wrapper, the server, the session host and every shell, whichever gets the signal', async () => {
    const chains = await Promise.all(cases.map(() => startChain()));
    cases.forEach(({ target, signal }, i) => {
      const chain = chains[i] as Chain;
      const pid = target === 'npm' ? chain.npm : target === 'wrapper' ? chain.wrapper : chain.server;
      process.kill(pid, signal);
    });
    const left = () =>
      cases.flatMap(({ target, signal }, i) => {
        const alive = everything(chains[i] as Chain);
        return alive.length > 0 ? [`${signal} to ${target}: ${alive.map(commandLine).join(' | ')}`] : [];
      });
    await waitFor(() => left().length === 0, 'every chain to end', 20_000).catch((error: Error) => {
      throw new Error(`${error.message}; left: ${left().join('; ')}`);
    });
  }, 90_000);
});
