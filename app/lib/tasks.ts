import { useSyncExternalStore } from 'react';
import type { Result, StreamChannel, StreamDone, StreamEvent, StreamInput } from '../../electron/ipc/contract';
import { stream } from '../api';
import { reportError } from './error-report';

/**
 * A long job the window started (an answer, a download, a model load, a benchmark, an indexing
 * run), with what it last reported. Held here, at the app's level, not by the screen that started
 * it: leave the screen and come back, and the job, its progress and its Stop are still there.
 */
export interface Task<P> {
  readonly key: string;
  readonly progress: P;
  /** Ends the job's stream: main stops the job (a download keeps its partial file: Pause). */
  abort(): void;
}

export interface StartTask<C extends StreamChannel, P> {
  /** What the task shows before the first event. */
  initial: P;
  /** The task's next progress from one of the job's events: its one source of progress. */
  reduce(progress: P, event: StreamEvent<C>): P;
  /** Says how the job ended, beyond the generic error toast (which `CANCELLED` never gets). */
  onDone?(result: Result<StreamDone<C>>): void;
  /**
   * The job can be started again as it was (a download that failed, an indexing run that found the
   * library busy): its error toast offers Try again. Defaults to `false`.
   */
  retryable?: boolean;
}

type AnyTask = Task<unknown>;

const running = new Map<string, AnyTask>();
const listeners = new Set<() => void>();
const endListeners = new Set<(key: string) => void>();
const eventListeners = new Set<(key: string, event: unknown) => void>();

function publish(): void {
  for (const listener of listeners) listener();
}

/**
 * Starts a job's stream under `key`, unless one runs there already (then that one's result is not
 * awaited: the second click is ignored). Resolves with the job's result; the task is gone by then.
 */
export async function startTask<C extends StreamChannel, P>(
  key: string,
  channel: C,
  input: StreamInput<C>,
  options: StartTask<C, P>,
): Promise<Result<StreamDone<C>> | null> {
  if (running.has(key)) return null;
  const handle = stream(channel, input, (event) => {
    const current = running.get(key) as Task<P> | undefined;
    if (!current) return;
    running.set(key, { ...current, progress: options.reduce(current.progress, event) });
    publish();
    for (const listener of eventListeners) listener(key, event);
  });
  running.set(key, { key, progress: options.initial, abort: () => handle.abort() });
  publish();
  const result = await handle.result;
  running.delete(key);
  publish();
  for (const listener of endListeners) listener(key);
  options.onDone?.(result);
  if (!result.ok) {
    const retry = options.retryable ? () => void startTask(key, channel, input, options) : undefined;
    reportError(result.error, { retry });
  }
  return result;
}

/** The task running under `key`, if any. */
export function taskAt<P>(key: string): Task<P> | undefined {
  return running.get(key) as Task<P> | undefined;
}

/** Calls `listener` with each task's key when it ends, whichever screen is shown. */
export function onTaskEnd(listener: (key: string) => void): () => void {
  endListeners.add(listener);
  return () => endListeners.delete(listener);
}

/** Calls `listener` with each event of every task, after the task's progress took it in. */
export function onTaskEvent(listener: (key: string, event: unknown) => void): () => void {
  eventListeners.add(listener);
  return () => eventListeners.delete(listener);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The task under `key` (`null`: none), re-rendering only when that task changes: a token of one
 * answer does not re-render a download's row.
 */
export function useTask<P>(key: string | null): Task<P> | undefined {
  return useTaskValue<P, Task<P> | undefined>(key, (task) => task);
}

/**
 * What `select` picks of the task under `key`, re-rendering only when that changes: a screen that
 * needs to know an answer runs does not re-render for each of its tokens. `select` must return a
 * primitive or a reference the task keeps (its `abort`), not a new object each time.
 */
export function useTaskValue<P, T>(key: string | null, select: (task: Task<P> | undefined) => T): T {
  return useSyncExternalStore(subscribe, () => select(key === null ? undefined : taskAt<P>(key)));
}
