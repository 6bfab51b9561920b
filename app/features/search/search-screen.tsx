import { Search } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'wouter';
import type { SearchMode, SearchResult } from '../../../electron/ipc/contract';
import { invoke } from '../../api';
import { useLiveValue } from '../../lib/use-invoke';
import { Button } from '../../ui/button';
import { Input, inputClass } from '../../ui/input';
import { Page } from '../../ui/page';
import { SearchHitCard } from './search-hit';

const MODES: Array<{ value: SearchMode; label: string }> = [
  { value: 'auto', label: 'Best available' },
  { value: 'keyword', label: 'Keywords' },
  { value: 'vector', label: 'Meaning' },
  { value: 'hybrid', label: 'Both' },
];

type Outcome =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; result: SearchResult }
  | { status: 'error'; message: string };

/** Search the library: a query, the collections to look in, and the passages that match. */
export function SearchScreen() {
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
    setOutcome(
      result.ok ? { status: 'done', result: result.value } : { status: 'error', message: result.error.message },
    );
  };
  const toggle = (id: number) =>
    setExcluded((previous) => {
      const next = new Set(previous);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  return (
    <Page title="Search" description="Find passages in your library: by keywords, by meaning, or both.">
      <form role="search" className="flex flex-col gap-3" onSubmit={(event) => void search(event)}>
        <div className="flex gap-2">
          <Input
            aria-label="Search the library"
            placeholder="how do I unpack a tar.gz file"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          <select
            aria-label="Search by"
            className={`${inputClass} w-40`}
            value={mode}
            onChange={(event) => setMode(event.target.value as SearchMode)}
          >
            {MODES.map(({ value, label }) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <Button type="submit" variant="primary" disabled={!query.trim() || outcome.status === 'searching'}>
            <Search className="size-4" aria-hidden /> Search
          </Button>
        </div>
        {all.length > 0 && (
          <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <legend className="sr-only">Collections to search</legend>
            <span className="text-muted-foreground">In:</span>
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
          Nothing to search yet: search looks through the folders you index.{' '}
          <Link href="/library" className="font-medium text-foreground underline underline-offset-2">
            Add a folder
          </Link>
        </p>
      )}
      <SearchOutcome outcome={outcome} />
    </Page>
  );
}

function SearchOutcome({ outcome }: { outcome: Outcome }) {
  if (outcome.status === 'idle') return null;
  if (outcome.status === 'searching') return <p className="text-sm text-muted-foreground">Searching…</p>;
  if (outcome.status === 'error')
    return (
      <p role="alert" className="text-sm text-destructive">
        {outcome.message}
      </p>
    );
  const { result } = outcome;
  const how = result.mode === 'keyword' ? 'keywords' : result.mode === 'vector' ? 'meaning' : 'keywords and meaning';
  return (
    <section aria-label="Results" className="flex flex-col gap-3">
      <p className="text-sm text-muted-foreground" data-testid="search-summary">
        {result.hits.length === 0
          ? 'Nothing matched'
          : `${result.hits.length} ${result.hits.length === 1 ? 'passage' : 'passages'}`}{' '}
        · by {how}
        {result.embedder ? ` (${result.embedder})` : ''}
        {result.reranker ? `, reranked by ${result.reranker}` : ''} · {Math.round(result.tookMs)} ms
      </p>
      <ol className="flex flex-col gap-3">
        {result.hits.map((hit) => (
          <SearchHitCard key={hit.chunkIds.join('-')} hit={hit} />
        ))}
      </ol>
    </section>
  );
}
