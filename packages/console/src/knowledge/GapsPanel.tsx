import { BulbOutlined } from '@ant-design/icons';
import type { KnowledgeEntry, KnowledgeGap } from '@kefu/sdk';
import { App as AntApp, Alert, Button, Empty, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import { useKnowledgeApi } from './useKnowledgeApi';
import { useFailureText } from '../common/failureText';

/** Topics the bot could not answer well, with counts and examples; one click makes an FAQ draft. */
export function GapsPanel({ onDrafted }: { onDrafted(entry: KnowledgeEntry): void }) {
  const { t } = useI18n();
  const describeFailure = useFailureText();
  const api = useKnowledgeApi();
  const { message: toast } = AntApp.useApp();
  const [gaps, setGaps] = useState<KnowledgeGap[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drafting, setDrafting] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.listGaps().then(
      (loaded) => current && setGaps(loaded),
      (failure: unknown) => current && setError(describeFailure(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, describeFailure]);

  const draft = async (gap: KnowledgeGap) => {
    setDrafting(gap.id);
    try {
      const entry = await api.draftFromGap(gap.id);
      toast.success(t('kbGapDrafted'));
      onDrafted(entry);
    } catch (failure) {
      toast.error(describeFailure(failure));
    } finally {
      setDrafting(null);
    }
  };

  return (
    <div className="kb-gaps">
      <p className="kb-intro">{t('kbGapsIntro')}</p>
      {error && <Alert type="error" title={error} />}
      <Table<KnowledgeGap>
        rowKey="id"
        loading={gaps === null && !error}
        dataSource={gaps ?? []}
        pagination={false}
        tableLayout="fixed"
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={t('kbGapsEmpty')} /> }}
        columns={[
          {
            title: t('kbGapTopic'),
            dataIndex: 'topic',
            width: 200,
            render: (topic: string) => <b>{topic}</b>,
          },
          {
            title: t('kbGapCount'),
            dataIndex: 'count',
            width: 80,
            align: 'center',
            render: (count: number) => <span className="kb-gap-count">{count}</span>,
          },
          {
            title: t('kbGapReasons'),
            width: 180,
            render: (_value, gap) => (
              <div className="kb-tag-stack">
                {gap.reasons.unanswered > 0 && (
                  <Tag color="red">{t('kbGapUnanswered', { n: gap.reasons.unanswered })}</Tag>
                )}
                {gap.reasons.suggested > 0 && (
                  <Tag color="orange">{t('kbGapSuggested', { n: gap.reasons.suggested })}</Tag>
                )}
                {gap.reasons.notHelpful > 0 && (
                  <Tag color="magenta">{t('kbGapNotHelpful', { n: gap.reasons.notHelpful })}</Tag>
                )}
                {gap.reasons.corrected > 0 && (
                  <Tag color="blue">{t('kbGapCorrected', { n: gap.reasons.corrected })}</Tag>
                )}
              </div>
            ),
          },
          {
            title: t('kbGapExamples'),
            render: (_value, gap) => (
              <ul className="kb-gap-examples">
                {gap.examples.slice(0, 3).map((example) => (
                  <li key={example}>“{example}”</li>
                ))}
              </ul>
            ),
          },
          {
            title: t('kbGapLastAsked'),
            dataIndex: 'lastAskedAt',
            width: 160,
            render: (lastAskedAt: string) => (
              <span className="kb-muted">{new Date(lastAskedAt).toLocaleString()}</span>
            ),
          },
          {
            title: '',
            width: 150,
            render: (_value, gap) => (
              <Button
                type="primary"
                ghost
                size="small"
                icon={<BulbOutlined />}
                loading={drafting === gap.id}
                aria-label={`${t('kbGapDraft')} ${gap.topic}`}
                onClick={() => void draft(gap)}
              >
                {t('kbGapDraft')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  );
}
