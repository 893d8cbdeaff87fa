import type { QaScorecards } from '@kefu/sdk';
import { Card, Table } from 'antd';
import { useMemo } from 'react';
import type { ChartOption } from '../EChart';
import { EChart } from '../EChart';
import { useInsightText } from '../insightText';

/** Per agent: inspections, average score, flags to review and confirmed, and the weekly average as a chart. */
export function Scorecards({ scorecards }: { scorecards: QaScorecards }) {
  const it = useInsightText();
  const weekly = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: scorecards.weeks.map((week) => week.slice(5)) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: scorecards.agents.map((agent) => ({
        type: 'line',
        name: agent.name,
        connectNulls: true,
        data: agent.weekly.map((score) => (score === null ? null : Math.round(score * 10) / 10)),
      })),
    }),
    [scorecards],
  );
  const sum = (flags: QaScorecards['agents'][number]['flags'], status: 'open' | 'confirmed') =>
    flags.reduce((total, flag) => total + flag[status], 0);
  return (
    <div className="insight-quality-top">
      <Card size="small" title={it('qaScorecards')}>
        <Table
          size="small"
          rowKey="agentId"
          pagination={false}
          dataSource={scorecards.agents}
          data-testid="scorecards-table"
          columns={[
            { title: it('colAgent'), dataIndex: 'name' },
            { title: it('colInspected'), dataIndex: 'inspected', align: 'right' },
            {
              title: it('colAverageScore'),
              align: 'right',
              render: (_, row) => (row.averageScore === null ? '—' : row.averageScore.toFixed(1)),
            },
            { title: it('colOpenFlags'), align: 'right', render: (_, row) => sum(row.flags, 'open') },
            {
              title: it('colConfirmedFlags'),
              align: 'right',
              render: (_, row) => sum(row.flags, 'confirmed'),
            },
          ]}
        />
      </Card>
      <Card size="small" title={it('chartWeekly')}>
        <EChart option={weekly} height={240} testId="chart-weekly" />
      </Card>
    </div>
  );
}
