// Each tab's recent output, kept on disk so a restart can show it above a "restored" marker
// (issue: nothing lost). One file per tab, replaced atomically; bounded per tab.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileSync } from 'atomically';
import type { ScrollbackPersistence } from '../hub/hub-options';
import type { StoreNotice } from '../persistence/store-notice';

/** Tab ids become file names: only the protocol's id alphabet is allowed through. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const SUFFIX = '.scrollback';

/** Keeps at most `maxChars` of the end of `text`, cut at a line start so no escape sequence is split. */
export function boundScrollback(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const tail = text.slice(text.length - maxChars);
  const lineStart = tail.indexOf('\n');
  return lineStart === -1 ? '' : tail.slice(lineStart + 1);
}

export interface OpenedScrollback {
  store: ScrollbackPersistence;
  /** What the user must be told (the folder could not be made: history is not kept this session). */
  notices: StoreNotice[];
}

/** Keeps nothing: the app works, without tabs' history after a restart. */
const noScrollback: ScrollbackPersistence = {
  load: () => null,
  save: () => {},
  remove: () => {},
  retain: () => {},
};

/**
 * Opens the folder of saved histories. A folder that cannot be made (a file in its place, a read-only data
 * directory) does not stop the app: it starts without saving history, and says so.
 */
export function openScrollbackStore(
  dir: string,
  maxCharsPerTab: number,
  log: (line: string) => void = () => {},
): OpenedScrollback {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `Tabs' history cannot be saved in ${dir} (${reason}): Tabterm works without it this session, and a restart will not bring back what tabs showed.`;
    log(message);
    return {
      store: noScrollback,
      notices: [{ level: 'warning', code: 'store_read_only', store: 'scrollback', message }],
    };
  }
  return { store: openFolder(dir, maxCharsPerTab, log), notices: [] };
}

function openFolder(dir: string, maxCharsPerTab: number, log: (line: string) => void): ScrollbackPersistence {
  const file = (tabId: string) => join(dir, `${tabId}${SUFFIX}`);
  return {
    load(tabId) {
      if (!SAFE_ID.test(tabId)) return null;
      try {
        return readFileSync(file(tabId), 'utf8');
      } catch {
        return null;
      }
    },
    save(tabId, text) {
      if (!SAFE_ID.test(tabId)) return;
      try {
        writeFileSync(file(tabId), boundScrollback(text, maxCharsPerTab), { fsyncWait: false });
      } catch (error) {
        log(
          `scrollback of tab ${tabId} not saved: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
    remove(tabId) {
      if (SAFE_ID.test(tabId)) rmSync(file(tabId), { force: true });
    },
    retain(tabIds) {
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      for (const name of names) {
        if (name.endsWith(SUFFIX) && !tabIds.has(name.slice(0, -SUFFIX.length)))
          rmSync(join(dir, name), { force: true });
      }
    },
  };
}
