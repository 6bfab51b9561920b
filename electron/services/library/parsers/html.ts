import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import TurndownService from 'turndown';

/**
 * HTML to Markdown: headings become `#` lines (heading paths), lists and links stay readable.
 * HTML nested too deeply for Turndown (which recurses, and overflows the stack on a few thousand
 * levels: a crafted e-mail can do that) is read as plain text instead.
 */
export function htmlToMarkdown(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  if (!withinLimits(document.documentElement as unknown as TreeNode, TURNDOWN_LIMITS)) {
    return plainText(document.body as unknown as TreeNode);
  }
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
 * Readability's cost grows much faster than the page: 2,000 nested `div`s took it 110 s. A page
 * deeper or larger than this is read whole (plain extraction), which takes milliseconds.
 */
const READABILITY_LIMITS = { maxDepth: 128, maxElements: 60_000 };
/** Turndown recurses once per level: a few thousand overflow the stack. */
const TURNDOWN_LIMITS = { maxDepth: 512, maxElements: Infinity };

/**
 * A web page's main text as Markdown: Mozilla's Readability finds the article (leaving menus,
 * footers and ads behind); a page it finds no article in (an index, a form) falls back to the
 * whole body, so nothing with text is dropped. So does a page too deep or too large for
 * Readability to finish in good time (`READABILITY_LIMITS`).
 */
export function parseHtmlDocument(source: string): string {
  // linkedom builds a proper tree only from a whole document: wrap a fragment or a bare body.
  const withBody = /<body[\s>]/i.test(source) ? source : `<body>${source}</body>`;
  const html = /<html[\s>]/i.test(withBody) ? withBody : `<!doctype html><html>${withBody}</html>`;
  const { document } = parseHTML(html);
  const root = document.documentElement as unknown as TreeNode;
  // Too deep or large for Readability, and for Turndown, which recurses: read as plain text.
  if (!withinLimits(root, READABILITY_LIMITS)) return plainText((document.body ?? root) as unknown as TreeNode);
  let article: { content?: string | null } | null = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    // Readability gives up on some malformed pages: the body fallback below still reads them.
  }
  if (article?.content) return htmlToMarkdown(article.content);
  const { document: fresh } = parseHTML(html);
  return htmlToMarkdown(fresh.body?.innerHTML ?? fresh.documentElement?.innerHTML ?? '');
}

interface TreeNode {
  nodeType?: number;
  nodeName?: string;
  nodeValue?: string | null;
  children?: ArrayLike<TreeNode>;
  childNodes?: ArrayLike<TreeNode>;
}

const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL'.split(
    ' ',
  ),
);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'TITLE', 'IFRAME', 'OBJECT', 'SVG']);

/**
 * A page's text, walked without recursion: a line per block element, a `#` line per heading,
 * scripts and styles left out. For pages no recursive converter can take.
 */
function plainText(root: TreeNode): string {
  const out: string[] = [];
  const stack: Array<TreeNode | 'break'> = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node === 'break') {
      out.push('\n');
      continue;
    }
    if (node.nodeType === 3) {
      out.push((node.nodeValue ?? '').replace(/\s+/g, ' '));
      continue;
    }
    const name = (node.nodeName ?? '').toUpperCase();
    if (SKIP.has(name)) continue;
    const block = BLOCKS.has(name);
    if (block) {
      out.push('\n');
      stack.push('break');
    }
    if (/^H[1-6]$/.test(name)) out.push(`${'#'.repeat(Number(name[1]))} `);
    const children = node.childNodes ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .filter((line, i, lines) => line || (i > 0 && lines[i - 1]))
    .join('\n')
    .trim();
}

/** Whether a page is within `limits`, walked without recursion (it may be deep). */
function withinLimits(root: TreeNode | null, limits: { maxDepth: number; maxElements: number }): boolean {
  if (!root) return true;
  const stack: Array<[TreeNode, number]> = [[root, 1]];
  let elements = 0;
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limits.maxDepth || ++elements > limits.maxElements) return false;
    const children = node.children ?? [];
    for (let i = 0; i < children.length; i++) stack.push([children[i]!, depth + 1]);
  }
  return true;
}
