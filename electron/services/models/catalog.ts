import catalogJson from '../../../native-models/catalog.json';
import { CatalogSchema, type CatalogEntry, type Recommendation } from '../../ipc/schemas/catalog';
import { formatBytes } from '../../ipc/format';

/** The recommended models, validated once at load (a bad edit to catalog.json fails loudly in tests). */
export function loadCatalog(json: unknown = catalogJson): CatalogEntry[] {
  return CatalogSchema.parse(json).models;
}

/** Share of RAM a chat + embedding pair may take, leaving room for the OS, Hearth and other apps. */
const RAM_BUDGET_SHARE = 0.6;
/** English default; the multilingual one is picked on request. */
const PREFERRED_EMBEDDERS = ['nomic-embed-text-v1.5-q8_0', 'bge-small-en-v1.5-q8_0'];

export function fitsMachine(entry: CatalogEntry, totalMemory: number): boolean {
  return entry.minRamBytes <= totalMemory * RAM_BUDGET_SHARE;
}

/**
 * The best chat + embedding pair for a machine: the embedder first (small, and search needs it),
 * then the largest chat model that fits in what is left of the budget.
 */
export function recommend(catalog: readonly CatalogEntry[], machine: { totalMemory: number }): Recommendation {
  const budget = machine.totalMemory * RAM_BUDGET_SHARE;
  const embedders = catalog.filter((entry) => entry.role === 'embedding' && entry.minRamBytes <= budget);
  const embedding =
    PREFERRED_EMBEDDERS.map((id) => embedders.find((entry) => entry.id === id)).find(Boolean) ??
    [...embedders].sort((a, b) => a.minRamBytes - b.minRamBytes)[0] ??
    null;
  const left = budget - (embedding?.minRamBytes ?? 0);
  const chat =
    catalog
      .filter((entry) => entry.role === 'chat' && entry.minRamBytes <= left)
      .sort((a, b) => b.parameters - a.parameters || a.minRamBytes - b.minRamBytes)[0] ?? null;
  const reason = chat
    ? `With ${formatBytes(machine.totalMemory)} of RAM, ${chat.name} and ${embedding?.name ?? 'no embedder'} fit together with room to spare.`
    : `With ${formatBytes(machine.totalMemory)} of RAM no catalog chat model fits comfortably; try the smallest one.`;
  return { chat: chat?.id ?? null, embedding: embedding?.id ?? null, reason };
}

/** Where the hub serves a file; `resolve` URLs answer with the file's SHA-256 in `X-Linked-Etag`. */
export function catalogUrl(entry: CatalogEntry, hubBaseUrl: string): string {
  return `${hubBaseUrl.replace(/\/$/, '')}/${entry.repo}/resolve/main/${encodeURIComponent(entry.file)}`;
}
