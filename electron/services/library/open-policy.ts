import { extname } from 'node:path';
import type { DocumentType } from './identify';
import { mainText, type MainText } from '../../ipc/main-text';

/**
 * What "Open file" may do with an indexed file. The system opens a file by its extension, and for
 * some extensions that means running it (`.js` under Windows Script Host, `.command` or a file
 * without an extension in a macOS Terminal, `.desktop`, `.hta`, `.lnk`…). So only extensions whose
 * default handlers display documents go to the system; text Hearth can decode itself is shown in
 * its own read-only viewer; anything else can only be shown in its folder.
 */
export type OpenDecision = { how: 'system' } | { how: 'viewer' } | { how: 'folder-only'; why: MainText };

/**
 * Documents the system opens in a viewer or an editor that asks before running anything. Not here:
 * macro-enabled Office files (`.docm`, `.xlsm`, `.pptm`…), saved web pages (`.mht` opens in a
 * browser engine with local-file rights on Windows), HTML, and every script and program type.
 */
const SYSTEM_EXTENSIONS = new Set([
  '.pdf',
  '.doc',
  '.docx',
  '.dotx',
  '.odt',
  '.ods',
  '.odp',
  '.xls',
  '.xlsx',
  '.xltx',
  '.ppt',
  '.pptx',
  '.potx',
  '.ppsx',
  '.rtf',
  '.epub',
  '.xps',
  '.oxps',
  '.vsdx',
  '.pages',
  '.numbers',
  '.key',
  '.eml',
  '.msg',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.tif',
  '.tiff',
  '.bmp',
  '.webp',
]);

/** Types whose text Hearth decodes itself (no parser), so its viewer can show the file as it is. */
const VIEWER_TYPES = new Set<DocumentType>(['text', 'code', 'markdown', 'html', 'xml', 'subtitles', 'notebook']);

export function howToOpen(path: string, type: string): OpenDecision {
  const extension = extname(path).toLowerCase();
  if (SYSTEM_EXTENSIONS.has(extension)) return { how: 'system' };
  if (VIEWER_TYPES.has(type as DocumentType)) return { how: 'viewer' };
  return {
    how: 'folder-only',
    why: extension ? mainText('library.mayRun', { extension }) : mainText('library.mayRunNoExtension'),
  };
}
