import { useEffect, useState } from 'react';
import type { Translate } from '../i18n/I18nContext';

/** A clock that ticks every `intervalMs`, so waiting times refresh without a reload. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function formatDuration(milliseconds: number, t: Translate): string {
  const minutes = Math.floor(milliseconds / 60_000);
  if (minutes < 1) return t('justNow');
  if (minutes < 60) return t('minutes', { n: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('hours', { n: hours });
  return t('days', { n: Math.floor(hours / 24) });
}

export function formatClock(timestamp: string, locale: string): string {
  const date = new Date(timestamp);
  const sameDay = new Date().toDateString() === date.toDateString();
  return date.toLocaleString(locale, {
    hour: '2-digit',
    minute: '2-digit',
    ...(sameDay ? {} : { month: '2-digit', day: '2-digit' }),
  });
}
