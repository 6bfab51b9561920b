import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CatalogEntry, MachineProfile } from '../../../../electron/ipc/contract';
import { catalogUrl, loadCatalog, ramNeeded, recommend } from '../../../../electron/services/models/catalog';
import { predictSpeed } from '../../../../electron/services/machine/speed';
import { simulatedMachine } from '../../../helpers/machine';

const GB = 1024 ** 3;
const catalog = loadCatalog();

/** The verified table of native-models/catalog-facts.md: id → exact bytes and SHA-256. */
function verifiedFacts(): Map<string, { repo: string; file: string; bytes: number; sha256: string }> {
  const text = readFileSync(resolve(import.meta.dirname, '../../../../native-models/catalog-facts.md'), 'utf8');
  const facts = new Map<string, { repo: string; file: string; bytes: number; sha256: string }>();
  for (const [, id, repo, file, bytes, sha256] of text.matchAll(
    /^\| *([a-z0-9._-]+) *\| *(\S+) *\| *(\S+) *\| *(\d+) *\| *([0-9a-f]{64}) *\|$/gm,
  )) {
    facts.set(id!, { repo: repo!, file: file!, bytes: Number(bytes), sha256: sha256! });
  }
  return facts;
}

describe('catalog', () => {
  it.each(catalog.map((entry) => [entry.id, entry] as const))('%s is well formed', (_id, entry) => {
    expect(entry.sizeBytes).toBeGreaterThan(0);
    if (entry.sha256 !== undefined) expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
    expect(entry.file).toMatch(/^[\w.-]+\.gguf$/i);
    expect(['chat', 'embedding', 'reranker']).toContain(entry.role);
    expect(entry.minRamBytes).toBe(ramNeeded(entry));
    expect(entry.minRamBytes).toBeGreaterThan(entry.sizeBytes);
    if (entry.role === 'chat') expect(['none', 'always', 'switchable']).toContain(entry.prompt.reasoning);
    if (entry.role === 'embedding') {
      expect(typeof entry.prompt.queryPrefix).toBe('string');
      expect(typeof entry.prompt.documentPrefix).toBe('string');
    }
  });

  it('has unique ids', () => {
    expect(new Set(catalog.map((entry) => entry.id)).size).toBe(catalog.length);
  });

  it('pins the exact size and SHA-256 of every model the public facts verify', () => {
    const facts = verifiedFacts();
    expect(facts.size).toBe(15);
    for (const [id, fact] of facts) {
      const entry = catalog.find((e) => e.id === id);
      expect(entry, id).toBeDefined();
      expect({ id, repo: entry!.repo, file: entry!.file, bytes: entry!.sizeBytes, sha256: entry!.sha256 }).toEqual({
        id,
        ...fact,
      });
      expect(entry!.sizeVerified).toBe(true);
    }
    expect(
      catalog
        .filter((entry) => entry.sizeVerified)
        .map((entry) => entry.id)
        .sort(),
    ).toEqual([...facts.keys()].sort());
  });

  it('carries the newer models users ask for, and two rerankers', () => {
    for (const id of [
      'qwen3-0.6b-q8_0',
      'qwen3-4b-instruct-2507-q8_0',
      'smollm3-3b-q4_k_m',
      'granite-4.0-micro-q4_k_m',
      'embeddinggemma-300m-qat-q8_0',
      'qwen3-embedding-0.6b-q8_0',
      'bge-base-en-v1.5-q8_0',
    ]) {
      expect(catalog.map((entry) => entry.id)).toContain(id);
    }
    expect(catalog.filter((entry) => entry.role === 'reranker').length).toBeGreaterThanOrEqual(2);
    expect(catalog.find((e) => e.id === 'qwen3-4b-instruct-2507-q8_0')!.prompt.reasoning).toBe('none');
    expect(catalog.find((e) => e.id === 'deepseek-r1-distill-qwen-1.5b-q4_k_m')!.prompt.reasoning).toBe('always');
  });

  it("states the embedders' prompt prefixes, e.g. nomic's search_query / search_document", () => {
    expect(catalog.find((e) => e.id === 'nomic-embed-text-v1.5-q8_0')!.prompt).toEqual({
      queryPrefix: 'search_query: ',
      documentPrefix: 'search_document: ',
    });
    expect(catalog.find((e) => e.id === 'embeddinggemma-300m-qat-q8_0')!.prompt.queryPrefix).toMatch(/^task: /);
  });

  it('refuses a malformed catalog', () => {
    expect(() => loadCatalog({ version: 2, models: [{ id: 'x' }] })).toThrow();
    expect(() => loadCatalog({ version: 1, models: catalog })).toThrow();
  });

  it('builds resolve URLs on the hub', () => {
    const entry = catalog.find((e) => e.id === 'bge-small-en-v1.5-q8_0')!;
    expect(catalogUrl(entry, 'https://huggingface.co/')).toBe(
      'https://huggingface.co/CompendiumLabs/bge-small-en-v1.5-gguf/resolve/main/bge-small-en-v1.5-q8_0.gguf',
    );
  });
});

