import { z } from 'zod';
import type { HearthErrorData } from './errors';
import { AppInfoSchema, NoticeSchema, StoreRecoveredSchema } from './schemas/app';
import { CatalogViewSchema } from './schemas/catalog';
import { NetworkRequestSchema } from './schemas/network';
import { UpdateCheckSchema } from './schemas/updates';
import {
  CollectionIdSchema,
  CollectionReportSchema,
  CollectionSchema,
  LibrarySchemas as L,
  SlowDocumentSchema,
} from './schemas/library';
import { ModelsSchemas as M } from './schemas/models';
import {
  AnswerEventSchema,
  ChatSchemas as C,
  ChatSearchHitSchema,
  ConversationSchema,
  ConversationViewSchema,
  MessageSchema,
} from './schemas/chat';
import { DocumentOpenedSchema, SearchResultSchema, SearchSchemas as S } from './schemas/search';
import { SettingsPatchSchema, SettingsSchema } from './schemas/settings';
import { ApiLogEntrySchema, ApiServerSchemas as A, ApiServerStateSchema } from './schemas/api-server';

export * from './schemas/api-server';
export * from './schemas/app';
export * from './schemas/catalog';
export * from './schemas/chat';
export * from './schemas/library';
export * from './schemas/network';
export * from './schemas/updates';
export * from './schemas/machine';
export * from './schemas/models';
export * from './schemas/search';
export * from './schemas/settings';
export type { MainText, MainTextKey, MainTextParams } from './main-text';
export type { ErrorCode, HearthErrorData } from './errors';

/**
 * Every channel between the renderer and main, declared once. Main validates inputs against these
 * schemas; the preload and the test bridge only let these names through; the renderer's types come
 * from here. Nothing else may define a channel.
 *
 * - `invoke`: one request, one response.
 * - `stream`: one request, a sequence of `event`s, then one `done` value or an error. Abortable.
 * - `event`: broadcasts from main to every window.
 */

const none = z.undefined();

