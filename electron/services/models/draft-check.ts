import { HearthError } from '../../ipc/errors';
import type { ModelRecord } from './model-store';

/**
 * A draft model (speculative decoding) must be another installed chat model; `VALIDATION` says
 * which rule it breaks. Its vocabulary is compared once both are loaded.
 */
export function checkDraft(model: ModelRecord, installed: readonly ModelRecord[], draftId: string): void {
  const draft = installed.find((record) => record.id === draftId);
  if (!draft) throw new HearthError('VALIDATION', 'The draft model is not installed.');
  if (draft.id === model.id) throw new HearthError('VALIDATION', 'A model cannot be its own draft model.');
  if (model.metadata.role !== 'chat' || draft.metadata.role !== 'chat') {
    throw new HearthError('VALIDATION', 'Draft models are for chat models, and must be chat models themselves.');
  }
}
