import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** SI and IEC symbols read the same in every language Hearth has: only the number changes. */
const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * Numbers, sizes, durations and dates as the window's language writes them (`16,0 GB` and
 * `12.03.2026` in German), through `Intl`. The CLI and the services keep electron/ipc/format.ts,
 * whose output is English.
 */
export function formatters(locale: string, t: TFunction) {
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = (value: number, digits = 1) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  /** "12.4 s", "12,4 s": a number and a unit symbol. */
  const unit = (value: number, symbol: string, digits = 0) =>
    `${digits ? decimal(value, digits) : whole.format(value)} ${symbol}`;
  const duration = (ms: number): string => {
    if (!Number.isFinite(ms) || ms < 0) return '—';
    if (ms < 1000) return unit(Math.round(ms), 'ms');
    if (ms < 60_000) return unit(ms / 1000, 's', 1);
    const seconds = Math.round(ms / 1000);
    return `${unit(Math.floor(seconds / 60), 'min')} ${unit(seconds % 60, 's')}`;
  };
  return {
    /** "2,030" / "2.030": exact counts. */
    number: (value: number) => whole.format(value),
    /** "12.4" / "12,4": a measured value with `digits` decimals (1 by default). */
    decimal,
    /** "1.2" or "350": a rate per second, one decimal below 100. */
    rate: (perSecond: number) => (perSecond >= 100 ? whole.format(perSecond) : decimal(perSecond)),
    /** "45 %": a share from 0 to 1. */
    percent: (share: number) => new Intl.NumberFormat(locale, { style: 'percent' }).format(share),
    /** "16.0 GB", powers of 1024, as operating systems show memory. */
    bytes(bytes: number): string {
      if (!Number.isFinite(bytes) || bytes < 0) return '—';
      let value = bytes;
      let index = 0;
      while (value >= 1024 && index < BYTE_UNITS.length - 1) {
        value /= 1024;
        index++;
      }
      return unit(value, BYTE_UNITS[index]!, index === 0 ? 0 : 1);
    },
    /** "1.7B" / "1,7 Mrd.": parameter counts. */
    count: (value: number) =>
      new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value),
    /** "850 ms", "12.4 s", "3 min 5 s". */
    duration,
    /** "about 3 min left", as a person reads it. */
    timeLeft(seconds: number | null): string {
      if (seconds === null || !Number.isFinite(seconds)) return t('format.timeLeft.unknown');
      if (seconds < 10) return t('format.timeLeft.seconds');
      if (seconds < 90) return t('format.timeLeft.about', { time: unit(Math.round(seconds / 10) * 10, 's') });
      if (seconds < 90 * 60) return t('format.timeLeft.about', { time: unit(Math.round(seconds / 60), 'min') });
      return t('format.timeLeft.about', { time: unit(seconds / 3600, 'h', 1) });
    },
    /** A date and time, "7 Dec 2026, 09:45". */
    dateTime: (at: string | number | Date) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)),
    /** A time of day with seconds, for logs: "09:45:12". */
    time: (at: string | number | Date) => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(at)),
  };
}

export type Format = ReturnType<typeof formatters>;

/** The formatters for the window's language now; a language change re-renders the caller. */
export function useFormat(): Format {
  const { t, i18n } = useTranslation();
  return useMemo(() => formatters(i18n.language, t), [i18n.language, t]);
}
