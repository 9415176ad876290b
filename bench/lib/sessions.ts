// Opening many sessions through the protocol: tabs are created one by one (each new id is read from the
// next layout), then spawned a few at a time, each waiting for its prompt.
import type { WsClient } from './ws-client';

/** A prompt on a new line after a command's output (bash may switch bracketed paste on before it). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: terminal output is matched as it arrives
const PROMPT_AFTER_OUTPUT = /\n(?:\x1b\[[?0-9;]*[a-zA-Z])*\$ $/;

export interface OpenSession {
  tabId: string;
  sessionId: string;
  pid: number;
}

export async function openSessions(client: WsClient, count: number, concurrency = 6): Promise<OpenSession[]> {
  const tabIds: string[] = [];
  for (let i = 0; i < count; i++) tabIds.push(await client.createTab());
  const opened: OpenSession[] = [];
  let next = 0;
  const worker = async () => {
    while (next < tabIds.length) {
      const tabId = tabIds[next++] as string;
      const { sessionId, pid } = await client.spawn(tabId);
      await client.waitForTail(sessionId, /\$ $/, 30_000);
      opened.push({ tabId, sessionId, pid });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return opened;
}

/** Runs `line` in every session (a few at a time) and waits for each prompt to come back. */
export async function runEverywhere(
  client: WsClient,
  sessions: readonly OpenSession[],
  line: string,
  concurrency = 6,
  timeoutMs = 60_000,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < sessions.length) {
      const { sessionId } = sessions[next++] as OpenSession;
      client.clearTail(sessionId);
      client.run(sessionId, line);
      await client.waitForTail(sessionId, PROMPT_AFTER_OUTPUT, timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, sessions.length) }, worker));
}
