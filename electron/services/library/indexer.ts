import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sha256File } from '../models/file-identity';
import type { SqliteDatabase } from '../store/db';
import { blockTexts, chunkText, estimateTokens, type ChunkOptions } from './chunk';
import { extractDocument, typeByName, type ExtractOptions } from './extract';
import { isCurrentReader } from './readers';
import { DEFAULT_OCR } from './parsers/ocr';
import {
  applyWalk,
  findRenames,
  markSkipped,
  nextPending,
  pendingTotals,
  recordFailure,
  writeIndexed,
} from './document-writes';
import { listSources } from './reads/collection-reads';
import { collectionReport } from './reads/document-reads';
import type { CollectionReport } from '../../ipc/schemas/library';
import { walk } from './walk';
import { chunksToEmbed, countToEmbed, settleEmbedders, writeVectors } from './embedders';
import { RunProgress } from './run-progress';
import type { IndexUpdate } from '../../ipc/contract';
import { stallPoint } from './crash-points';

export interface IndexOptions {
  signal?: AbortSignal;
  /** Told after the scan, then as work is done (at most every `progressEveryMs`), and at the end. */
  onProgress?: (update: IndexUpdate) => void;
  /** Defaults to 250 ms: the accounting query is cheap, but not free on a large library. */
  progressEveryMs?: number;
  /** Files larger than this are skipped. Defaults to 50 MB. */
  maxFileBytes?: number;
  chunking?: Pick<ChunkOptions, 'maxTokens' | 'overlapTokens'> & {
    /**
     * Counts tokens with the embedding model's own tokenizer, a document's blocks at a time (the
     * tokenizer is in another thread, hence a promise). Without it, tokens are estimated.
     */
    countTokens?: (texts: string[]) => Promise<number[]>;
  };
  /** Told as each document starts (the worker's watchdog needs to know which one hangs). */
  onDocument?: (document: { id: number; path: string }) => void;
  /** Parser options (OCR). */
  extract?: ExtractOptions;
  /** Gives chunks vectors once the files are read. Without it, everything but vectors is indexed. */
  embedding?: EmbeddingStage;
}

export interface EmbeddingStage {
  /** The current embedder's row in `embedders` (see registerEmbedder). */
  embedderId: number;
  /** Vectors for the texts, in order; the embedder adds its document prefix. */
  embed: (texts: string[]) => Promise<Float32Array[]>;
  /**
   * Chunks per request. One request is one message to the process holding the model and one
   * transaction to store what comes back. Defaults to 32.
   */
  batchSize?: number;
}

/**
 * Brings a collection's index up to date: walks its sources, records what changed, then works
 * through the pending documents one at a time. Each document ends in one transaction (indexed
 * with its chunks and full-text rows, or skipped with a reason), so stopping at any moment, even
 * by `kill -9`, loses at most the document in hand, and the next run carries on from there.
 */
