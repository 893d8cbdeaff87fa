import type { Experiment, ExperimentResults, ExperimentVariantResult } from '@kefu/sdk';
import { Alert, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useFailureText } from '../common/failureText';
import type { ChartOption } from '../insight/EChart';
import { EChart } from '../insight/EChart';
import { percent, useExperimentsApi, useExperimentsText } from './experimentsApi';

const verdictColors = {
  not_enough_data: 'default',
  control: 'blue',
  better: 'green',
  worse: 'red',
  no_difference: 'default',
} as const;

/** Per variant: exposures, conversions, rate with its 95 % interval, the difference from the control, a verdict. */
export function ExperimentResultsPanel({ experiment }: { experiment: Experiment }) {
  const text = useExperimentsText();
  const api = useExperimentsApi();
  const describeFailure = useFailureText();
  const [results, setResults] = useState<ExperimentResults | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    api.results(experiment.id).then(setResults, (error: unknown) => setFailure(describeFailure(error)));
  }, [api, experiment.id, experiment.status, describeFailure]);

  const chart = useMemo<ChartOption | null>(
    () =>
      results && {
        aria: { enabled: true, label: { description: text('exChartTitle') } },
        grid: { left: 48, right: 16, top: 16, bottom: 32 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: results.variants.map((variant) => variant.name) },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: [
          {
            type: 'bar',
            name: text('exRate'),
            data: results.variants.map((variant) => Number((variant.rate * 100).toFixed(1))),
          },
        ],
      },
    [results, text],
  );

  if (failure) return <Alert type="error" message={failure} />;
  const describeVerdict = (variant: ExperimentVariantResult) => {
    switch (variant.verdict) {
      case 'not_enough_data':
        return text('exVerdictNotEnough', { minimum: results?.minimumSamplePerVariant ?? 30 });
      case 'control':
        return text('exVerdictControl');
      case 'better':
        return text('exVerdictBetter', { name: variant.name });
      case 'worse':
        return text('exVerdictWorse', { name: variant.name });
      case 'no_difference':
        return text('exVerdictNoDifference');
    }
  };

  return (
    <div className="experiment-results" data-testid={`experiment-results-${experiment.id}`}>
      <Table<ExperimentVariantResult>
        rowKey="key"
        size="small"
        loading={!results}
        dataSource={results?.variants ?? []}
        pagination={false}
        scroll={{ x: 820 }}
        columns={[
          { title: text('exVariant'), dataIndex: 'name' },
          { title: text('exExposures'), dataIndex: 'exposures' },
          { title: text('exTrials'), dataIndex: 'trials' },
          { title: text('exConversions'), dataIndex: 'conversions' },
          {
            title: text('exRate'),
            key: 'rate',
            render: (_, variant) => (variant.trials > 0 ? percent(variant.rate) : '—'),
          },
          {
            title: text('exInterval'),
            key: 'interval',
            render: (_, variant) =>
              variant.trials > 0
                ? `${percent(variant.interval.lower)} – ${percent(variant.interval.upper)}`
                : '—',
          },
          {
            title: text('exDifference'),
            key: 'difference',
            render: (_, variant) =>
              variant.comparison && variant.trials > 0
                ? `${variant.comparison.difference >= 0 ? '+' : ''}${(variant.comparison.difference * 100).toFixed(1)} pt`
                : '—',
          },
          {
            title: text('exPValue'),
            key: 'pValue',
            render: (_, variant) =>
              variant.comparison && variant.trials > 0 ? variant.comparison.pValue.toFixed(3) : '—',
          },
          {
            title: text('exVerdict'),
            key: 'verdict',
            render: (_, variant) => (
              <Tag color={verdictColors[variant.verdict]}>{describeVerdict(variant)}</Tag>
            ),
          },
        ]}
      />
      {chart && <EChart option={chart} height={220} testId={`experiment-chart-${experiment.id}`} />}
    </div>
  );
}
