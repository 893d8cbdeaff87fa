import { KefuOrdersApi } from '@kefu/sdk';
import type { OrderView } from '@kefu/sdk';
import { App as AntApp, Alert, Button, Empty, Input, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useSession, useSignedInAgent } from '../auth/SessionContext';
import { useDictionary } from '../i18n/I18nContext';
import { OrderEntry } from './OrderEntry';
import { ordersEn, ordersZh } from './ordersText';
import './orders.css';
import { useFailureText } from '../common/failureText';

/** Beside the conversation: the shopper's orders with tracking, and what the agent can do about them. */
export function OrdersPanel({ conversationId }: { conversationId: string }) {
  const text = useDictionary(ordersZh, ordersEn);
  const { client } = useSession();
  const agent = useSignedInAgent();
  const { message: toast } = AntApp.useApp();
  const describeFailure = useFailureText();
  const api = useMemo(() => new KefuOrdersApi(client), [client]);
  const [orders, setOrders] = useState<OrderView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [coupon, setCoupon] = useState('');
  const canAct = agent.permissions.includes('orders:act');

  const reload = useCallback(() => {
    api.listOrders(conversationId).then(
      (listed) => {
        setOrders(listed);
        setError(null);
      },
      (failure: unknown) => setError(describeFailure(failure)),
    );
  }, [api, conversationId, describeFailure]);
  useEffect(() => {
    setOrders(null);
    reload();
  }, [reload]);

  /** Runs an action; on success the shopper has been told, and the list is read again. */
  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      try {
        await action();
        toast.success(text('done'));
        reload();
      } catch (failure) {
        toast.error(describeFailure(failure));
        throw failure;
      }
    },
    [reload, toast, text, describeFailure],
  );

  if (!agent.permissions.includes('orders:read')) return null;
  return (
    <section className="orders-panel" aria-label={text('title')} data-testid="orders-panel">
      <Typography.Title level={5}>{text('title')}</Typography.Title>
      {error && <Alert type="warning" showIcon title={text('loadFailed', { message: error })} />}
      {!orders && !error && <Spin />}
      {orders?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text('none')} />}
      {orders?.map((view) => (
        <OrderEntry
          key={view.order.orderNumber}
          view={view}
          conversationId={conversationId}
          api={api}
          canAct={canAct}
          run={run}
        />
      ))}
      {canAct && (
        <Space.Compact className="orders-coupon">
          <Input
            aria-label={text('coupon')}
            placeholder={text('coupon')}
            value={coupon}
            onChange={(event) => setCoupon(event.target.value)}
          />
          <Button
            disabled={!coupon.trim()}
            onClick={() =>
              void run(() => api.sendCoupon(conversationId, coupon.trim())).then(() => setCoupon(''))
            }
          >
            {text('sendCoupon')}
          </Button>
        </Space.Compact>
      )}
    </section>
  );
}
