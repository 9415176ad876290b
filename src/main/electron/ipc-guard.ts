// The one way an IPC handler is registered in main. Every message is checked before its handler runs:
// the sender must be the top frame of one of our windows showing our own page (isTrustedSender), and
// the payload must parse. Anything else is dropped and logged; a handler that throws is logged too, so
// no page can bring main down. Takes ipcMain as a parameter, so it is tested without Electron.
import type { Channel } from '../../preload/channels';
import type { Parser } from './ipc-payloads';
import { isTrustedSender } from './sender-check';

/** The parts of Electron's IpcMainEvent the guard reads. */
export interface GuardedEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
  readonly sender: { readonly id: number };
}

/** The part of Electron's ipcMain the guard uses. */
export interface IpcMainLike {
  on(channel: string, listener: (event: GuardedEvent, ...args: unknown[]) => void): unknown;
}

export interface IpcGuardOptions {
  ipc: IpcMainLike;
  /** Our page's origin (`app://tabterm`, or the dev server's) or file URL. */
  trustedUrl: string;
  /** Whether a webContents id belongs to one of our windows. */
  isOurWindow(webContentsId: number): boolean;
  log(line: string): void;
}

/** Who sent a message that passed the guard. */
export interface TrustedSender {
  webContentsId: number;
}

const MAX_LOGGED_REFUSALS = 50;

export class IpcGuard {
  readonly #options: IpcGuardOptions;
  readonly #channels = new Set<string>();
  #refusals = 0;

  constructor(options: IpcGuardOptions) {
    this.#options = options;
  }

  /** Messages refused so far (bad sender or bad payload). */
  get refusals(): number {
    return this.#refusals;
  }

  on<T>(channel: Channel, parse: Parser<T>, handler: (value: T, sender: TrustedSender) => void): void {
    if (this.#channels.has(channel)) throw new Error(`IPC channel ${channel} is already handled`);
    this.#channels.add(channel);
    this.#options.ipc.on(channel, (event, ...args) => {
      const frame = event.senderFrame;
      const trusted =
        frame !== null &&
        isTrustedSender(frame.url, this.#options.trustedUrl, frame.parent === null) &&
        this.#options.isOurWindow(event.sender.id);
      if (!trusted) return this.#refuse(channel, `untrusted sender ${frame?.url ?? '(gone)'}`);
      if (args.length > 1) return this.#refuse(channel, 'more than one argument');
      const parsed = parse(args[0]);
      if (!parsed.ok) return this.#refuse(channel, parsed.error);
      try {
        handler(parsed.value, { webContentsId: event.sender.id });
      } catch (error) {
        this.#options.log(
          `IPC ${channel} handler failed: ${error instanceof Error ? error.stack : String(error)}`,
        );
      }
    });
  }

  #refuse(channel: string, reason: string): void {
    this.#refusals++;
    // A hostile or broken page could flood the log; the count keeps growing, the log stops.
    if (this.#refusals <= MAX_LOGGED_REFUSALS) this.#options.log(`IPC ${channel} refused: ${reason}`);
  }
}
