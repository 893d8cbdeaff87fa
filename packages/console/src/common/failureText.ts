import { KefuApiError } from '@kefu/sdk';
import { useCallback } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { ConsoleLocale } from '../i18n/I18nContext';
import { orderStatusesZhCN, serverErrorsZhCN, shopRefusalsZhCN } from '../i18n/serverErrorsZhCN';

// A failed call in the console's language: the server's errors by their code (English is the server's own
// sentence), the shop's refusals by their reason, and a lost connection in words instead of a browser message.

const connectionLost = {
  'zh-CN': '无法连接到 Kefu 服务器，请检查网络后再试',
  en: 'Kefu cannot be reached; check the connection and try again',
} as const;

export function failureText(failure: unknown, locale: ConsoleLocale): string {
  if (failure instanceof KefuApiError) return locale === 'en' ? failure.message : apiErrorZhCN(failure);
  if (failure instanceof TypeError && /fetch|network|load failed/i.test(failure.message))
    return connectionLost[locale];
  return failure instanceof Error ? failure.message : String(failure);
}

/** `failureText` in the console's current language. */
export function useFailureText(): (failure: unknown) => string {
  const { locale } = useI18n();
  return useCallback((failure: unknown) => failureText(failure, locale), [locale]);
}

function apiErrorZhCN(failure: KefuApiError): string {
  const text = serverErrorsZhCN[failure.code] ?? failure.message;
  if (failure.code !== 'order_action_rejected') return text;
  const reason = detailOf(failure.details, 'reason');
  if (!reason) return text;
  const known = shopRefusalsZhCN[reason];
  const status = orderStatusesZhCN[detailOf(failure.details, 'orderStatus') ?? ''] ?? '处理中';
  // A remote shop's refusal is its own sentence, already in the merchant's words.
  return `${text}：${known ? known.replace('{status}', status) : reason}`;
}

function detailOf(details: unknown, key: string): string | undefined {
  if (!details || typeof details !== 'object' || !(key in details)) return undefined;
  const value: unknown = Reflect.get(details, key);
  return typeof value === 'string' ? value : undefined;
}
