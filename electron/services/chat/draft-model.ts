import type { LlamaContext, LlamaModel } from 'node-llama-cpp';
import { HearthError } from '../../ipc/errors';
import type { ModelRecord } from '../models/model-store';
import type { ModelsService } from '../models/models-service';
import { mainText } from '../../ipc/main-text';

/** Text both models must tokenize the same way for one to draft for the other. */
const VOCABULARY_PROBE = 'Hearth drafts: naïve café 42 — “quotes”, code() {} and\n\tnew lines. 日本語';

/**
 * Loads the draft model beside `model` with a context like the session's, and frees it when
 * `model` is unloaded. Refuses (`VALIDATION`) a draft that tokenizes text differently.
 */
export async function openDraft(
  models: ModelsService,
  model: LlamaModel,
  record: ModelRecord,
  contextOptions: { contextSize: number; threads: number; flashAttention: boolean },
  signal?: AbortSignal,
): Promise<{ model: LlamaModel; context: LlamaContext }> {
  const draftModel = await models.openDraft(record.id, record.settings.draftModelId!, signal);
  try {
    if (vocabulary(model) !== vocabulary(draftModel)) {
      const draftName = models.find(record.settings.draftModelId!).metadata.name;
      throw new HearthError(
        'VALIDATION',
        mainText('chat.draftVocabulary', { draft: draftName, model: record.metadata.name }),
      );
    }
    const context = await draftModel.createContext(contextOptions);
    model.onDispose.createListener(() => void draftModel.dispose());
    return { model: draftModel, context };
  } catch (error) {
    await draftModel.dispose();
    throw error;
  }
}

/**
 * What must match for one model to draft for another: the tokenizer kind, the number of tokens,
 * and how a probe text splits (token ids mean the same thing to both).
 */
function vocabulary(model: LlamaModel): string {
  const tokens = (model.fileInfo.metadata as { tokenizer?: { ggml?: { tokens?: unknown } } }).tokenizer?.ggml?.tokens;
  return JSON.stringify([
    model.vocabularyType,
    Array.isArray(tokens) ? tokens.length : null,
    model.tokenize(VOCABULARY_PROBE),
  ]);
}
