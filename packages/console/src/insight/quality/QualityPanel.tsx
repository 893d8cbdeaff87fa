import type { QaInspectionSummary, QaScorecards } from '@kefu/sdk';
import { Alert, DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { navigate } from '../../common/router';
import { useI18n } from '../../i18n/I18nContext';
import { useService } from '../../service/ServiceContext';
import { browserTimeZone, lastDays, useInsightApi } from '../insightFilter';
import { useInsightText } from '../insightText';
import { InspectionDrawer } from './InspectionDrawer';
import { InspectionList } from './InspectionList';
import { RuleSetEditor } from './RuleSetEditor';
import { Scorecards } from './Scorecards';
import { useFailureText } from '../../common/failureText';

/** Quality inspection: scorecards per agent, the inspections to review, one inspection in a drawer, the rules. */
export function QualityPanel({ conversationId }: { conversationId: string | null }) {
  const it = useInsightText();
  const describeFailure = useFailureText();
  const { locale } = useI18n();
  const api = useInsightApi();
  const { directory } = useService();
  const [period, setPeriod] = useState(() => lastDays(30));
  const [agentId, setAgentId] = useState<string | null>(null);
  const [toReview, setToReview] = useState(true);
  const [scorecards, setScorecards] = useState<QaScorecards | null>(null);
  const [inspections, setInspections] = useState<QaInspectionSummary[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  const load = useCallback(() => {
    const filter = { ...period, timeZone: browserTimeZone(), locale, ...(agentId && { agentId }) };
    const fail = (error: unknown) => setFailure(describeFailure(error));
    api.getScorecards(filter).then(setScorecards, fail);
    api.listInspections({ ...filter, status: toReview ? 'open_flags' : 'all' }).then(setInspections, fail);
  }, [api, period, agentId, toReview, locale, describeFailure]);
  useEffect(load, [load]);

  const open = (id: string | null) => navigate({ screen: 'insight', tab: 'quality', conversationId: id });
  return (
    <div className="insight-quality">
      <Space wrap className="insight-filters">
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(period.from), dayjs(period.to)]}
          onChange={(dates) => {
            const [from, to] = dates ?? [];
            if (from && to) setPeriod({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
        />
        <Select<string>
          aria-label={it('allAgents')}
          style={{ width: 160 }}
          value={agentId ?? ''}
          onChange={(value) => setAgentId(value || null)}
          options={[
            { value: '', label: it('allAgents') },
            ...directory.agents.map((agent) => ({ value: agent.id, label: agent.displayName })),
          ]}
        />
      </Space>
      {failure && <Alert type="error" showIcon title={it('loadFailed', { reason: failure })} />}
      {scorecards && <Scorecards scorecards={scorecards} />}
      <InspectionList
        inspections={inspections}
        toReview={toReview}
        onToReviewChange={setToReview}
        onOpen={open}
      />
      <RuleSetEditor />
      <InspectionDrawer conversationId={conversationId} onClose={() => open(null)} onChanged={load} />
    </div>
  );
}
