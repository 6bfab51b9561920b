import { join } from 'node:path';
import { openDatabase, type Recovery, type SqliteDatabase } from './db';
import { hearthMigrations } from './migrations/hearth';
import { libraryMigrations } from './migrations/library';
import { privateDatabaseFiles, privateFolder } from './permissions';

export type DatabaseName = 'hearth' | 'library';

export interface OpenStoreOptions {
  /** The folder holding `hearth.db` and `library.db`. */
  dataDir: string;
  /** Passed to `openDatabase`; defaults to sqlite-vec's own path. */
  vecExtensionPath?: string;
  /** Told when either database was damaged and repaired or replaced (the old file is kept). */
  onRecovered?: (database: DatabaseName, recovery: Recovery) => void;
  /**
   * Told, once, when the data folder or a database file could be read by other users (a folder
   * made before Hearth kept it private) and was made private: which paths.
   */
  onTightened?: (paths: string[]) => void;
}

/** The two databases Hearth keeps, opened together and closed together. */
export interface Store {
  /** Chats, settings, models: synchronous=FULL, never rebuilt. */
  hearth: SqliteDatabase;
  /** The index of the user's files: synchronous=NORMAL, can be rebuilt from the files. */
  library: SqliteDatabase;
  close(): void;
}

/**
 * Opens both databases in `dataDir`, which is kept private to this user (the folder 0700, the
 * databases and their `-wal`/`-shm` files 0600): chats, the API key and the text of every indexed
 * file are in them.
 */
export function openStore(options: OpenStoreOptions): Store {
  const tightened = privateFolder(options.dataDir);
  const open = (name: DatabaseName, synchronous: 'FULL' | 'NORMAL', migrations = hearthMigrations) => {
    // Chats and settings exist nowhere else: repaired before they are given up. The index is rebuilt from the files.
    const path = join(options.dataDir, `${name}.db`);
    // An existing file is made private before SQLite opens it, so the files it adds inherit that.
    tightened.push(...privateDatabaseFiles(path));
    const db = openDatabase({
      path,
      synchronous,
      migrations,
      repair: name === 'hearth',
      vecExtensionPath: options.vecExtensionPath,
      onRecovered: (recovery) => options.onRecovered?.(name, recovery),
    });
    // A new (or recovered) file was created with the process's umask.
    privateDatabaseFiles(path);
    return db;
  };
  const hearth = open('hearth', 'FULL');
  let library: SqliteDatabase;
  try {
    library = open('library', 'NORMAL', libraryMigrations);
  } catch (error) {
    hearth.close();
    throw error;
  }
  if (tightened.length) options.onTightened?.(tightened);
  return {
    hearth,
    library,
    close() {
      hearth.close();
      library.close();
    },
  };
}
