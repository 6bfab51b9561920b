/** The library's read API: what search, chat and the API may import from the library domain. */
export { LibraryIndex } from './library-index';
export type { StoredChunk } from './chunk-reads';
export type { ListedFile } from './file-listing';
export type { KeywordHit } from './keyword-search';
export type { VectorHit } from './vector-search';
export { stitchChunks } from './stitch';
