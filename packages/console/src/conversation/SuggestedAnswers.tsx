import { BulbOutlined, DownOutlined, EnterOutlined, ReloadOutlined, UpOutlined } from '@ant-design/icons';
import type { ConversationSuggestions, Message } from '@kefu/sdk';
import { Button, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nContext';
import type { MessageKey } from '../i18n/zhCN';
import { useKnowledgeApi } from '../knowledge/useKnowledgeApi';
import './suggestedAnswers.css';

const sourceLabelKeys: Record<string, MessageKey> = {
  faq: 'suggestedSourceFaq',
  article: 'suggestedSourceArticle',
  product: 'suggestedSourceProduct',
};

interface SuggestedAnswersProps {
  conversationId: string;
  messages: readonly Message[];
  /** Puts the answer in the reply box, for the agent to edit and send. */
  onInsert(text: string): void;
}

/** Answers from the knowledge base and the catalogue to the customer's latest message. */
export function SuggestedAnswers({ conversationId, messages, onInsert }: SuggestedAnswersProps) {
  const { t } = useI18n();
  const api = useKnowledgeApi();
  const [result, setResult] = useState<ConversationSuggestions | null>(null);
  const [collapsed, setCollapsed] = useState(false);
  const [reloads, setReloads] = useState(0);
  const latestCustomerMessageId = messages.filter((message) => message.sender === 'customer').at(-1)?.id;

  useEffect(() => {
    let current = true;
    if (!latestCustomerMessageId) {
      setResult(null);
      return;
    }
    api.suggestAnswers(conversationId).then(
      (loaded) => current && setResult(loaded),
      () => current && setResult(null),
    );
    return () => {
      current = false;
    };
  }, [api, conversationId, latestCustomerMessageId, reloads]);

  const suggestions = result?.suggestions ?? [];
  return (
    <section className="suggested-answers" aria-label={t('suggestedAnswers')}>
      <header className="suggested-answers-header">
        <BulbOutlined aria-hidden className="suggested-answers-icon" />
        <b>{t('suggestedAnswers')}</b>
        {suggestions.length > 0 && (
          <Tag bordered={false} color="blue">
            {suggestions.length}
          </Tag>
        )}
        <Typography.Text type="secondary" ellipsis className="suggested-answers-question">
          {result?.question ? t('suggestedFor', { question: result.question }) : t('suggestedWaiting')}
        </Typography.Text>
        <Tooltip title={t('suggestedRefresh')}>
          <Button
            type="text"
            size="small"
            icon={<ReloadOutlined />}
            aria-label={t('suggestedRefresh')}
            onClick={() => setReloads((count) => count + 1)}
          />
        </Tooltip>
        <Button
          type="text"
          size="small"
          icon={collapsed ? <UpOutlined /> : <DownOutlined />}
          aria-label={t('suggestedAnswers')}
          aria-expanded={!collapsed}
          onClick={() => setCollapsed((value) => !value)}
        />
      </header>
      {!collapsed && result?.question && (
        <ol className="suggested-answers-list">
          {suggestions.length === 0 && <li className="suggested-answers-empty">{t('suggestedNone')}</li>}
          {suggestions.map((suggestion, index) => {
            const sourceKey = sourceLabelKeys[suggestion.source];
            return (
              <li key={`${suggestion.entryId ?? suggestion.source}-${index}`} className="suggested-answer">
                <div className="suggested-answer-text">
                  <div className="suggested-answer-title">
                    <Tag bordered={false}>{sourceKey ? t(sourceKey) : suggestion.source}</Tag>
                    <span>{suggestion.title}</span>
                    <span className="suggested-answer-score">{Math.round(suggestion.score * 100)}%</span>
                  </div>
                  <Typography.Paragraph
                    ellipsis={{ rows: 2, tooltip: suggestion.answer }}
                    className="suggested-answer-body"
                  >
                    {suggestion.answer}
                  </Typography.Paragraph>
                </div>
                <Button
                  size="small"
                  icon={<EnterOutlined />}
                  aria-label={`${t('suggestedInsert')} ${suggestion.title}`}
                  onClick={() => onInsert(suggestion.answer)}
                >
                  {t('suggestedInsert')}
                </Button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** The composer's `insertion` and a function that inserts a text (again, even the same text). */
export function useComposerInsertion(): [{ text: string; key: number } | null, (text: string) => void] {
  const [insertion, setInsertion] = useState<{ text: string; key: number } | null>(null);
  const insert = useCallback(
    (text: string) => setInsertion((previous) => ({ text, key: (previous?.key ?? 0) + 1 })),
    [],
  );
  return [insertion, insert];
}
