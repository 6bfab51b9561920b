import { z } from 'zod';
import { mainText, MainTextParamsSchema, type MainText, type MainTextKey } from './main-text';

/**
 * The closed set of error codes that may cross the IPC boundary, one meaning each. The renderer
 * switches on these (`app/lib/error-report.ts`, whose table over every code will not compile
 * without a new one), so adding one is a contract change: add it here, give it its remedy there,
 * and say here who raises it and what the window does with it. Unless said otherwise the window
 * shows the message (a toast, or beside what failed) with no button: every message is written for
 * the user, never raw text from a library (`toErrorData`).
 */
export const ERROR_CODES = [
  /**
   * The input is not acceptable: it did not match the channel's schema (dispatch), or breaks a
   * rule of the service (a file where a folder is wanted, a draft model that is not a chat model).
   */
  'VALIDATION',
  /** The channel is not declared in the contract. */
  'UNKNOWN_CHANNEL',
  /** The caller is not allowed to use the contract (wrong frame, wrong token). */
  'FORBIDDEN',
  /** The operation was cancelled by the caller (Stop, Pause, a closed client). The window says nothing. */
  'CANCELLED',
  /** A named thing (model, chat, document) does not exist. */
  'NOT_FOUND',
  /** A database was written by a newer Hearth; it is left untouched (store/, at start-up). */
  'DB_TOO_NEW',
  /**
   * No model of the role a feature needs is installed (chat, search by meaning, reranking). The
   * window offers Models.
   */
  'MODEL_NOT_FOUND',
  /**
   * The model does not fit this machine's memory at its settings; `details` says what would. The
   * window offers Models, where its settings are.
   */
  'MODEL_TOO_LARGE',
  /** A model file is not a usable GGUF (models/gguf/, the first opening); nothing was installed. */
  'INVALID_GGUF',
  /** A file of a kind Hearth does not read. */
  'UNSUPPORTED_FILE',
  /**
   * A question (with its sources) does not fit the model's context with room to answer
   * (chat/prompt-fit.ts, by counting tokens); `details` has the counts. The window shows it on the
   * answer, with a way to raise the context size.
   */
  'CONTEXT_OVERFLOW',
  /** A file is no longer the one the library indexed (other bytes, or not a file). The window offers Library. */
  'FILE_CHANGED',
  /**
   * A download failed: HTTP error, dropped connection past the retries, no published hash. The
   * window offers Try again (it resumes from the partial file).
   */
  'DOWNLOAD_FAILED',
  /** A downloaded file's SHA-256 is not the published one; it was deleted. The window offers Download again. */
  'HASH_MISMATCH',
  /** Not enough free disk space for the operation. */
  'INSUFFICIENT_SPACE',
  /** The operating system refused access: permission denied, or a read-only disk. */
  'PERMISSION_DENIED',
  /** The air-gap setting is on: Hearth makes no network request at all. The window offers Settings. */
  'AIR_GAP',
  /**
   * What this needs is in use and will be free later: a collection being indexed (here or by the
   * CLI's process), a file already downloading. Background sync retries it; the window offers Try
   * again where the same request can be made again (an indexing run).
   */
  'BUSY',
  /** A bug: something threw that was not expected to. The message is safe to show. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const HearthErrorDataSchema = z.object({
  code: ErrorCodeSchema,
  /** In English: what the CLI prints, and what the window shows when it has no translation. */
  message: z.string(),
  details: z.unknown().optional(),
  /** The sentence's key in main-text.ts and its parameters, for the window to translate. */
  key: z.string().optional(),
  params: MainTextParamsSchema.optional(),
});

/** An error as it crosses the boundary: plain data, never an Error instance. */
export type HearthErrorData = z.infer<typeof HearthErrorDataSchema>;

/**
 * The one error class services throw when the caller should see a specific code. Anything else
 * that escapes a handler is reported as `INTERNAL`.
 */
export class HearthError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;
  /** The sentence by key, when the message is one of main-text.ts's (then the window translates it). */
  readonly text: MainText | null;

  constructor(code: ErrorCode, message: string | MainText, details?: unknown) {
    super(typeof message === 'string' ? message : message.text);
    this.name = 'HearthError';
    this.code = code;
    this.details = details;
    this.text = typeof message === 'string' ? null : message;
  }

  toData(): HearthErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
      ...(this.text ? { key: this.text.key, params: this.text.params } : {}),
    };
  }
}

/** Error data whose message is the sentence `key` of main-text.ts. */
function keyed(code: ErrorCode, key: MainTextKey, params: Record<string, string | number> = {}): HearthErrorData {
  const text = mainText(key, params);
  return { code, message: text.text, key, params };
}

/** File-system failures a user can act on, by Node's error code, with a message that names no path. */
const SYSTEM_ERRORS: Record<string, { code: ErrorCode; key: MainTextKey }> = {
  ENOSPC: { code: 'INSUFFICIENT_SPACE', key: 'system.diskFull' },
  EDQUOT: { code: 'INSUFFICIENT_SPACE', key: 'system.quota' },
  EACCES: { code: 'PERMISSION_DENIED', key: 'system.accessDenied' },
  EPERM: { code: 'PERMISSION_DENIED', key: 'system.notPermitted' },
  EROFS: { code: 'PERMISSION_DENIED', key: 'system.readOnly' },
  ENOENT: { code: 'NOT_FOUND', key: 'system.gone' },
};

/**
 * Turns anything thrown into boundary-safe data. Only a HearthError's own message crosses as is:
 * raw Node and library messages carry absolute paths and internals (`ENOSPC … copyfile '/…'`, zod
 * dumps), so they become a plain sentence, and the details stay in main's log.
 */
export function toErrorData(error: unknown): HearthErrorData {
  if (error instanceof HearthError) return error.toData();
  if (isAbortError(error)) return keyed('CANCELLED', 'system.cancelled');
  const systemCode = (error as { code?: unknown } | null)?.code;
  const system = typeof systemCode === 'string' ? SYSTEM_ERRORS[systemCode] : undefined;
  if (system) return keyed(system.code, system.key);
  if (error instanceof z.ZodError) {
    return keyed('VALIDATION', 'system.invalid', { reason: error.issues[0]?.message ?? 'unknown problem' });
  }
  return keyed('INTERNAL', 'system.internal', { kind: error instanceof Error ? error.name : typeof error });
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'CancelledError');
}
