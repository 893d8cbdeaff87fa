import type { Dashboard } from '@kefu/sdk';
import { Card } from 'antd';
import type { ReactNode } from 'react';
import { useMemo } from 'react';
import { EChart } from '../EChart';
import { useInsightText } from '../insightText';
import {
  backlogChart,
  botChart,
  categoriesChart,
  csatChart,
  csatTrendChart,
  hoursChart,
  intentTrendChart,
  reasonsChart,
  slaChart,
  timesChart,
  volumeChart,
} from './dashboardCharts';

/** The dashboard's charts, two to a row on wide screens. */
export function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const it = useInsightText();
  const charts = useMemo(
    () => [
      { key: 'volume', title: it('chartVolume'), option: volumeChart(dashboard) },
      { key: 'hours', title: it('chartHours'), option: hoursChart(dashboard, it) },
      { key: 'categories', title: it('chartCategories'), option: categoriesChart(dashboard) },
      { key: 'intents', title: it('chartIntents'), option: intentTrendChart(dashboard) },
      { key: 'bot', title: it('chartBot'), option: botChart(dashboard, it) },
      { key: 'reasons', title: it('chartReasons'), option: reasonsChart(dashboard) },
      { key: 'times', title: it('chartTimes'), option: timesChart(dashboard, it) },
      { key: 'csat', title: it('chartCsat'), option: csatChart(dashboard, it) },
      { key: 'csatTrend', title: it('chartCsatTrend'), option: csatTrendChart(dashboard, it) },
      { key: 'backlog', title: it('chartBacklog'), option: backlogChart(dashboard, it) },
      { key: 'sla', title: it('chartSla'), option: slaChart(dashboard, it) },
    ],
    [dashboard, it],
  );
  return (
    <div className="insight-charts">
      {charts.map((chart) => (
        <ChartCard key={chart.key} title={chart.title}>
          <EChart option={chart.option} testId={`chart-${chart.key}`} />
        </ChartCard>
      ))}
    </div>
  );
}

function ChartCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card size="small" title={title} className="insight-chart-card">
      {children}
    </Card>
  );
}
