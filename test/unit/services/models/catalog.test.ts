import { describe, expect, it } from 'vitest';
import { catalogUrl, loadCatalog, recommend } from '../../../../electron/services/models/catalog';

const GB = 1024 ** 3;
const catalog = loadCatalog();

describe('catalog', () => {
  it('has the families and roles users look for', () => {
    const chat = catalog.filter((entry) => entry.role === 'chat');
    expect(chat.length).toBeGreaterThanOrEqual(8);
    expect(new Set(chat.map((entry) => entry.family)).size).toBeGreaterThanOrEqual(6);
    expect(catalog.filter((entry) => entry.role === 'embedding').length).toBeGreaterThanOrEqual(3);
    expect(catalog.filter((entry) => entry.role === 'reranker').length).toBeGreaterThanOrEqual(1);
    expect(chat.some((entry) => entry.family === 'deepseek-r1-distill')).toBe(true);
    const sizes = chat.map((entry) => entry.parameters);
    expect(Math.min(...sizes)).toBeLessThan(0.6e9);
    expect(Math.max(...sizes)).toBeGreaterThan(7e9);
    expect(new Set(catalog.map((entry) => entry.id)).size).toBe(catalog.length);
  });

  it('refuses a malformed catalog', () => {
    expect(() => loadCatalog({ version: 1, models: [{ id: 'x' }] })).toThrow();
    expect(() => loadCatalog({ version: 2, models: catalog })).toThrow();
  });

  it.each([
    [3 * GB, 'qwen2.5-0.5b-instruct-q4_k_m'],
    [4 * GB, 'llama-3.2-1b-instruct-q4_k_m'],
    [8 * GB, 'qwen3-4b-q4_k_m'],
    [24 * GB, 'llama-3.1-8b-instruct-q4_k_m'],
  ])('recommends a pair that fits %d bytes of RAM', (totalMemory, expectedChat) => {
    const pick = recommend(catalog, { totalMemory });
    expect(pick.chat).toBe(expectedChat);
    expect(pick.embedding).toBe('nomic-embed-text-v1.5-q8_0');
    const used = [pick.chat, pick.embedding].map((id) => catalog.find((entry) => entry.id === id)!.minRamBytes);
    expect(used[0]! + used[1]!).toBeLessThanOrEqual(totalMemory * 0.6);
  });

  it('recommends nothing to chat with on a machine too small for any model', () => {
    expect(recommend(catalog, { totalMemory: 1 * GB }).chat).toBeNull();
  });

  it('builds resolve URLs on the hub', () => {
    const entry = catalog.find((e) => e.id === 'bge-small-en-v1.5-q8_0')!;
    expect(catalogUrl(entry, 'https://huggingface.co/')).toBe(
      'https://huggingface.co/CompendiumLabs/bge-small-en-v1.5-gguf/resolve/main/bge-small-en-v1.5-q8_0.gguf',
    );
  });
});
