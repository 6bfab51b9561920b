import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let services: Services | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

describe('first questions', () => {
  it('are drawn from a collection’s most frequent headings and its largest files', async () => {
    services = startServices(join(tempDir(), 'data')).services;
    const folder = tempDir();
    const section = (heading: string, words: number) =>
      `## ${heading}\n\n${'Notes on the harbour. '.repeat(words)}\n\n`;
    writeFileSync(
      join(folder, 'lighthouse_keeping-guide.md'),
      `# Lighthouse\n\n${section('Lamp maintenance', 400)}${section('Storm watch', 200)}${section('42', 50)}`,
    );
    writeFileSync(join(folder, 'ferry.md'), `# Ferry\n\n${section('Storm watch', 200)}${section('Tickets', 20)}`);
    mkdirSync(join(folder, 'empty'));
    const collection = services.library.createCollection('Harbour');
    services.library.addFolder(collection.id, folder);
    await services.library.index(collection.id);

    const questions = services.library.firstQuestions(collection.id);
    expect(questions).toHaveLength(4);
    expect(questions.slice(0, 3)).toEqual(
      expect.arrayContaining([
        'What do my files say about “Lamp maintenance”?',
        'What do my files say about “Storm watch”?',
      ]),
    );
    // A heading that is only a number says nothing; the largest file's name, as a title, does.
    expect(questions.join(' ')).not.toContain('“42”');
    expect(questions.at(-1)).toBe('What is “lighthouse keeping guide” about?');
  });

  it('are none for an empty collection, and NOT_FOUND for one that does not exist', () => {
    services = startServices(join(tempDir(), 'data')).services;
    const collection = services.library.createCollection('Empty');
    expect(services.library.firstQuestions(collection.id)).toEqual([]);
    expect(() => services!.library.firstQuestions(9999)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
