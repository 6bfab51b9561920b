/**
 * A separate process that indexes a folder into a data dir and exits, so a test can `kill -9` it
 * at any moment: `node --import tsx test/helpers/index-child.ts <dataDir> <folder>`. It runs the
 * app's own services: the indexing process (which ends with this one), and the embedding model installed in the data dir (the
 * test installs it first), so a kill can land in any stage, vectors included.
 */
import { createServices } from '../../electron/services';
import { simulatedMachine } from './machine';

const [dataDir, folder] = process.argv.slice(2) as [string, string];
const services = createServices({
  dataDir,
  appVersion: 'kill-test',
  emit: () => undefined,
  backgroundTasks: false,
  llama: { maxThreads: 1 },
  machine: { measure: async () => simulatedMachine() },
});
const collection = services.library.createCollection('corpus');
services.library.addFolder(collection.id, folder);
// As `hearth index --wait`: the indexing process of a run killed a moment ago may still be on
// its way out, and holds the lock until it is gone.
await services.library.index(collection.id, { waitForLock: true });
await services.dispose();
process.stdout.write('done\n');
