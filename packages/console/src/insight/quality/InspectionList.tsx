import type { QaInspectionSummary } from '@kefu/sdk';
import { Button, Card, Segmented, Table, Tag } from 'antd';
import { formatClock } from '../../common/time';
import { useI18n } from '../../i18n/I18nContext';
import { useInsightText } from '../insightText';

export function scoreColor(score: number): string {
  if (score >= 90) return 'green';
  if (score >= 70) return 'gold';
  return 'red';
}

/** Inspected conversations of the period: those with flags to review, or all. */
export function InspectionList({
  inspections,
  toReview,
  onToReviewChange,
  onOpen,
}: {
  inspections: QaInspectionSummary[];
  toReview: boolean;
  onToReviewChange(toReview: boolean): void;
  onOpen(conversationId: string): void;
}) {
  const it = useInsightText();
  const { locale } = useI18n();
  return (
    <Card
      size="small"
      title={it('qaInspections')}
      extra={
        <Segmented
          size="small"
          value={toReview ? 'review' : 'all'}
          onChange={(value) => onToReviewChange(value === 'review')}
          options={[
            { value: 'review', label: it('qaToReview') },
            { value: 'all', label: it('qaAll') },
          ]}
        />
      }
    >
      <Table
        size="small"
        rowKey="conversationId"
        dataSource={inspections}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        data-testid="inspections-table"
        columns={[
          { title: it('colAgent'), render: (_, row) => row.agent?.name ?? '—' },
          {
            title: it('colScore'),
            align: 'right',
            render: (_, row) => <Tag color={scoreColor(row.score)}>{Math.round(row.score)}</Tag>,
          },
          {
            title: it('colFlags'),
            render: (_, row) => (
              <>
                {row.flags.open > 0 && <Tag color="orange">{`${it('flagOpen')} ${row.flags.open}`}</Tag>}
                {row.flags.confirmed > 0 && (
                  <Tag color="red">{`${it('flagConfirmed')} ${row.flags.confirmed}`}</Tag>
                )}
                {row.flags.dismissed > 0 && <Tag>{`${it('flagDismissed')} ${row.flags.dismissed}`}</Tag>}
              </>
            ),
          },
          { title: it('colResolvedAt'), render: (_, row) => formatClock(row.resolvedAt, locale) },
          {
            title: '',
            render: (_, row) => (
              <Button size="small" type="link" onClick={() => onOpen(row.conversationId)}>
                {it('review')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
