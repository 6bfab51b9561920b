import type { HearthErrorData } from '../../ipc/errors';

/** One task sent to a worker thread. */
export interface WorkerRequest<In> {
  id: number;
  input: In;
}

/** Its answer: the value, or the error as boundary data (a HearthError's code survives the trip). */
export type WorkerReply<Out> = { id: number; ok: true; value: Out } | { id: number; ok: false; error: HearthErrorData };
