import { PlusOutlined } from '@ant-design/icons';
import type { OfferRule, OfferRuleFigures, OfferRuleInput } from '@kefu/sdk';
import { KefuMarketingApi, offerSkipReasons } from '@kefu/sdk';
import {
  App as AntApp,
  Button,
  Popconfirm,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession } from '../auth/SessionContext';
import { useFailureText } from '../common/failureText';
import type { MarketingText } from './marketingText';
import { skipReasonKeys, useMarketingText } from './marketingText';
import { newOfferRule, OfferRuleForm } from './OfferRuleForm';

const periods = [7, 30, 90] as const;
type PeriodDays = (typeof periods)[number];

/** 推荐与优惠: the after-conversation offer rules, what each sends, and its figures for a period. */
export function MarketingScreen() {
  const text = useMarketingText();
  const { client } = useSession();
  const api = useMemo(() => new KefuMarketingApi(client), [client]);
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const [rules, setRules] = useState<OfferRule[] | null>(null);
  const [figures, setFigures] = useState<OfferRuleFigures[]>([]);
  const [days, setDays] = useState<PeriodDays>(30);
  const [editing, setEditing] = useState<OfferRule | 'new' | null>(null);
  const report = useCallback(
    (failure: unknown) => void toast.error(text('errorGeneric', { reason: describeFailure(failure) })),
    [toast, text, describeFailure],
  );
  const reload = useCallback(async () => {
    const to = new Date(Date.now() + 60_000);
    const from = new Date(to.getTime() - days * 24 * 3_600_000);
    try {
      const [listed, counted] = await Promise.all([
        api.listRules(),
        api.figures({ from: from.toISOString(), to: to.toISOString() }),
      ]);
      setRules(listed);
      setFigures(counted);
    } catch (failure) {
      report(failure);
    }
  }, [api, days, report]);
  useEffect(() => void reload(), [reload]);
  const run = (action: () => Promise<unknown>) => async () => {
    try {
      await action();
      await reload();
    } catch (failure) {
      report(failure);
    }
  };
  const save = async (input: OfferRuleInput) => {
    try {
      if (editing === 'new') await api.createRule(input);
      else if (editing) await api.updateRule(editing.id, input);
      setEditing(null);
      toast.success(text('ruleSaved'));
      await reload();
    } catch (failure) {
      report(failure);
    }
  };
  if (!rules) return <Spin />;
  const figuresOf = (ruleId: string) => figures.find((entry) => entry.ruleId === ruleId);

  return (
    <div className="marketing-screen">
      <Typography.Title level={4}>{text('marketingTitle')}</Typography.Title>
      <Typography.Paragraph>{text('marketingIntro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {text('ruleAdd')}
        </Button>
        <Select<PeriodDays>
          aria-label={text('figuresPeriod')}
          value={days}
          onChange={setDays}
          options={periods.map((value) => ({ value, label: text('periodDays', { days: value }) }))}
          style={{ width: 140 }}
        />
      </Space>
      <Table<OfferRule>
        className="offer-rules-table"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rules}
        locale={{ emptyText: text('ruleNone') }}
        scroll={{ x: true }}
        columns={[
          { title: text('ruleName'), dataIndex: 'name' },
          {
            title: text('ruleState'),
            render: (_, rule) =>
              rule.enabled ? (
                <Tag color="green">{text('ruleEnabled')}</Tag>
              ) : (
                <Tag>{text('ruleDisabled')}</Tag>
              ),
          },
          { title: text('ruleSends'), render: (_, rule) => <RuleSummary rule={rule} text={text} /> },
          { title: text('figuresSent'), render: (_, rule) => figuresOf(rule.id)?.sent ?? 0 },
          {
            title: text('figuresSkipped'),
            render: (_, rule) => <SkippedFigure figures={figuresOf(rule.id)} text={text} />,
          },
          { title: text('figuresClicked'), render: (_, rule) => figuresOf(rule.id)?.clicked ?? 0 },
          {
            title: text('figuresClickRate'),
            render: (_, rule) => percent(figuresOf(rule.id)?.clickRate ?? null, text),
          },
          { title: text('figuresRedeemed'), render: (_, rule) => figuresOf(rule.id)?.redeemed ?? 0 },
          {
            title: text('figuresRedemptionRate'),
            render: (_, rule) => percent(figuresOf(rule.id)?.redemptionRate ?? null, text),
          },
          {
            title: '',
            render: (_, rule) => (
              <Space wrap>
                <Button size="small" onClick={() => setEditing(rule)}>
                  {text('ruleEdit')}
                </Button>
                <Button size="small" onClick={run(() => api.updateRule(rule.id, { enabled: !rule.enabled }))}>
                  {rule.enabled ? text('ruleDisable') : text('ruleEnable')}
                </Button>
                <Popconfirm
                  title={text('ruleDeleteConfirm', { name: rule.name })}
                  okText={text('ruleDelete')}
                  cancelText={text('cancel')}
                  onConfirm={run(() => api.deleteRule(rule.id))}
                >
                  <Button size="small" danger>
                    {text('ruleDelete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <OfferRuleForm
          title={editing === 'new' ? text('ruleAdd') : text('ruleEdit')}
          initial={editing === 'new' ? newOfferRule : editing}
          onSubmit={save}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

function RuleSummary({ rule, text }: { rule: OfferRule; text: MarketingText }) {
  return (
    <Space wrap size={[0, 4]}>
      {rule.content.recommendations > 0 && (
        <Tag>{text('summaryRecommendations', { count: rule.content.recommendations })}</Tag>
      )}
      {rule.content.coupon && <Tag>{text('summaryCoupon')}</Tag>}
      <Tag>
        {rule.delayMinutes === 0
          ? text('summaryDelayNow')
          : text('summaryDelay', { minutes: rule.delayMinutes })}
      </Tag>
      {rule.capDays > 0 && <Tag>{text('summaryCap', { days: rule.capDays })}</Tag>}
    </Space>
  );
}

function SkippedFigure({ figures, text }: { figures: OfferRuleFigures | undefined; text: MarketingText }) {
  if (!figures) return 0;
  const reasons = offerSkipReasons.filter((reason) => figures.skipped[reason] > 0);
  const total = reasons.reduce((sum, reason) => sum + figures.skipped[reason], 0);
  if (total === 0) return 0;
  return (
    <Tooltip
      title={reasons.map((reason) => (
        <div key={reason}>
          {text(skipReasonKeys[reason])}: {figures.skipped[reason]}
        </div>
      ))}
    >
      <span className="offer-skipped">
        {total} ·{' '}
        {reasons.map((reason) => `${text(skipReasonKeys[reason])} ${figures.skipped[reason]}`).join(' · ')}
      </span>
    </Tooltip>
  );
}

function percent(rate: number | null, text: MarketingText): string {
  return rate === null ? text('noRate') : `${Math.round(rate * 1000) / 10}%`;
}
