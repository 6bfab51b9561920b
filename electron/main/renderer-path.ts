import { extname, resolve, sep } from 'node:path';

/**
 * Maps an `app://` URL path to a file inside the built renderer, or `null` when it would escape
 * it (`..`, encoded separators, NUL bytes). Paths without an extension are client-side routes and
 * get `index.html`.
 */
export function resolveRendererPath(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const root = resolve(rootDir);
  const relative = decoded.replace(/^\/+/, '');
  const file = resolve(root, relative === '' || extname(relative) === '' ? 'index.html' : relative);
  return file === root || file.startsWith(root + sep) ? file : null;
}
