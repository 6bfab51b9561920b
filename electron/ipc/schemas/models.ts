import { z } from 'zod';
import { HearthErrorDataSchema } from '../errors';
import { SpeedPredictionSchema } from './machine';

export const ModelRoleSchema = z.enum(['chat', 'embedding', 'reranker']);
export type ModelRole = z.infer<typeof ModelRoleSchema>;

/** What inspecting a GGUF found; stored with the model so listing never reopens files. */
export const ModelMetadataSchema = z.object({
  name: z.string(),
  architecture: z.string(),
  /** Counted from the tensors, so it is right even when the metadata says nothing. */
  parameterCount: z.number().nonnegative(),
  /** e.g. `Q4_0`, `Q8_0`, `F16`, `MOSTLY_Q4_K_M`. */
  quantization: z.string(),
  /** All parts together, for split models. */
  fileSize: z.number().nonnegative(),
  /** The context length the model was trained with. */
  contextLength: z.number().int().nonnegative(),
  embeddingLength: z.number().int().nonnegative(),
  layers: z.number().int().nonnegative(),
  hasChatTemplate: z.boolean(),
  role: ModelRoleSchema,
  license: z.string().nullable(),
  /** File names of every part (one for a single-file model). */
  parts: z.array(z.string()).min(1),
});
export type ModelMetadata = z.infer<typeof ModelMetadataSchema>;

export const GpuLayersSchema = z.union([z.literal('auto'), z.number().int().nonnegative()]);

/** Per-model settings. Every field has a default, so an empty object is valid. */
export const ModelSettingsSchema = z.object({
  /** Tokens of context; `null` picks min(trained length, 4096). */
  contextSize: z.number().int().min(128).max(1_048_576).nullable().default(null),
  temperature: z.number().min(0).max(2).default(0.7),
  topP: z.number().min(0).max(1).default(0.9),
  topK: z.number().int().min(0).max(1000).default(40),
  minP: z.number().min(0).max(1).default(0.05),
  repeatPenalty: z.number().min(0.5).max(2).default(1.1),
  /** Layers offloaded to the GPU; `auto` lets the fit estimate decide. */
  gpuLayers: GpuLayersSchema.default('auto'),
  /** llama.cpp threads; `null` uses the benchmark's recommendation, else the physical cores. */
  threads: z.number().int().min(1).max(256).nullable().default(null),
  systemPrompt: z.string().max(20_000).default(''),
  flashAttention: z.boolean().default(false),
  /** KV cache precision; lower uses less memory at some cost in quality. */
  kvCacheType: z.enum(['f16', 'q8_0', 'q4_0']).default('f16'),
  /**
   * Speculative decoding for a chat model: a smaller installed chat model with the same
   * vocabulary drafts tokens that this one checks in a batch. The answer is the same; only the
   * speed changes. `null`: no draft model (grounded answers use prompt lookup instead).
   */
  draftModelId: z.string().min(1).nullable().default(null),
});
export type ModelSettings = z.infer<typeof ModelSettingsSchema>;
export const ModelSettingsPatchSchema = ModelSettingsSchema.partial().strict();

export const FitSuggestionSchema = z.object({
  kind: z.enum(['context', 'gpu-layers', 'quantization', 'close-apps']),
  message: z.string(),
  contextSize: z.number().int().optional(),
  /** RAM the suggested context size needs (`context`). */
  ramNeeded: z.number().nonnegative().optional(),
  gpuLayers: z.number().int().optional(),
});
export type FitSuggestion = z.infer<typeof FitSuggestionSchema>;

/** Whether a model fits this machine at its settings, and what would make it fit. */
export const FitSchema = z.object({
  /** `fits`: within free memory; `tight`: needs memory other apps use now; `too-large`: cannot load. */
  level: z.enum(['fits', 'tight', 'too-large']),
  contextSize: z.number().int(),
  gpuLayers: z.number().int(),
  ramNeeded: z.number().nonnegative(),
  vramNeeded: z.number().nonnegative(),
  ramFree: z.number().nonnegative(),
  ramTotal: z.number().nonnegative(),
  vramFree: z.number().nonnegative(),
  suggestions: z.array(FitSuggestionSchema),
});
export type Fit = z.infer<typeof FitSchema>;

