import { HearthError } from '../../../ipc/errors';
import { mainText } from '../../../ipc/main-text';

/**
 * A safe local file name for a model from a URL: the last path segment, decoded, reduced to
 * letters, digits, `.`, `_` and `-`, never hidden, never a path. Anything that does not end in
 * `.gguf` is refused, since only GGUF models are downloaded.
 */
export function modelFileNameFromUrl(url: URL): string {
  const segments = url.pathname.split('/').filter(Boolean);
  let last = segments.at(-1) ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // Keep the raw segment; it is sanitised below either way.
  }
  // Decoding may reveal separators ("..%2F.."): keep only what follows the last one.
  const base = last.split(/[/\\]/).at(-1) ?? '';
  const safe = base
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^[.]+/, '')
    .slice(-200);
  if (!/\.gguf$/i.test(safe) || safe.length <= '.gguf'.length) {
    throw new HearthError('VALIDATION', mainText('models.notGgufUrl', { path: url.pathname }));
  }
  return safe;
}
