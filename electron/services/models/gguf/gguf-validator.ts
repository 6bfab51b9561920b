import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkerClient } from '../../workers/worker-client';
import type { GgufStructure } from './gguf-structure';
import { knownArchitectures } from './known-architectures';
import type { ValidateGgufInput } from './validate-parts';

/**
 * Validates GGUF files on a worker thread (structure-worker.ts). Parsing a crafted header is
 * bounded but still CPU work; on the main process it would freeze the window. One thread per
 * process, started on first use and stopped when idle.
 */
const worker = new WorkerClient<ValidateGgufInput, GgufStructure[]>({
  name: 'structure-worker',
  sourceDir: dirname(fileURLToPath(import.meta.url)),
});

/**
 * Validates every part of a model (and, unless `checkTensors` is false, that they hold all of its
 * tensors). Throws `INVALID_GGUF` with a reason.
 */
export async function validateGguf(
  parts: string[],
  options: { checkTensors?: boolean } = {},
): Promise<GgufStructure[]> {
  return worker.run({
    parts,
    knownArchitectures: [...(await knownArchitectures())],
    checkTensors: options.checkTensors ?? true,
  });
}

/** Stops the validation thread (when Hearth closes). */
export function stopGgufValidator(): Promise<void> {
  return worker.terminate();
}
