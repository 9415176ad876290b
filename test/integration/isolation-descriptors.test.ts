// Nothing crosses tabs through inherited descriptors (issue 16, item 1). node-pty's fork left every PTY
// master open in later children: with five tabs, the fifth shell held the masters of the first four, and
// `printf 'echo INJECTED\r' >&19` in it ran a command in the first tab's shell. Closed tabs' terminals also
// stayed allocated while later shells held their masters. The patched node-pty we carry
// (patches/node-pty+*.patch) makes every PTY descriptor close-on-exec in the host.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descriptorTargets } from '../support/proc';
import { HostClient, outputLine, uniqueId } from './helpers/host-client';

let host: HostClient;
const sessions: string[] = [];

beforeAll(async () => {
  host = await HostClient.start();
});

afterAll(async () => {
  await host?.close();
});

async function openShell(): Promise<{ id: string; pid: number }> {
  const id = uniqueId('iso');
  const reply = await host.spawnBash(id);
  sessions.push(id);
  return { id, pid: reply.session.pid };
}

/** The terminals a process holds: PTY masters and the slave devices it has open. */
function terminalsHeld(pid: number): { masters: number; slaves: Set<string> } {
  let masters = 0;
  const slaves = new Set<string>();
  for (const target of descriptorTargets(pid).values()) {
    if (target === '/dev/ptmx' || target === '/dev/pts/ptmx') masters++;
    else if (target.startsWith('/dev/pts/')) slaves.add(target);
  }
  return { masters, slaves };
}

describe.skipIf(process.platform !== 'linux')('PTY descriptors (read from /proc: Linux)', () => {
  it('a shell holds no PTY descriptor but its own terminal, also after tabs closed in between', async () => {
    const shells = [];
    for (let i = 0; i < 5; i++) shells.push(await openShell());
    // Close two in the middle: the next terminals reuse their numbers, and gaps open in the host's table.
    for (const closed of [shells[1], shells[2]]) {
      if (!closed) continue;
      host.send({ type: 'kill', sessionId: closed.id });
      await host.next('exit', (m) => m.sessionId === closed.id);
    }
    const live = [shells[0], shells[3], shells[4]];
    for (let i = 0; i < 3; i++) live.push(await openShell());
    for (const shell of live) {
      if (!shell) continue;
      const held = terminalsHeld(shell.pid);
      expect(held.masters, `shell ${shell.pid} holds PTY masters`).toBe(0);
      expect(held.slaves.size, `shell ${shell.pid} holds ${[...held.slaves].join(', ')}`).toBe(1);
    }
  });

  it('a program in one tab cannot type into another tab through any descriptor it has', async () => {
    // Two tabs opened before the victim and closed again leave free numbers below the victim's terminal:
    // where inheritance was only partly fixed, descriptors above such a gap were still passed on.
    const fillers = [await openShell(), await openShell()];
    const victim = await openShell();
    for (const filler of fillers) {
      host.send({ type: 'kill', sessionId: filler.id });
      await host.next('exit', (m) => m.sessionId === filler.id);
    }
    const attacker = await openShell();
    // Every descriptor above stderr the attacker's shell has open gets a command line written to it.
    host.run(
      attacker.id,
      `for f in /proc/$$/fd/*; do n=\${f##*/}; [ "$n" -gt 2 ] && printf 'echo INJECTED-%s\\r' "$n" >&"$n"; done 2>/dev/null; echo tried`,
    );
    await host.waitForOutput(attacker.id, outputLine('tried'));
    host.run(victim.id, 'echo victim-alive');
    await host.waitForOutput(victim.id, outputLine('victim-alive'));
    for (const id of sessions) {
      if (id === attacker.id) continue;
      expect(host.output(id), `session ${id}`).not.toContain('INJECTED-');
    }
  });
});
