import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../../../native-models/fixtures/generate';
import { eventually } from '../../helpers/eventually';
import { startServices } from '../../helpers/services';
import { useTempDir } from '../../helpers/temp-dir';

const tempDir = useTempDir();

describe('quitting', () => {
  it('stops an answer being written and an indexing run, and keeps both: the answer as stopped, the index to resume', async () => {
    const dataDir = tempDir();
    const folder = join(tempDir(), 'notes');
    mkdirSync(folder);
    for (let i = 0; i < 300; i++)
      writeFileSync(join(folder, `note-${i}.md`), `# Note ${i}\n\n${'Harbour lights. '.repeat(200)}\n`);
    const first = startServices(dataDir).services;
    await first.models.import(fixtureModel('slow-chat'), 'reference');
    const chat = first.chat.create({ generation: { temperature: 0.9, seed: 1, maxTokens: 3000 } });
    let text = '';
    const answering = first.chat.send(
      { conversationId: chat.id, content: 'Tell me a long story.' },
      { onEvent: (event) => event.type === 'text' && (text += event.text) },
    );
    await eventually(() => text.length > 40, 120_000, 'the answer did not start');
    const collection = first.library.createCollection('Notes');
    first.library.addFolder(collection.id, folder);
    // Settled here (a quit may end it before anyone awaits it).
    const indexing = first.library.index(collection.id).then(
      () => 'finished',
      (error: { code?: string }) => error.code,
    );
    await eventually(() => first.library.collections()[0]!.report.indexed > 0, 120_000, 'indexing did not start');
    // Both still running when the app quits.
    expect(first.library.collections()[0]!.report.pending).toBeGreaterThan(0);

    // Quit: everything running ends, nothing throws past it, and the databases close cleanly.
    await first.dispose();
    expect((await answering).role).toBe('assistant');
    // The run was stopped after the file in hand, as a pause stops it, not cut off mid-write.
    expect(await indexing).toBe('CANCELLED');

    // The next start finds the answer stopped with what was written, and the index carries on.
    const second = startServices(dataDir).services;
    try {
      const saved = second.chat.view(chat.id).messages.find((message) => message.role === 'assistant')!;
      expect(saved.status).toBe('stopped');
      expect(saved.content.length).toBeGreaterThan(0);
      expect(text.startsWith(saved.content.slice(0, 20))).toBe(true);
      const report = await second.library.index(collection.id);
      expect(report).toMatchObject({ indexed: 300, pending: 0 });
    } finally {
      await second.dispose();
    }
  });
});
