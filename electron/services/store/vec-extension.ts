import { getLoadablePath } from 'sqlite-vec';
import { asarUnpacked } from '../asar-path';

/**
 * Where the sqlite-vec shared library is. A native library cannot be loaded from inside an asar
 * archive, so in a packaged app the path is rewritten to the `app.asar.unpacked` copy that
 * electron-builder's `asarUnpack` puts beside it.
 *
 * @param loadablePath The path sqlite-vec reports. Defaults to its own `getLoadablePath()`.
 */
export function resolveVecExtensionPath(loadablePath: string = getLoadablePath()): string {
  return asarUnpacked(loadablePath);
}
