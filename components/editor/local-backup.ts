// The browser-side backup of unsaved text (IndexedDB through idb-keyval), one entry per person
// and story, so a crash, a closed tab or a lost connection never costs a word. Offered back when
// the editor opens again; cleared once the server has the text.
import { createStore, del, get, set, type UseStore } from "idb-keyval";
import type { BackupStore, LocalBackup } from "@/components/editor/draft-session";

let store: UseStore | undefined;
const backupStore = () => (store ??= createStore("newsroom-editor", "backups"));

/** Unsaved text of a new story (not created yet) is kept under "new". */
export const backupKey = (userId: string, articleId: number | null) => `${userId}:${articleId ?? "new"}`;

export async function readLocalBackup(key: string): Promise<LocalBackup | undefined> {
  try {
    return await get<LocalBackup>(key, backupStore());
  } catch {
    // Private windows and full disks: the editor still works, only without a local copy.
    return undefined;
  }
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
    clear: async () => {
      try {
        await del(keyOf(), backupStore());
      } catch {
        // nothing to clear
      }
    },
  };
}

export async function deleteLocalBackup(key: string): Promise<void> {
  try {
    await del(key, backupStore());
  } catch {
    // nothing to delete
  }
}
