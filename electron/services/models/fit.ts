import type { GgmlType, GgufFileInfo, GgufInsights, Llama } from 'node-llama-cpp';
import type { Fit, ModelRole, ModelSettings } from '../../ipc/contract';
import { formatBytes } from '../../ipc/format';

/** What memory the machine has right now. */
export interface MemoryState {
  ramTotal: number;
  ramFree: number;
  vramTotal: number;
  vramFree: number;
}

export interface FitInput {
  fileInfo: GgufFileInfo;
  llama: Llama;
  role: ModelRole;
  settings: ModelSettings;
  memory: MemoryState;
}

/** Above this share of physical RAM a model cannot load without the system swapping itself to a halt. */
const MAX_RAM_SHARE = 0.9;
/** The KV cache precisions a user can pick, by ggml type name. */
const KV_CACHE_TYPES = { f16: 'F16', q8_0: 'Q8_0', q4_0: 'Q4_0' } as const;

/** node-llama-cpp's GgmlType enum (its values are what llama.cpp numbers each type). */
type GgmlTypes = Record<(typeof KV_CACHE_TYPES)[keyof typeof KV_CACHE_TYPES], GgmlType>;

/** Used when the model does not say how long a context it was trained on. */
const FALLBACK_CONTEXT = 4096;

/** The context size a model gets when its settings say `null`: its trained length, capped at 4096. */
export function effectiveContextSize(settings: ModelSettings, trainedContext: number): number {
  return settings.contextSize ?? Math.min(trainedContext || FALLBACK_CONTEXT, FALLBACK_CONTEXT);
}

/**
 * Estimates the RAM and VRAM a model needs at its settings (weights + KV cache + compute buffers,
 * from node-llama-cpp's GgufInsights), compares it with what the machine has, and, when it does
 * not fit, says what would: a smaller context, fewer GPU layers, a smaller quantization.
 */
export async function estimateFit(input: FitInput): Promise<Fit> {
  // Loaded on first use, as everywhere: nothing loads node-llama-cpp before a model is looked at.
  const { GgufInsights, GgmlType } = await import('node-llama-cpp');
  const types = GgmlType as unknown as GgmlTypes;
  const insights = await GgufInsights.from(input.fileInfo, input.llama);
  const contextSize = effectiveContextSize(input.settings, insights.trainContextSize ?? 0);
  const gpuLayers = await resolveGpuLayers(insights, input, contextSize);
  const need = await requirements(insights, input, contextSize, gpuLayers, types);
  const level = classify(need, input.memory, gpuLayers);
  return {
    level,
    contextSize,
    gpuLayers,
    ramNeeded: need.ram,
    vramNeeded: need.vram,
    ramFree: input.memory.ramFree,
    ramTotal: input.memory.ramTotal,
    vramFree: input.memory.vramFree,
    suggestions: level === 'fits' ? [] : await suggestions(insights, input, contextSize, gpuLayers, level, types),
  };
}

async function resolveGpuLayers(insights: GgufInsights, input: FitInput, contextSize: number): Promise<number> {
  if (!input.llama.supportsGpuOffloading) return 0;
  if (input.settings.gpuLayers !== 'auto') return Math.min(input.settings.gpuLayers, insights.totalLayers);
  const resolved = await insights.configurationResolver.resolveAndScoreConfig({
    targetContextSize: contextSize,
    embeddingContext: input.role !== 'chat',
  });
  return resolved.resolvedValues.gpuLayers;
}

async function requirements(
  insights: GgufInsights,
  input: FitInput,
  contextSize: number,
  gpuLayers: number,
  types: GgmlTypes,
): Promise<{ ram: number; vram: number }> {
  const model = await insights.estimateModelResourceRequirementsV2({ gpuLayers });
  const context = await insights.estimateContextResourceRequirementsV2({
    contextSize,
    modelGpuLayers: gpuLayers,
    isEmbeddingContext: input.role !== 'chat',
    flashAttention: input.settings.flashAttention,
    kvCacheKeyType: types[KV_CACHE_TYPES[input.settings.kvCacheType]],
    // llama.cpp can quantize the V cache only with flash attention; without it V stays F16.
    kvCacheValueType: types[input.settings.flashAttention ? KV_CACHE_TYPES[input.settings.kvCacheType] : 'F16'],
  });
  return { ram: model.cpuRam + context.cpuRam, vram: model.gpuVram + context.gpuVram };
}

function classify(need: { ram: number; vram: number }, memory: MemoryState, gpuLayers: number): Fit['level'] {
  if (need.ram > memory.ramTotal * MAX_RAM_SHARE) return 'too-large';
  if (gpuLayers > 0 && need.vram > memory.vramFree) return 'too-large';
  if (need.ram > memory.ramFree) return 'tight';
  return 'fits';
}

async function suggestions(
  insights: GgufInsights,
  input: FitInput,
  contextSize: number,
  gpuLayers: number,
  level: Fit['level'],
  types: GgmlTypes,
): Promise<Fit['suggestions']> {
  const found: Fit['suggestions'] = [];
  for (const smaller of [contextSize / 2, contextSize / 4, 2048, 1024, 512].map(Math.floor)) {
    if (smaller >= contextSize || smaller < 128) continue;
    const need = await requirements(insights, input, smaller, gpuLayers, types);
    if (classify(need, input.memory, gpuLayers) === 'fits') {
      found.push({
        kind: 'context',
        contextSize: smaller,
        ramNeeded: need.ram,
        message: `Use a context of ${smaller} tokens (needs ${formatBytes(need.ram)} of RAM).`,
      });
      break;
    }
  }
  if (gpuLayers > 0) {
    found.push({
      kind: 'gpu-layers',
      gpuLayers: Math.floor(gpuLayers / 2),
      message: `Offload fewer layers to the GPU (try ${Math.floor(gpuLayers / 2)}).`,
    });
  }
  found.push({
    kind: 'quantization',
    message: 'Use a smaller quantization of this model (fewer bits per weight, such as Q4_K_M).',
  });
  if (level === 'tight') found.push({ kind: 'close-apps', message: 'Close other apps to free memory before loading.' });
  return found;
}
