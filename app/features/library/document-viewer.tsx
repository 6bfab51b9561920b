import { X } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import type { DocumentView } from '../../../electron/ipc/contract';
import { formatFileName } from '../../../electron/ipc/format';
import { useFormat } from '../../i18n/format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Modal } from '../../ui/modal';
import { useTranslation } from 'react-i18next';

/** Lines shown around the cited ones: the DOM stays small however long the file is. */
const WINDOW_LINES = 2000;

/**
 * Hearth's own read-only viewer, for text and code: those are never handed to the system, which
 * might run them. Shows the file as it is now (main checked it is the one indexed), with line
 * numbers, the cited lines marked and scrolled to. Text only: nothing in the file is markup here.
 */
export function DocumentViewer({
  view,
  lines,
  onClose,
}: {
  view: DocumentView;
  /** The cited lines (1-based, inclusive), when the viewer was opened from a citation or a hit. */
  lines?: { start: number; end: number };
  onClose(): void;
}) {
  const all = useMemo(() => view.text.split('\n'), [view.text]);
  const first = Math.max(0, (lines?.start ?? 1) - 1 - WINDOW_LINES / 2);
  const shown = all.slice(first, first + WINDOW_LINES);
  const marked = useRef<HTMLDivElement>(null);
  useEffect(() => {
    marked.current?.scrollIntoView({ block: 'center' });
  }, [view, lines]);
  const name = view.path.split(/[\\/]/).at(-1) ?? view.path;
  const { t } = useTranslation();
  const { number } = useFormat();
  return (
    <Modal
      label={t('library.viewer.label', { name })}
      onClose={onClose}
      className="flex max-h-full w-full max-w-4xl flex-col rounded-lg border border-border bg-background shadow-lg"
    >
      <div className="flex items-center gap-2 border-b border-border p-3">
        <div className="min-w-0" translate="no">
          <h2 className="truncate font-semibold" data-testid="viewer-name">
            {formatFileName(name)}
          </h2>
          <p className="truncate text-xs text-muted-foreground">{formatFileName(view.path)}</p>
        </div>
        <Badge className="ml-auto shrink-0">{t('library.viewer.readOnly')}</Badge>
        <Button variant="ghost" className="px-1.5" aria-label={t('library.viewer.close')} onClick={onClose}>
          <X className="size-4" aria-hidden />
        </Button>
      </div>
      <div className="overflow-auto p-3 font-mono text-xs leading-relaxed" data-testid="viewer-text" translate="no">
        {shown.map((line, index) => {
          const number = first + index + 1;
          const cited = lines !== undefined && number >= lines.start && number <= lines.end;
          return (
            <div
              key={number}
              ref={cited && number === lines.start ? marked : undefined}
              data-cited={cited || undefined}
              className={cited ? 'flex bg-amber-300/40 dark:bg-amber-500/20' : 'flex'}
            >
              <span className="w-12 shrink-0 pr-3 text-right text-muted-foreground select-none">{number}</span>
              <span className="whitespace-pre-wrap break-all">{line}</span>
            </div>
          );
        })}
      </div>
      {(view.truncated || all.length > shown.length) && (
        <p className="border-t border-border p-2 text-xs text-muted-foreground">
          {t(view.truncated ? 'library.viewer.windowTruncated' : 'library.viewer.window', {
            first: number(first + 1),
            last: number(first + shown.length),
            total: number(all.length),
          })}
        </p>
      )}
    </Modal>
  );
}
