import * as nodeLlamaCpp from 'node-llama-cpp';

/**
 * The architectures the bundled llama.cpp knows. node-llama-cpp's typings declare the list as a
 * `const enum`, which isolated modules cannot read, but the runtime object is exported. Kept apart
 * from the structure reader so the inspection worker need not load node-llama-cpp.
 */
export const KNOWN_ARCHITECTURES: ReadonlySet<string> = new Set(
  Object.values((nodeLlamaCpp as unknown as { GgufArchitectureType: Record<string, string> }).GgufArchitectureType),
);
