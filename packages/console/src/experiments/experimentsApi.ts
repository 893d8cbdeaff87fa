import { KefuExperimentsApi } from '@kefu/sdk';
import type { ExperimentMetric, ExperimentScript, ExperimentStatus } from '@kefu/sdk';
import { useMemo } from 'react';
import { useSession } from '../auth/SessionContext';
import { useDictionary } from '../i18n/I18nContext';
import { experimentsEn } from '../i18n/experimentsEn';
import { experimentsZhCN } from '../i18n/experimentsZhCN';
import type { experimentsZhCN as Dictionary } from '../i18n/experimentsZhCN';

export type ExperimentsTextKey = keyof typeof Dictionary;

export function useExperimentsApi(): KefuExperimentsApi {
  const { client } = useSession();
  return useMemo(() => new KefuExperimentsApi(client), [client]);
}

export function useExperimentsText() {
  return useDictionary(experimentsZhCN, experimentsEn);
}

export const metricLabels: Record<ExperimentMetric, ExperimentsTextKey> = {
  containment: 'exMetricContainment',
  csat: 'exMetricCsat',
  engagement: 'exMetricEngagement',
};

export const statusLabels: Record<ExperimentStatus, ExperimentsTextKey> = {
  draft: 'exStatusDraft',
  running: 'exStatusRunning',
  stopped: 'exStatusStopped',
};

/** A script by what the merchant calls it, never by its key. */
export function scriptLabel(
  text: ReturnType<typeof useExperimentsText>,
  script: Pick<ExperimentScript, 'kind' | 'name'> | undefined,
): string {
  if (!script) return '—';
  switch (script.kind) {
    case 'greeting':
      return text('exScriptGreeting');
    case 'rule':
      return text('exScriptRule', { name: script.name });
    case 'knowledge':
      return text('exScriptKnowledge', { name: script.name });
  }
}

/** 0.8734 → "87.3%". */
export function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}
