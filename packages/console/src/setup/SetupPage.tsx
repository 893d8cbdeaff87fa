import { CheckCircleFilled, ClockCircleOutlined } from '@ant-design/icons';
import type { SetupStepId } from '@kefu/sdk';
import { Button, Card, Result, Space, Spin, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { navigate } from '../common/router';
import type { ConsoleRoute } from '../common/router';
import { ShopImportCard } from './ShopImportCard';
import { SiteOriginForm } from './SiteOriginForm';
import type { SetupTextKey } from './setupText';
import { useSetupText } from './setupText';
import { useSetupChecklist } from './useSetupChecklist';
import { WidgetSnippetCard } from './WidgetSnippetCard';
import './setup.css';

const stepTexts: Record<SetupStepId, { title: SetupTextKey; body: SetupTextKey }> = {
  agents: { title: 'stepAgents', body: 'stepAgentsBody' },
  businessHours: { title: 'stepBusinessHours', body: 'stepBusinessHoursBody' },
  faq: { title: 'stepFaq', body: 'stepFaqBody' },
  products: { title: 'stepProducts', body: 'stepProductsBody' },
  orders: { title: 'stepOrders', body: 'stepOrdersBody' },
  channels: { title: 'stepChannels', body: 'stepChannelsBody' },
  widget: { title: 'stepWidget', body: 'stepWidgetBody' },
};

/** Where a step is done elsewhere in the console; the others are done right here. */
const stepRoutes: Partial<Record<SetupStepId, ConsoleRoute>> = {
  agents: { screen: 'agents' },
  businessHours: { screen: 'serviceSettings', tab: 'routing' },
  faq: { screen: 'knowledge' },
};

/** The first-run checklist: each step with its state read from the data, and what to do for it. */
export function SetupPage() {
  const text = useSetupText();
  const { checklist, refresh } = useSetupChecklist();
  if (!checklist) return <Spin className="page-loading" />;
  if (checklist.complete)
    return (
      <Result
        status="success"
        title={text('allDone')}
        extra={
          <Button type="primary" onClick={() => navigate({ screen: 'inbox', conversationId: null })}>
            {text('goToInbox')}
          </Button>
        }
      />
    );
  const action = (id: SetupStepId): ReactNode => {
    const route = stepRoutes[id];
    if (route) return <Button onClick={() => navigate(route)}>{text('open')}</Button>;
    if (id === 'products' || id === 'orders') return <ShopImportCard kind={id} onImported={refresh} />;
    if (id === 'channels') return <SiteOriginForm onAdded={refresh} />;
    return <WidgetSnippetCard />;
  };
  return (
    <div className="setup-page">
      <Typography.Title level={3}>{text('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{text('intro')}</Typography.Paragraph>
      <Space orientation="vertical" size={12} className="setup-steps">
        {checklist.steps.map((step) => (
          <Card
            key={step.id}
            size="small"
            data-step={step.id}
            data-done={step.done ? 'true' : 'false'}
            className={`setup-step${step.done ? ' setup-step--done' : ''}`}
            title={
              <Space>
                {step.done ? <CheckCircleFilled className="setup-done-icon" /> : <ClockCircleOutlined />}
                {text(stepTexts[step.id].title)}
              </Space>
            }
            extra={step.done ? <Tag color="success">{text('done')}</Tag> : <Tag>{text('todo')}</Tag>}
          >
            <Typography.Paragraph>{text(stepTexts[step.id].body, { n: step.count })}</Typography.Paragraph>
            {action(step.id)}
          </Card>
        ))}
      </Space>
    </div>
  );
}
