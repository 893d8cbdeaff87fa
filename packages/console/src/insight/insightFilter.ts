import type { ChannelKind, ReportFilter } from '@kefu/sdk';
import { KefuInsightApi } from '@kefu/sdk';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { useI18n } from '../i18n/I18nContext';

/** The dashboard's filters: days (in the browser's time zone) and what to narrow to. */
export interface InsightFilter {
  from: string;
  to: string;
  channel: ChannelKind | null;
  teamId: string | null;
  agentId: string | null;
  category: string | null;
}

export function lastDays(days: number): Pick<InsightFilter, 'from' | 'to'> {
  return {
    from: dayjs()
      .subtract(days - 1, 'day')
      .format('YYYY-MM-DD'),
    to: dayjs().format('YYYY-MM-DD'),
  };
}

export const defaultFilter: InsightFilter = {
  ...lastDays(7),
  channel: null,
  teamId: null,
  agentId: null,
  category: null,
};

/** The browser's IANA time zone: report days and hours are the viewer's own. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Asia/Shanghai';
}

/** The filter as the reports API takes it, with the viewer's time zone and language. */
export function useReportFilter(filter: InsightFilter): ReportFilter {
  const { locale } = useI18n();
  return useMemo(
    () => ({
      from: filter.from,
      to: filter.to,
      timeZone: browserTimeZone(),
      locale,
      ...(filter.channel && { channel: filter.channel }),
      ...(filter.teamId && { teamId: filter.teamId }),
      ...(filter.agentId && { agentId: filter.agentId }),
      ...(filter.category && { category: filter.category }),
    }),
    [filter, locale],
  );
}

export function useInsightApi(): KefuInsightApi {
  const { client } = useSession();
  return useMemo(() => new KefuInsightApi(client), [client]);
}

/** Who may open the insight screens: whoever holds `reports:read` on the server. */
export function canReadReports(permissions: readonly string[]): boolean {
  return permissions.includes('reports:read');
}

/** Whether the signed-in person holds a permission (the server decides; the console only hides what it refuses). */
export function useMay(): (permission: string) => boolean {
  const agent = useSignedInAgent();
  return (permission) => agent.permissions.includes(permission);
}

/** Seconds as "1 分 05 秒" / "1 min 05 s"; "—" when there is no value. */
export function formatSeconds(seconds: number | null, locale: string): string {
  if (seconds === null) return '—';
  const rounded = Math.round(seconds);
  const hours = Math.floor(rounded / 3600);
  const minutes = Math.floor((rounded % 3600) / 60);
  const rest = rounded % 60;
  const zh = locale !== 'en';
  if (hours > 0) return zh ? `${hours} 小时 ${minutes} 分` : `${hours} h ${minutes} min`;
  if (minutes > 0)
    return zh ? `${minutes} 分 ${String(rest).padStart(2, '0')} 秒` : `${minutes} min ${rest} s`;
  return zh ? `${rest} 秒` : `${rest} s`;
}

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}
