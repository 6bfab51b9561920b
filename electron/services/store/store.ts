import { join } from 'node:path';
import { openDatabase, type Recovery, type SqliteDatabase } from './db';
import { hearthMigrations } from './migrations/hearth';
import { libraryMigrations } from './migrations/library';

export type DatabaseName = 'hearth' | 'library';

export interface OpenStoreOptions {
  /** The folder holding `hearth.db` and `library.db`. */
  dataDir: string;
  /** Passed to `openDatabase`; defaults to sqlite-vec's own path. */
  vecExtensionPath?: string;
  /** Told when either database was unreadable and replaced (the old file is kept). */
  onRecovered?: (database: DatabaseName, recovery: Recovery) => void;
}

/** The two databases Hearth keeps, opened together and closed together. */
export interface Store {
  /** Chats, settings, models: synchronous=FULL, never rebuilt. */
  hearth: SqliteDatabase;
  /** The index of the user's files: synchronous=NORMAL, can be rebuilt from the files. */
  library: SqliteDatabase;
  close(): void;
}

export function openStore(options: OpenStoreOptions): Store {
  const open = (name: DatabaseName, synchronous: 'FULL' | 'NORMAL', migrations = hearthMigrations) =>
    openDatabase({
      path: join(options.dataDir, `${name}.db`),
      synchronous,
      migrations,
      vecExtensionPath: options.vecExtensionPath,
      onRecovered: (recovery) => options.onRecovered?.(name, recovery),
    });
  const hearth = open('hearth', 'FULL');
  let library: SqliteDatabase;
  try {
    library = open('library', 'NORMAL', libraryMigrations);
  } catch (error) {
    hearth.close();
    throw error;
  }
  return {
    hearth,
    library,
    close() {
      hearth.close();
      library.close();
    },
  };
}
