import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';

/** Permission bits for group and others: none of them may read Hearth's data. */
const SHARED = 0o077;

/**
 * Makes the data folder private to this user: created 0700, or tightened to 0700 when another
 * user could list or read it. Returns the path when it had to be tightened. Windows relies on the
 * per-user profile's ACL (its mode bits mean nothing), so nothing is done there.
 */
export function privateFolder(path: string, platform = process.platform): string[] {
  if (!existsSync(path)) {
    mkdirSync(path, { recursive: true, mode: 0o700 });
    if (platform !== 'win32') chmodSync(path, 0o700);
    return [];
  }
  return tighten(path, 0o700, platform);
}

/**
 * Makes a database and its `-wal` and `-shm` files readable by this user only (0600). SQLite
 * creates a database's `-wal` and `-shm` with the database file's own mode, so once the database
 * is 0600 the files it makes later are too. Returns the files that had to be tightened.
 */
export function privateDatabaseFiles(path: string, platform = process.platform): string[] {
  return [path, `${path}-wal`, `${path}-shm`].flatMap((file) =>
    existsSync(file) ? tighten(file, 0o600, platform) : [],
  );
}

function tighten(path: string, mode: number, platform: NodeJS.Platform): string[] {
  if (platform === 'win32') return [];
  if ((statSync(path).mode & SHARED) === 0) return [];
  chmodSync(path, mode);
  return [path];
}
