import type { ErrorCode, HearthErrorData } from '../../electron/ipc/errors';

/** What the window offers beside a failure: the screen where it is fixed, or doing it again. */
export type Remedy = { label: RemedyLabel; to: string } | { label: RemedyLabel; retry: true };

/** A remedy's button, as a key of the translations (`remedy.*`). */
type RemedyLabel =
  `remedy.${'openModels' | 'modelSettings' | 'raiseContext' | 'openLibrary' | 'tryAgain' | 'downloadAgain' | 'privacy'}`;

/**
 * The window's answer to each code (errors.ts says who raises which), chosen by the code and never
 * by the message: the message says what happened, the remedy is the button that fixes it. A
 * `Record` over every code, so a new code does not compile until the window knows what to offer.
 * `retry` is offered only where the caller can do the same thing again.
 */
const REMEDIES: Record<ErrorCode, Remedy | null> = {
  VALIDATION: null,
  UNKNOWN_CHANNEL: null,
  FORBIDDEN: null,
  CANCELLED: null,
  NOT_FOUND: null,
  DB_TOO_NEW: null,
  MODEL_NOT_FOUND: { label: 'remedy.openModels', to: '/models' },
  MODEL_TOO_LARGE: { label: 'remedy.modelSettings', to: '/models' },
  INVALID_GGUF: null,
  UNSUPPORTED_FILE: null,
  CONTEXT_OVERFLOW: { label: 'remedy.raiseContext', to: '/models' },
  FILE_CHANGED: { label: 'remedy.openLibrary', to: '/library' },
  DOWNLOAD_FAILED: { label: 'remedy.tryAgain', retry: true },
  HASH_MISMATCH: { label: 'remedy.downloadAgain', retry: true },
  INSUFFICIENT_SPACE: null,
  PERMISSION_DENIED: null,
  AIR_GAP: { label: 'remedy.privacy', to: '/settings' },
  BUSY: { label: 'remedy.tryAgain', retry: true },
  INTERNAL: null,
};

/** The remedy for `code`, if the window has one here (`canRetry`: the caller can do it again). */
export function remedyFor(code: ErrorCode | null, canRetry: boolean): Remedy | null {
  const remedy = code === null ? null : REMEDIES[code];
  if (!remedy || ('retry' in remedy && !canRetry)) return null;
  return remedy;
}

/** Whether a failure is worth telling at all: a cancel is what the user asked for. */
export function isSilent(error: HearthErrorData): boolean {
  return error.code === 'CANCELLED';
}
