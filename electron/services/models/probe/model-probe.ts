import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HearthError } from '../../../ipc/errors';
import { invalidGguf } from '../gguf/gguf-problems';
import { forkNodeEntry, type ChildProcessHandle, type ForkEntry } from '../../workers/child-process';
import { entryPath } from '../../workers/entry-path';
import type { ProbeReply, ProbeRequest } from './probe-protocol';
import { mainText } from '../../../ipc/main-text';

const sourceDir = dirname(fileURLToPath(import.meta.url));

/**
 * Longest a probe may take. Reading a 262k-token vocabulary takes well under a second; this is
 * for a busy machine, and against a file that makes llama.cpp loop.
 */
export const DEFAULT_PROBE_TIMEOUT_MS = 120_000;
/** llama.cpp maps the file rather than reading it into the heap; this is for node-llama-cpp. */
const PROBE_HEAP_MB = 512;

export interface ModelProbeOptions {
  /** How the probe process is started. Defaults to Node's `child_process.fork` (the app: utilityProcess). */
  fork?: ForkEntry;
  /** Defaults to `DEFAULT_PROBE_TIMEOUT_MS`. */
  timeoutMs?: number;
}

/** How a probe ended: the model opened, llama.cpp refused it with a message, or its process died. */
export type ProbeOutcome =
  | { kind: 'ok'; tokens: number }
  | { kind: 'refused'; message: string }
  | { kind: 'died'; why: string };

/** The probe process, and the answers it owes. */
interface ProbeChild {
  handle: ChildProcessHandle;
  pending: Map<number, (outcome: ProbeOutcome) => void>;
}

/**
 * Opens models with llama.cpp in a child process of its own (probe-worker.ts), one at a time, and
 * starts a new process after one dies. `close` ends it.
 */
export class ModelProbe {
  readonly #options: ModelProbeOptions;
  #child: ProbeChild | undefined;
  #requests = 0;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: ModelProbeOptions = {}) {
    this.#options = options;
  }

  /** Opens the model in the probe process (see `ProbeRequest.mode`) and says how that went. */
  run(path: string, mode: ProbeRequest['mode']): Promise<ProbeOutcome> {
    const next = this.#queue.then(() => this.#send(path, mode));
    this.#queue = next.catch(() => undefined);
    return next;
  }

  close(): void {
    this.#child?.handle.kill();
    this.#child = undefined;
  }

  #send(path: string, mode: ProbeRequest['mode']): Promise<ProbeOutcome> {
    const child = this.#start();
    const id = ++this.#requests;
    return new Promise<ProbeOutcome>((resolve) => {
      const timer = setTimeout(() => {
        child.pending.delete(id);
        this.close();
        resolve({
          kind: 'died',
          why: `no answer in ${Math.round((this.#options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS) / 1000)} s`,
        });
      }, this.#options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS);
      child.pending.set(id, (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
      child.handle.postMessage({ id, path, mode } satisfies ProbeRequest);
    });
  }

  #start(): ProbeChild {
    if (this.#child) return this.#child;
    const entry = entryPath('probe-worker', sourceDir);
    const handle = (this.#options.fork ?? forkNodeEntry)(entry.path, {
      args: [],
      heapMb: PROBE_HEAP_MB,
      fromSource: entry.fromSource,
      name: 'Hearth model check',
    });
    const child: ProbeChild = { handle, pending: new Map() };
    handle.onMessage((message) => {
      const reply = message as ProbeReply;
      const settle = child.pending.get(reply.id);
      child.pending.delete(reply.id);
      settle?.(reply.ok ? { kind: 'ok', tokens: reply.tokens } : { kind: 'refused', message: reply.message });
    });
    handle.onExit((why) => {
      if (this.#child === child) this.#child = undefined;
      for (const settle of child.pending.values()) settle({ kind: 'died', why });
      child.pending.clear();
    });
    this.#child = child;
    return child;
  }
}

/**
 * The first opening of a model Hearth has not run before (an import, a download): its vocabulary
 * is read in a child process, so a file that makes llama.cpp abort ends that process, not the app.
 * Throws `INVALID_GGUF` with what went wrong.
 */
export async function checkVocabularyLoads(path: string, options: ModelProbeOptions = {}): Promise<void> {
  const probe = new ModelProbe(options);
  try {
    const outcome = await probe.run(path, 'vocabulary');
    if (outcome.kind === 'ok') return;
    if (outcome.kind === 'refused') {
      throw invalidGguf('llama-refused', `llama.cpp refused it (${firstLine(outcome.message)})`);
    }
    if (/could not start/.test(outcome.why)) {
      throw new HearthError('INTERNAL', mainText('models.probeFailed', { why: outcome.why }));
    }
    throw invalidGguf('llama-aborted', `llama.cpp could not read its vocabulary (it stopped: ${outcome.why})`);
  } finally {
    probe.close();
  }
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.trim().slice(0, 300);
}
