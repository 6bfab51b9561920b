let known: Promise<ReadonlySet<string>> | undefined;

/**
 * The architectures the bundled llama.cpp knows. node-llama-cpp's typings declare the list as a
 * `const enum`, which isolated modules cannot read, but the runtime object is exported. Kept apart
 * from the structure reader so the inspection worker need not load node-llama-cpp, and read on
 * first use so nothing loads it before a model is looked at.
 */
export function knownArchitectures(): Promise<ReadonlySet<string>> {
  known ??= import('node-llama-cpp').then(
    (nodeLlamaCpp) =>
      new Set(
        Object.values(
          (nodeLlamaCpp as unknown as { GgufArchitectureType: Record<string, string> }).GgufArchitectureType,
        ),
      ),
  );
  return known;
}
