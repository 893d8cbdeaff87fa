import type { Dashboard } from '@kefu/sdk';
import { Alert, App as AntApp, Spin } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { InsightFilter } from '../insightFilter';
import { defaultFilter, useInsightApi, useReportFilter } from '../insightFilter';
import { useInsightText } from '../insightText';
import { DashboardCharts } from './DashboardCharts';
import { DashboardFilters } from './DashboardFilters';
import { DashboardTables } from './DashboardTables';
import { KpiCards } from './KpiCards';
import { useFailureText } from '../../common/failureText';

/** The dashboard: filters, headline figures, charts and tables, and the per-conversation export. */
export function DashboardPanel() {
  const it = useInsightText();
  const api = useInsightApi();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [filter, setFilter] = useState<InsightFilter>(defaultFilter);
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [categories, setCategories] = useState<{ key: string; label: string }[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const reportFilter = useReportFilter(filter);

  const load = useCallback(() => {
    setFailure(null);
    api.getDashboard(reportFilter).then(
      (loaded) => {
        setDashboard(loaded);
        if (!reportFilter.category)
          setCategories(
            loaded.topics.categories.flatMap((category) =>
              category.key === null ? [] : [{ key: category.key, label: category.label }],
            ),
          );
      },
      (error: unknown) => setFailure(describeFailure(error)),
    );
  }, [api, reportFilter, describeFailure]);
  useEffect(load, [load]);

  const exportRows = async (format: 'csv' | 'xlsx') => {
    setExporting(true);
    try {
      const file = await api.exportConversations(reportFilter, format);
      const fileName = `kefu-conversations-${filter.from}-to-${filter.to}.${format}`;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file);
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      toast.success(it('exported', { file: fileName }));
    } catch (error) {
      toast.error(it('loadFailed', { reason: describeFailure(error) }));
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="insight-dashboard">
      <DashboardFilters
        filter={filter}
        categories={categories}
        onChange={setFilter}
        onReload={load}
        onExport={(format) => void exportRows(format)}
        exporting={exporting}
      />
      {failure && <Alert type="error" showIcon title={it('loadFailed', { reason: failure })} />}
      {!dashboard && !failure && <Spin className="page-loading" />}
      {dashboard && (
        <div data-testid="dashboard" data-range={`${dashboard.range.from}/${dashboard.range.to}`}>
          <KpiCards dashboard={dashboard} />
          <DashboardCharts dashboard={dashboard} />
          <DashboardTables dashboard={dashboard} />
        </div>
      )}
    </div>
  );
}
