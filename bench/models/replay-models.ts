// Measurement of replay models for docs/decisions/replay.md: memory per full session, host CPU per MB, replay
// size and parse time, one process, one run: `node --expose-gc --import tsx bench/models/replay-models.ts`.
// The head-to-head with the tracked-mode ring and the hybrid ran at commit edd0ae0, before the ring was removed.
import serializePackage from '@xterm/addon-serialize';
import headlessPackage from '@xterm/headless';
import { RingBufferDefaults } from '../../src/shared/limits';

const { Terminal } = headlessPackage;
const { SerializeAddon } = serializePackage;
type Terminal = InstanceType<typeof Terminal>;
type SerializeAddon = InstanceType<typeof SerializeAddon>;

const COLS = 120;
const ROWS = 40;
const SESSIONS = 8;

interface Model {
  name: string;
  create(): { feed(data: string): void | Promise<void>; replay(): string; screen(): string; dispose(): void };
}

function headless(scrollback: number): { terminal: Terminal; serializer: SerializeAddon } {
  const terminal = new Terminal({ cols: COLS, rows: ROWS, scrollback, allowProposedApi: true });
  const serializer = new SerializeAddon();
  terminal.loadAddon(serializer);
  return { terminal, serializer };
}

function write(terminal: Terminal, data: string): Promise<void> {
  return new Promise((resolve) => terminal.write(data, resolve));
}

const models: Model[] = [
  {
    name: 'headless xterm (scrollback 2000) + serializer',
    create() {
      const { terminal, serializer } = headless(RingBufferDefaults.maxLines);
      return {
        feed: (data) => write(terminal, data),
        replay: () => serializer.serialize(),
        screen: () => serializer.serialize({ scrollback: 0 }),
        dispose: () => terminal.dispose(),
      };
    },
  },
];

/** The bench's coloured log (bench/lib/text-files.ts), as a PTY delivers it. */
function colouredLog(lines: number, seed = 0xc0101): string {
  let state = seed;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state;
  };
  const out: string[] = [];
  for (let n = 0; n < lines; n++) {
    const prefix = `${String(n).padStart(5, '0')} `;
    let line = `\x1b[2m${prefix}\x1b[0m`;
    let width = prefix.length;
    while (width < COLS) {
      const word = Math.min(COLS - width, 3 + (next() % 12));
      const colour = 31 + (next() % 7);
      let text = '';
      for (let i = 0; i < word - 1; i++) text += String.fromCharCode(97 + (next() % 26));
      text += width + word >= COLS ? String.fromCharCode(97 + (next() % 26)) : ' ';
      line += next() % 3 === 0 ? `\x1b[${colour}m${text}\x1b[0m` : text;
      width += word;
    }
    out.push(line);
  }
  return `${out.join('\r\n')}\r\n$ `;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function used(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

async function feedAll(session: ReturnType<Model['create']>, output: string): Promise<void> {
  for (let at = 0; at < output.length; at += 4096) await session.feed(output.slice(at, at + 4096));
}

async function parseMs(replay: string): Promise<number> {
  const { terminal } = headless(RingBufferDefaults.maxLines);
  const start = performance.now();
  await write(terminal, replay);
  const ms = performance.now() - start;
  terminal.dispose();
  return ms;
}

async function main(): Promise<void> {
  const full = colouredLog(RingBufferDefaults.maxLines + 500);
  const cpuInput = colouredLog(20_000, 7);
  const mb = cpuInput.length / 1e6;
  console.log(`full ring input ${full.length} chars; cpu input ${mb.toFixed(1)} MB`);
  for (const model of models) {
    const before = used();
    const sessions = [];
    for (let i = 0; i < SESSIONS; i++) {
      const session = model.create();
      await feedAll(session, full);
      sessions.push(session);
    }
    const perSession = (used() - before) / SESSIONS;
    const replay = sessions[0]?.replay() ?? '';
    const screen = sessions[0]?.screen() ?? '';
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) sessions[0]?.replay();
    const snapshotMs = (performance.now() - t0) / 5;
    for (const session of sessions) session.dispose();
    sessions.length = 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const cpuSession = model.create();
    const cpu0 = process.cpuUsage();
    await feedAll(cpuSession, cpuInput);
    const cpu = process.cpuUsage(cpu0);
    const cpuMsPerMb = (cpu.user + cpu.system) / 1000 / mb;
    cpuSession.dispose();
    const parses = [];
    for (let i = 0; i < 5; i++) parses.push(await parseMs(replay));
    const screenParses = [];
    for (let i = 0; i < 5; i++) screenParses.push(await parseMs(screen));
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]?.toFixed(1);
    console.log(
      JSON.stringify({
        model: model.name,
        memoryPerSessionMB: +(perSession / 1e6).toFixed(2),
        hostCpuMsPerMB: +cpuMsPerMb.toFixed(1),
        replayChars: replay.length,
        snapshotMs: +snapshotMs.toFixed(1),
        visibleScreenChars: screen.length,
        parseReplayMsMedian: median(parses),
        parseScreenMsMedian: median(screenParses),
      }),
    );
  }
}

await main();
