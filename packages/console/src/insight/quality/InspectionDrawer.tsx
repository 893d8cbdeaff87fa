import type { QaFlag, QaFlagStatus, QaInspection } from '@kefu/sdk';
import { App as AntApp, Button, Drawer, Empty, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { navigate } from '../../common/router';
import { formatClock } from '../../common/time';
import { useI18n } from '../../i18n/I18nContext';
import { useInsightApi, useMay } from '../insightFilter';
import type { InsightTextKey } from '../insightText';
import { useInsightText } from '../insightText';
import { scoreColor } from './InspectionList';
import { useFailureText } from '../../common/failureText';

const statusText: Record<QaFlagStatus, InsightTextKey> = {
  open: 'flagOpen',
  confirmed: 'flagConfirmed',
  dismissed: 'flagDismissed',
};
const statusColor: Record<QaFlagStatus, string> = { open: 'orange', confirmed: 'red', dismissed: 'default' };

/** One inspection: the score, each flag with confirm / dismiss, the transcript with flagged messages marked, notes. */
export function InspectionDrawer({
  conversationId,
  onClose,
  onChanged,
}: {
  conversationId: string | null;
  onClose(): void;
  onChanged(): void;
}) {
  const it = useInsightText();
  const may = useMay();
  const reviewer = may('qa:review');
  const { locale } = useI18n();
  const api = useInsightApi();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [inspection, setInspection] = useState<QaInspection | null>(null);
  const [note, setNote] = useState('');
  const fail = useCallback(
    (error: unknown) => toast.error(it('loadFailed', { reason: describeFailure(error) })),
    [toast, it, describeFailure],
  );
  useEffect(() => {
    setInspection(null);
    if (conversationId) api.getInspection(conversationId, locale).then(setInspection, fail);
  }, [api, conversationId, locale, fail, describeFailure]);

  const apply = (update: Promise<QaInspection>) =>
    update.then((next) => {
      setInspection(next);
      onChanged();
    }, fail);
  const review = (flag: QaFlag, status: QaFlagStatus) => apply(api.reviewFlag(flag.id, { status }, locale));
  const addNote = async () => {
    if (!inspection?.agent || !note.trim()) return;
    try {
      await api.addCoachingNote(inspection.agent.id, {
        text: note.trim(),
        conversationId: inspection.conversationId,
      });
      setNote('');
      toast.success(it('noteAdded'));
      setInspection(await api.getInspection(inspection.conversationId, locale));
    } catch (error) {
      fail(error);
    }
  };
  const flagsByMessage = new Map<string, QaFlag[]>();
  for (const flag of inspection?.flags ?? [])
    if (flag.messageId)
      flagsByMessage.set(flag.messageId, [...(flagsByMessage.get(flag.messageId) ?? []), flag]);

  return (
    <Drawer
      open={conversationId !== null}
      onClose={onClose}
      size={760}
      title={it('qaDetail')}
      destroyOnHidden
    >
      {!inspection ? (
        <Spin />
      ) : (
        <div className="insight-inspection" data-testid="inspection-detail">
          <Space wrap className="insight-inspection-head">
            <Tag color={scoreColor(inspection.score)} data-testid="inspection-score">
              {it('colScore')} {Math.round(inspection.score)}
            </Tag>
            <span>{inspection.agent?.name ?? '—'}</span>
            {may('conversations:read') && (
              <Button
                size="small"
                onClick={() => navigate({ screen: 'inbox', conversationId: inspection.conversationId })}
              >
                {it('openConversation')}
              </Button>
            )}
            {reviewer && (
              <Button
                size="small"
                onClick={() => void apply(api.rerunInspection(inspection.conversationId, locale))}
              >
                {it('rerun')}
              </Button>
            )}
          </Space>
          <Typography.Title level={5}>{it('qaFlags')}</Typography.Title>
          <List
            size="small"
            dataSource={inspection.flags}
            locale={{ emptyText: <Empty description={it('qaNoFlags')} /> }}
            renderItem={(flag) => (
              <List.Item
                data-testid="qa-flag"
                actions={[
                  reviewer && flag.status !== 'confirmed' && (
                    <Button key="confirm" size="small" danger onClick={() => void review(flag, 'confirmed')}>
                      {it('confirm')}
                    </Button>
                  ),
                  reviewer && flag.status !== 'dismissed' && (
                    <Button key="dismiss" size="small" onClick={() => void review(flag, 'dismissed')}>
                      {it('dismiss')}
                    </Button>
                  ),
                  reviewer && flag.status !== 'open' && (
                    <Button key="reopen" size="small" type="link" onClick={() => void review(flag, 'open')}>
                      {it('reopen')}
                    </Button>
                  ),
                ].filter(Boolean)}
              >
                <Space>
                  <Tag color={statusColor[flag.status]}>{it(statusText[flag.status])}</Tag>
                  <strong>{flag.label}</strong>
                </Space>
              </List.Item>
            )}
          />
          <Typography.Title level={5}>{it('qaTranscript')}</Typography.Title>
          <div className="insight-transcript">
            {inspection.transcript.map((message) => {
              const flags = flagsByMessage.get(message.id) ?? [];
              return (
                <div
                  key={message.id}
                  className={`insight-line insight-line-${message.sender}${flags.length > 0 ? ' insight-line-flagged' : ''}`}
                >
                  <span className="insight-line-meta">
                    {message.senderName ?? it(senderText(message.sender))} · {formatClock(message.at, locale)}
                  </span>
                  <span className="insight-line-text">{message.text}</span>
                  {flags.map((flag) => (
                    <Tag key={flag.id} color={statusColor[flag.status]}>
                      {flag.label}
                    </Tag>
                  ))}
                </div>
              );
            })}
          </div>
          <Typography.Title level={5}>{it('coachingNotes')}</Typography.Title>
          <List
            size="small"
            dataSource={inspection.notes}
            renderItem={(item) => (
              <List.Item>
                <Typography.Text>{item.text}</Typography.Text>
                <Typography.Text type="secondary">
                  {item.author.name} · {formatClock(item.createdAt, locale)}
                </Typography.Text>
              </List.Item>
            )}
          />
          {reviewer && (
            <>
              <Space.Compact style={{ width: '100%' }}>
                <Input.TextArea
                  value={note}
                  onChange={(event) => setNote(event.target.value)}
                  placeholder={it('coachingPlaceholder', { agent: inspection.agent?.name ?? '' })}
                  autoSize={{ minRows: 2, maxRows: 5 }}
                />
              </Space.Compact>
              <Button
                type="primary"
                onClick={() => void addNote()}
                disabled={!note.trim()}
                style={{ marginTop: 8 }}
              >
                {it('addNote')}
              </Button>
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}

function senderText(sender: 'customer' | 'agent' | 'bot' | 'system'): InsightTextKey {
  if (sender === 'customer') return 'senderCustomer';
  if (sender === 'bot') return 'senderBot';
  return 'senderSystem';
}
