import { KefuIntentsApi } from '@kefu/sdk';
import { useMemo } from 'react';
import { useSession } from '../auth/SessionContext';
import { useDictionary } from '../i18n/I18nContext';
import { intentsEn } from '../i18n/intentsEn';
import { intentsZhCN } from '../i18n/intentsZhCN';

export function useIntentsApi(): KefuIntentsApi {
  const { client } = useSession();
  return useMemo(() => new KefuIntentsApi(client), [client]);
}

export function useIntentsText() {
  return useDictionary(intentsZhCN, intentsEn);
}

/** 0.8734 → "87.3%". */
export function percent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}
