import type { Dashboard } from '@kefu/sdk';
import { Card, Statistic } from 'antd';
import { useI18n } from '../../i18n/I18nContext';
import { formatPercent, formatSeconds } from '../insightFilter';
import { useInsightText } from '../insightText';

/** The headline figures of the filter, each from the server's reports. */
export function KpiCards({ dashboard }: { dashboard: Dashboard }) {
  const it = useInsightText();
  const { locale } = useI18n();
  const { overview, responseTimes, csat, sla, backlog } = dashboard;
  const openNow = backlog.open.reduce((total, status) => total + status.value, 0);
  const cards = [
    { key: 'conversations', title: it('kpiConversations'), value: String(overview.conversations) },
    { key: 'containment', title: it('kpiContainment'), value: formatPercent(overview.containmentRate) },
    { key: 'handoff', title: it('kpiHandoff'), value: formatPercent(overview.handoffRate) },
    {
      key: 'firstResponse',
      title: it('kpiFirstResponse'),
      value: formatSeconds(responseTimes.firstResponse.medianSeconds, locale),
    },
    {
      key: 'handling',
      title: it('kpiHandling'),
      value: formatSeconds(responseTimes.handling.averageSeconds, locale),
    },
    {
      key: 'csat',
      title: it('kpiCsat'),
      value: csat.average === null ? '—' : `${csat.average.toFixed(2)} / 5`,
      note: it('ofRated', { n: csat.rated }),
    },
    { key: 'sla', title: it('kpiSla'), value: formatPercent(sla.overall.attainment) },
    { key: 'fcr', title: it('kpiFcr'), value: formatPercent(overview.firstContactResolutionRate) },
    {
      key: 'qa',
      title: it('kpiQa'),
      value: overview.qa.averageScore === null ? '—' : overview.qa.averageScore.toFixed(1),
      note: it('ofInspected', { n: overview.qa.inspected }),
    },
    { key: 'backlog', title: it('kpiBacklog'), value: String(openNow) },
  ];
  return (
    <div className="insight-kpis">
      {cards.map((card) => (
        <Card key={card.key} size="small" data-testid={`kpi-${card.key}`}>
          <Statistic title={card.title} value={card.value} />
          {card.note && <div className="insight-kpi-note">{card.note}</div>}
        </Card>
      ))}
    </div>
  );
}
