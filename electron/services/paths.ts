import nodePath, { type PlatformPath } from 'node:path';

/**
 * Path rules the library, search and chat share, written once so that Windows (`\`, drive roots
 * such as `C:\`) and POSIX behave alike. Each takes the platform's path module, defaulting to this
 * one, so a test can check both sides with `path.win32` and `path.posix`. Paths under a folder are
 * compared as stored: the walker builds each from the folder exactly as it was added.
 */

/** `folder` with one separator at its end: `C:\` stays `C:\`, `/notes` becomes `/notes/`. */
export function folderPrefix(folder: string, api: PlatformPath = nodePath): string {
  return folder.endsWith(api.sep) ? folder : folder + api.sep;
}

/** Whether `path` is `folder` itself or inside it (`/notes2/a.md` is not inside `/notes`). */
export function isInside(path: string, folder: string, api: PlatformPath = nodePath): boolean {
  return path === folder || path.startsWith(folderPrefix(folder, api));
}

/** `path` with `/` between its parts, as ignore rules, globs and the window expect. */
export function toPosix(path: string, api: PlatformPath = nodePath): string {
  return api.sep === '/' ? path : path.split(api.sep).join('/');
}

/** `path` relative to `folder`, with `/` between its parts. */
export function posixRelative(folder: string, path: string, api: PlatformPath = nodePath): string {
  return toPosix(api.relative(folder, path), api);
}
