import catalogJson from '../../../native-models/catalog.json';
import { CatalogSchema, type CatalogEntry, type Recommendation } from '../../ipc/schemas/catalog';
import type { SpeedPrediction } from '../../ipc/schemas/machine';
import { mainText, type MainText } from '../../ipc/main-text';

/** The context a catalog entry's RAM need is stated at. */
const RAM_CONTEXT_TOKENS = 4096;
/** llama.cpp's compute buffers and Hearth's share of the process, beyond weights and KV cache. */
const RUNTIME_OVERHEAD_BYTES = 256 * 2 ** 20;
const BUFFER_SHARE = 0.1;

/**
 * RAM to run an entry at a 4k context: its weights, its KV cache at f16, a tenth more for
 * compute buffers, and a fixed runtime overhead. One formula for every entry.
 */
export function ramNeeded(entry: Pick<CatalogEntry, 'sizeBytes' | 'kvBytesPerToken' | 'contextLength'>): number {
  const kvCache = entry.kvBytesPerToken * Math.min(RAM_CONTEXT_TOKENS, entry.contextLength);
  return Math.ceil(entry.sizeBytes * (1 + BUFFER_SHARE) + kvCache + RUNTIME_OVERHEAD_BYTES);
}

/** The recommended models, validated once at load (a bad edit to catalog.json fails loudly in tests). */
export function loadCatalog(json: unknown = catalogJson): CatalogEntry[] {
  return CatalogSchema.parse(json).models.map((entry) => ({ ...entry, minRamBytes: ramNeeded(entry) }));
}

/** Share of RAM a chat + embedding pair may take, leaving room for the OS, Hearth and other apps. */
const RAM_BUDGET_SHARE = 0.6;
/** English default first; the multilingual ones are picked on request. */
const PREFERRED_EMBEDDERS = ['nomic-embed-text-v1.5-q8_0', 'bge-base-en-v1.5-q8_0', 'bge-small-en-v1.5-q8_0'];

export function fitsMachine(entry: CatalogEntry, totalMemory: number): boolean {
  return entry.minRamBytes <= totalMemory * RAM_BUDGET_SHARE;
}

export interface RecommendOptions {
  totalMemory: number;
  /** Predicted speed per entry on this machine; `null` until the machine has been measured. */
  speedOf?: (entry: CatalogEntry) => SpeedPrediction | null;
  /** Generation speed a chat model must reach. Defaults to 10 tokens per second. */
  targetTokensPerSecond?: number;
}

/**
 * The best chat + embedding pair for a machine. The embedder first (small, and search needs it);
 * then, in what is left of the RAM budget, the largest chat model predicted to reach the target
 * speed: a model that fits but answers at three words a second is not one to chat with. A model
 * that always reasons aloud before answering comes after one that answers at once. Without
 * predictions (not measured yet), the largest that fits.
 */
export function recommend(catalog: readonly CatalogEntry[], options: RecommendOptions): Recommendation {
  const target = options.targetTokensPerSecond ?? 10;
  const budget = options.totalMemory * RAM_BUDGET_SHARE;
  const embedders = catalog.filter((entry) => entry.role === 'embedding' && entry.minRamBytes <= budget);
  const embedding =
    PREFERRED_EMBEDDERS.map((id) => embedders.find((entry) => entry.id === id)).find(Boolean) ??
    [...embedders].sort((a, b) => a.minRamBytes - b.minRamBytes)[0] ??
    null;
  const left = budget - (embedding?.minRamBytes ?? 0);
  const fitting = catalog.filter((entry) => entry.role === 'chat' && entry.minRamBytes <= left);
  const speed = (entry: CatalogEntry) => options.speedOf?.(entry)?.generationTokensPerSecond ?? null;
  const measured = fitting.every((entry) => speed(entry) !== null);
  const fastEnough = measured ? fitting.filter((entry) => speed(entry)! >= target) : fitting;
  const byQuality = (a: CatalogEntry, b: CatalogEntry) =>
    Number(a.prompt.reasoning === 'always') - Number(b.prompt.reasoning === 'always') ||
    b.parameters - a.parameters ||
    (speed(b) ?? 0) - (speed(a) ?? 0);
  const chat =
    [...fastEnough].sort(byQuality)[0] ?? [...fitting].sort((a, b) => (speed(b) ?? 0) - (speed(a) ?? 0))[0] ?? null;

  const ram = options.totalMemory;
  const embedder = embedding?.name;
  let reason: MainText;
  if (!chat) reason = mainText('recommend.noneFits', { ram });
  else if (!measured) {
    reason = embedder
      ? mainText('recommend.unmeasured', { ram, chat: chat.name, embedder })
      : mainText('recommend.unmeasuredNoEmbedder', { ram, chat: chat.name });
  } else if (speed(chat)! >= target) {
    const params = { chat: chat.name, target, speed: speed(chat)!, ram };
    reason = embedder
      ? mainText('recommend.fast', { ...params, embedder })
      : mainText('recommend.fastNoEmbedder', params);
  } else {
    reason = mainText('recommend.slow', { target, chat: chat.name, speed: speed(chat)! });
  }
  return { chat: chat?.id ?? null, embedding: embedding?.id ?? null, reason };
}

/** Where the hub serves a file; `resolve` URLs answer with the file's SHA-256 in `X-Linked-Etag`. */
export function catalogUrl(entry: CatalogEntry, hubBaseUrl: string): string {
  return `${hubBaseUrl.replace(/\/$/, '')}/${entry.repo}/resolve/main/${encodeURIComponent(entry.file)}`;
}
