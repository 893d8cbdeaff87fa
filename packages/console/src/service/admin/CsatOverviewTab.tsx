import { StarFilled } from '@ant-design/icons';
import type { CsatOverview } from '@kefu/sdk';
import { Card, Empty, List, Rate, Spin, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { formatClock } from '../../common/time';
import { useI18n } from '../../i18n/I18nContext';
import { useService } from '../ServiceContext';
import { useServiceText } from '../serviceText';

/** Average rating, how ratings spread over 1–5, and the latest rated conversations with comments. */
export function CsatOverviewTab() {
  const st = useServiceText();
  const { locale } = useI18n();
  const { api, directory } = useService();
  const [overview, setOverview] = useState<CsatOverview | null>(null);
  useEffect(() => {
    api.getCsatOverview(500).then(setOverview, () => setOverview({ surveys: [], averageRating: null }));
  }, [api]);
  if (!overview) return <Spin />;

  const rated = overview.surveys.filter((survey) => survey.rating !== null);
  const counts = [5, 4, 3, 2, 1].map((stars) => ({
    stars,
    count: rated.filter((survey) => survey.rating === stars).length,
  }));
  const largest = Math.max(1, ...counts.map((entry) => entry.count));
  const agentName = (agentId: string | null) =>
    directory.agents.find((agent) => agent.id === agentId)?.displayName ?? '—';

  return (
    <div className="csat-overview">
      <div className="csat-stats">
        <Card size="small">
          <Statistic
            title={st('csatAverage')}
            value={overview.averageRating ?? '—'}
            precision={overview.averageRating === null ? undefined : 2}
            prefix={<StarFilled style={{ color: '#fadb14' }} />}
            suffix="/ 5"
          />
        </Card>
        <Card size="small">
          <Statistic title={st('csatResponses')} value={rated.length} />
        </Card>
        <Card size="small">
          <Statistic title={st('csatRequested')} value={overview.surveys.length} />
        </Card>
        <Card size="small">
          <Statistic
            title={st('csatResponseRate')}
            value={overview.surveys.length === 0 ? 0 : (rated.length / overview.surveys.length) * 100}
            precision={0}
            suffix="%"
          />
        </Card>
      </div>
      <div className="csat-columns">
        <Card size="small" title={st('csatDistribution')}>
          <ul className="csat-distribution">
            {counts.map(({ stars, count }) => (
              <li key={stars}>
                <span className="csat-stars">{st('stars', { n: stars })}</span>
                <span className="csat-bar-track">
                  <span
                    className={`csat-bar csat-bar--${stars}`}
                    style={{ width: `${(count / largest) * 100}%` }}
                  />
                </span>
                <span className="csat-count">{count}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card size="small" title={st('csatRecentComments')}>
          {rated.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={st('csatNoComments')} />
          ) : (
            <List
              size="small"
              dataSource={rated.slice(0, 20)}
              renderItem={(survey) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <span className="csat-comment-head">
                        <Rate disabled value={survey.rating ?? 0} className="csat-rate" />
                        <Typography.Text type="secondary">
                          {agentName(survey.agentId)} ·{' '}
                          {formatClock(survey.respondedAt ?? survey.requestedAt, locale)}
                        </Typography.Text>
                      </span>
                    }
                    description={survey.comment ?? '—'}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      </div>
    </div>
  );
}
