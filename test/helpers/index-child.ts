/**
 * A separate process that indexes a folder into a data dir and exits, so a test can `kill -9` it
 * at any moment: `node --import tsx test/helpers/index-child.ts <dataDir> <folder>`.
 */
import { indexCollection } from '../../electron/services/library/indexer';
import { addSource, createCollection } from '../../electron/services/library/library-store';
import { openStore } from '../../electron/services/store/store';

const [dataDir, folder] = process.argv.slice(2) as [string, string];
const store = openStore({ dataDir });
const collection = createCollection(store.library, 'corpus');
addSource(store.library, collection, { root: folder });
await indexCollection(store.library, collection, { chunking: { maxTokens: 64, overlapTokens: 8 } });
store.close();
process.stdout.write('done\n');
