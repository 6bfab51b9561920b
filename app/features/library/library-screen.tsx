import { useState } from 'react';
import { invoke } from '../../api';
import { useLiveValue } from '../../lib/use-invoke';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Page } from '../../ui/page';
import { CollectionCard } from './collection-card';
import { reportError } from '../../lib/error-report';

/** A new collection, by name. */
function NewCollection({ onCreated }: { onCreated(): void }) {
  const [name, setName] = useState('');
  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await invoke('library.createCollection', { name: name.trim() });
    if (!result.ok) return void reportError(result.error);
    setName('');
    onCreated();
  };
  return (
    <Card aria-labelledby="new-collection-title">
      <CardTitle id="new-collection-title">New collection</CardTitle>
      <CardDescription>A named set of folders to search and chat over, e.g. “Notes” or “Contracts”.</CardDescription>
      <form className="mt-4 flex gap-2" onSubmit={(event) => void create(event)}>
        <Input
          aria-label="Collection name"
          placeholder="Notes"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button type="submit" disabled={!name.trim()}>
          Create
        </Button>
      </form>
    </Card>
  );
}

export function LibraryScreen() {
  const [collections, reload] = useLiveValue('library.collections', 'library.changed');
  return (
    <Page title="Library" description="Folders you choose, indexed on this computer only.">
      {collections.status === 'error' && <p role="alert">{collections.error.message}</p>}
      {collections.status === 'ready' &&
        collections.value.map((collection) => (
          <CollectionCard key={collection.id} collection={collection} onChanged={reload} />
        ))}
      <NewCollection onCreated={reload} />
    </Page>
  );
}
