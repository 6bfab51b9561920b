/**
 * The child's side of `ForkEntry`: messages to and from the process that started this one,
 * whether that is Node's `child_process.fork` (an IPC channel on `process`) or Electron's
 * `utilityProcess` (`process.parentPort`).
 */
export interface ParentPort {
  /** Resolves once the message is handed to the channel, so it survives the child exiting after. */
  post(message: unknown): Promise<void>;
  onMessage(listener: (message: unknown) => void): void;
  /**
   * The parent is gone (it crashed or was killed): nobody waits for this work, and another run
   * may already have started on the same library, so the child stops at once.
   */
  onParentGone(listener: () => void): void;
  /** Ends this process once the messages posted so far have reached the parent. */
  exit(): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function connectToParent(): ParentPort {
  const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      post: async (message) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
      // Electron ends its utility processes with the main process.
      onParentGone: () => undefined,
      // `postMessage` says nothing of delivery: the parent kills this process when the last
      // message arrives, and the timer is only for a parent that never does.
      exit: () => void setTimeout(() => process.exit(0), 5000),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('This entry runs only as a child process of Hearth.');
  return {
    post: (message) =>
      new Promise<void>((resolve, reject) => {
        send(message, undefined, undefined, (error) => (error ? reject(error) : resolve()));
      }),
    onMessage: (listener) => process.on('message', listener),
    onParentGone: (listener) => process.on('disconnect', listener),
    // `post` resolved once each message was written to the channel.
    exit: () => process.exit(0),
  };
}

/**
 * A child's job travels as one argument with this prefix: found wherever the launcher puts it in
 * `process.argv` (Node's fork and Electron's utility process lay the command line out their own way).
 */
const JOB_PREFIX = '--hearth-job=';

/** The argument that carries `job` to a child (see `readJob`). */
export function jobArgument(job: unknown): string {
  return JOB_PREFIX + JSON.stringify(job);
}

/** The job this child was started with (`jobArgument`). */
export function readJob<T>(): T {
  const argument = process.argv.find((arg) => arg.startsWith(JOB_PREFIX));
  if (!argument) throw new Error('This entry runs only as a child process of Hearth, with its job.');
  return JSON.parse(argument.slice(JOB_PREFIX.length)) as T;
}
