// `npm run bench`: every figure of issue 7 measured side by side in one run, printed as a table and
// written to bench/results.json. Options: --quick (smaller file and counts), --only=<group,...>.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { echo } from './figures/echo';
import { idleCpu } from './figures/idle-cpu';
import { memory } from './figures/memory';
import { replay } from './figures/replay';
import { shutdown } from './figures/shutdown';
import { spawnLatency } from './figures/spawn';
import { throughput } from './figures/throughput';
import { CHROMIUM_PATH, SharedBrowser } from './lib/browser';
import { type BenchContext, type FigureGroup, FULL, QUICK } from './lib/context';
import { type Figure, notMeasured } from './lib/figure';
import { chromiumVersionFromBinary, loadAverage, machineInfo } from './lib/machine';
import { disposeAllServers } from './lib/server';
import { formatTable, tally } from './lib/table';

const GROUPS: FigureGroup[] = [throughput, echo, replay, spawnLatency, memory, idleCpu, shutdown];
const RESULTS = resolve(import.meta.dirname, 'results.json');

function parseArgs(argv: string[]): { quick: boolean; only: string[] | null } {
  let quick = false;
  let only: string[] | null = null;
  for (const arg of argv) {
    if (arg === '--quick') quick = true;
    else if (arg.startsWith('--only=')) only = arg.slice('--only='.length).split(',').filter(Boolean);
    else throw new Error(`unknown option ${arg} (use --quick, --only=${GROUPS.map((g) => g.id).join(',')})`);
  }
  const unknown = (only ?? []).filter((id) => !GROUPS.some((g) => g.id === id));
  if (unknown.length > 0) throw new Error(`unknown group(s): ${unknown.join(', ')}`);
  return { quick, only };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = args.quick ? QUICK : FULL;
  const workDir = mkdtempSync(join(tmpdir(), 'tabterm-bench-files-'));
  const started = performance.now();
  const log = (line: string) => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1).padStart(6);
    process.stderr.write(`[bench ${seconds}s] ${line}\n`);
  };
  const browser = new SharedBrowser();
  const context: BenchContext = { config, workDir, log, browser: () => browser.get() };
  const groups = GROUPS.filter((g) => !args.only || args.only.includes(g.id));
  // Interrupted: stop the servers (and every process they started), close Chromium, remove the files.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void Promise.allSettled([disposeAllServers(), browser.close()]).then(() => {
        rmSync(workDir, { recursive: true, force: true });
        process.exit(130);
      });
    });
  }
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  try {
    for (const group of groups) {
      log(`── ${group.title}`);
      const groupStarted = performance.now();
      const loadAtStart = loadAverage();
      try {
        const result = await group.run(context);
        figures.push(...result.figures);
        details[group.id] = {
          ...result.details,
          seconds: (performance.now() - groupStarted) / 1000,
          loadAverageAtStart: loadAtStart,
        };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`${group.id} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
        figures.push(notMeasured(group.id, 'failed', group.title, message.split('\n')[0] ?? message));
        details[group.id] = { error: message };
      }
    }
  } finally {
    const chromium = (await browser.version()) ?? chromiumVersionFromBinary(CHROMIUM_PATH);
    await browser.close();
    rmSync(workDir, { recursive: true, force: true });
    const results = {
      date: new Date().toISOString(),
      quick: config.quick,
      config,
      machine: machineInfo(chromium ? `Chromium ${chromium.replace(/^Chromium /, '')}` : null),
      seconds: (performance.now() - started) / 1000,
      figures,
      details,
    };
    writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`\n${formatTable(figures)}\n\n${tally(figures)}\n`);
    const m = results.machine;
    process.stdout.write(
      `${m.cpuModel}, ${m.cores} cores, ${m.memoryMB} MB, Node ${m.node}, ${m.chromium ?? 'no Chromium'}; ` +
        `${config.quick ? 'quick run' : 'full run'} in ${results.seconds.toFixed(0)} s. Written to ${RESULTS}\n`,
    );
    // Short figures are findings, not failures; a figure that could not be measured is a broken bench.
    if (figures.some((f) => f.mark === 'error')) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