export const contract = {
  invoke: {
    'app.info': { input: none, output: AppInfoSchema },
    /** Things that happened before the window could listen (a recovered database, …). */
    'app.notices': { input: none, output: z.array(NoticeSchema) },
    /** Every request Hearth made to the network in this session, newest first. */
    'app.network': { input: none, output: z.array(NetworkRequestSchema) },
    /** "Check for updates": only when the user asks (never by itself), listed in the network activity. */
    'app.checkForUpdates': { input: none, output: UpdateCheckSchema },
    /** Downloads the newer release, verifies it, and restarts into it (the desktop app only). */
    'app.installUpdate': { input: none, output: z.object({}) },
    'settings.get': { input: none, output: SettingsSchema },
    'settings.set': { input: SettingsPatchSchema, output: SettingsSchema },
    /** The local API: running or not, where, and why not when it should be. */
    'api.state': { input: none, output: ApiServerStateSchema },
    /** The install's API key, shown in Settings to copy. */
    'api.key': { input: none, output: A.key },
    /** A new key; the old one stops working. */
    'api.regenerateKey': { input: none, output: A.key },
    /** Requests served (time, route, status, tokens; never text), newest first. */
    'api.log': { input: none, output: z.array(ApiLogEntrySchema) },
    /** Installed models with metadata, fit on this machine, load state and last benchmark. */
    'models.list': { input: none, output: z.array(M.ModelInfoSchema) },
    'models.get': { input: M.ModelIdSchema, output: M.ModelInfoSchema },
    /** Reads a GGUF's metadata without importing it. */
    'models.inspect': { input: M.inspect, output: M.ModelMetadataSchema },
    'models.import': { input: M.import, output: M.ModelInfoSchema },
    /** Models LM Studio, Jan, GPT4All or Ollama downloaded, in their usual folders, each checked. */
    'models.discoverLocal': { input: none, output: z.array(M.LocalModelSchema) },
    /** Forgets a model; deletes the file only if Hearth made it (never a referenced file). */
    'models.remove': { input: M.ModelIdSchema, output: z.null() },
    'models.setSettings': { input: M.setSettings, output: M.ModelInfoSchema },
    'models.state': { input: none, output: M.LoadedModelsSchema },
    'models.unload': { input: M.unload, output: M.LoadedModelsSchema },
    /** Recommended models, what is installed, what fits, and the pick for this machine. */
    'models.catalog': { input: none, output: CatalogViewSchema },
    /** Downloads that were paused or interrupted and can be resumed. */
    'models.partialDownloads': { input: none, output: z.array(M.partialDownload) },
    'models.discardDownload': { input: M.discardDownload, output: z.null() },
    /** Collections with their folders and accounting. */
    'library.collections': { input: none, output: z.array(CollectionSchema) },
    'library.createCollection': { input: L.createCollection, output: CollectionSchema },
    /** Adds a folder to a collection (index it with `library.index`). */
    'library.addFolder': { input: L.addFolder, output: CollectionSchema },
    /** Removes a folder from a collection, with its files' passages and vectors (not the files). */
    'library.removeFolder': { input: L.removeFolder, output: CollectionSchema },
    /** Stops a collection's indexing (whoever started it) and keeps sync from starting it again. */
    'library.pause': { input: CollectionIdSchema, output: CollectionSchema },
    /** Lets a paused collection sync again, and brings it up to date now. */
    'library.resume': { input: CollectionIdSchema, output: CollectionSchema },
    /** Removes a collection and everything indexed for it (the files stay where they are). */
    'library.removeCollection': { input: CollectionIdSchema, output: z.null() },
    /** A page of a collection's files with status and skip reason, for the file table. */
    'library.documents': { input: L.documents, output: L.documentsPage },
    /** The files that took longest to read in a collection, with the time by stage. */
    'library.slowest': { input: L.slowest, output: z.array(SlowDocumentSchema) },
    /** A few questions to start a first chat over a collection, from its headings and file names. */
    'library.firstQuestions': { input: CollectionIdSchema, output: z.array(z.string()) },
    /** Keyword, vector or hybrid search over the chosen collections: file, page, lines and snippet. */
    'search.query': { input: S.query, output: SearchResultSchema },
    /** Conversations, most recently active first. */
    'chat.list': { input: none, output: z.array(ConversationSchema) },
    'chat.create': { input: C.create, output: ConversationSchema },
    /** A conversation with every message and the branch shown. */
    'chat.view': { input: C.conversationId, output: ConversationViewSchema },
    /** Title, model, system prompt, collections, generation settings. */
    'chat.update': { input: C.update, output: ConversationSchema },
    'chat.remove': { input: C.conversationId, output: z.null() },
    /** Shows the branch through a message (moving between siblings). */
    'chat.selectBranch': { input: C.messageId, output: ConversationViewSchema },
    /** Full-text search over every message of every conversation. */
    'chat.search': { input: C.search, output: z.array(ChatSearchHitSchema) },
    /** The conversation as Markdown or JSON, citations included. */
    'chat.export': { input: C.export, output: z.string() },
    /**
     * Stops the answer `messageId` is writing, whoever started it and whatever screen is shown:
     * what was written is kept. `false` when that answer is not being written (any more).
     */
    'chat.stop': { input: C.messageId, output: z.boolean() },
    /**
     * Opens a library file (only files the library holds, and only as they were indexed): a
     * document in the system's viewer, text in Hearth's own read-only viewer; never a program.
     */
    'shell.openDocument': { input: S.document, output: DocumentOpenedSchema },
    /** Shows a library file in the system's file manager. */
    'shell.showDocument': { input: S.document, output: z.null() },
    /** Opens a web link in the system's browser once the user confirms it there; `true` if opened. */
    'shell.openLink': { input: S.link, output: z.boolean() },
    /** Asks the user for a GGUF file with the system dialog; `null` when they cancel. */
    'dialog.pickModelFile': { input: none, output: z.string().nullable() },
    /** Asks the user for a folder with the system dialog; `null` when they cancel. */
    'dialog.pickFolder': { input: none, output: z.string().nullable() },
  },
  stream: {
    /** Loads a model into its role's slot (unloading the one there); refuses what does not fit. */
    'models.load': { input: M.ModelIdSchema, event: M.loadProgress, done: M.LoadedModelsSchema },
    /** Downloads from the catalog or a Hugging Face URL; aborting pauses (resume by asking again). */
    'models.download': { input: M.download, event: M.downloadProgress, done: M.ModelInfoSchema },
    'models.benchmark': { input: M.benchmark, event: M.benchmarkProgress, done: M.BenchmarkResultSchema },
    /** Asks a question and streams the answer; aborting stops it and keeps what was generated. */
    'chat.send': { input: C.send, event: AnswerEventSchema, done: MessageSchema },
    /** A new answer to the question of an answer, beside it. */
    'chat.regenerate': { input: C.messageId, event: AnswerEventSchema, done: MessageSchema },
    /** The question asked differently, as a sibling, and answered. */
    'chat.edit': { input: C.edit, event: AnswerEventSchema, done: MessageSchema },
    /**
     * Brings a collection's index up to date in a child process; aborting stops after the file in
     * hand. Its progress has one source, `library.changed` (every window sees it, whoever started
     * the run), so the stream itself sends no events: only the final report.
     */
    'library.index': { input: L.index, event: z.never(), done: CollectionReportSchema },
  },
  event: {
    'store.recovered': StoreRecoveredSchema,
    'settings.changed': SettingsSchema,
    /** Something about the installed or loaded models changed; carries the load state. */
    'models.changed': M.LoadedModelsSchema,
    /** A download was paused, finished, failed or discarded: the paused list is now this. */
    'models.partialsChanged': z.array(M.partialDownload),
    /** A collection changed: indexing progress, a sync after changes on disk, a folder added. */
    'library.changed': z.array(CollectionSchema),
    /** A request to the network started or ended: the whole log, newest first. */
    'network.changed': z.array(NetworkRequestSchema),
    /** The local API started, stopped, or could not start. */
    'api.changed': ApiServerStateSchema,
  },
} as const satisfies ContractShape;

