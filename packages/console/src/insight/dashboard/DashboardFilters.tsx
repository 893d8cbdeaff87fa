import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ChannelKind } from '@kefu/sdk';
import { Button, DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useChannelOptions } from '../../common/ChannelName';
import { useService } from '../../service/ServiceContext';
import type { InsightFilter } from '../insightFilter';
import { lastDays } from '../insightFilter';
import { useInsightText } from '../insightText';

interface DashboardFiltersProps {
  filter: InsightFilter;
  categories: { key: string; label: string }[];
  onChange(filter: InsightFilter): void;
  onReload(): void;
  onExport(format: 'csv' | 'xlsx'): void;
  exporting: boolean;
}

/** Dates, channel, team, agent and category, with reload and the two export buttons. */
export function DashboardFilters({
  filter,
  categories,
  onChange,
  onReload,
  onExport,
  exporting,
}: DashboardFiltersProps) {
  const it = useInsightText();
  const channelOptions = useChannelOptions();
  const { directory } = useService();
  const set = (changes: Partial<InsightFilter>) => onChange({ ...filter, ...changes });
  return (
    <div className="insight-filters">
      <Space wrap>
        <DatePicker.RangePicker
          aria-label={it('range')}
          allowClear={false}
          value={[dayjs(filter.from), dayjs(filter.to)]}
          presets={[
            { label: it('last7Days'), value: [dayjs(lastDays(7).from), dayjs()] },
            { label: it('last30Days'), value: [dayjs(lastDays(30).from), dayjs()] },
            { label: it('thisMonth'), value: [dayjs().startOf('month'), dayjs()] },
          ]}
          onChange={(dates) => {
            const [from, to] = dates ?? [];
            if (from && to) set({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
        />
        <Select<ChannelKind | ''>
          className="insight-channel-filter"
          aria-label={it('allChannels')}
          style={{ width: 130 }}
          value={filter.channel ?? ''}
          onChange={(channel) => set({ channel: channel === '' ? null : channel })}
          options={[{ value: '', label: it('allChannels') }, ...channelOptions]}
        />
        <Select<string>
          aria-label={it('allTeams')}
          style={{ width: 140 }}
          value={filter.teamId ?? ''}
          onChange={(teamId) => set({ teamId: teamId || null })}
          options={[
            { value: '', label: it('allTeams') },
            ...directory.teams.map((team) => ({ value: team.id, label: team.name })),
          ]}
        />
        <Select<string>
          aria-label={it('allAgents')}
          style={{ width: 140 }}
          showSearch
          optionFilterProp="label"
          value={filter.agentId ?? ''}
          onChange={(agentId) => set({ agentId: agentId || null })}
          options={[
            { value: '', label: it('allAgents') },
            ...directory.agents.map((agent) => ({ value: agent.id, label: agent.displayName })),
          ]}
        />
        <Select<string>
          aria-label={it('allCategories')}
          style={{ width: 140 }}
          value={filter.category ?? ''}
          onChange={(category) => set({ category: category || null })}
          options={[
            { value: '', label: it('allCategories') },
            ...categories.map((category) => ({ value: category.key, label: category.label })),
          ]}
        />
      </Space>
      <Space wrap>
        <Button icon={<ReloadOutlined />} onClick={onReload}>
          {it('refresh')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => onExport('csv')}>
          {it('exportCsv')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => onExport('xlsx')}>
          {it('exportXlsx')}
        </Button>
      </Space>
    </div>
  );
}
