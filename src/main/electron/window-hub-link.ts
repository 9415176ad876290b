// One window's connection to the hub. The preload says hello each time a page loads (first load,
// reload, crash recovery); the link then drops the old connection and opens a fresh one, so the hub
// replays layout, settings and status to the new page. Output for a page that is going away stops the
// moment it starts to unload.

import { Channels } from '../../preload/channels';
import type { ServerMessage } from '../../shared/protocol';
import type { HubClient, HubConnection } from '../hub/hub-client';

/** The part of Electron's WebContents the link uses. */
export interface LinkedContents {
  readonly id: number;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  on(event: 'did-start-loading' | 'destroyed' | 'render-process-gone', listener: () => void): unknown;
}

export interface HubLike {
  connect(client: HubClient): HubConnection;
}

export class WindowHubLink {
  readonly #contents: LinkedContents;
  readonly #hub: HubLike;
  readonly #log: (line: string) => void;
  #connection: HubConnection | null = null;
  #generation = 0;

  constructor(contents: LinkedContents, hub: HubLike, log: (line: string) => void) {
    this.#contents = contents;
    this.#hub = hub;
    this.#log = log;
    const drop = () => this.disconnect();
    contents.on('did-start-loading', drop);
    contents.on('destroyed', drop);
    contents.on('render-process-gone', drop);
  }

  get connected(): boolean {
    return this.#connection !== null;
  }

  /** The page (re)loaded: start over with a fresh hub connection. */
  reconnect(): void {
    this.disconnect();
    this.#generation++;
    const contents = this.#contents;
    const client: HubClient = {
      id: `window-${contents.id}-${this.#generation}`,
      send: (message: ServerMessage) => {
        if (!contents.isDestroyed()) contents.send(Channels.message, message);
      },
    };
    this.#connection = this.#hub.connect(client);
  }

  /** A message from the page (already past the IPC guard; the hub validates the protocol). */
  receive(message: unknown): void {
    if (!this.#connection) return this.#log(`window ${this.#contents.id} sent before hello; dropped`);
    this.#connection.receive(message);
  }

  disconnect(): void {
    this.#connection?.disconnect();
    this.#connection = null;
  }

  /** Tell the page the hub is going away (quit) or back. */
  setConnection(state: 'open' | 'closed'): void {
    if (!this.#contents.isDestroyed()) this.#contents.send(Channels.connection, state);
  }
}
