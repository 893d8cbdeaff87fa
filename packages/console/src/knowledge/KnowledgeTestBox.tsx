import { RobotOutlined } from '@ant-design/icons';
import type { ChannelKind, KnowledgeSearchRequest, KnowledgeSearchResult } from '@kefu/sdk';
import { Alert, Button, Empty, Input, List, Progress, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { allChannels, channelLabelKeys } from '../common/labels';
import { useI18n } from '../i18n/I18nContext';
import { entryKindLabelKeys, outcomeLabelKeys } from './knowledgeLabels';
import { useKnowledgeApi } from './useKnowledgeApi';
import { useFailureText } from '../common/failureText';

type TestLocale = NonNullable<KnowledgeSearchRequest['locale']>;
const outcomeColors = { answered: 'success', suggested: 'warning', unanswered: 'error' } as const;

/** Ask a question as a shopper would: the bot's decision and reply, and what retrieval found. */
export function KnowledgeTestBox() {
  const { t } = useI18n();
  const describeFailure = useFailureText();
  const api = useKnowledgeApi();
  const [question, setQuestion] = useState('');
  const [locale, setLocale] = useState<TestLocale>('zh-CN');
  const [channel, setChannel] = useState<ChannelKind>('web');
  const [result, setResult] = useState<KnowledgeSearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  const run = async (text: string) => {
    if (!text.trim()) return;
    setRunning(true);
    try {
      setResult(await api.search({ q: text.trim(), locale, channel, limit: 5 }));
      setError(null);
    } catch (failure) {
      setError(describeFailure(failure));
    } finally {
      setRunning(false);
    }
  };

  const decision = result?.decision;
  return (
    <div className="kb-test">
      <p className="kb-intro">{t('kbTestIntro')}</p>
      <Space.Compact block className="kb-test-input">
        <Select<TestLocale>
          value={locale}
          onChange={setLocale}
          aria-label={t('kbTestLocale')}
          style={{ width: 110 }}
          options={[
            { value: 'zh-CN', label: '简体中文' },
            { value: 'zh-TW', label: '繁體中文' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Select<ChannelKind>
          value={channel}
          onChange={setChannel}
          aria-label={t('kbTestChannel')}
          style={{ width: 110 }}
          options={allChannels.map((value) => ({ value, label: t(channelLabelKeys[value]) }))}
        />
        <Input
          id="kb-test-input"
          aria-label={t('kbTabTest')}
          placeholder={t('kbTestPlaceholder')}
          value={question}
          onChange={(event) => setQuestion(event.target.value)}
          onPressEnter={() => void run(question)}
        />
        <Button type="primary" loading={running} onClick={() => void run(question)}>
          {t('kbTestRun')}
        </Button>
      </Space.Compact>
      {error && <Alert type="error" title={error} />}
      {decision && result && (
        <div className="kb-test-result" data-testid="kb-test-result">
          <div className={`kb-test-reply kb-test-reply--${decision.outcome}`}>
            <RobotOutlined aria-hidden className="kb-test-reply-icon" />
            <div className="kb-test-reply-body">
              <Space size={6} wrap>
                <Tag color={outcomeColors[decision.outcome]}>{t(outcomeLabelKeys[decision.outcome])}</Tag>
                {decision.source && (
                  <Tag>
                    {t('kbTestSource')}: {decision.source}
                  </Tag>
                )}
                {decision.outcome !== 'unanswered' && (
                  <Tag bordered={false}>{t('kbTestScore', { score: Math.round(decision.score * 100) })}</Tag>
                )}
              </Space>
              {decision.reply && <div className="kb-test-reply-text">{decision.reply.text}</div>}
              {decision.reply && decision.reply.quickReplies.length > 0 && (
                <div className="kb-quick-replies">
                  {decision.reply.quickReplies.map((reply) => (
                    <span key={reply.label} className="kb-quick-reply">
                      {reply.label}
                    </span>
                  ))}
                </div>
              )}
            </div>
          </div>
          <h4 className="kb-section-title">{t('kbTestHits')}</h4>
          {result.hits.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('kbTestNoHits')} />
          ) : (
            <List
              size="small"
              dataSource={result.hits}
              renderItem={(hit) => (
                <List.Item>
                  <div className="kb-hit">
                    <div className="kb-hit-head">
                      <Tag>{t(entryKindLabelKeys[hit.kind])}</Tag>
                      <b>{hit.question || hit.matched}</b>
                    </div>
                    <Progress
                      percent={Math.round(hit.score * 100)}
                      size="small"
                      className="kb-hit-score"
                      aria-label={t('kbTestScore', { score: Math.round(hit.score * 100) })}
                    />
                  </div>
                </List.Item>
              )}
            />
          )}
        </div>
      )}
    </div>
  );
}
