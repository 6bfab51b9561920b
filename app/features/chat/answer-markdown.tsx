import { code } from '@streamdown/code';
import { math } from '@streamdown/math';
import 'katex/dist/katex.min.css';
import { harden } from 'rehype-harden';
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { Streamdown, defaultRehypePlugins, type Components, type ExtraProps } from 'streamdown';
import type { Plugin, PluggableList } from 'unified';
import type { Citation } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { cn } from '../../lib/cn';
import { chipIndex, citationNonce, CITE_TAG, markCitations } from './citation-markup';
import { formatFileName } from '../../../electron/ipc/format';
import { reportError } from '../../lib/error-report';
import { useTranslation } from 'react-i18next';

const TONE: Record<Citation['status'], string> = {
  supported: 'border-green-600/40 bg-green-600/10 text-green-800 dark:text-green-400',
  unsupported: 'border-amber-500/50 bg-amber-500/10 text-amber-800 dark:text-amber-400',
  'out-of-range': 'border-destructive/40 bg-destructive/10 text-destructive',
};

// Streamdown's own sanitiser and its schema (GitHub's, plus tel:), widened by the citation tag.
const [sanitize, schema] = defaultRehypePlugins['sanitize'] as [Plugin<[SanitizeSchema]>, SanitizeSchema];

/**
 * Answers are written by a model that read the user's documents, so they are untrusted markup:
 * raw HTML goes through rehype-sanitize (no scripts, frames, styles or event handlers), then
 * rehype-harden drops every image (nothing remote, nothing local, no data URLs) and every link
 * with an unsafe protocol. The CSP is the second wall, not the first. Streamdown applies its
 * `allowedTags` only to its default plugin list, so the citation tag is added to the schema here.
 */
const REHYPE_PLUGINS: PluggableList = [
  defaultRehypePlugins['raw']!,
  [
    sanitize,
    {
      ...schema,
      tagNames: [...(schema.tagNames ?? []), CITE_TAG],
      attributes: { ...schema.attributes, [CITE_TAG]: [] },
    },
  ],
  [
    harden,
    {
      // "*" admits any http(s) link (a prefix list would need one origin per site); mailto and
      // the other safe protocols pass on their own; javascript:, data: and file: never do.
      allowedLinkPrefixes: ['*'],
      allowedImagePrefixes: [],
      allowDataImages: false,
      imageBlockPolicy: 'indicator',
      linkBlockPolicy: 'text-only',
    },
  ],
];

const PLUGINS = { code, math };

const CitationContext = createContext<{
  citations: readonly Citation[];
  nonce: string;
  onCite?: (citation: Citation) => void;
}>({ citations: [], nonce: '' });

/**
 * A `[n]` marker the citation markup turned into a tag: a chip coloured by its verdict. A tag
 * without this rendering's nonce was written by the answer itself: its text is shown, as text.
 */
function CitationChip({ children }: { children?: ReactNode } & ExtraProps) {
  const { citations, nonce, onCite } = useContext(CitationContext);
  const { t } = useTranslation();
  const index = chipIndex(String(children ?? ''), nonce);
  const citation = index === null ? undefined : citations[index];
  if (!citation) return <>{children}</>;
  const verdict = t(`citation.verdict.${citation.status}`);
  return (
    <button
      type="button"
      data-testid="citation-chip"
      data-status={citation.status}
      aria-label={t('citation.chip', { n: citation.n, verdict })}
      title={citation.source ? `${formatFileName(citation.source.relativePath)} — ${verdict}` : verdict}
      onClick={() => onCite?.(citation)}
      className={cn('mx-0.5 inline-flex rounded border px-1 text-xs font-medium align-baseline', TONE[citation.status])}
    >
      {citation.n}
    </button>
  );
}

/**
 * A link in an answer is never followed inside the app (main refuses navigation and new windows):
 * clicking asks main to open it in the browser, and main asks the user first, showing the full
 * address. Only http(s) links get this far (rehype-harden) and main checks again.
 */
function AnswerLink({ href, children }: { href?: string; children?: ReactNode } & ExtraProps) {
  return (
    <a
      href={href}
      title={href}
      className="text-primary underline underline-offset-2"
      onClick={(event) => {
        event.preventDefault();
        if (!href) return;
        void invoke('shell.openLink', { url: href }).then((result) => {
          if (!result.ok) reportError(result.error);
        });
      }}
    >
      {children}
    </a>
  );
}

const COMPONENTS = { a: AnswerLink, [CITE_TAG]: CitationChip } as Components;
const LITERAL_TAGS = [CITE_TAG];
// Streamdown re-renders when these change identity, so they are made once.
const LINK_SAFETY = { enabled: false };
const CONTROLS = { code: { copy: true, download: false }, table: { copy: true, download: false }, image: false };

/**
 * An answer rendered as streaming Markdown: GFM, code highlighted by shiki (its JavaScript regex
 * engine, so no WebAssembly), KaTeX math, and each verified `[n]` as a chip that opens its source.
 */
export function AnswerMarkdown({
  content,
  citations,
  streaming,
  onCite,
}: {
  content: string;
  citations: readonly Citation[];
  streaming: boolean;
  onCite?: (citation: Citation) => void;
}) {
  // One per answer shown, never in the answer's text.
  const [nonce] = useState(citationNonce);
  const markdown = useMemo(() => markCitations(content, citations, nonce), [content, citations, nonce]);
  const context = useMemo(() => ({ citations, nonce, onCite }), [citations, nonce, onCite]);
  return (
    <CitationContext value={context}>
      <Streamdown
        className="answer-markdown text-sm leading-relaxed break-words"
        mode={streaming ? 'streaming' : 'static'}
        isAnimating={streaming}
        caret={streaming ? 'block' : undefined}
        plugins={PLUGINS}
        rehypePlugins={REHYPE_PLUGINS}
        components={COMPONENTS}
        literalTagContent={LITERAL_TAGS}
        linkSafety={LINK_SAFETY}
        controls={CONTROLS}
      >
        {markdown}
      </Streamdown>
    </CitationContext>
  );
}
