import { describe, expect, it } from 'vitest';
import { modelFileNameFromUrl } from '../../../../electron/services/models/downloads/file-name';

const name = (url: string) => modelFileNameFromUrl(new URL(url));

describe('modelFileNameFromUrl', () => {
  it('keeps ordinary model names', () => {
    expect(name('https://huggingface.co/a/b/resolve/main/Llama-3.2-1B-Instruct-Q4_K_M.gguf')).toBe(
      'Llama-3.2-1B-Instruct-Q4_K_M.gguf',
    );
  });

  it.each([
    ['https://huggingface.co/a/b/resolve/main/..%2F..%2F..%2Fetc%2Fevil.gguf', 'evil.gguf'],
    ['https://huggingface.co/a/b/resolve/main/..%5C..%5Cwin%5Cevil.gguf', 'evil.gguf'],
    ['https://huggingface.co/a/b/resolve/main/.hidden.gguf', 'hidden.gguf'],
    ['https://huggingface.co/a/b/resolve/main/m%C3%B6del%20v2.gguf', 'm_del_v2.gguf'],
    ['https://huggingface.co/a/b/resolve/main/x%00y.gguf', 'x_y.gguf'],
  ])('sanitises %s', (url, expected) => {
    expect(name(url)).toBe(expected);
  });

  it.each([
    'https://huggingface.co/a/b/resolve/main/model.bin',
    'https://huggingface.co/a/b/resolve/main/',
    'https://huggingface.co/a/b/resolve/main/.gguf',
  ])('refuses %s', (url) => {
    expect(() => name(url)).toThrow(/does not point at a \.gguf/);
  });
});
