import { describe, expect, it } from 'vitest';
import { keywordQuery } from '../../../../electron/services/fts/keyword-query';

describe('keywordQuery', () => {
  it('drops stop words, quotes every word and joins them with OR', () => {
    expect(keywordQuery('How do I extract a tar archive?')).toEqual({
      match: '"extract" OR "tar" OR "archive"',
      terms: ['extract', 'tar', 'archive'],
    });
  });

  it('reads nothing in the text as FTS5 syntax', () => {
    const { match } = keywordQuery(`what's "NEAR(" -rf AND col:value OR (x) ^y`);
    expect(match).toBe('"near" OR "s" OR "rf" OR "col" OR "value" OR "x" OR "y"');
  });

  it('keeps quoted phrases and trailing-star prefixes', () => {
    expect(keywordQuery('"copy on write" snapsh* btrfs').match).toBe('"copy on write" OR "snapsh"* OR "btrfs"');
  });

  it('keeps stop words when nothing else is left, and gives no query for no words', () => {
    expect(keywordQuery('What is it?').match).toBe('"what" OR "is" OR "it"');
    expect(keywordQuery(' ?! … ').match).toBeNull();
  });

  it('splits non-English words on letters, not bytes', () => {
    expect(keywordQuery('Größe der Datei ändern').terms).toEqual(['größe', 'der', 'datei', 'ändern']);
  });
});
