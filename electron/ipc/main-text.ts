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
  'updates.airGap':
    'Air-gap mode is on: Hearth makes no network requests. Turn it off in Settings to check for updates.',
  'updates.unreachable': 'Could not reach {{host}} to check for updates.',
  'updates.http': 'The release server answered HTTP {{status}}.',
  'updates.unreadable': 'The release server did not send a release file Hearth can read.',
  'updates.unconfigured': 'This build of Hearth has no update source.',
  'updates.desktopOnly': 'Updates are installed by the desktop app.',
  'system.internal': "Something went wrong inside Hearth ({{kind}}). The details are in Hearth's log.",
  'library.rerankerRemoved': 'The reranking model was removed.',
  'library.fileChanged':
    'That file has changed since it was indexed, so Hearth will not open it. Re-index its collection first.',
  'library.notAsText': 'Hearth cannot show this file as text.',
  'library.mayRun':
    'Hearth does not hand “{{extension}}” files to the system: the file could run as a program. Show it in its folder instead.',
  'library.mayRunNoExtension':
    'Hearth does not hand files without an extension to the system: the file could run as a program. Show it in its folder instead.',
  'library.otherProcess':
    'Another Hearth process (pid {{pid}}) is indexing this library. Wait for it to finish, or stop it.',
  'library.otherProcessUnknown': 'The library is being indexed by another Hearth process.',
  'library.indexerStopped': 'The indexer stopped unexpectedly ({{why}}).',
  'library.noFolder': 'There is no folder at {{path}}.',
  'library.notAFolder': '{{path}} is a file, not a folder.',
  'library.notInCollection': '{{path}} is not a folder of this collection.',
  'library.fileGone': 'That file is not in the library any more.',
  'library.fileMoved': 'That file is no longer where it was indexed. Re-index its collection.',
  'library.paused': 'Indexing was paused.',
  'library.stopFirst': 'This collection is being indexed: stop it first.',
  'library.alreadyIndexing': 'This collection is being indexed already.',
  'library.noCollectionId': 'No collection has the id {{id}}.',
  'search.needsReranker': 'Reranking needs a reranking model. Install one in Models.',
  'search.needsEmbedder':
    'Searching by meaning needs an embedding model and indexed passages. Install one in Models, or search by keyword.',
  'chat.draftVocabulary':
    'The draft model {{draft}} has a different vocabulary from {{model}}: choose one of the same family, or none.',
  'chat.questionTooLong':
    "The message is longer than the model's context holds ({{contextSize, number}} tokens with room to answer). Shorten it, or raise the context size in the model's settings.",
  'chat.sourcesTooLong':
    "The message and its sources do not fit in the model's context ({{contextSize, number}} tokens with room to answer). Shorten the message, ask over fewer sources, or raise the context size in the model's settings.",
  'chat.stopped': 'The answer was stopped.',
  'chat.modelGone': 'The model this conversation uses is no longer installed. Choose another.',
  'chat.noModel': 'Install a chat model in Models to start chatting.',
  'chat.noConversation': 'That conversation does not exist (it may have been deleted).',
  'chat.noMessage': 'That message does not exist.',
  'models.invalidGguf': 'Not a usable GGUF model: {{problem}}.',
  'models.probeFailed': 'The model could not be checked: the checking process {{why}}.',
  'models.notGgufUrl': 'The URL does not point at a .gguf file: {{path}}',
  'download.http': 'The server answered HTTP {{status}} for {{url}}.',
  'download.hubHash': 'The hub publishes a different SHA-256 for this file than expected.',
  'download.noSize': 'The server did not say how large the file is, so it was not downloaded.',
  'download.dropping': 'The connection kept dropping ({{why}}). Try again to resume.',
  'download.short': 'Received {{bytes, number}} of {{total, number}} bytes. Try again to resume.',
  'download.unreachable': 'Could not reach {{host}}: {{why}}.',
  'download.redirects': 'More than {{count}} redirects; the download was stopped.',
  'download.badRedirect': 'The server redirected to an invalid address.',
  'download.redirectNowhere': 'The server redirected without saying where.',
  'download.redirectRefused': 'The server redirected to {{origin}}, which Hearth does not download from.',
  'download.tooMuch':
    'The server sent more than the {{total, bytes}} it announced; the download was stopped and deleted.',
  'download.noHash': 'The server did not publish a SHA-256 for this file, so it cannot be verified. It was deleted.',
  'download.hashMismatch': 'The downloaded file is not the one published (SHA-256 differs). It was deleted.',
  'download.noSpace': 'This model needs {{needed, bytes}} more but only {{free, bytes}} is free on that disk.',
  'download.airGap': 'Air-gap mode is on: Hearth makes no network requests. Turn it off in Settings to download.',
  'download.already': '{{file}} is already downloading.',
  'download.discarded': 'The download of {{file}} was discarded.',
  'download.noCatalogModel': 'No catalog model has the id "{{id}}".',
  'download.notUrl': 'Not a URL: {{url}}',
  'download.onlyHuggingFace': 'Only Hugging Face model URLs (https://huggingface.co/…/*.gguf) can be downloaded.',
  'download.unsafeName': 'Unsafe file name: {{file}}',
  'models.noId': 'No installed model has the id "{{id}}".',
  'models.fileMissing': 'The file of "{{name}}" is missing: {{path}}',
  'models.noFile': 'No file at {{path}}.',
  'models.notFile': '{{path}} is not a file.',
  'models.notGguf': '{{name}} is not a .gguf file. Hearth runs GGUF models only.',
  'models.draftMissing': 'The draft model is not installed.',
  'models.draftSelf': 'A model cannot be its own draft model.',
  'models.draftChat': 'Draft models are for chat models, and must be chat models themselves.',
  'models.tooLarge':
    '{{name}} needs about {{ram, bytes}} of RAM at a {{contextSize, number}}-token context, but this computer has {{total, bytes}}.',
  'models.unloadedBefore': 'The model was unloaded before the work could start.',
  'models.unloaded': '{{name}} was unloaded.',
  'models.invalidSettings': 'Invalid model settings: {{problems}}',
  'models.draftTooLarge': 'The draft model {{name}} does not fit in memory.',
  'store.tooNew':
    '{{name}} was written by a newer version of Hearth (schema {{current}}, this app knows {{newest}}). Update Hearth to open it; the file was left untouched.',
  'workers.tooLong': 'A background task ({{name}}) took too long.',
  'workers.closing': 'Hearth is closing.',
  'workers.stopped': 'A background task stopped (exit {{code}}).',
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
