import { toast } from 'sonner';
import { navigate } from 'wouter/use-hash-location';
import type { HearthErrorData } from '../../electron/ipc/errors';
import { isSilent, remedyFor } from './remedies';
import { errorText } from '../i18n/error-text';
import { i18n } from '../i18n/i18n';

/**
 * Tells the user about a failure: a toast with its message and, by its code, the button that
 * fixes it. A toast with a remedy stays longer, so there is time to press it.
 */
export function reportError(
  error: HearthErrorData,
  options: { retry?: () => void; context?: 'settings.load' | 'settings.save' } = {},
): void {
  if (isSilent(error)) return;
  const remedy = remedyFor(error.code, options.retry !== undefined);
  const { t } = i18n;
  const message = errorText(t, error);
  toast.error(options.context ? t(options.context, { reason: message }) : message, {
    duration: remedy ? 15_000 : 8_000,
    action: remedy
      ? { label: t(remedy.label), onClick: () => ('to' in remedy ? navigate(remedy.to) : options.retry?.()) }
      : undefined,
  });
}
