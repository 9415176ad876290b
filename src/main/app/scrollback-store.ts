// Each tab's recent output, kept on disk so a restart can show it above a "restored" marker
// (issue: nothing lost). One file per tab, replaced atomically; bounded per tab.
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileSync } from 'atomically';
import type { ScrollbackPersistence } from '../hub/hub-options';

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

export function openScrollbackStore(
  dir: string,
  maxCharsPerTab: number,
  log: (line: string) => void = () => {},
): ScrollbackPersistence {
  mkdirSync(dir, { recursive: true });
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
      for (const name of readdirSync(dir)) {
        if (name.endsWith(SUFFIX) && !tabIds.has(name.slice(0, -SUFFIX.length)))
          rmSync(join(dir, name), { force: true });
      }
    },
  };
}
