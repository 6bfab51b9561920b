import { z } from 'zod';
import { formatBytes } from './format';

/**
 * Sentences main writes for people (a recommendation's reason, how a speed was predicted, why
 * something failed), by key, in English with i18next's placeholders. Main sends the key and the
 * parameters as well as the English text: the CLI and the logs print the text, and the window shows
 * the key's translation with the parameters formatted for its language (app/i18n/ reads this table
 * as its English and has every key in every other language). A placeholder may name a format:
 * `bytes` ("16.0 GB"), `number` ("2,030"), `fixed1` and `fixed2` (one or two decimals).
 */
export const MAIN_TEXTS = {
  'recommend.noneFits': 'With {{ram, bytes}} of RAM no catalog chat model fits comfortably; try the smallest one.',
  'recommend.unmeasured': 'With {{ram, bytes}} of RAM, {{chat}} and {{embedder}} fit together with room to spare.',
  'recommend.unmeasuredNoEmbedder': 'With {{ram, bytes}} of RAM, {{chat}} fits with room to spare.',
  'recommend.fast':
    '{{chat}} is the largest model predicted to reach {{target}} tokens/s here (≈ {{speed, number}}), and fits in {{ram, bytes}} of RAM beside {{embedder}}.',
  'recommend.fastNoEmbedder':
    '{{chat}} is the largest model predicted to reach {{target}} tokens/s here (≈ {{speed, number}}), and fits in {{ram, bytes}} of RAM.',
  'recommend.slow':
    'No catalog model is predicted to reach {{target}} tokens/s here; {{chat}} is the fastest (≈ {{speed, fixed1}}).',
  'speed.memory':
    'Each generated token reads the whole model once; here that is limited by memory read speed ({{bandwidth, number}} GB/s measured, ~{{efficiency}} % usable).',
  'speed.compute':
    'Each generated token reads the whole model once; here that is limited by what {{cores}} cores can decode (~{{rate, number}} GB/s).',
  'speed.unchecked': 'Not yet checked by a benchmark on this computer.',
  'speed.calibrated': 'Corrected by your benchmarks of similar models (measured ÷ predicted = {{ratio, fixed2}}).',
  'api.portInUse': 'Port {{port}} is in use by another program. Choose another port.',
  'api.failed': 'The local API could not start: {{reason}}',
  'system.diskFull': 'The disk is full. Free some space and try again.',
  'system.quota': 'Your disk quota is used up. Free some space and try again.',
  'system.accessDenied': 'Hearth is not allowed to read or write there.',
  'system.notPermitted': 'The operating system did not allow that operation.',
  'system.readOnly': 'That disk or folder is read-only.',
  'system.gone': 'A file Hearth needed is no longer there.',
  'system.cancelled': 'The operation was cancelled.',
  'system.invalid': 'A value was not valid: {{reason}}.',
  'system.cannotOpen': 'The system could not open the file: {{problem}}',
  'system.internal': "Something went wrong inside Hearth ({{kind}}). The details are in Hearth's log.",
} as const;

export type MainTextKey = keyof typeof MAIN_TEXTS;
export type MainTextParams = Record<string, string | number>;

export const MainTextParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** A sentence from main: the key and parameters to translate it by, and its English text. */
export const MainTextSchema = z.object({
  key: z.string(),
  params: MainTextParamsSchema,
  text: z.string(),
});
export type MainText = z.infer<typeof MainTextSchema>;

const FORMATS: Record<string, (value: number) => string> = {
  bytes: formatBytes,
  number: (value) => Math.round(value).toLocaleString('en'),
  fixed1: (value) => value.toFixed(1),
  fixed2: (value) => value.toFixed(2),
};

/** `template` with its `{{name}}` and `{{name, format}}` placeholders filled, in English. */
export function fillTemplate(template: string, params: MainTextParams): string {
  return template.replace(/\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g, (whole, name: string, format?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const formatter = format ? FORMATS[format] : undefined;
    return formatter && typeof value === 'number' ? formatter(value) : String(value);
  });
}

/** The sentence `key` with `params`, as main sends it. */
export function mainText(key: MainTextKey, params: MainTextParams = {}): MainText {
  return { key, params, text: fillTemplate(MAIN_TEXTS[key], params) };
}
