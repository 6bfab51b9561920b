import { parentPort } from 'node:worker_threads';
import { toErrorData } from '../../ipc/errors';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/** The worker side of WorkerClient: answers each task with `handle`'s value or its error. */
export function serveWorker<In, Out>(handle: (input: In) => Out | Promise<Out>): void {
  const port = parentPort;
  if (!port) throw new Error('serveWorker() runs only inside a worker thread.');
  port.on('message', async ({ id, input }: WorkerRequest<In>) => {
    let reply: WorkerReply<Out>;
    try {
      reply = { id, ok: true, value: await handle(input) };
    } catch (error) {
      reply = { id, ok: false, error: toErrorData(error) };
    }
    port.postMessage(reply);
  });
}