export const BenchmarkRunSchema = z.object({
  threads: z.number().int().positive(),
  promptTokens: z.number().int().nonnegative(),
  promptTokensPerSecond: z.number().nonnegative(),
  generatedTokens: z.number().int().nonnegative(),
  generationTokensPerSecond: z.number().nonnegative(),
  timeToFirstTokenMs: z.number().nonnegative(),
  peakMemoryBytes: z.number().nonnegative(),
});
export type BenchmarkRun = z.infer<typeof BenchmarkRunSchema>;

export const BenchmarkResultSchema = z.object({
  modelId: z.string(),
  ranAt: z.string(),
  hardware: z.object({ cpuModel: z.string(), cpuCores: z.number().int(), totalMemory: z.number(), gpu: z.string() }),
  runs: z.array(BenchmarkRunSchema),
  /** The thread count with the best generation speed. */
  recommendedThreads: z.number().int().positive(),
  /**
   * The largest context that fits in memory and that this machine can fill within about 20
   * seconds at the measured prompt speed (a full context is re-read after every model switch).
   */
  recommendedContextSize: z.number().int().positive(),
  /**
   * The speed predicted for this model before the run, and measured ÷ predicted at the best
   * thread count: how predictions for similar models are corrected. Absent on older results.
   */
  speed: z.object({ predictedTokensPerSecond: z.number().positive(), ratio: z.number().positive() }).optional(),
});
export type BenchmarkResult = z.infer<typeof BenchmarkResultSchema>;

/** The threads a model runs with, and why that many. */
export const ModelThreadsSchema = z.object({
  count: z.number().int().positive(),
  /** `setting`: the user's; `benchmark`: fastest measured here; `machine`: physical cores. */
  source: z.enum(['setting', 'benchmark', 'machine']),
});
export type ModelThreads = z.infer<typeof ModelThreadsSchema>;

export const ModelInfoSchema = z.object({
  id: z.string(),
  path: z.string(),
  storage: z.enum(['copy', 'reference', 'download']),
  addedAt: z.string(),
  metadata: ModelMetadataSchema,
  settings: ModelSettingsSchema,
  /** `null` when the estimate could not be made (the reason is in `fitError`). */
  fit: FitSchema.nullable(),
  fitError: z.string().optional(),
  loaded: z.boolean(),
  /** Missing when a referenced file was moved or deleted outside Hearth. */
  fileMissing: z.boolean(),
  benchmark: BenchmarkResultSchema.nullable(),
  /**
   * A chat model's predicted speed on this machine (as the catalog predicts it, corrected by
   * benchmarks of similar models); `null` for other roles, and until the machine is measured.
   */
  speed: SpeedPredictionSchema.nullable(),
  threads: ModelThreadsSchema,
});
export type ModelInfo = z.infer<typeof ModelInfoSchema>;

/** The active (most recently loaded) model of each role, and every loaded model's id. */
export const LoadedModelsSchema = z.object({
  chat: z.string().nullable(),
  embedding: z.string().nullable(),
  reranker: z.string().nullable(),
  all: z.array(z.string()),
});
export type LoadedModels = z.infer<typeof LoadedModelsSchema>;

export const ModelIdSchema = z.object({ id: z.string().min(1) });

export const LoadProgressSchema = z.object({
  phase: z.enum(['checking', 'loading']),
  progress: z.number().min(0).max(1),
});
export type LoadProgress = z.infer<typeof LoadProgressSchema>;

