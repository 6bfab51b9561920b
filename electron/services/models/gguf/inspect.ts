import { basename } from 'node:path';
import type { GgufFileInfo } from 'node-llama-cpp';
import { ModelMetadataSchema, type ModelMetadata, type ModelRole } from '../../../ipc/contract';
import { GGML_TYPES } from './ggml-types';
import { invalidGguf } from './gguf-problems';
import { asInteger, type GgufStructure } from './gguf-structure';
import { validateGguf } from './gguf-validator';
import { splitParts } from './split-parts';

/** Architectures that only make embeddings (encoder-only). */
const EMBEDDING_ARCHITECTURES = new Set([
  'bert',
  'nomic-bert',
  'nomic-bert-moe',
  'jina-bert-v2',
  'modern-bert',
  't5encoder',
]);
const POOLING_RANK = 4;

export interface InspectedModel {
  metadata: ModelMetadata;
  /** Absolute paths of every part, first part first. */
  parts: string[];
  /** node-llama-cpp's view of the file, for fit estimates. */
  fileInfo: GgufFileInfo;
}

/**
 * Everything Hearth needs to know about a GGUF, read safely: Hearth's own bounds checks on every
 * part first, and only then node-llama-cpp's reader. Throws `INVALID_GGUF` with a reason.
 */
export async function inspectGguf(path: string): Promise<InspectedModel> {
  const parts = splitParts(path);
  const structures = await validateGguf(parts);
  const { GgufFileType, readGgufFileInfo } = await import('node-llama-cpp');
  let fileInfo: GgufFileInfo;
  try {
    fileInfo = await readGgufFileInfo(parts[0]!, { sourceType: 'filesystem', logWarnings: false });
  } catch (error) {
    throw invalidGguf(
      'unreadable',
      `llama.cpp's reader refused it (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  // What is stored must be what the contract accepts, or the model list breaks on every call.
  const metadata = ModelMetadataSchema.safeParse(describe(structures, parts, GgufFileType));
  if (!metadata.success) {
    const issue = metadata.error.issues[0];
    throw invalidGguf(
      'bad-metadata',
      `its metadata has a value Hearth cannot use (${issue?.path.join('.')}: ${issue?.message})`,
    );
  }
  return { metadata: metadata.data, parts, fileInfo };
}

/** llama.cpp's file types by number (`MOSTLY_Q4_0`…), from node-llama-cpp. */
type FileTypeNames = Record<number, string>;

function describe(structures: GgufStructure[], parts: string[], fileTypes: object): ModelMetadata {
  const first = structures[0]!;
  const meta = first.metadata;
  const arch = first.architecture!;
  const text = (key: string) => {
    const value = meta.get(key);
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  };
  const int = (key: string) => Number(asInteger(meta.get(key)) ?? 0n);
  const hasChatTemplate = text('tokenizer.chat_template') !== null;
  return {
    name: text('general.name') ?? basename(parts[0]!).replace(/(-\d{5}-of-\d{5})?\.gguf$/i, ''),
    architecture: arch,
    parameterCount: structures.reduce(
      (sum, s) => sum + s.tensors.reduce((n, t) => n + Number(t.dims.reduce((a, b) => a * b, 1n)), 0),
      0,
    ),
    quantization: quantization(structures, fileTypes as FileTypeNames),
    fileSize: structures.reduce((sum, s) => sum + s.fileSize, 0),
    contextLength: int(`${arch}.context_length`),
    embeddingLength: int(`${arch}.embedding_length`),
    layers: int(`${arch}.block_count`),
    hasChatTemplate,
    role: role(arch, asInteger(meta.get(`${arch}.pooling_type`)), hasChatTemplate),
    license: text('general.license'),
    parts: parts.map((part) => basename(part)),
  };
}

function quantization(structures: GgufStructure[], fileTypes: FileTypeNames): string {
  const fileType = asInteger(structures[0]!.metadata.get('general.file_type'));
  const named = fileType === null ? undefined : fileTypes[Number(fileType)];
  if (named) return named.replace(/^(MOSTLY|ALL)_/, '');
  // No file type: name the type holding the most bytes.
  const bytesByType = new Map<number, bigint>();
  for (const tensor of structures.flatMap((s) => s.tensors)) {
    bytesByType.set(tensor.type, (bytesByType.get(tensor.type) ?? 0n) + tensor.size);
  }
  const [dominant] = [...bytesByType].sort((a, b) => (a[1] > b[1] ? -1 : 1))[0] ?? [0];
  return GGML_TYPES[dominant]?.name ?? 'unknown';
}

function role(architecture: string, pooling: bigint | null, hasChatTemplate: boolean): ModelRole {
  if (pooling === BigInt(POOLING_RANK)) return 'reranker';
  if (EMBEDDING_ARCHITECTURES.has(architecture)) return 'embedding';
  if (pooling !== null && pooling > 0n && !hasChatTemplate) return 'embedding';
  return 'chat';
}
