// Full garbage collection and heap figures of a running Node process from outside: SIGUSR1 opens its
// inspector (on a free port when NODE_OPTIONS has --inspect-port=0), whose URL it prints on stderr.
// Memory figures after a GC measure what is kept, not garbage that happens not to be collected yet.
import { WebSocket } from 'ws';
import { z } from 'zod';
import { waitFor } from './wait';

export const INSPECT_ON_SIGNAL_ENV = { NODE_OPTIONS: '--inspect-port=0' };

const Reply = z.object({ id: z.number(), result: z.unknown().optional(), error: z.unknown().optional() });
const HeapUsage = z.object({ usedSize: z.number(), totalSize: z.number() });

export class Inspector {
  private nextId = 1;
  private readonly pending = new Map<number, (reply: z.infer<typeof Reply>) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const parsed = Reply.safeParse(JSON.parse(raw.toString()));
      if (!parsed.success) return; // events
      this.pending.get(parsed.data.id)?.(parsed.data);
      this.pending.delete(parsed.data.id);
    });
  }

  /** Opens the inspector of `pid`; `stderr` returns everything the process (or its parent) printed so far. */
  static async open(pid: number, stderr: () => string): Promise<Inspector> {
    const seen = new Set(urls(stderr()));
    process.kill(pid, 'SIGUSR1');
    const url = await waitFor(
      () => urls(stderr()).find((u) => !seen.has(u)),
      `process ${pid} to open its inspector`,
      10_000,
    );
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new Inspector(ws);
  }

  private command(method: string): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`inspector ${method} timed out`)), 30_000);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error) reject(new Error(`inspector ${method}: ${JSON.stringify(reply.error)}`));
        else resolve(reply.result);
      });
      this.ws.send(JSON.stringify({ id, method }));
    });
  }

  async collectGarbage(): Promise<void> {
    await this.command('HeapProfiler.collectGarbage');
  }

  async heapUsed(): Promise<number> {
    return HeapUsage.parse(await this.command('Runtime.getHeapUsage')).usedSize;
  }

  close(): void {
    this.ws.close();
  }
}

function urls(text: string): string[] {
  return [...text.matchAll(/Debugger listening on (ws:\/\/\S+)/g)].map((m) => m[1] as string);
}
