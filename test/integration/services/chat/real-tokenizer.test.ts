import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../../../electron/services';
import { fixtureModel } from '../../../../native-models/fixtures/generate';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir('hearth-real-tokenizer-');
let services: Services | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

describe('a generated model with Qwen3’s real tokenizer', () => {
  it('passes Hearth’s checks and llama.cpp’s first opening, and counts English as Qwen3 does', async () => {
    services = startServices(tempDir()).services;
    const info = await services.models.import(fixtureModel('tiny-qwen3-tokenizer'), 'reference');
    expect(info.metadata).toMatchObject({ role: 'chat', architecture: 'qwen3', hasChatTemplate: true });
    const count = await services.models.withModel(info.id, 'chat', async ({ model }) => {
      const text = 'The lighthouse keeper trims the lamp wicks every evening before the fog rolls in.';
      expect(model.detokenize(model.tokenize(text))).toBe(text);
      // Qwen3's own tokenizer makes these 81 characters 17 tokens (plus the lone "." merge rule).
      return model.tokenize(text).length;
    });
    expect(count).toBeGreaterThanOrEqual(15);
    expect(count).toBeLessThanOrEqual(20);
  });

  it('evaluates a follow-up’s new tokens, never the conversation again, turn after turn', async () => {
    services = startServices(tempDir()).services;
    const info = await services.models.import(fixtureModel('tiny-qwen3-tokenizer'), 'reference');
    await services.models.setSettings(info.id, { contextSize: 4096 });
    const chat = services.chat.create({ modelId: info.id, generation: { temperature: 0, maxTokens: 16 } });
    const evaluated: number[] = [];
    for (let turn = 1; turn <= 6; turn++) {
      const answer = await services.chat.send({
        conversationId: chat.id,
        content: `Question ${turn}: what happened next at the lighthouse?`,
      });
      evaluated.push(answer.stats!.evaluatedTokens);
    }
    // Each follow-up is its question, the template's tokens around it and at most a few tokens of
    // the last answer (a random model's answer may end mid-character, and its bytes re-read as
    // other tokens), never the history again: by turn 6 that is 5 questions and answers, ~180 tokens.
    const history = await services.models.withModel(info.id, 'chat', async ({ model }) =>
      services!.chat
        .view(chat.id)
        .messages.slice(0, -1)
        .reduce((sum, message) => sum + model.tokenize(message.content).length, 0),
    );
    expect(history).toBeGreaterThan(120);
    for (const tokens of evaluated.slice(1)) expect(tokens, evaluated.join(', ')).toBeLessThanOrEqual(48);
  });
});

describe('a generated embedder with bert-base-uncased’s WordPiece vocabulary (bge-small’s)', () => {
  it('passes Hearth’s checks, tokenizes as the real model does, and embeds', async () => {
    services = startServices(tempDir()).services;
    const info = await services.models.import(fixtureModel('bge-small-real-tokenizer'), 'reference');
    expect(info.metadata).toMatchObject({ role: 'embedding' });
    const { tokens, dimensions } = await services.models.withModel(info.id, 'embedding', async ({ model }) => {
      const context = await model.createEmbeddingContext({ threads: 1 });
      try {
        const embedding = await context.getEmbeddingFor('The indexing of PDFs works.');
        return {
          tokens: [...model.tokenize('I like Strawberries! Unbelievably.')],
          dimensions: embedding.vector.length,
        };
      } finally {
        await context.dispose();
      }
    });
    // bert-base-uncased's own ids: lower-cased, "strawberries" as straw + ##berries, and
    // "unbelievably" in five WordPiece pieces.
    expect(tokens).toEqual([1045, 2066, 13137, 20968, 999, 4895, 8671, 2666, 3567, 6321, 1012]);
    expect(dimensions).toBe(384);
  });
});
