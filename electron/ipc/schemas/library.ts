import { z } from 'zod';

export const DocumentStatusSchema = z.enum(['pending', 'indexed', 'skipped', 'quarantined']);

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
  skipReasons: z.record(z.string(), z.number().int()),
  /** Files by document type, then status. */
  byType: z.record(z.string(), z.record(z.string(), z.number().int())),
});
export type CollectionReportData = z.infer<typeof CollectionReportSchema>;

export const CollectionSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  createdAt: z.string(),
  folders: z.array(z.string()),
  report: CollectionReportSchema,
  /** An indexing run of this collection is under way. */
  indexing: z.boolean(),
});
export type Collection = z.infer<typeof CollectionSchema>;

export const LibraryDocumentSchema = z.object({
  path: z.string(),
  type: z.string(),
  status: DocumentStatusSchema,
  size: z.number().int().nonnegative(),
  skipReason: z.string().nullable(),
  skipDetail: z.string().nullable(),
  chunks: z.number().int().nonnegative(),
});
export type LibraryDocument = z.infer<typeof LibraryDocumentSchema>;

export const CollectionIdSchema = z.object({ collectionId: z.number().int().positive() });

export const LibrarySchemas = {
  createCollection: z.object({ name: z.string().trim().min(1).max(100) }),
  addFolder: z.object({ collectionId: z.number().int().positive(), path: z.string().min(1) }),
  documents: z.object({
    collectionId: z.number().int().positive(),
    /** Only files with this status; all when absent. */
    status: DocumentStatusSchema.optional(),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  }),
  documentsPage: z.object({ total: z.number().int().nonnegative(), documents: z.array(LibraryDocumentSchema) }),
};
