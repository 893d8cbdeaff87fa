import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { en } from './en';
import { zhCN } from './zhCN';
import type { MessageKey } from './zhCN';

export type ConsoleLocale = 'zh-CN' | 'en';
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18nValue {
  locale: ConsoleLocale;
  setLocale(locale: ConsoleLocale): void;
  t: Translate;
}

const localeStorageKey = 'kefu.console.locale';
const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<ConsoleLocale>(readStoredLocale);
  const setLocale = useCallback((next: ConsoleLocale) => {
    localStorage.setItem(localeStorageKey, next);
    document.documentElement.lang = next;
    setLocaleState(next);
  }, []);
  const t = useCallback<Translate>(
    (key, values) => fillTemplate(locale === 'en' ? en[key] : zhCN[key], values),
    [locale],
  );
  const value = useMemo(() => ({ locale, setLocale, t }), [locale, setLocale, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** A screen's own dictionary pair: `text('key', { n: 2 })` in the console's current language. */
export function useDictionary<Key extends string>(
  chinese: Record<Key, string>,
  english: Record<Key, string>,
): (key: Key, values?: Record<string, string | number>) => string {
  const { locale } = useI18n();
  return useCallback(
    (key: Key, values?: Record<string, string | number>) =>
      fillTemplate(locale === 'en' ? english[key] : chinese[key], values),
    [locale, chinese, english],
  );
}

/** Replaces `{name}` placeholders with the given values; unknown ones stay as they are. */
function fillTemplate(template: string, values: Record<string, string | number> | undefined): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

function readStoredLocale(): ConsoleLocale {
  return localStorage.getItem(localeStorageKey) === 'en' ? 'en' : 'zh-CN';
}
