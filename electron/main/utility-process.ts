import { utilityProcess } from 'electron';
import { describeExit, tailOf, type ForkEntry } from '../services/workers/child-process';

/**
 * `ForkEntry` for the app: the fuses forbid `ELECTRON_RUN_AS_NODE`, so `child_process.fork`
 * cannot start Node from the Electron binary. A utility process is Electron's own Node child;
 * its messages are structured clones, as with `fork`'s advanced serialisation. Builds are the
 * only entries here (no TypeScript from source).
 */
export const forkUtilityProcess: ForkEntry = (entryPath, { args, heapMb, name }) => {
  const child = utilityProcess.fork(entryPath, args, {
    serviceName: name,
    execArgv: [`--max-old-space-size=${heapMb}`],
    // stdout dropped (a parser's chatter), stderr kept to say why the process died.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr = tailOf(child.stderr);
  let ended = false;
  return {
    get pid() {
      return child.pid;
    },
    postMessage: (message) => {
      if (!ended) child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) =>
      child.once('exit', (code) => {
        ended = true;
        // The last of stderr may still be on its way: give it a moment before reading it.
        setTimeout(() => listener(describeExit(code, null, stderr())), 50);
      }),
    kill: () => {
      if (!ended) child.kill();
    },
  };
};
