/**
 * Absolute paths in a message (POSIX `/a/b`, Windows `C:\a\b`), found where a user would read
 * them. A path right after `:`, `/`, `…` or a word character is part of a URL, a pattern or a
 * ratio, not a file.
 */
const ABSOLUTE_PATH = /(?<![\w:/.\\…])(?:\/(?=[\w.~-])|[A-Za-z]:\\)[^\s'"`,;()<>]*/g;

/**
 * The absolute paths in `message` that the user did not give: a path the caller passed in (or a
 * file inside a folder it passed) may be named back to them; anything else (a temp file, a
 * partial download, Hearth's own folders, node_modules) is an internal detail that leaked.
 */
export function foreignPaths(message: string, given: readonly string[] = []): string[] {
  return [...message.matchAll(ABSOLUTE_PATH)]
    .map(([path]) => path.replace(/[.:]+$/, ''))
    .filter((path) => path.length > 1 && !given.some((allowed) => path === allowed || path.startsWith(`${allowed}/`)));
}

/** Every string anywhere in `input`: what a caller gave, to allow back in error messages. */
export function stringsIn(input: unknown): string[] {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input)) return input.flatMap(stringsIn);
  if (input && typeof input === 'object') return Object.values(input).flatMap(stringsIn);
  return [];
}
