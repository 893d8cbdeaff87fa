import type { Dashboard } from '@kefu/sdk';
import { Card, Table, Tag } from 'antd';
import { useI18n } from '../../i18n/I18nContext';
import { formatSeconds } from '../insightFilter';
import { useInsightText } from '../insightText';

/** Agent performance, top questions and knowledge gaps, product issues. */
export function DashboardTables({ dashboard }: { dashboard: Dashboard }) {
  const it = useInsightText();
  const { locale } = useI18n();
  const score = (value: number | null, digits: number) => (value === null ? '—' : value.toFixed(digits));
  return (
    <div className="insight-tables">
      <Card size="small" title={it('agentsTitle')} className="insight-wide">
        <Table
          size="small"
          rowKey="agentId"
          pagination={false}
          dataSource={dashboard.agents}
          data-testid="agents-table"
          columns={[
            { title: it('colAgent'), dataIndex: 'name' },
            { title: it('colHandled'), dataIndex: 'handled', align: 'right' },
            { title: it('colResolved'), dataIndex: 'resolved', align: 'right' },
            {
              title: it('colFirstResponse'),
              align: 'right',
              render: (_, row) => formatSeconds(row.averageFirstResponseSeconds, locale),
            },
            {
              title: it('colHandling'),
              align: 'right',
              render: (_, row) => formatSeconds(row.averageHandlingSeconds, locale),
            },
            { title: it('colCsat'), align: 'right', render: (_, row) => score(row.csatAverage, 2) },
            { title: it('colQa'), align: 'right', render: (_, row) => score(row.qaAverageScore, 1) },
          ]}
        />
      </Card>
      <Card size="small" title={it('questionsTitle')}>
        <Table
          size="small"
          rowKey="question"
          pagination={false}
          dataSource={dashboard.questions.topQuestions}
          columns={[
            { title: it('colQuestion'), dataIndex: 'question' },
            { title: it('colAsked'), dataIndex: 'asked', align: 'right' },
            { title: it('colAnswered'), dataIndex: 'answered', align: 'right' },
          ]}
        />
      </Card>
      <Card size="small" title={it('gapsTitle')}>
        <Table
          size="small"
          rowKey="topic"
          pagination={false}
          dataSource={dashboard.questions.gaps}
          columns={[
            { title: it('colTopic'), dataIndex: 'topic' },
            { title: it('colCount'), dataIndex: 'count', align: 'right' },
            { title: it('colUnanswered'), dataIndex: 'unanswered', align: 'right' },
          ]}
        />
      </Card>
      <Card size="small" title={it('productsTitle')} className="insight-wide">
        <Table
          size="small"
          rowKey="productId"
          pagination={false}
          dataSource={dashboard.productIssues}
          data-testid="product-issues-table"
          columns={[
            { title: it('colProduct'), dataIndex: 'name' },
            { title: it('colTotal'), dataIndex: 'total', align: 'right' },
            {
              title: it('colReasons'),
              render: (_, row) =>
                row.reasons.map((reason) => (
                  <Tag key={reason.label} bordered={false}>
                    {reason.label} {reason.value}
                  </Tag>
                )),
            },
          ]}
        />
      </Card>
    </div>
  );
}
