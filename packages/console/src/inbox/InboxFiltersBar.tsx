import { SearchOutlined } from '@ant-design/icons';
import type { ConversationStatus } from '@kefu/sdk';
import { Badge, Input, Segmented, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useSignedInAgent } from '../auth/SessionContext';
import { useChannelOptions } from '../common/ChannelName';
import { allStatuses, statusLabelKeys } from '../common/labels';
import { useI18n } from '../i18n/I18nContext';
import { useInbox } from './InboxContext';
import type { InboxTab } from './inboxView';

export function InboxFiltersBar() {
  const { t } = useI18n();
  const channelOptions = useChannelOptions();
  const agent = useSignedInAgent();
  const { tab, setTab, filters, setFilters, unreadByTab } = useInbox();
  const [search, setSearch] = useState(filters.search);
  const tabs: InboxTab[] = agent.permissions.includes('conversations:read_all')
    ? ['mine', 'queue', 'all']
    : ['mine', 'queue'];
  const tabLabels: Record<InboxTab, string> = { mine: t('tabMine'), queue: t('tabQueue'), all: t('tabAll') };

  useEffect(() => {
    const timer = setTimeout(() => {
      if (search !== filters.search) setFilters({ ...filters, search });
    }, 300);
    return () => clearTimeout(timer);
  }, [search, filters, setFilters]);

  return (
    <div className="inbox-filters">
      <Segmented<InboxTab>
        block
        value={tab}
        onChange={setTab}
        aria-label={t('navInbox')}
        options={tabs.map((value) => ({
          value,
          label: (
            <span className="tab-label" data-tab={value}>
              {tabLabels[value]}
              <Badge count={unreadByTab[value]} size="small" />
            </span>
          ),
        }))}
      />
      <Input
        id="inbox-search"
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchPlaceholder')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <div className="inbox-filter-row">
        <Select<ConversationStatus[]>
          mode="multiple"
          size="small"
          maxTagCount="responsive"
          aria-label={t('filterStatus')}
          placeholder={t('filterStatus')}
          value={filters.statuses}
          onChange={(statuses) => setFilters({ ...filters, statuses })}
          options={allStatuses.map((status) => ({ value: status, label: t(statusLabelKeys[status]) }))}
          style={{ flex: 2, minWidth: 0 }}
        />
        <Select
          className="inbox-channel-filter"
          size="small"
          allowClear
          aria-label={t('filterChannel')}
          placeholder={t('filterChannel')}
          value={filters.channel ?? undefined}
          onChange={(channel) => setFilters({ ...filters, channel: channel ?? null })}
          options={channelOptions}
          style={{ flex: 1, minWidth: 0 }}
        />
      </div>
    </div>
  );
}