export async function indexCollection(
  db: SqliteDatabase,
  collectionId: number,
  options: IndexOptions = {},
): Promise<CollectionReport> {
  const run = new RunProgress();
  const update = (): IndexUpdate => ({
    report: collectionReport(db, collectionId, options.embedding?.embedderId ?? null),
    progress: run.snapshot(),
  });
  options.onProgress?.(update());
  for (const source of listSources(db, collectionId)) {
    const walked = await walk(source.root, {
      include: source.include,
      exclude: source.exclude,
      includeHidden: source.includeHidden,
      followLinksOutside: source.followLinks,
      maxFileBytes: options.maxFileBytes,
      signal: options.signal,
    });
    const renames = await findRenames(db, collectionId, source.root, walked.files, sha256File);
    const ocr = options.extract?.ocr ?? DEFAULT_OCR;
    applyWalk(db, collectionId, source.root, walked, typeByName, (stamp) => isCurrentReader(stamp, ocr), renames);
  }
  const waiting = pendingTotals(db, collectionId);
  run.stage('reading', waiting.files, waiting.bytes);
  options.onProgress?.(update());
  let reportedAt = performance.now();
  const reportNow = () => {
    if (options.onProgress && performance.now() - reportedAt >= (options.progressEveryMs ?? 250)) {
      options.onProgress(update());
      reportedAt = performance.now();
    }
  };

  for (let document = nextPending(db, collectionId); document; document = nextPending(db, collectionId)) {
    options.signal?.throwIfAborted();
    options.onDocument?.(document);
    try {
      await stallPoint(document.path);
      const started = performance.now();
      const bytes = await readFile(document.path);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const read = performance.now();
      const extracted = await extractDocument(document.path, bytes, options.extract);
      const parsed = performance.now();
      const cost = () => ({ read: read - started, parse: parsed - read, chunk: performance.now() - parsed });
      if (!extracted.ok) {
        markSkipped(db, document.id, extracted.reason, extracted.detail, sha256, {
          type: extracted.type,
          reader: extracted.reader,
          cost: cost(),
        });
      } else {
        const count = await blockCounter(extracted.sections, extracted.markdown, options.chunking?.countTokens).catch(
          (error: unknown) => {
            throw new TokenizerFailure(error);
          },
        );
        // Pages are chunked one by one, so a chunk never spans two pages and keeps its page number.
        const chunks = extracted.sections
          .flatMap((section) =>
            chunkText(section.text, {
              maxTokens: options.chunking?.maxTokens,
              overlapTokens: options.chunking?.overlapTokens,
              countTokens: count,
              markdown: extracted.markdown,
              page: section.page,
            }),
          )
          .map((chunk, ordinal) => ({ ...chunk, ordinal }));
        writeIndexed(db, { id: document.id, sha256, type: extracted.type }, chunks, {
          reader: extracted.reader,
          cost: cost(),
        });
      }
    } catch (error) {
      // The model failed (unloaded, cancelled), not the file: stop the run, never blame the file.
      if (error instanceof TokenizerFailure) throw error.cause;
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT') markSkipped(db, document.id, 'vanished', 'The file was deleted before it was read.', null);
      else if (code === 'EACCES' || code === 'EPERM')
        markSkipped(db, document.id, 'unreadable', 'Permission denied.', null);
      else recordFailure(db, document.id, error instanceof Error ? error.message : String(error));
    }
    run.advance(1, document.size);
    reportNow();
  }
  if (options.embedding) {
    run.stage('embedding', countToEmbed(db, options.embedding.embedderId, collectionId));
    await embedChunks(db, collectionId, options.embedding, {
      signal: options.signal,
      onBatch: (chunks) => {
        run.advance(chunks);
        reportNow();
      },
    });
  }
  const last = update();
  options.onProgress?.(last);
  return last.report;
}

/** The embedding model could not count tokens: a failure of the run, not of the file in hand. */
class TokenizerFailure extends Error {
  constructor(override readonly cause: unknown) {
    super('The embedding model could not count tokens.');
  }
}

/**
 * The token counter `chunkText` gets for a document: with the model's tokenizer, every block of
 * every section is counted first in one request, and the counter answers from those counts;
 * without it, the estimate.
 */
async function blockCounter(
  sections: ReadonlyArray<{ text: string }>,
  markdown: boolean,
  countTokens?: (texts: string[]) => Promise<number[]>,
): Promise<((text: string) => number) | undefined> {
  if (!countTokens) return undefined;
  const texts = [...new Set(sections.flatMap((section) => blockTexts(section.text, markdown)))];
  const counts = await countTokens(texts);
  const known = new Map(texts.map((text, i) => [text, counts[i]!]));
  return (text) => known.get(text) ?? estimateTokens(text);
}

/**
 * Gives every chunk of the collection a vector from the embedder, a batch at a time; each batch is
 * stored in one transaction, so a run stopped at any moment resumes at the first chunk without
 * one. When the whole library has vectors from this embedder, older embedders are dropped.
 */
export async function embedChunks(
  db: SqliteDatabase,
  collectionId: number,
  stage: EmbeddingStage,
  options: { signal?: AbortSignal; onBatch?: (chunks: number) => void } = {},
): Promise<void> {
  const batchSize = stage.batchSize ?? 32;
  let afterId = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const batch = chunksToEmbed(db, stage.embedderId, collectionId, afterId, batchSize);
    if (!batch.length) break;
    const vectors = await stage.embed(batch.map((chunk) => chunk.text));
    options.signal?.throwIfAborted();
    writeVectors(
      db,
      stage.embedderId,
      batch.map((chunk, i) => ({ chunkId: chunk.id, vector: vectors[i]! })),
    );
    afterId = batch.at(-1)!.id;
    options.onBatch?.(batch.length);
  }
  settleEmbedders(db, stage.embedderId);
}
