/**
 * Worker-thread entry (a build entry of its own, see electron.vite.config.ts): runs the full
 * `PRAGMA integrity_check` on a read-only connection, so a large library never holds start-up or
 * the main process's event loop for the seconds it takes.
 */
import Database from 'better-sqlite3';
import { serveWorker } from '../workers/serve-worker';
import { integrityProblems } from './db';

serveWorker(({ path }: { path: string }) => {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return integrityProblems(db);
  } finally {
    db.close();
  }
});
