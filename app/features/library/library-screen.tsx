import { useState } from 'react';
import { invoke } from '../../api';
import { useLiveValue } from '../../lib/use-invoke';
import { Card, CardDescription, CardTitle } from '../../ui/card';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { Page } from '../../ui/page';
import { CollectionCard } from './collection-card';
import { reportError } from '../../lib/error-report';
import { errorText } from '../../i18n/error-text';
import { useTranslation } from 'react-i18next';

/** A new collection, by name. */
function NewCollection({ onCreated }: { onCreated(): void }) {
  const [name, setName] = useState('');
  const { t } = useTranslation();
  const create = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await invoke('library.createCollection', { name: name.trim() });
    if (!result.ok) return void reportError(result.error);
    setName('');
    onCreated();
  };
  return (
    <Card aria-labelledby="new-collection-title">
      <CardTitle id="new-collection-title">{t('library.new.title')}</CardTitle>
      <CardDescription>{t('library.new.description')}</CardDescription>
      <form className="mt-4 flex gap-2" onSubmit={(event) => void create(event)}>
        <Input
          aria-label={t('library.new.name')}
          placeholder={t('library.new.placeholder')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button type="submit" disabled={!name.trim()}>
          {t('library.new.create')}
        </Button>
      </form>
    </Card>
  );
}

export function LibraryScreen() {
  const { t } = useTranslation();
  const [collections, reload] = useLiveValue('library.collections', 'library.changed');
  return (
    <Page title={t('library.title')} description={t('library.description')}>
      {collections.status === 'error' && <p role="alert">{errorText(t, collections.error)}</p>}
      {collections.status === 'ready' &&
        collections.value.map((collection) => (
          <CollectionCard key={collection.id} collection={collection} onChanged={reload} />
        ))}
      <NewCollection onCreated={reload} />
    </Page>
  );
}
