import { describe, expect, it } from 'vitest';
import { collectionQuestion } from '../../../../electron/services/chat/collection-questions';

describe('collectionQuestion', () => {
  it('recognises questions about a whole collection and takes out their topic', () => {
    expect(collectionQuestion('Which files mention the lease renewal?')).toEqual({
      kind: 'list',
      topic: 'the lease renewal',
    });
    expect(collectionQuestion('what documents talk about "tax returns"')).toEqual({
      kind: 'list',
      topic: 'tax returns',
    });
    expect(collectionQuestion('List my notes about gardening')).toEqual({ kind: 'list', topic: 'gardening' });
    expect(collectionQuestion('show all the papers that mention transformers.')).toEqual({
      kind: 'list',
      topic: 'transformers',
    });
    expect(collectionQuestion('Summarise all documents about the renovation')).toEqual({
      kind: 'summarise',
      topic: 'the renovation',
    });
    expect(collectionQuestion('summarize everything on sleep')).toEqual({ kind: 'summarise', topic: 'sleep' });
  });

  it('leaves ordinary questions to retrieval', () => {
    expect(collectionQuestion('What does the lease say about renewal?')).toBeNull();
    expect(collectionQuestion('Which file should I open first?')).toBeNull();
    expect(collectionQuestion('Summarise this contract')).toBeNull();
  });
});
