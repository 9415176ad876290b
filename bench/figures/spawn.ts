// Spawn latency: terminal_spawn → terminal_ready through the browser host, against a bare node-pty spawn
// of the same shell measured in the same run (interleaved, so both see the same machine).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as nodePty from 'node-pty';
import type { BenchContext, FigureGroup, GroupResult } from '../lib/context';
import { atMost, measured } from '../lib/figure';
import { BenchServer } from '../lib/server';
import { summarize } from '../lib/stats';

const GROUP = 'spawn';

interface BareSpawn {
  /** pty.spawn() returned: the shell process exists (what terminal_ready reports). */
  spawnMs: number;
  /** Its first prompt arrived. */
  promptMs: number;
}

function bareSpawn(home: string): Promise<BareSpawn> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const pty = nodePty.spawn('/bin/bash', [], {
      cols: 120,
      rows: 40,
      cwd: home,
      env: { ...process.env, HOME: home, TERM: 'xterm-256color', PS1: '$ ' },
      encoding: 'utf8',
    });
    const spawnMs = performance.now() - started;
    let output = '';
    let promptMs: number | null = null;
    const timer = setTimeout(() => {
      pty.kill('SIGKILL');
      reject(
        new Error(`bare bash did not show a prompt and exit (output ${JSON.stringify(output.slice(-80))})`),
      );
    }, 15_000);
    pty.onExit(() => {
      clearTimeout(timer);
      if (promptMs !== null) resolve({ spawnMs, promptMs });
    });
    pty.onData((data) => {
      output += data;
      if (promptMs !== null || !/\$ $/.test(output)) return;
      promptMs = performance.now() - started;
      pty.kill('SIGKILL');
    });
  });
}

export const spawnLatency: FigureGroup = {
  id: GROUP,
  title: 'Spawn latency',
  async run(context: BenchContext): Promise<GroupResult> {
    const count = context.config.spawnSessions;
    const home = join(context.workDir, 'spawn-home');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, '.bashrc'), "PS1='$ '\nunset PROMPT_COMMAND\nHISTFILE=/dev/null\n");
    const server = await BenchServer.start({ settings: { maxSessions: count + 10 } });
    try {
      const client = await server.client();
      const bare: BareSpawn[] = [];
      const ready: number[] = [];
      const prompt: number[] = [];
      context.log(`${count} sessions, each after a bare node-pty spawn`);
      for (let i = 0; i < count; i++) {
        bare.push(await bareSpawn(home));
        const tabId = await client.createTab();
        const spawned = await client.spawn(tabId);
        ready.push(spawned.readyAt - spawned.sentAt);
        await client.waitForTail(spawned.sessionId, /\$ $/, 15_000);
        prompt.push(performance.now() - spawned.sentAt);
      }
      client.close();
      const hub = summarize(ready);
      const bareStats = summarize(bare.map((b) => b.spawnMs));
      const hubPrompt = summarize(prompt);
      const barePrompt = summarize(bare.map((b) => b.promptMs));
      return {
        figures: [
          measured(
            GROUP,
            'hub.p50',
            `terminal_spawn → terminal_ready p50 (${count} sessions)`,
            hub.p50,
            'ms',
          ),
          measured(GROUP, 'hub.p95', 'terminal_spawn → terminal_ready p95', hub.p95, 'ms'),
          measured(GROUP, 'bare.p95', 'Bare node-pty spawn p95 (reference)', bareStats.p95, 'ms'),
          measured(
            GROUP,
            'added.p95',
            'Tabterm adds to spawn p95',
            hub.p95 - bareStats.p95,
            'ms',
            atMost(30),
          ),
          measured(GROUP, 'prompt.p95', 'Spawn → first prompt p95, Tabterm', hubPrompt.p95, 'ms'),
          measured(GROUP, 'bare-prompt.p95', 'Spawn → first prompt p95, bare node-pty', barePrompt.p95, 'ms'),
        ],
        details: { hub, bare: bareStats, hubPrompt, barePrompt },
      };
    } finally {
      await server.dispose();
    }
  },
};
