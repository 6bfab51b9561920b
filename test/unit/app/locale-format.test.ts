import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatters } from '../../../app/i18n/format';
import { resolveLanguage } from '../../../electron/ipc/languages';

const t = ((key: string, options?: Record<string, unknown>) =>
  options ? `${key}:${JSON.stringify(options)}` : key) as unknown as TFunction;

describe('numbers and dates by the window’s language', () => {
  it('groups and separates decimals as each language writes them', () => {
    const en = formatters('en', t);
    const de = formatters('de', t);
    expect(en.number(2030)).toBe('2,030');
    expect(de.number(2030)).toBe('2.030');
    expect(en.bytes(16 * 1024 ** 3)).toBe('16.0 GB');
    expect(de.bytes(16 * 1024 ** 3)).toBe('16,0 GB');
    expect(en.bytes(512)).toBe('512 B');
    expect(de.decimal(12.44)).toBe('12,4');
    expect(de.rate(12.44)).toBe('12,4');
    expect(en.rate(1234.5)).toBe('1,235');
    expect(en.duration(850)).toBe('850 ms');
    expect(de.duration(12_400)).toBe('12,4 s');
    expect(en.duration(185_000)).toBe('3 min 5 s');
  });

  it('writes dates in the language’s order', () => {
    const at = '2026-03-12T09:05:00Z';
    expect(formatters('de', t).dateTime(at)).toMatch(/12\.03\.2026/);
    expect(formatters('en', t).dateTime(at)).toMatch(/Mar 12, 2026/);
  });

  it('says the time left in words, rounded as a person would', () => {
    const en = formatters('en', t);
    expect(en.timeLeft(null)).toBe('format.timeLeft.unknown');
    expect(en.timeLeft(4)).toBe('format.timeLeft.seconds');
    expect(en.timeLeft(44)).toBe('format.timeLeft.about:{"time":"40 s"}');
    expect(en.timeLeft(600)).toBe('format.timeLeft.about:{"time":"10 min"}');
  });
});

describe('the language for a setting', () => {
  it('follows the system when asked to, by its base language, else English', () => {
    expect(resolveLanguage('system', ['de-AT', 'en-US'])).toBe('de');
    expect(resolveLanguage('system', ['fr-FR', 'en-GB'])).toBe('en');
    expect(resolveLanguage('system', ['ja-JP'])).toBe('en');
    expect(resolveLanguage('en', ['de-DE'])).toBe('en');
    expect(resolveLanguage('de', ['en-US'])).toBe('de');
  });
});
