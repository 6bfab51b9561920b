import { KEPT_ARRAY_LENGTH, readGgufStructure, type GgufStructure, type GgufValue } from './gguf-structure';
import { checkLayerSizes, checkMetadataRanges } from './metadata-ranges';
import { checkRequiredTensors } from './required-tensors';
import { checkVocabulary, VOCABULARY_KEY } from './vocabulary-checks';

export interface ValidateGgufInput {
  /** Every part of the model, first part first. */
  parts: string[];
  /** The architectures the bundled llama.cpp can run. */
  knownArchitectures: string[];
  /** Check that the parts hold every tensor of the model. Off for one part of a split download. */
  checkTensors: boolean;
}

/**
 * Hearth's own checks of a whole model, all parts: structure, metadata ranges, the vocabulary,
 * complete tensors.
 */
export function validateGgufParts(input: ValidateGgufInput): GgufStructure[] {
  const knownArchitectures = new Set(input.knownArchitectures);
  const keepStringArrays = new Set([VOCABULARY_KEY]);
  const structures = input.parts.map((part) => readGgufStructure(part, { knownArchitectures, keepStringArrays }));
  checkMetadataRanges(structures[0]!);
  checkLayerSizes(structures[0]!);
  checkVocabulary(structures[0]!);
  if (input.checkTensors) checkRequiredTensors(structures);
  for (const structure of structures) dropVocabulary(structure.metadata);
  return structures;
}

/** The token strings were kept for the checks only: callers get the length, as for other long arrays. */
function dropVocabulary(metadata: Map<string, GgufValue>): void {
  const tokens = metadata.get(VOCABULARY_KEY);
  if (typeof tokens === 'object' && tokens !== null && 'elementType' in tokens && tokens.length > KEPT_ARRAY_LENGTH) {
    metadata.set(VOCABULARY_KEY, { elementType: tokens.elementType, length: tokens.length });
  }
}
