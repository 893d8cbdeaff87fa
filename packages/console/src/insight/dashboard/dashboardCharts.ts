// ECharts options of the dashboard, built from the server's reports (names, never codes, come from the server).
import type { DailySeries, Dashboard, LabeledValue } from '@kefu/sdk';
import type { ChartOption } from '../EChart';
import type { InsightTranslate } from '../insightText';

const palette = ['#1677ff', '#52c41a', '#faad14', '#eb2f96', '#13c2c2', '#722ed1', '#fa541c', '#a0d911'];
const grid = { left: 48, right: 16, top: 36, bottom: 28 };
const legend = { top: 0, type: 'scroll' as const };

/** A chart over the range's days: the shared colours, grid, legend, tooltip and axes. */
function overDays(
  dashboard: Dashboard,
  yAxis: ChartOption['yAxis'] = { type: 'value', minInterval: 1 },
): ChartOption {
  return {
    color: palette,
    grid,
    legend,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: shortDays(dashboard) },
    yAxis,
  };
}

export function volumeChart(dashboard: Dashboard): ChartOption {
  return stackedDaily(dashboard, dashboard.volume.byDay);
}

export function hoursChart(dashboard: Dashboard, it: InsightTranslate): ChartOption {
  return {
    color: palette,
    grid,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: dashboard.volume.byHourOfDay.map((_, hour) => it('hour', { n: hour })) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: it('kpiConversations'), data: dashboard.volume.byHourOfDay }],
  };
}

export function categoriesChart(dashboard: Dashboard): ChartOption {
  return pie(dashboard.topics.categories);
}

export function intentTrendChart(dashboard: Dashboard): ChartOption {
  return {
    ...overDays(dashboard),
    series: dashboard.topics.intentTrend.map((series) => ({
      type: 'line',
      name: series.label,
      smooth: true,
      data: series.values,
    })),
  };
}

export function botChart(dashboard: Dashboard, it: InsightTranslate): ChartOption {
  return {
    ...overDays(dashboard),
    color: ['#52c41a', '#faad14'],
    series: [
      { type: 'bar', stack: 'engaged', name: it('seriesContained'), data: dashboard.bot.trend.contained },
      { type: 'bar', stack: 'engaged', name: it('seriesHandedOff'), data: dashboard.bot.trend.handedOff },
    ],
  };
}

export function reasonsChart(dashboard: Dashboard): ChartOption {
  return pie(dashboard.bot.handoffReasons);
}

export function timesChart(dashboard: Dashboard, it: InsightTranslate): ChartOption {
  const minutes = (values: (number | null)[]) =>
    values.map((value) => (value === null ? null : Math.round((value / 60) * 10) / 10));
  const { trend } = dashboard.responseTimes;
  return {
    ...overDays(dashboard, { type: 'value' }),
    series: [
      {
        type: 'line',
        name: it('seriesFirstResponse'),
        connectNulls: true,
        data: minutes(trend.firstResponse),
      },
      { type: 'line', name: it('seriesHandling'), connectNulls: true, data: minutes(trend.handling) },
      { type: 'line', name: it('seriesResolution'), connectNulls: true, data: minutes(trend.resolution) },
    ],
  };
}

export function csatChart(dashboard: Dashboard, it: InsightTranslate): ChartOption {
  return {
    color: ['#faad14'],
    grid,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: [1, 2, 3, 4, 5].map((stars) => it('stars', { n: stars })) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: it('seriesRated'), data: dashboard.csat.distribution }],
  };
}

export function csatTrendChart(dashboard: Dashboard, it: InsightTranslate): ChartOption {
  return {
    ...overDays(dashboard, { type: 'value', min: 1, max: 5 }),
    color: ['#faad14'],
    series: [
      {
        type: 'line',
        name: it('seriesAverage'),
        connectNulls: true,
        data: dashboard.csat.trend.average.map((value) =>
          value === null ? null : Math.round(value * 100) / 100,
        ),
      },
    ],
  };
}

export function backlogChart(dashboard: Dashboard, it: InsightTranslate): ChartOption {
  return {
    ...overDays(dashboard),
    color: ['#fa541c'],
    series: [{ type: 'line', name: it('seriesBacklog'), areaStyle: {}, data: dashboard.backlog.endOfDay }],
  };
}

export function slaChart(dashboard: Dashboard, it: InsightTranslate): ChartOption {
  const targets = dashboard.sla.byTarget;
  return {
    color: ['#52c41a', '#ff4d4f'],
    grid,
    legend,
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: targets.map((target) => target.label) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', stack: 'sla', name: it('seriesMet'), data: targets.map((target) => target.met) },
      { type: 'bar', stack: 'sla', name: it('seriesMissed'), data: targets.map((target) => target.missed) },
    ],
  };
}

function stackedDaily(dashboard: Dashboard, series: readonly DailySeries[]): ChartOption {
  return {
    ...overDays(dashboard),
    series: series.map((item) => ({ type: 'bar', stack: 'total', name: item.label, data: item.values })),
  };
}

function pie(values: readonly LabeledValue[]): ChartOption {
  return {
    color: palette,
    legend: { ...legend, orient: 'horizontal' },
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '70%'],
        top: 24,
        data: values.map((item) => ({ name: item.label, value: item.value })),
        label: { formatter: '{b} {d}%' },
      },
    ],
  };
}

/** `03-10` for the x axis. */
function shortDays(dashboard: Dashboard): string[] {
  return dashboard.range.days.map((day) => day.slice(5));
}
