import { toast } from 'sonner';
import { navigate } from 'wouter/use-hash-location';
import type { ErrorCode, HearthErrorData } from '../../electron/ipc/errors';

/** What the window offers beside a failure: the screen where it is fixed, or doing it again. */
export type Remedy = { label: string; to: string } | { label: string; retry: true };

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
  MODEL_NOT_FOUND: { label: 'Open Models', to: '/models' },
  MODEL_TOO_LARGE: { label: 'Open model settings', to: '/models' },
  INVALID_GGUF: null,
  UNSUPPORTED_FILE: null,
  CONTEXT_OVERFLOW: { label: 'Raise the context size', to: '/models' },
  FILE_CHANGED: { label: 'Open Library', to: '/library' },
  DOWNLOAD_FAILED: { label: 'Try again', retry: true },
  HASH_MISMATCH: { label: 'Download again', retry: true },
  INSUFFICIENT_SPACE: null,
  PERMISSION_DENIED: null,
  AIR_GAP: { label: 'Privacy settings', to: '/settings' },
  BUSY: { label: 'Try again', retry: true },
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

/**
 * Tells the user about a failure: a toast with its message and, by its code, the button that
 * fixes it. A toast with a remedy stays longer, so there is time to press it.
 */
export function reportError(error: HearthErrorData, options: { retry?: () => void } = {}): void {
  if (isSilent(error)) return;
  const remedy = remedyFor(error.code, options.retry !== undefined);
  toast.error(error.message, {
    duration: remedy ? 15_000 : 8_000,
    action: remedy
      ? { label: remedy.label, onClick: () => ('to' in remedy ? navigate(remedy.to) : options.retry?.()) }
      : undefined,
  });
}
