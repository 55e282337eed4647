import { locale, t, useLanguage } from './index';

/**
 * Numbers, dates and durations in the user's language (Intl): "7,5" and "1 u 05 min" in Dutch, "7.5" and "1 h 05 min"
 * in English. Use `useFormat()` in components so they re-render when the language changes.
 */
export interface Format {
  number: (value: number, maximumFractionDigits?: number) => string;
  date: (value: Date | string) => string;
  dateTime: (value: Date | string) => string;
  /** A duration in seconds, rounded to minutes. */
  duration: (seconds: number) => string;
}

const TIME_ZONE = 'Europe/Amsterdam';

export function format(tag: string = locale()): Format {
  const dates = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE });
  const dateTimes = new Intl.DateTimeFormat(tag, { dateStyle: 'short', timeStyle: 'short', timeZone: TIME_ZONE });
  return {
    number: (value, maximumFractionDigits = 1) => new Intl.NumberFormat(tag, { maximumFractionDigits }).format(value),
    date: (value) => dates.format(typeof value === 'string' ? new Date(value) : value),
    dateTime: (value) => dateTimes.format(typeof value === 'string' ? new Date(value) : value),
    duration: (seconds) => {
      const minutes = Math.round(seconds / 60);
      return minutes < 60
        ? t('duration.minutes', { minutes })
        : t('duration.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') });
    },
  };
}

export function useFormat(): Format {
  return format(locale(useLanguage()));
}
