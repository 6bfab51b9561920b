import { statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { DocumentOpened, DocumentView } from '../../ipc/contract';
import { HearthError } from '../../ipc/errors';
import { sha256File } from '../models/file-identity';
import type { SqliteDatabase } from '../store/db';
import { howToOpen } from './open-policy';
import { decodeText } from './text/decode';
import { declaredCharset } from './text/declared-charset';
import { stripTerminalEscapes } from './text/terminal-escapes';
import { mainText } from '../../ipc/main-text';

/** Largest part of a file Hearth's viewer shows (the start of a larger one, marked as cut). */
export const VIEWER_MAX_BYTES = 4 * 1024 * 1024;

/**
 * "Open file" for the library's files, the safe way for each kind (open-policy.ts), and only for
 * the file that was indexed: the renderer names a document by id, main finds its path, checks it
 * is still the same file, and then hands a document to the system, shows text in Hearth's own
 * read-only viewer, or refuses what could run.
 */
export class DocumentOpener {
  readonly #db: SqliteDatabase;
  readonly #documentPath: (documentId: number) => string;

  constructor(db: SqliteDatabase, documentPath: (documentId: number) => string) {
    this.#db = db;
    this.#documentPath = documentPath;
  }

  /**
   * The indexed file, checked to be the one that was indexed (a regular file with the same size
   * and SHA-256): a file replaced since, by a sync or by someone else, is not what the user chose
   * to trust. `FILE_CHANGED` when it is not.
   */
  async checked(documentId: number): Promise<{ path: string; type: string; size: number }> {
    const path = this.#documentPath(documentId);
    const row = this.#db.prepare('SELECT size, sha256, type FROM documents WHERE id = ?').get(documentId) as {
      size: number;
      sha256: string | null;
      type: string;
    };
    const changed = () => new HearthError('FILE_CHANGED', mainText('library.fileChanged'), { documentId });
    const stats = statSync(path);
    if (!stats.isFile() || stats.size !== row.size || row.sha256 === null) throw changed();
    if ((await sha256File(path)) !== row.sha256) throw changed();
    return { path, type: row.type, size: row.size };
  }

  /**
   * A document goes to `openWithSystem` (the OS's viewer for it); text comes back for Hearth's
   * viewer; anything that could run is refused with `UNSUPPORTED_FILE`, saying why.
   */
  async open(documentId: number, openWithSystem: (path: string) => Promise<void>): Promise<DocumentOpened> {
    const document = await this.checked(documentId);
    const decision = howToOpen(document.path, document.type);
    if (decision.how === 'folder-only') throw new HearthError('UNSUPPORTED_FILE', decision.why, { documentId });
    if (decision.how === 'system') {
      await openWithSystem(document.path);
      return { opened: 'system' };
    }
    return { opened: 'viewer', view: await readForViewer(document) };
  }
}

/** The file's text as Hearth decodes it (no parser runs), at most `VIEWER_MAX_BYTES` of it. */
async function readForViewer(document: { path: string; size: number }): Promise<DocumentView> {
  const bytes = Buffer.alloc(Math.min(document.size, VIEWER_MAX_BYTES));
  const handle = await open(document.path, 'r');
  try {
    await handle.read(bytes, 0, bytes.length, 0);
  } finally {
    await handle.close();
  }
  const decoded = decodeText(bytes, { declared: declaredCharset(bytes) });
  if (!decoded.ok) throw new HearthError('UNSUPPORTED_FILE', mainText('library.notAsText'));
  return {
    path: document.path,
    text: stripTerminalEscapes(decoded.text.replace(/\r\n?/g, '\n')),
    truncated: document.size > VIEWER_MAX_BYTES,
  };
}
