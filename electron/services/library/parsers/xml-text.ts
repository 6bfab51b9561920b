import { decodeXmlEntities } from './office-xml';
import type { Parsed } from './types';

const TAG = /<\/?[A-Za-z][^<>]{0,2000}>/g;

/**
 * XML as what a person reads in it: the text of its elements, a line each, without tags,
 * comments, processing instructions or the document type (a feed's titles and descriptions, a
 * plist's strings, an SVG's labels). Markup escaped inside the text (a feed's `&lt;p&gt;`) is taken
 * out too. Only XML's own five entities and character references are expanded: entities a
 * document defines (the "billion laughs") never are.
 */
export function parseXmlText(xml: string): Parsed {
  const text = decodeXmlEntities(
    xml
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<\?[\s\S]*?\?>/g, '')
      .replace(/<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>/gi, '')
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_, data: string) => data.replaceAll('<', '&lt;'))
      .replace(TAG, '\n'),
  )
    .replace(TAG, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return { sections: [{ text, page: null }], markdown: false };
}
