import type { SqliteDatabase } from '../../store/db';
import { servingEmbedder, type EmbedderRow } from '../embedders';
import { documentText, highlightedChunks, loadChunks, type StoredChunk } from './chunk-reads';
import { findCollectionId, narrowestScope, relativePaths } from './collection-reads';
import { listMatchingFiles, type ListedFile } from './file-listing';
import { keywordSearch, type KeywordHit, type KeywordSearchOptions } from './keyword-search';
import { exactVectorSearch, vectorSearch, type VectorHit, type VectorSearchOptions } from './vector-search';

/**
 * The one way into `library.db` for the rest of the app: search and chat read documents, chunks,
 * passages and file listings through here, and never hold the database or name its tables. The
 * library domain writes it (the indexer, collections); everything here only reads.
 */
export class LibraryIndex {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  /** The chunks that best match the words of `text` (FTS5 bm25), best first. */
  keywordHits(text: string, options: KeywordSearchOptions): KeywordHit[] {
    return keywordSearch(this.#db, text, {
      ...options,
      collectionIds: narrowestScope(this.#db, options.collectionIds),
    });
  }

  /** The chunks nearest to `query` among `embedderId`'s vectors, by binary prefilter then rescoring. */
  nearestChunks(embedderId: number, query: Float32Array, options: VectorSearchOptions): VectorHit[] {
    return vectorSearch(this.#db, embedderId, query, {
      ...options,
      collectionIds: narrowestScope(this.#db, options.collectionIds),
    });
  }

  /** Exact nearest chunks by a full scan, every collection: the evaluation's vector baseline. */
  exactNearestChunks(embedderId: number, query: Float32Array, limit: number): VectorHit[] {
    return exactVectorSearch(this.#db, embedderId, query, limit);
  }

  /** The chunks with these ids and their files, in no particular order. */
  chunks(ids: readonly number[]): Map<number, StoredChunk> {
    return loadChunks(this.#db, ids);
  }

  /** The chunks' text with what matches `match` (an FTS5 expression) between the marks. */
  highlighted(chunkIds: readonly number[], match: string, marks: { start: string; end: string }): Map<number, string> {
    return highlightedChunks(this.#db, chunkIds, match, marks);
  }

  /** A file's indexed text, whole. */
  documentText(documentId: number): string {
    return documentText(this.#db, documentId);
  }

  /** Every file whose text matches `topic` (all its words, else any), best first, with the total. */
  matchingFiles(
    topic: string,
    options: { collectionIds?: readonly number[]; limit: number },
  ): { files: ListedFile[]; total: number; allWords: boolean } {
    return listMatchingFiles(this.#db, topic, options);
  }

  /** Names a file by its path inside its collection's folder (see `relativePaths`). */
  relativePaths(): (collectionId: number, path: string) => string {
    return relativePaths(this.#db);
  }

  /** Every file of a collection as search hits name it, whatever its status. */
  filesOf(collectionId: number): string[] {
    const relativePath = relativePaths(this.#db);
    const paths = this.#db
      .prepare('SELECT path FROM documents WHERE collection_id = ?')
      .pluck()
      .all(collectionId) as string[];
    return paths.map((path) => relativePath(collectionId, path));
  }

  /** The embedding model whose vectors serve queries (`servingEmbedder`), if any. */
  servingEmbedder(currentKey: string | null): EmbedderRow | null {
    return servingEmbedder(this.#db, currentKey);
  }

  /** The id of the collection called `name`, case-insensitively, or `null`. */
  collectionId(name: string): number | null {
    return findCollectionId(this.#db, name);
  }
}
