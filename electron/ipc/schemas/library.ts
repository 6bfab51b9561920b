import { z } from 'zod';

export const DocumentStatusSchema = z.enum(['pending', 'indexed', 'skipped', 'quarantined']);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

/**
 * Why a file found under a folder is not indexed, as the user reads it in the file table: the
 * walk's reasons (too large, a link loop…) and the readers' (encrypted, no text…) in one set.
 */
export const SkipReasonSchema = z.enum([
  'too-large',
  'binary',
  'empty',
  'unreadable',
  'vanished',
  'symlink-loop',
  'unsupported-type',
  'parse-failed',
  'encrypted',
  'no-text',
  'garbage-text',
  'zip-bomb',
  'ocr-limit',
  'timeout',
  'not-a-file',
  'outside-folder',
]);
export type SkipReason = z.infer<typeof SkipReasonSchema>;

/** A collection's accounting: discovered = indexed + skipped + quarantined + pending, always. */
export const CollectionReportSchema = z.object({
  discovered: z.number().int().nonnegative(),
  indexed: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  quarantined: z.number().int().nonnegative(),
  chunks: z.number().int().nonnegative(),
  /** Chunks with a vector from the current embedding model; 0 when none is installed. */
  embedded: z.number().int().nonnegative(),
  /** Skipped and quarantined files by reason (`binary`, `encrypted`, `no-text`, …). */
  skipReasons: z.partialRecord(SkipReasonSchema, z.number().int()),
  /** Files by document type, then status. */
  byType: z.record(z.string(), z.partialRecord(DocumentStatusSchema, z.number().int())),
});
export type CollectionReport = z.infer<typeof CollectionReportSchema>;

/** Where an indexing run is: scanning the folders, reading files, or embedding passages. */
export const IndexProgressSchema = z.object({
  stage: z.enum(['scanning', 'reading', 'embedding']),
  /** Files read (reading) or passages embedded (embedding) in this run, of how many. */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Bytes of files read in this run, of those waiting when reading began (0 while embedding). */
  bytesDone: z.number().nonnegative(),
  bytesTotal: z.number().nonnegative(),
  /** Files or passages per second over the stage so far. */
  rate: z.number().nonnegative(),
  bytesPerSecond: z.number().nonnegative(),
  /** Seconds left in this stage at the rate so far; `null` until there is a rate. */
  etaSeconds: z.number().nonnegative().nullable(),
});
export type IndexProgress = z.infer<typeof IndexProgressSchema>;

/** What an indexing run reports as it goes: the collection's accounting, and the run's progress. */
export const IndexUpdateSchema = z.object({ report: CollectionReportSchema, progress: IndexProgressSchema });
export type IndexUpdate = z.infer<typeof IndexUpdateSchema>;

/** A folder of a collection with its rules. */
export const FolderSourceSchema = z.object({
  path: z.string(),
  include: z.array(z.string()),
  exclude: z.array(z.string()),
  includeHidden: z.boolean(),
  /** Follow links that lead out of the folder (off: such links are listed as skipped). */
  followLinks: z.boolean(),
});
export type FolderSource = z.infer<typeof FolderSourceSchema>;

export const CollectionSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  createdAt: z.string(),
  /** Its folders, each with its include and exclude patterns and hidden-file and link choices. */
  sources: z.array(FolderSourceSchema),
  report: CollectionReportSchema,
  /** An indexing run of this collection is under way. */
  indexing: z.boolean(),
  /** Paused by the user: nothing indexes it until it is resumed (or indexed by hand). */
  paused: z.boolean(),
  /** That run's stage, rate and time left; `null` when none runs. */
  progress: IndexProgressSchema.nullable(),
});
export type Collection = z.infer<typeof CollectionSchema>;

export const LibraryDocumentSchema = z.object({
  path: z.string(),
  type: z.string(),
  status: DocumentStatusSchema,
  size: z.number().int().nonnegative(),
  skipReason: SkipReasonSchema.nullable(),
  skipDetail: z.string().nullable(),
  chunks: z.number().int().nonnegative(),
});
export type LibraryDocument = z.infer<typeof LibraryDocumentSchema>;

/** What reading one file cost: the slowest files, for the Library screen and `--slowest`. */
export const SlowDocumentSchema = z.object({
  path: z.string(),
  type: z.string(),
  status: DocumentStatusSchema,
  size: z.number().int().nonnegative(),
  /** Milliseconds, all stages together. */
  readMs: z.number().int().nonnegative(),
  /** Milliseconds by stage: reading from disk, the reader (OCR included), chunking. */
  cost: z.object({ read: z.number(), parse: z.number(), chunk: z.number() }),
  /** The stage that took longest. */
  slowestStage: z.enum(['read', 'parse', 'chunk']),
});
export type SlowDocument = z.infer<typeof SlowDocumentSchema>;

export const CollectionIdSchema = z.object({ collectionId: z.number().int().positive() });

export const LibrarySchemas = {
  createCollection: z.object({ name: z.string().trim().min(1).max(100) }),
  addFolder: z.object({
    collectionId: z.number().int().positive(),
    path: z.string().min(1),
    /** Gitignore-style patterns a file must match (relative to the folder); none means every file. */
    include: z.array(z.string().trim().min(1).max(500)).max(100).default([]),
    /** Gitignore-style patterns to leave out, on top of the default ignores and ignore files. */
    exclude: z.array(z.string().trim().min(1).max(500)).max(100).default([]),
    /** Index hidden files and folders (`.name`) too. */
    includeHidden: z.boolean().default(false),
    /** Follow links whose real path is outside the folder (to ~/.ssh, /etc…). */
    followLinks: z.boolean().default(false),
  }),
  /** A folder as `Collection.sources` names it (`path`). */
  removeFolder: z.object({ collectionId: z.number().int().positive(), path: z.string().min(1) }),
  index: z.object({
    collectionId: z.number().int().positive(),
    /** Read every file again (after changing OCR settings, or to retry quarantined files). */
    rereadAll: z.boolean().default(false),
  }),
  documents: z.object({
    collectionId: z.number().int().positive(),
    /** Only files with this status; all when absent. */
    status: DocumentStatusSchema.optional(),
    /**
     * The last row of the page before (its status and path): the page starts after it. Pages are
     * keyed by where they end, not counted by offset, so rows indexed meanwhile never make a row
     * repeat or go missing between pages.
     */
    after: z.object({ status: DocumentStatusSchema, path: z.string() }).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  }),
  slowest: z.object({
    collectionId: z.number().int().positive(),
    limit: z.number().int().min(1).max(100).default(10),
  }),
  documentsPage: z.object({ total: z.number().int().nonnegative(), documents: z.array(LibraryDocumentSchema) }),
};
