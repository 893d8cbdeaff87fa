import { FallOutlined, FireFilled, MinusOutlined, QuestionOutlined, RiseOutlined } from '@ant-design/icons';
import type { HandoffSummary, SentimentTrend } from '@kefu/sdk';
import { Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatClock } from '../../common/time';
import { useDisplayNames } from '../../common/useDisplayNames';
import { useI18n } from '../../i18n/I18nContext';
import type { ServiceTextKey } from '../serviceText';
import { useServiceText } from '../serviceText';

const trendDisplay: Record<SentimentTrend, { key: ServiceTextKey; icon: ReactNode; color: string }> = {
  falling: { key: 'trendFalling', icon: <FallOutlined />, color: 'red' },
  rising: { key: 'trendRising', icon: <RiseOutlined />, color: 'green' },
  steady: { key: 'trendSteady', icon: <MinusOutlined />, color: 'default' },
  unknown: { key: 'trendUnknown', icon: <QuestionOutlined />, color: 'default' },
};

/** The bot's briefing: intent, key details, mood over the last messages, what it said, the last question. */
export function HandoffSummaryDetails({ summary }: { summary: HandoffSummary }) {
  const st = useServiceText();
  const { locale } = useI18n();
  const names = useDisplayNames();
  const trend = trendDisplay[summary.sentiment.trend];
  return (
    <div className="handoff-details">
      <dl className="handoff-facts">
        <dt>{st('intent')}</dt>
        <dd>
          {summary.intent ? (
            <>
              <span>{names.intent(summary.intent.id)}</span>{' '}
              <Typography.Text type="secondary">
                {Math.round(summary.intent.confidence * 100)}%
              </Typography.Text>
            </>
          ) : (
            '—'
          )}
          <Typography.Text type="secondary">
            {' '}
            · {st('messagesCount', { n: summary.customerMessageCount })}
          </Typography.Text>
        </dd>
        <dt>{st('entities')}</dt>
        <dd>
          {summary.entities.length === 0
            ? '—'
            : summary.entities.map((entity) => (
                <Tag key={`${entity.type}:${entity.value}`} color="geekblue" bordered={false}>
                  {names.entityType(entity.type)}: <span className="mono">{entity.value}</span>
                </Tag>
              ))}
        </dd>
        <dt>{st('sentimentTrend')}</dt>
        <dd className="handoff-sentiment">
          <Tag color={trend.color} icon={trend.icon}>
            {st(trend.key)}
          </Tag>
          <SentimentBars scores={summary.sentiment.scores} />
          {summary.sentiment.anger && (
            <Tag color="red" icon={<FireFilled />}>
              {st('angerDetected')}
            </Tag>
          )}
        </dd>
        {summary.priorityReasons.length > 0 && (
          <>
            <dt>{st('priorityReasons')}</dt>
            <dd>
              {summary.priorityReasons.map((reason) => (
                <Tag key={reason} bordered={false}>
                  {names.priorityReason(reason)}
                </Tag>
              ))}
            </dd>
          </>
        )}
      </dl>
      <div className="handoff-conversation">
        <div className="handoff-block-title">{st('botAnswers')}</div>
        {summary.botAnswers.length === 0 ? (
          <Typography.Text type="secondary">{st('noBotAnswers')}</Typography.Text>
        ) : (
          <ol className="handoff-bot-answers">
            {summary.botAnswers.map((answer) => (
              <li key={`${answer.at}-${answer.text.slice(0, 20)}`}>
                <Typography.Paragraph ellipsis={{ rows: 2, tooltip: answer.text }}>
                  {answer.text}
                </Typography.Paragraph>
                <span className="handoff-meta">
                  {formatClock(answer.at, locale)}
                  {answer.answeredBy ? ` · ${names.answeredBy(answer.answeredBy)}` : ''}
                </span>
              </li>
            ))}
          </ol>
        )}
        {summary.lastQuestion && (
          <blockquote className="handoff-last-question" aria-label={st('lastQuestion')}>
            <span className="handoff-block-title">{st('lastQuestion')}</span>
            {summary.lastQuestion}
          </blockquote>
        )}
      </div>
    </div>
  );
}

/** The last sentiment scores (-1 … 1) as small bars, negative ones in red. */
function SentimentBars({ scores }: { scores: number[] }) {
  if (scores.length === 0) return null;
  return (
    <Tooltip title={scores.map((score) => score.toFixed(2)).join(' → ')}>
      <span className="sentiment-bars" aria-hidden>
        {scores.map((score, index) => (
          <span
            key={index}
            className={`sentiment-bar${score < 0 ? ' sentiment-bar--negative' : ''}`}
            style={{ height: `${Math.max(3, Math.round(Math.abs(score) * 18))}px` }}
          />
        ))}
      </span>
    </Tooltip>
  );
}
