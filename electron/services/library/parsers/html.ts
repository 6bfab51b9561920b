import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';

/** HTML to Markdown: headings become `#` lines (heading paths), lists and links stay readable. */
export function htmlToMarkdown(html: string): string {
  const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
  turndown.remove(['head', 'title', 'script', 'style', 'noscript', 'iframe', 'object', 'embed']);
  // A picture is its description, if it has one: its address (often a base64 data URI) is noise.
  turndown.addRule('picture', {
    filter: 'img',
    replacement: (_content, node) => {
      const alt = (node as { getAttribute(name: string): string | null }).getAttribute('alt')?.trim();
      return alt ? ` ${alt} ` : '';
    },
  });
  return turndown.turndown(html).trim();
}

/**
 * A web page's main text as Markdown: Mozilla's Readability finds the article (leaving menus,
 * footers and ads behind); a page it finds no article in (an index, a form) falls back to the
 * whole body, so nothing with text is dropped.
 */
export function parseHtmlDocument(source: string): string {
  // linkedom builds a proper tree only from a whole document: wrap a fragment or a bare body.
  const withBody = /<body[\s>]/i.test(source) ? source : `<body>${source}</body>`;
  const html = /<html[\s>]/i.test(withBody) ? withBody : `<!doctype html><html>${withBody}</html>`;
  const { document } = parseHTML(html);
  let article: { content?: string | null } | null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    // Readability gives up on some malformed pages: the body fallback below still reads them.
    article = null;
  }
  if (article?.content) return htmlToMarkdown(article.content);
  const { document: fresh } = parseHTML(html);
  return htmlToMarkdown(fresh.body?.innerHTML ?? fresh.documentElement?.innerHTML ?? '');
}
