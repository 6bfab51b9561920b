import type { ModelSettings } from '../../ipc/schemas/models';

/** Sampling for one answer: the model's settings, with the conversation's overrides applied. */
export interface Sampling {
  temperature: number;
  topP: number;
  topK: number;
  minP: number;
  repeatPenalty: number;
  maxTokens: number;
  seed?: number;
}

/** Default answer length when neither the conversation nor the model says. */
export const DEFAULT_MAX_TOKENS = 1024;

/** The sampling of a model's settings, with a conversation's overrides. */
export function samplingFor(
  settings: ModelSettings,
  overrides: { temperature?: number; topP?: number; maxTokens?: number; seed?: number },
): Sampling {
  return {
    temperature: overrides.temperature ?? settings.temperature,
    topP: overrides.topP ?? settings.topP,
    topK: settings.topK,
    minP: settings.minP,
    repeatPenalty: settings.repeatPenalty,
    maxTokens: overrides.maxTokens ?? DEFAULT_MAX_TOKENS,
    seed: overrides.seed,
  };
}
