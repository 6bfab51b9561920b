import type { Page } from 'playwright-core';
import { en } from '../../app/i18n/locales/en';
import { de } from '../../app/i18n/locales/de';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

/**
 * Phrases of the English that a German window must never show: the longest run of words between
 * placeholders of each text German says differently (a missing translation falls back to it, and
 * a hard-coded copy reads the same).
 */
export function englishOnlyPhrases(): string[] {
  const german = new Map(leaves(de as unknown as Tree));
  return leaves(en as unknown as Tree).flatMap(([key, text]) => {
    if (german.get(key) === text) return [];
    const longest = text
      .split(/\{\{[^}]*\}\}|<\/?\w+>/)
      .map((part) => part.trim())
      .sort((a, b) => b.length - a.length)[0];
    return longest && longest.split(' ').length >= 2 && longest.length >= 10 ? [longest] : [];
  });
}

/**
 * Everything the page says to people, outside what is marked `translate="no"` (the user's files,
 * names and answers): visible text, and the labels, titles and placeholders assistive technology
 * reads.
 */
export function shownText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const said: string[] = [];
    const kept = (element: Element | null) => !element?.closest('[translate="no"]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text && kept(node.parentElement) && node.parentElement?.closest('script, style') === null) said.push(text);
    }
    for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (!kept(element)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(name)?.trim();
        if (value) said.push(value);
      }
    }
    return said;
  });
}

/** Words so common in English that a German sentence around them must be untranslated. */
const ENGLISH_WORDS = /\b(the|and|your|with|from|this|that|yet|not|files?|model|answer|search|folder|settings)\b/i;

/** What on the page is not in the window's German: raw keys, English phrases, English sentences. */
export async function untranslated(page: Page, phrases: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const text of await shownText(page)) {
    if (/^[a-z]+(\.[\w-]+)+$/.test(text)) found.push(`raw key: ${text}`);
    const phrase = phrases.find((english) => text.includes(english));
    if (phrase) found.push(`English "${phrase}" in: ${text}`);
    else if (text.split(/\s+/).length >= 3 && ENGLISH_WORDS.test(text)) found.push(`English? ${text}`);
  }
  return [...new Set(found)];
}
