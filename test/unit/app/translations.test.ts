import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { fillTemplate, MAIN_TEXTS } from '../../../electron/ipc/main-text';
import { de } from '../../../app/i18n/locales/de';
import { en } from '../../../app/i18n/locales/en';

type Tree = { [key: string]: string | Tree };

/** Every leaf of a resource tree as `path → text` (main's sentences keep their dotted keys). */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) found.set(leaf, text);
  }
  return found;
}

/** The placeholders of a text, `{{name}}` or `{{name, format}}`, and its tags (`<strong>`). */
function slots(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*(\w+)\s*(?:,\s*(\w+))?\s*\}\}/g)].map(([, name, format]) =>
    format ? `${name},${format}` : name!,
  );
  const tags = [...text.matchAll(/<\/?(\w+)>/g)].map(([tag]) => tag);
  return [...names, ...tags].sort();
}

const english = leaves(en as unknown as Tree);
const german = leaves(de as unknown as Tree);

describe('the translations', () => {
  it('has every English key in German, and no other', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('keeps every placeholder and tag of the English in the German', () => {
    const broken = [...english].filter(([key, text]) => slots(german.get(key) ?? '').join() !== slots(text).join());
    expect(broken.map(([key]) => key)).toEqual([]);
  });

  it('leaves no German text empty, and translates the sentences (not only copies them)', () => {
    expect([...german].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
    // Names, units and symbols may read the same; a sentence of several words may not.
    const copied = [...english].filter(([key, text]) => text.split(' ').length > 3 && german.get(key) === text);
    expect(copied.map(([key]) => key)).toEqual([]);
  });

  it('has the English of every sentence main writes, and finds it by its dotted key', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      resources: { en: { translation: en }, de: { translation: de } },
      lng: 'de',
      interpolation: { escapeValue: false },
    });
    for (const key of Object.keys(MAIN_TEXTS)) {
      expect(english.get(`main.${key}`)).toBe(MAIN_TEXTS[key as keyof typeof MAIN_TEXTS]);
      expect(i18n.exists(`main.${key}`)).toBe(true);
      expect(i18n.t(`main.${key}`)).toBe(german.get(`main.${key}`));
    }
  });

  it('fills main’s English placeholders with their formats, as the CLI prints them', () => {
    expect(fillTemplate(MAIN_TEXTS['recommend.noneFits'], { ram: 24 * 1024 ** 3 })).toBe(
      'With 24.0 GB of RAM no catalog chat model fits comfortably; try the smallest one.',
    );
    expect(fillTemplate(MAIN_TEXTS['recommend.slow'], { target: 10, chat: 'Qwen3 8B', speed: 4.26 })).toContain(
      '(≈ 4.3)',
    );
    // A placeholder without its parameter stays visible instead of reading "undefined".
    expect(fillTemplate('Port {{port}} is taken', {})).toBe('Port {{port}} is taken');
  });
});
