import { readGgufStructure, type GgufStructure } from './gguf-structure';
import { checkMetadataRanges } from './metadata-ranges';
import { checkRequiredTensors } from './required-tensors';

export interface ValidateGgufInput {
  /** Every part of the model, first part first. */
  parts: string[];
  /** The architectures the bundled llama.cpp can run. */
  knownArchitectures: string[];
  /** Check that the parts hold every tensor of the model. Off for one part of a split download. */
  checkTensors: boolean;
}

/** Hearth's own checks of a whole model, all parts: structure, metadata ranges, complete tensors. */
export function validateGgufParts(input: ValidateGgufInput): GgufStructure[] {
  const knownArchitectures = new Set(input.knownArchitectures);
  const structures = input.parts.map((part) => readGgufStructure(part, { knownArchitectures }));
  checkMetadataRanges(structures[0]!);
  if (input.checkTensors) checkRequiredTensors(structures);
  return structures;
}
