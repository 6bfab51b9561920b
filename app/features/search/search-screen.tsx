import { Search } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'wouter';
import type { HearthErrorData, SearchMode, SearchResult } from '../../../electron/ipc/contract';
import { errorText } from '../../i18n/error-text';
import { useFormat } from '../../i18n/format';
import { invoke } from '../../api';
import { useLiveValue } from '../../lib/use-invoke';
import { Button } from '../../ui/button';
import { Input, inputClass } from '../../ui/input';
import { Page } from '../../ui/page';
import { SearchHitCard } from './search-hit';
import { useTranslation } from 'react-i18next';

const MODES: readonly SearchMode[] = ['auto', 'keyword', 'vector', 'hybrid'];

type Outcome =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; result: SearchResult }
  | { status: 'error'; error: HearthErrorData };

/** Search the library: a query, the collections to look in, and the passages that match. */
export function SearchScreen() {
  const { t } = useTranslation();
  const [collections] = useLiveValue('library.collections', 'library.changed');
  const [query, setQuery] = useState('');
  const [mode, setMode] = useState<SearchMode>('auto');
  // Collections left out of the search; every collection is in by default, new ones too.
  const [excluded, setExcluded] = useState<ReadonlySet<number>>(new Set());
  const [outcome, setOutcome] = useState<Outcome>({ status: 'idle' });

  const all = collections.status === 'ready' ? collections.value : [];
  const inScope = all.filter((collection) => !excluded.has(collection.id)).map((collection) => collection.id);

  const search = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!query.trim()) return;
    setOutcome({ status: 'searching' });
    const result = await invoke('search.query', { query: query.trim(), mode, collectionIds: inScope, limit: 20 });
    setOutcome(result.ok ? { status: 'done', result: result.value } : { status: 'error', error: result.error });
  };
  const toggle = (id: number) =>
    setExcluded((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Page title={t('search.title')} description={t('search.description')}>
      <form role="search" className="flex flex-col gap-3" onSubmit={(event) => void search(event)}>
        <div className="flex gap-2">
          <Input
            aria-label={t('search.query')}
            placeholder={t('search.placeholder')}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <select
            aria-label={t('search.by')}
            className={`${inputClass} w-40`}
            value={mode}
            onChange={(event) => setMode(event.target.value as SearchMode)}
          >
            {MODES.map((value) => (
              <option key={value} value={value}>
                {t(`search.mode.${value}`)}
              </option>
            ))}
          </select>
          <Button type="submit" variant="primary" disabled={!query.trim() || outcome.status === 'searching'}>
            <Search className="size-4" aria-hidden /> {t('search.submit')}
          </Button>
        </div>
        {all.length > 0 && (
          <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <legend className="sr-only">{t('search.scope')}</legend>
            <span className="text-muted-foreground">{t('search.in')}</span>
            {all.map((collection) => (
              <label key={collection.id} className="flex items-center gap-1.5">
                <input type="checkbox" checked={!excluded.has(collection.id)} onChange={() => toggle(collection.id)} />
                {collection.name}
              </label>
            ))}
          </fieldset>
        )}
      </form>
      {collections.status === 'ready' && all.length === 0 && (
        <p className="text-sm text-muted-foreground" data-testid="search-next-step">
          {t('search.empty')}{' '}
          <Link href="/library" className="font-medium text-foreground underline underline-offset-2">
            {t('chat.next.addFolder')}
          </Link>
        </p>
      )}
      <SearchOutcome outcome={outcome} />
    </Page>
  );
}

function SearchOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (outcome.status === 'idle') return null;
  if (outcome.status === 'searching') return <p className="text-sm text-muted-foreground">{t('search.searching')}</p>;
  if (outcome.status === 'error')
    return (
      <p role="alert" className="text-sm text-destructive">
        {errorText(t, outcome.error)}
      </p>
    );
  const { result } = outcome;
  return (
    <section aria-label={t('search.results')} className="flex flex-col gap-3">
      <p className="text-sm text-muted-foreground" data-testid="search-summary">
        {result.hits.length === 0
          ? t('search.summary.none')
          : t('search.summary.passages', { count: result.hits.length })}{' '}
        · {t('search.summary.by', { how: t(`search.how.${result.mode}`) })}
        {result.embedder && <span translate="no">{` (${result.embedder})`}</span>}
        {result.reranker && t('search.summary.reranked', { reranker: result.reranker })} ·{' '}
        {format.duration(result.tookMs)}
      </p>
      <ol className="flex flex-col gap-3">
        {result.hits.map((hit) => (
          <SearchHitCard key={hit.chunkIds.join('-')} hit={hit} />
        ))}
      </ol>
    </section>
  );
}
