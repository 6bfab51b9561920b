/**
 * Another process that holds one of Hearth's shared resources until its stdin closes (or it is
 * killed), for the tests of what two processes on one data folder do:
 * - `store <dataDir>`: opens the data folder's databases, as the app does;
 * - `lock <lockPath> <startAtMs>`: waits until the given time (so several start at once), then
 *   tries to take the index lock;
 * - `stream <dataDir> <messageId> <text>`: opens the databases and saves `text` as what a streaming
 *   answer has so far, as the chat does while it generates.
 * Prints `ready`, `acquired`, `busy` or `saved` on stdout.
 */
import { saveStreamingText } from '../../electron/services/chat/chat-store';
import { acquireIndexLock } from '../../electron/services/library/index-lock';
import { openStore } from '../../electron/services/store/store';

const [mode, target, startAt] = process.argv.slice(2) as [string, string, string | undefined];
let release = () => undefined as void;
if (mode === 'store') {
  const store = openStore({ dataDir: target });
  release = () => store.close();
  process.stdout.write('ready\n');
} else if (mode === 'stream') {
  const store = openStore({ dataDir: target });
  saveStreamingText(store.hearth, Number(startAt), { content: process.argv[5]!, reasoning: '' });
  release = () => store.close();
  process.stdout.write('saved\n');
} else {
  while (Date.now() < Number(startAt)) {
    // Spin: a timer would let the processes drift apart by a scheduler tick.
  }
  try {
    release = acquireIndexLock(target);
    process.stdout.write('acquired\n');
  } catch {
    process.stdout.write('busy\n');
  }
}
process.stdin.resume();
process.stdin.on('end', () => {
  release();
  process.exit(0);
});