// ---- the shape every contract has, and the types derived from it ----

export interface InvokeSpec {
  input: z.ZodType;
  output: z.ZodType;
}
export interface StreamSpec {
  input: z.ZodType;
  event: z.ZodType;
  done: z.ZodType;
}
export interface ContractShape {
  invoke: Record<string, InvokeSpec>;
  stream: Record<string, StreamSpec>;
  event: Record<string, z.ZodType>;
}

export type Contract = typeof contract;

export type Result<T> = { ok: true; value: T } | { ok: false; error: HearthErrorData };

export type InvokeChannel<K extends ContractShape = Contract> = keyof K['invoke'] & string;
export type StreamChannel<K extends ContractShape = Contract> = keyof K['stream'] & string;
export type EventChannel<K extends ContractShape = Contract> = keyof K['event'] & string;

export type InvokeInput<C extends InvokeChannel<K>, K extends ContractShape = Contract> = z.input<
  K['invoke'][C]['input']
>;
export type InvokeOutput<C extends InvokeChannel<K>, K extends ContractShape = Contract> = z.output<
  K['invoke'][C]['output']
>;
export type StreamInput<C extends StreamChannel<K>, K extends ContractShape = Contract> = z.input<
  K['stream'][C]['input']
>;
export type StreamEvent<C extends StreamChannel<K>, K extends ContractShape = Contract> = z.output<
  K['stream'][C]['event']
>;
export type StreamDone<C extends StreamChannel<K>, K extends ContractShape = Contract> = z.output<
  K['stream'][C]['done']
>;
export type EventPayload<C extends EventChannel<K>, K extends ContractShape = Contract> = z.output<K['event'][C]>;

/** A running stream as the renderer sees it. */
export interface StreamHandle<T> {
  /** Settles once with the `done` value or the error (`CANCELLED` after `abort()`). */
  result: Promise<Result<T>>;
  abort(): void;
}

/**
 * What `window.hearth` is, on every transport (Electron preload, test bridge). Channels outside the
 * contract are refused with `UNKNOWN_CHANNEL` rather than thrown.
 */
export interface HearthBridge<K extends ContractShape = Contract> {
  invoke<C extends InvokeChannel<K>>(
    channel: C,
    ...input: undefined extends InvokeInput<C, K> ? [InvokeInput<C, K>?] : [InvokeInput<C, K>]
  ): Promise<Result<InvokeOutput<C, K>>>;
  stream<C extends StreamChannel<K>>(
    channel: C,
    input: StreamInput<C, K>,
    onEvent: (event: StreamEvent<C, K>) => void,
  ): StreamHandle<StreamDone<C, K>>;
  on<C extends EventChannel<K>>(channel: C, listener: (payload: EventPayload<C, K>) => void): () => void;
}

/** Names the transports use on the wire. Kept here so preload, main and bridge agree. */
export const WIRE = {
  invoke: 'hearth:invoke',
  streamStart: 'hearth:stream:start',
  streamAbort: 'hearth:stream:abort',
  streamMessage: 'hearth:stream:message',
  event: 'hearth:event',
} as const;

/** One message of a running stream, keyed by the id the caller chose. */
export type StreamMessage =
  | { id: string; type: 'event'; data: unknown }
  | { id: string; type: 'end'; result: Result<unknown> };

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(contract.invoke, name);
}
export function isStreamChannel(name: unknown): name is StreamChannel {
  return typeof name === 'string' && Object.hasOwn(contract.stream, name);
}
export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(contract.event, name);
}
