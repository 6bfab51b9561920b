import type { ChatHistoryItem } from 'node-llama-cpp';
import { afterEach, describe, expect, it } from 'vitest';
import type { HearthError } from '../../../../electron/ipc/errors';
import type { Services } from '../../../../electron/services';
import { ChatEngine } from '../../../../electron/services/chat/generation';
import type { Sampling } from '../../../../electron/services/chat/sampling';
import { fixtureModel } from '../../../../native-models/fixtures/generate';
import { rejectionOf } from '../../../helpers/errors';
import { startServices } from '../../../helpers/services';
import { useTempDir } from '../../../helpers/temp-dir';

const tempDir = useTempDir();
let services: Services | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

const greedy: Sampling = { temperature: 0, topP: 1, topK: 1, minP: 0, repeatPenalty: 1, maxTokens: 24 };

async function engineWithTinyChat(contextSize?: number) {
  services = startServices(tempDir()).services;
  const model = await services.models.import(fixtureModel('tiny-chat'), 'reference');
  if (contextSize) await services.models.setSettings(model.id, { contextSize });
  return { engine: new ChatEngine(services.models), modelId: model.id };
}

describe('chat engine', () => {
  it('streams an answer, and a follow-up evaluates only the new tokens', async () => {
    const { engine, modelId } = await engineWithTinyChat();
    const history: ChatHistoryItem[] = [
      { type: 'system', text: 'You are Hearth. '.repeat(30) },
      { type: 'user', text: 'What does tar do with a directory full of files?' },
    ];
    const streamed: string[] = [];
    const first = await engine.generate(modelId, { history, sampling: greedy, onText: (text) => streamed.push(text) });
    expect(first.stats.generatedTokens).toBeGreaterThan(0);
    expect(streamed.join('')).toBe(first.text);
    expect(first.stats.evaluatedTokens).toBeGreaterThan(100);

    const followUp = await engine.generate(modelId, {
      history: [...history, { type: 'model', response: [first.text] }, { type: 'user', text: 'And gzip?' }],
      sampling: greedy,
    });
    // Everything up to the first answer is already in the sequence: only what the second prompt
    // adds (the answer as text, the new question) is evaluated, never the 500-token system prompt.
    expect(followUp.stats.promptTokens).toBeGreaterThan(first.stats.promptTokens);
    expect(followUp.stats.evaluatedTokens).toBeGreaterThan(0);
    expect(followUp.stats.evaluatedTokens).toBeLessThanOrEqual(followUp.stats.promptTokens - first.stats.promptTokens);
    expect(followUp.stats.evaluatedTokens).toBeLessThan(first.stats.evaluatedTokens / 3);
  });

  it('gives the same greedy answers whatever the sequence held before: regenerations, follow-ups, other chats', async () => {
    const { engine, modelId } = await engineWithTinyChat();
    const sampling = { ...greedy, maxTokens: 32 };
    const question: ChatHistoryItem[] = [{ type: 'user', text: 'What does tar do with a directory?' }];
    const first = await engine.generate(modelId, { history: question, sampling });
    expect(first.text.length).toBeGreaterThan(0);
    // A regeneration asks the same history again: it must not continue the answer it replaces.
    const again = await engine.generate(modelId, { history: question, sampling });
    expect(again.text).toBe(first.text);
    const followUpHistory: ChatHistoryItem[] = [
      ...question,
      { type: 'model', response: [first.text] },
      { type: 'user', text: 'And gzip?' },
    ];
    const followUp = await engine.generate(modelId, { history: followUpHistory, sampling });
    // Another conversation in between, then the same follow-up again.
    await engine.generate(modelId, { history: [{ type: 'user', text: 'Something else entirely.' }], sampling });
    const afterSwitch = await engine.generate(modelId, { history: followUpHistory, sampling });
    await services!.models.unload({ id: modelId });
    const fresh = await new ChatEngine(services!.models).generate(modelId, { history: followUpHistory, sampling });
    expect(followUp.text).toBe(fresh.text);
    expect(afterSwitch.text).toBe(fresh.text);
  });

  it('stops within a token when aborted and keeps what was generated', async () => {
    const { engine, modelId } = await engineWithTinyChat();
    const controller = new AbortController();
    let chunks = 0;
    const result = await engine.generate(modelId, {
      history: [{ type: 'user', text: 'Tell me everything.' }],
      sampling: { ...greedy, temperature: 0.8, seed: 1, maxTokens: 500 },
      signal: controller.signal,
      onText: () => {
        if (++chunks === 5) controller.abort();
      },
    });
    expect(result.stopReason).toBe('abort');
    expect(result.stats.generatedTokens).toBeGreaterThanOrEqual(5);
    expect(result.stats.generatedTokens).toBeLessThanOrEqual(6);
    expect(result.text.length).toBeGreaterThan(0);
  });

  it('keeps answering when the conversation outgrows the context, and refuses a message that cannot fit', async () => {
    const { engine, modelId } = await engineWithTinyChat(256);
    let history: ChatHistoryItem[] = [{ type: 'system', text: 'Be brief.' }];
    for (let turn = 0; turn < 8; turn++) {
      history = [...history, { type: 'user', text: `Question ${turn}: ${'tell me more about archives '.repeat(4)}` }];
      const answer = await engine.generate(modelId, { history, sampling: { ...greedy, maxTokens: 16 } });
      history = [...history, { type: 'model', response: [answer.text] }];
    }
    expect(history.filter((item) => item.type === 'model')).toHaveLength(8);
    await expect(
      engine.generate(modelId, {
        history: [{ type: 'user', text: 'far too long '.repeat(400) }],
        sampling: greedy,
      }),
    ).rejects.toMatchObject({ code: 'CONTEXT_OVERFLOW' });
    // A short question over sources that leave no room: counted before anything is evaluated, and
    // said with the counts, whatever node-llama-cpp's own error would have said.
    const overflow = await rejectionOf(
      engine.generate(modelId, {
        history: [
          { type: 'system', text: `Answer from these sources. ${'An archive holds old letters. '.repeat(60)}` },
          { type: 'user', text: 'What does an archive hold?' },
        ],
        sampling: greedy,
      }),
    );
    expect(overflow).toMatchObject({ code: 'CONTEXT_OVERFLOW', message: expect.stringMatching(/and its sources/) });
    const { promptTokens, questionTokens, room, contextSize } = (overflow as HearthError).details as Record<
      'promptTokens' | 'questionTokens' | 'room' | 'contextSize',
      number
    >;
    expect(contextSize).toBe(256);
    expect(questionTokens).toBeLessThan(room);
    expect(promptTokens).toBeGreaterThan(room);
    // The engine is still usable after a refusal.
    const after = await engine.generate(modelId, {
      history: [{ type: 'user', text: 'What does an archive hold?' }],
      sampling: { ...greedy, maxTokens: 4 },
    });
    expect(after.stats.generatedTokens).toBeGreaterThan(0);
  });

  it('runs a scripted fixture to its script, whatever it is asked and at any temperature', async () => {
    services = startServices(tempDir()).services;
    const model = await services.models.import(fixtureModel('citing-chat'), 'reference');
    const engine = new ChatEngine(services.models);
    for (const [question, temperature] of [
      ['Who trims the wicks?', 0],
      ['Tell me something else entirely.', 0.9],
    ] as const) {
      const answer = await engine.generate(model.id, {
        history: [{ type: 'user', text: question }],
        sampling: { ...greedy, temperature, maxTokens: 40 },
      });
      expect(answer.text.trim()).toBe('Lighthouse keepers trim the lamp wicks every evening [1].');
      expect(answer.stopReason).toBe('eogToken');
    }
  });

  it('gives the same greedy answer, token for token, with prompt lookup as without, and records its acceptance', async () => {
    services = startServices(tempDir()).services;
    const model = await services.models.import(fixtureModel('tiny-chat'), 'reference');
    // A grounded-style prompt whose source holds what this model tends to write (its own answer to
    // a first question), so the predictor finds spans to copy, as it does with real sources.
    const probe = await new ChatEngine(services.models, { promptLookup: false }).generate(model.id, {
      history: [{ type: 'user', text: 'What colour is the fence?' }],
      sampling: { ...greedy, maxTokens: 120 },
    });
    await services.models.unload({ id: model.id });
    const history: ChatHistoryItem[] = [
      {
        type: 'user',
        text: `Sources:\n\n<source n="1">\n${probe.text}\n</source>\n\nQuestion: What colour is the fence?`,
      },
    ];
    const sampling = { ...greedy, maxTokens: 200 };
    const plain = await new ChatEngine(services.models, { promptLookup: false }).generate(model.id, {
      history,
      sampling,
    });
    await services.models.unload({ id: model.id });
    const lookup = await new ChatEngine(services.models, { promptLookup: true }).generate(model.id, {
      history,
      sampling,
    });
    expect(lookup.text).toBe(plain.text);
    expect(lookup.stats.generatedTokens).toBe(plain.stats.generatedTokens);
    expect(plain.stats.predictedTokens).toBe(0);
    expect(plain.stats.lookupAcceptance).toBeNull();
    // Guesses were made and checked. The tiny model's random weights rarely copy its prompt, so
    // most are refuted: the point here is that refuted guesses never change the answer.
    expect(lookup.stats.predictedTokens).toBeGreaterThan(0);
    expect(lookup.stats.lookupAcceptance).toBeGreaterThanOrEqual(0);
    expect(lookup.stats.lookupAcceptance).toBeLessThanOrEqual(1);
    console.log(
      `prompt lookup: ${lookup.stats.predictedTokens} tokens guessed, ${(lookup.stats.lookupAcceptance! * 100).toFixed(0)} % confirmed`,
    );
  });

  it('drafts with a draft model without changing a greedy answer, and refuses a draft that cannot draft', async () => {
    services = startServices(tempDir()).services;
    const model = await services.models.import(fixtureModel('tiny-chat'), 'reference');
    // The same vocabulary, other weights: its guesses are mostly wrong, and must change nothing.
    const draft = await services.models.import(fixtureModel('tiny-chat-q4'), 'reference');
    const history: ChatHistoryItem[] = [{ type: 'user', text: 'Tell me about the lighthouse keeper.' }];
    const sampling = { ...greedy, maxTokens: 160 };
    const plain = await new ChatEngine(services.models, { promptLookup: false }).generate(model.id, {
      history,
      sampling,
    });
    await services.models.unload({ id: model.id });

    await services.models.setSettings(model.id, { draftModelId: draft.id });
    // These random weights are never 60 % sure of a token, and both models are equally fast: ask
    // for a few guesses before each check, whatever their confidence, so drafting surely happens.
    const engine = new ChatEngine(services.models, { draft: { minTokens: 3, minConfidence: 0 } });
    const drafted = await engine.generate(model.id, { history, sampling });
    expect(drafted.text).toBe(plain.text);
    expect(drafted.stats.generatedTokens).toBe(plain.stats.generatedTokens);
    expect(drafted.stats.predictor).toBe('draft');
    expect(drafted.stats.predictedTokens).toBeGreaterThan(0);
    // The draft model is not a chat model in a slot: the chat model stays the one loaded.
    expect(services.models.state().all).toEqual([model.id]);

    // A draft with the model's own weights agrees far more often. (Not always: these random weights
    // give near-ties that a one-token and a batched evaluation can break differently.)
    const twin = await services.models.import(fixtureModel('tiny-chat-twin'), 'reference');
    await services.models.setSettings(model.id, { draftModelId: twin.id });
    const self = await engine.generate(model.id, { history, sampling });
    expect(self.text).toBe(plain.text);
    expect(self.stats.lookupAcceptance).toBeGreaterThan(drafted.stats.lookupAcceptance! + 0.2);
    console.log(
      `draft model: other weights ${drafted.stats.predictedTokens} guessed, ${(drafted.stats.lookupAcceptance! * 100).toFixed(0)} % confirmed; ` +
        `same weights ${self.stats.predictedTokens} guessed, ${(self.stats.lookupAcceptance! * 100).toFixed(0)} % confirmed`,
    );

    // A draft with another vocabulary is refused when the session starts, with the reason.
    const other = await services.models.import(fixtureModel('tiny-chat-f32'), 'reference');
    await services.models.setSettings(model.id, { draftModelId: other.id });
    await expect(engine.generate(model.id, { history, sampling })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringMatching(/different vocabulary/),
    });
    // Settings refuse what can never draft.
    await expect(services.models.setSettings(model.id, { draftModelId: model.id })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(services.models.setSettings(model.id, { draftModelId: 'no-such-model' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const embedder = await services.models.import(fixtureModel('tiny-embedding'), 'reference');
    await expect(services.models.setSettings(model.id, { draftModelId: embedder.id })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    // Back to no draft: prompt lookup again, same answer.
    await services.models.setSettings(model.id, { draftModelId: null });
    const again = await engine.generate(model.id, { history, sampling });
    expect(again.text).toBe(plain.text);
    expect(again.stats.predictor).toBe('lookup');
  });
});
