import { z } from 'zod';

/**
 * The closed set of error codes that may cross the IPC boundary. The renderer switches on these,
 * so adding one is a contract change: add it here, handle it in the UI, and document it.
 */
export const ERROR_CODES = [
  /** The input did not match the channel's schema. */
  'VALIDATION',
  /** The channel is not declared in the contract. */
  'UNKNOWN_CHANNEL',
  /** The caller is not allowed to use the contract (wrong frame, wrong token). */
  'FORBIDDEN',
  /** The operation was cancelled by the caller. */
  'CANCELLED',
  /** A named thing (model, chat, document) does not exist. */
  'NOT_FOUND',
  /** A database file was unreadable; it was moved aside and a fresh one created. */
  'DB_CORRUPT',
  /** A database was written by a newer Hearth; it is left untouched. */
  'DB_TOO_NEW',
  'MODEL_NOT_FOUND',
  'MODEL_TOO_LARGE',
  'INVALID_GGUF',
  'UNSUPPORTED_FILE',
  /** A download failed: HTTP error, dropped connection past the retries, no published hash. */
  'DOWNLOAD_FAILED',
  /** A downloaded file's SHA-256 is not the published one; it was deleted. */
  'HASH_MISMATCH',
  /** Not enough free disk space for the operation. */
  'INSUFFICIENT_SPACE',
  /** The air-gap setting is on: Hearth makes no network request at all. */
  'AIR_GAP',
  /** A bug: something threw that was not expected to. The message is safe to show. */
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorCodeSchema = z.enum(ERROR_CODES);

export const HearthErrorDataSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  details: z.unknown().optional(),
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

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'HearthError';
    this.code = code;
    this.details = details;
  }

  toData(): HearthErrorData {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** Turns anything thrown into boundary-safe data without leaking stacks or internals. */
export function toErrorData(error: unknown): HearthErrorData {
  if (error instanceof HearthError) return error.toData();
  if (isAbortError(error)) return { code: 'CANCELLED', message: 'The operation was cancelled.' };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `Unexpected error: ${message}` };
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'CancelledError');
}