describe('recommendation', () => {
  const inputs = (e: CatalogEntry) => ({
    weightsBytes: e.sizeBytes,
    parameters: e.parameters,
    kvBytesPerToken: e.kvBytesPerToken,
  });
  const speedOn = (machine: MachineProfile) => (e: CatalogEntry) => ({
    ...predictSpeed(inputs(e), machine),
    calibrated: false,
    basis: [],
  });
  const pick = (machine: MachineProfile, target = 10) =>
    recommend(catalog, { totalMemory: machine.totalMemory, speedOf: speedOn(machine), targetTokensPerSecond: target });
  const entry = (id: string | null) => catalog.find((e) => e.id === id)!;

  it('on 2 cores / 24 GB / 40 GB/s: a model predicted at 10 tok/s or more, not the 8B that merely fits', () => {
    const laptop = simulatedMachine({ physicalCores: 2, logicalCores: 2, totalMemory: 24 * GB, memoryBandwidth: 40e9 });
    const chosen = entry(pick(laptop).chat);
    expect(predictSpeed(inputs(chosen), laptop).generationTokensPerSecond).toBeGreaterThanOrEqual(10);
    expect(chosen.id).not.toBe('llama-3.1-8b-instruct-q4_k_m');
    // The 8B fits in 24 GB: RAM alone would have picked it.
    expect(recommend(catalog, { totalMemory: 24 * GB }).chat).toBe('llama-3.1-8b-instruct-q4_k_m');
    expect(pick(laptop).reason.text).toMatch(/predicted to reach 10 tokens\/s/);
  });

  it('on 8 cores / 32 GB / 100 GB/s: a larger model', () => {
    const laptop = simulatedMachine({ physicalCores: 2, logicalCores: 2, totalMemory: 24 * GB, memoryBandwidth: 40e9 });
    const desktop = simulatedMachine({
      physicalCores: 8,
      logicalCores: 16,
      totalMemory: 32 * GB,
      memoryBandwidth: 100e9,
    });
    const big = entry(pick(desktop).chat);
    expect(big.parameters).toBeGreaterThan(entry(pick(laptop).chat).parameters);
    expect(predictSpeed(inputs(big), desktop).generationTokensPerSecond).toBeGreaterThanOrEqual(10);
  });

  it('a higher target picks a smaller, faster model; an unreachable one picks the fastest and says so', () => {
    const laptop = simulatedMachine();
    expect(entry(pick(laptop, 30).chat).parameters).toBeLessThan(entry(pick(laptop, 10).chat).parameters);
    const none = pick(laptop, 200);
    expect(none.reason.text).toMatch(/No catalog model is predicted to reach 200/);
    const fastest = Math.max(
      ...catalog.filter((e) => e.role === 'chat').map((e) => predictSpeed(inputs(e), laptop).generationTokensPerSecond),
    );
    expect(predictSpeed(inputs(entry(none.chat)), laptop).generationTokensPerSecond).toBe(fastest);
  });

  it.each([
    [3 * GB, 'llama-3.2-1b-instruct-q4_k_m'],
    [8 * GB, 'qwen3-4b-q4_k_m'],
    [24 * GB, 'llama-3.1-8b-instruct-q4_k_m'],
  ])('before the machine is measured, picks by RAM: %d bytes', (totalMemory, expectedChat) => {
    const chosen = recommend(catalog, { totalMemory });
    expect(chosen.chat).toBe(expectedChat);
    expect(chosen.embedding).toBe('nomic-embed-text-v1.5-q8_0');
    const used = [chosen.chat, chosen.embedding].map((id) => entry(id).minRamBytes);
    expect(used[0]! + used[1]!).toBeLessThanOrEqual(totalMemory * 0.6);
  });

  it('recommends nothing to chat with on a machine too small for any model', () => {
    expect(recommend(catalog, { totalMemory: 1 * GB }).chat).toBeNull();
  });
});
