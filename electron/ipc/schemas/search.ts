import { z } from 'zod';

/** `auto` is hybrid when the library has vectors, else keyword. */
export const SearchModeSchema = z.enum(['auto', 'keyword', 'vector', 'hybrid']);
export type SearchMode = z.infer<typeof SearchModeSchema>;

export const SnippetSegmentSchema = z.object({ text: z.string(), hit: z.boolean() });

/** One place in one file that answers the query: a chunk, merged with neighbouring chunks that also matched. */
export const SearchHitSchema = z.object({
  documentId: z.number().int().positive(),
  collectionId: z.number().int().positive(),
  /** The file's absolute path, and its path within the folder that was added. */
  path: z.string(),
  relativePath: z.string(),
  type: z.string(),
  /** The chunks merged into this hit, in document order. */
  chunkIds: z.array(z.number().int().positive()),
  /** 1-based page of the first chunk (PDFs); `null` where a file has no pages. */
  page: z.number().int().positive().nullable(),
  lineStart: z.number().int().nonnegative(),
  lineEnd: z.number().int().nonnegative(),
  /** "Install › Linux": the headings the text is under. */
  headingPath: z.string(),
  /** A short piece around the matched words, with the words marked. */
  snippet: z.array(SnippetSegmentSchema),
  /** The whole text of the merged chunks. */
  text: z.string(),
  /** The fused score (higher is better), and each retriever's 1-based rank of the best chunk. */
  score: z.number(),
  ranks: z.object({ keyword: z.number().int().positive().optional(), vector: z.number().int().positive().optional() }),
  /** The reranking model's relevance score (0 to 1), when one reordered the results. */
  rerankScore: z.number().min(0).max(1).optional(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

export const SearchResultSchema = z.object({
  /** The mode that ran (`auto` resolved). */
  mode: z.enum(['keyword', 'vector', 'hybrid']),
  hits: z.array(SearchHitSchema),
  /**
   * The files of the hits and of the other candidates, best first, by their passages' evidence
   * together (search/file-ranking.ts): the order for "which file answers this".
   */
  files: z.array(z.object({ documentId: z.number().int(), relativePath: z.string(), score: z.number() })),
  /** The words searched for, after stop words were dropped. */
  terms: z.array(z.string()),
  /** The embedding model whose vectors were searched; `null` in keyword mode. */
  embedder: z.string().nullable(),
  /** The reranking model that reordered the hits; `null` when none did. */
  reranker: z.string().nullable(),
  tookMs: z.number().nonnegative(),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

/** A library file's text for Hearth's read-only viewer (text and code are never handed to the system). */
export const DocumentViewSchema = z.object({
  path: z.string(),
  text: z.string(),
  /** Only the file's first 4 MB are shown. */
  truncated: z.boolean(),
});
export type DocumentView = z.infer<typeof DocumentViewSchema>;

/** What "Open file" did: the system's viewer opened it, or here is its text for Hearth's own. */
export const DocumentOpenedSchema = z.discriminatedUnion('opened', [
  z.object({ opened: z.literal('system') }),
  z.object({ opened: z.literal('viewer'), view: DocumentViewSchema }),
]);
export type DocumentOpened = z.infer<typeof DocumentOpenedSchema>;

export const SearchSchemas = {
  /** A file of the library, by the id a search hit carries: main resolves the path itself. */
  document: z.object({ documentId: z.number().int().positive() }),
  /** A web link from an answer: http(s) only, never a file, script or app scheme. */
  link: z.object({
    url: z.url({ protocol: /^https?$/ }).max(2000),
  }),
  query: z.object({
    query: z.string().trim().min(1).max(2000),
    /** Collections to search; every collection when absent. */
    collectionIds: z.array(z.number().int().positive()).max(1000).optional(),
    mode: SearchModeSchema.default('auto'),
    limit: z.number().int().min(1).max(50).default(10),
  }),
};
