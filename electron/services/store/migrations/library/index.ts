import type { Migration } from '../../migration';
import { collections } from './0001-collections';
import { documents } from './0002-documents';
import { embedders } from './0003-embedders';
import { paused } from './0004-paused';
import { sourceHidden } from './0005-source-hidden';
import { vectorTables } from './0006-vector-tables';
import { readerAndCost } from './0007-reader-and-cost';
import { chunkCollectionLookup } from './0008-chunk-collection-lookup';

/** `library.db`: the rebuildable index of the user's files. Append only; never edit a shipped step. */
export const libraryMigrations: readonly Migration[] = [
  collections,
  documents,
  embedders,
  paused,
  sourceHidden,
  vectorTables,
  readerAndCost,
  chunkCollectionLookup,
];
