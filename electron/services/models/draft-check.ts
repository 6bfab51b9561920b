import { HearthError } from '../../ipc/errors';
import type { ModelRecord } from './model-store';
import { mainText } from '../../ipc/main-text';

/**
 * A draft model (speculative decoding) must be another installed chat model; `VALIDATION` says
 * which rule it breaks. Its vocabulary is compared once both are loaded.
 */
export function checkDraft(model: ModelRecord, installed: readonly ModelRecord[], draftId: string): void {
  const draft = installed.find((record) => record.id === draftId);
  if (!draft) throw new HearthError('VALIDATION', mainText('models.draftMissing'));
  if (draft.id === model.id) throw new HearthError('VALIDATION', mainText('models.draftSelf'));
  if (model.metadata.role !== 'chat' || draft.metadata.role !== 'chat') {
    throw new HearthError('VALIDATION', mainText('models.draftChat'));
  }
}