export const BenchmarkInputSchema = z.object({
  id: z.string().min(1),
  /** Try 1..maxThreads threads. Defaults to the number of cores. */
  maxThreads: z.number().int().min(1).max(64).optional(),
  promptTokens: z.number().int().min(8).max(4096).default(128),
  generateTokens: z.number().int().min(4).max(1024).default(32),
});
/** As a service receives it: defaults applied. */
export type BenchmarkInput = z.output<typeof BenchmarkInputSchema>;

export const BenchmarkProgressSchema = z.object({
  threads: z.number().int(),
  step: z.enum(['prompt', 'generate']),
  done: z.number().min(0).max(1),
});
export type BenchmarkProgress = z.infer<typeof BenchmarkProgressSchema>;

/** A catalog entry by id, or any GGUF on Hugging Face by URL. */
export const DownloadRequestSchema = z.union([
  z.object({ catalogId: z.string().min(1) }).strict(),
  z.object({ url: z.string().url() }).strict(),
]);
export type DownloadRequest = z.infer<typeof DownloadRequestSchema>;

export const DownloadProgressSchema = z.object({
  bytes: z.number().nonnegative(),
  /** `null` when the size is not known yet. */
  total: z.number().nonnegative().nullable(),
  bytesPerSecond: z.number().nonnegative(),
  /** `null` while the speed or total is unknown. */
  etaSeconds: z.number().nonnegative().nullable(),
});
export type DownloadProgress = z.infer<typeof DownloadProgressSchema>;

/** A download that was paused or cut off, kept on disk to resume. */
export const PartialDownloadSchema = z.object({
  fileName: z.string(),
  url: z.string(),
  bytes: z.number().nonnegative(),
  total: z.number().nonnegative().nullable(),
});
export type PartialDownload = z.infer<typeof PartialDownloadSchema>;

/** Apps whose downloaded models Hearth finds on disk (`models.discoverLocal`). */
export const ModelAppSchema = z.enum(['LM Studio', 'Jan', 'GPT4All', 'Ollama']);
export type ModelApp = z.infer<typeof ModelAppSchema>;

/** A model file another app downloaded, checked as an import would check it. */
export const LocalModelSchema = z.object({
  app: ModelAppSchema,
  path: z.string(),
  /** What that app calls it: the file's name, or Ollama's `name:tag`. */
  name: z.string(),
  sizeBytes: z.number().nonnegative(),
  /** The installed model that is this file, if Hearth has it already. */
  installedId: z.string().nullable(),
  /** `null` when the file is not a usable GGUF (then `problem` says why). */
  metadata: ModelMetadataSchema.nullable(),
  problem: HearthErrorDataSchema.nullable(),
});
export type LocalModel = z.infer<typeof LocalModelSchema>;

export const ModelsSchemas = {
  ModelIdSchema,
  LocalModelSchema,
  ModelInfoSchema,
  ModelMetadataSchema,
  LoadedModelsSchema,
  ModelSettingsSchema,
  ModelSettingsPatchSchema,
  BenchmarkResultSchema,
  import: z.object({
    path: z.string().min(1),
    /** `copy` puts a copy in Hearth's models folder; `reference` uses the file where it is. */
    mode: z.enum(['copy', 'reference']),
  }),
  inspect: z.object({ path: z.string().min(1) }),
  setSettings: z.object({ id: z.string().min(1), patch: ModelSettingsPatchSchema }),
  /** Unload one model, or every model of a role. */
  unload: z.union([z.object({ id: z.string().min(1) }).strict(), z.object({ role: ModelRoleSchema }).strict()]),
  loadProgress: LoadProgressSchema,
  benchmark: BenchmarkInputSchema,
  download: DownloadRequestSchema,
  downloadProgress: DownloadProgressSchema,
  partialDownload: PartialDownloadSchema,
  /**
   * Stops the download of this request if it runs and deletes what it wrote. The request, not a
   * file name, names it: the file name is the service's to derive, by one rule.
   */
  discardDownload: DownloadRequestSchema,
  benchmarkProgress: BenchmarkProgressSchema,
};
