import { z } from 'zod';
import type { HearthErrorData } from './errors';

/**
 * Every channel between the renderer and main, declared once. Main validates inputs against these
 * schemas; the preload and the test bridge only let these names through; the renderer's types come
 * from here. Nothing else may define a channel.
 *
 * - `invoke`: one request, one response.
 * - `stream`: one request, a sequence of `event`s, then one `done` value or an error. Abortable.
 * - `event`: broadcasts from main to every window.
 */

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;

export const SettingsSchema = z.object({
  /** Colour scheme of the window. Defaults to `"system"`. */
  theme: ThemeSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

/** A partial update of settings; unknown keys are refused so typos never silently do nothing. */
export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const ComputeBackendSchema = z.object({
  /** What node-llama-cpp loaded: `cpu`, `cuda`, `vulkan` or `metal`. */
  gpu: z.enum(['cpu', 'cuda', 'vulkan', 'metal']),
  /** GPU device names, empty on CPU. */
  devices: z.array(z.string()),
  /** Total and used video memory in bytes (0 on CPU). */
  vramTotal: z.number().nonnegative(),
  vramUsed: z.number().nonnegative(),
  /** Set when the backend could not be detected; the rest then describes a CPU fallback. */
  error: z.string().optional(),
});
export type ComputeBackend = z.infer<typeof ComputeBackendSchema>;

export const AppInfoSchema = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  platform: z.string(),
  arch: z.string(),
  cpuModel: z.string(),
  cpuCores: z.number().int().positive(),
  totalMemory: z.number().positive(),
  freeMemory: z.number().nonnegative(),
  compute: ComputeBackendSchema,
  nodeVersion: z.string(),
  electronVersion: z.string().nullable(),
  sqliteVersion: z.string(),
  sqliteVecVersion: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const StoreRecoveredSchema = z.object({
  /** Which database: `hearth` (chats, settings) or `library` (the rebuildable index). */
  database: z.enum(['hearth', 'library']),
  /** Where the unreadable file was kept; nothing is ever deleted. */
  movedTo: z.string(),
  /** What SQLite said about the file. */
  reason: z.string(),
  at: z.string(),
});
export type StoreRecovered = z.infer<typeof StoreRecoveredSchema>;

export const NoticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('store.recovered'), id: z.string(), data: StoreRecoveredSchema }),
]);
export type Notice = z.infer<typeof NoticeSchema>;

const none = z.undefined();

export const contract = {
  invoke: {
    'app.info': { input: none, output: AppInfoSchema },
    /** Things that happened before the window could listen (a recovered database, …). */
    'app.notices': { input: none, output: z.array(NoticeSchema) },
    'settings.get': { input: none, output: SettingsSchema },
    'settings.set': { input: SettingsPatchSchema, output: SettingsSchema },
  },
  stream: {},
  event: {
    'store.recovered': StoreRecoveredSchema,
    'settings.changed': SettingsSchema,
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
