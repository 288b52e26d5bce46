// The browser-side backup of unsaved text, one entry per person and story, so a crash, a closed
// tab or a lost connection never costs a word. Offered back when the editor opens again; cleared
// once the server has the text. IndexedDB (through idb-keyval) while writing; localStorage, which
// is synchronous, for the last write as the page goes away (an IndexedDB transaction started in
// `pagehide` may never commit). Reading takes the newer of the two.
import { createStore, del, get, set, type UseStore } from "idb-keyval";
import type { BackupStore, LocalBackup } from "@/components/editor/draft-session";

let store: UseStore | undefined;
const backupStore = () => (store ??= createStore("newsroom-editor", "backups"));

/** Unsaved text of a new story (not created yet) is kept under "new". */
export const backupKey = (userId: string, articleId: number | null) => `${userId}:${articleId ?? "new"}`;

const LAST_WORDS_PREFIX = "newsroom-editor:last:";

function readLastWords(key: string): LocalBackup | undefined {
  try {
    const raw = localStorage.getItem(LAST_WORDS_PREFIX + key);
    return raw ? (JSON.parse(raw) as LocalBackup) : undefined;
  } catch {
    return undefined;
  }
}

export async function readLocalBackup(key: string): Promise<LocalBackup | undefined> {
  let stored: LocalBackup | undefined;
  try {
    stored = await get<LocalBackup>(key, backupStore());
  } catch {
    // Private windows and full disks: the editor still works, only without a local copy.
  }
  const last = readLastWords(key);
  if (!stored || (last && last.savedAt > stored.savedAt)) return last;
  return stored;
}

export function localBackupStore(keyOf: () => string): BackupStore {
  return {
    write: async (backup) => {
      try {
        await set(keyOf(), backup, backupStore());
      } catch (error) {
        console.warn("local backup failed", error);
      }
    },
    writeNow: (backup) => {
      try {
        localStorage.setItem(LAST_WORDS_PREFIX + keyOf(), JSON.stringify(backup));
      } catch (error) {
        // Over the quota (a huge story): the IndexedDB copy from the last pause remains.
        console.warn("local backup on leaving failed", error);
      }
    },
    clear: async () => deleteLocalBackup(keyOf()),
  };
}

export async function deleteLocalBackup(key: string): Promise<void> {
  try {
    localStorage.removeItem(LAST_WORDS_PREFIX + key);
    await del(key, backupStore());
  } catch {
    // nothing to delete
  }
}
