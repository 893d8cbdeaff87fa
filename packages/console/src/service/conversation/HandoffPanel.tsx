import { AlertOutlined, DownOutlined, FieldTimeOutlined, RightOutlined } from '@ant-design/icons';
import type { Conversation, ConversationPriority } from '@kefu/sdk';
import { App as AntApp, Button, Select, Space, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { priorityColors, priorityLabelKeys } from '../../common/labels';
import { formatDuration, useNow } from '../../common/time';
import { useDisplayNames } from '../../common/useDisplayNames';
import { useI18n } from '../../i18n/I18nContext';
import { useInbox } from '../../inbox/InboxContext';
import { useService } from '../ServiceContext';
import { describeReason } from '../serviceLabels';
import { useServiceText } from '../serviceText';
import { useSession } from '../../auth/SessionContext';
import { HandoffSummaryDetails } from './HandoffSummaryDetails';
import { useLiveHandoffSummary, useRememberedExpansion } from './useLiveHandoffSummary';
import { useFailureText } from '../../common/failureText';

const priorities: ConversationPriority[] = ['low', 'normal', 'high', 'urgent'];

/**
 * Above the transcript of a handed-off conversation: why it came to a person, where it stands in the
 * queue and against its target, priority and category (supervisors override them), and the bot's briefing.
 */
export function HandoffPanel({ conversation }: { conversation: Conversation }) {
  const st = useServiceText();
  const { t } = useI18n();
  const names = useDisplayNames();
  const { api, canManage } = useService();
  const { upsertConversation } = useInbox();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const { client } = useSession();
  const summary = useLiveHandoffSummary(client, api, conversation);
  const [categories, setCategories] = useState<string[]>([]);
  const [expanded, setExpanded] = useRememberedExpansion();
  const { id, priority, category } = conversation;

  useEffect(() => {
    if (canManage)
      api.getHandoffSettings().then(
        (listing) => setCategories(listing.categories),
        () => undefined,
      );
  }, [api, canManage]);

  if (!summary) return null;
  const override = async (change: { priority?: ConversationPriority; category?: string }) => {
    try {
      upsertConversation(await api.overrideClassification(id, change));
      toast.success(st('overrideSaved'));
    } catch (failure) {
      toast.error(describeFailure(failure));
    }
  };
  const currentCategory = category ?? summary.category;

  return (
    <section className="handoff-panel" aria-label={st('handoffSummary')} data-testid="handoff-panel">
      <div className="handoff-strip">
        <Button
          type="text"
          size="small"
          className="handoff-toggle"
          icon={expanded ? <DownOutlined /> : <RightOutlined />}
          aria-expanded={expanded}
          onClick={() => setExpanded(!expanded)}
        >
          {st('handoffSummary')}
        </Button>
        <Tag icon={<AlertOutlined />} color="volcano" className="handoff-reason">
          {describeReason(summary.reason, st)}
        </Tag>
        <QueueStanding conversation={conversation} />
        <Space size={6} className="handoff-classification">
          <span className="handoff-label">{st('priority')}</span>
          {canManage ? (
            <Select<ConversationPriority>
              size="small"
              aria-label={st('priority')}
              value={priority}
              style={{ width: 92 }}
              onChange={(value) => void override({ priority: value })}
              options={priorities.map((value) => ({
                value,
                label: (
                  <span className={`priority-option priority-option--${value}`}>
                    {t(priorityLabelKeys[value])}
                  </span>
                ),
              }))}
            />
          ) : (
            <Tag color={priorityColors[priority]}>{t(priorityLabelKeys[priority])}</Tag>
          )}
          <span className="handoff-label">{st('category')}</span>
          {canManage ? (
            <Select<string>
              size="small"
              showSearch
              aria-label={st('category')}
              value={currentCategory}
              style={{ width: 150 }}
              onChange={(value) => void override({ category: value })}
              options={[...new Set([currentCategory, ...categories])].map((value) => ({
                value,
                label: names.category(value),
              }))}
            />
          ) : (
            <Tag>{names.category(currentCategory)}</Tag>
          )}
        </Space>
      </div>
      {expanded && <HandoffSummaryDetails summary={summary} />}
    </section>
  );
}

/** Queue place, waiting time and the queue target countdown, while nobody holds the conversation. */
function QueueStanding({ conversation }: { conversation: Conversation }) {
  const st = useServiceText();
  const { t } = useI18n();
  const { queue, queueTargetMinutes } = useService();
  const now = useNow(15_000);
  const entry = queue.entries.find((candidate) => candidate.conversationId === conversation.id);
  if (!entry || conversation.status !== 'queued') return null;
  const waitedMs = now - Date.parse(entry.enqueuedAt);
  const remainingMs = queueTargetMinutes === null ? null : queueTargetMinutes * 60_000 - waitedMs;
  return (
    <Space size={6} className="queue-standing">
      <Tag color="orange">{st('queuePosition', { n: entry.position })}</Tag>
      <Tooltip title={new Date(entry.enqueuedAt).toLocaleString()}>
        <span className="queue-waiting">
          <FieldTimeOutlined /> {st('waitingFor', { time: formatDuration(waitedMs, t) })}
        </span>
      </Tooltip>
      {remainingMs !== null && (
        <Tag color={remainingMs < 0 ? 'red' : remainingMs < 60_000 ? 'orange' : 'green'}>
          {remainingMs < 0
            ? st('queueTargetMissed', { time: formatDuration(-remainingMs, t) })
            : st('queueTargetLeft', { time: formatDuration(remainingMs, t) })}
        </Tag>
      )}
    </Space>
  );
}
