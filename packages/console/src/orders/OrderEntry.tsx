import type { KefuOrdersApi, OrderView } from '@kefu/sdk';
import { App as AntApp, Button, Card, Dropdown, List, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { formatClock } from '../common/time';
import { useDictionary, useI18n } from '../i18n/I18nContext';
import { AddressDialog, ReturnDialog } from './OrderDialogs';
import { formatYuan, orderStatusKey, ordersEn, ordersZh, refundStatusKey } from './ordersText';

interface OrderEntryProps {
  view: OrderView;
  conversationId: string;
  api: KefuOrdersApi;
  canAct: boolean;
  run(action: () => Promise<unknown>): Promise<void>;
}

/** One order: items, amount, status, the tracking timeline, returns and refunds, and the agent's actions. */
export function OrderEntry({ view, conversationId, api, canAct, run }: OrderEntryProps) {
  const text = useDictionary(ordersZh, ordersEn);
  const { locale } = useI18n();
  const { modal } = AntApp.useApp();
  const [dialog, setDialog] = useState<'return' | 'address' | null>(null);
  const { order } = view;
  const pick = (zh: string, en: string) => (locale === 'en' ? en : zh);
  const parcel = view.shipments.at(-1);
  const confirm = (content: string, action: () => Promise<unknown>) =>
    modal.confirm({
      title: text('confirmTitle'),
      content,
      okText: text('confirm'),
      cancelText: text('dismiss'),
      onOk: () => run(action),
    });
  const orderNumber = order.orderNumber;
  const actions = [
    { key: 'return', label: text('startReturn'), onClick: () => setDialog('return') },
    {
      key: 'refund',
      label: text('refund'),
      onClick: () =>
        confirm(text('confirmRefund', { order: orderNumber }), () =>
          api.startRefund(conversationId, orderNumber, text('agentReason')),
        ),
    },
    { key: 'address', label: text('changeAddress'), onClick: () => setDialog('address') },
    {
      key: 'cancel',
      label: text('cancel'),
      onClick: () =>
        confirm(text('confirmCancel', { order: orderNumber }), () =>
          api.cancelOrder(conversationId, orderNumber, text('agentReason')),
        ),
    },
    ...(order.invoiceIssued
      ? [
          {
            key: 'invoice',
            label: text('resendInvoice'),
            onClick: () =>
              confirm(text('confirmInvoice', { order: orderNumber }), () =>
                api.resendInvoice(conversationId, orderNumber),
              ),
          },
        ]
      : []),
  ];

  return (
    <Card size="small" className="order-entry" data-order={orderNumber}>
      <div className="order-entry-head">
        <Typography.Text strong copyable>
          {orderNumber}
        </Typography.Text>
        <Tag color="blue">{text(orderStatusKey(order.status))}</Tag>
        {!view.linked && <Tag>{text('mentioned')}</Tag>}
      </div>
      <List
        size="small"
        dataSource={order.items}
        renderItem={(item) => (
          <List.Item
            actions={
              canAct
                ? [
                    <Button
                      key="card"
                      type="link"
                      size="small"
                      onClick={() =>
                        void run(() => api.sendCard(conversationId, { productId: item.productId }))
                      }
                    >
                      {text('sendProductCard')}
                    </Button>,
                  ]
                : []
            }
          >
            {pick(item.titleZh, item.titleEn)} × {item.quantity}
          </List.Item>
        )}
      />
      <div className="order-entry-meta">
        {text('total', { amount: formatYuan(order.totalCents) })} ·{' '}
        {text('placedAt', { time: formatClock(order.placedAt, locale) })}
      </div>
      <Typography.Text type="secondary">{text('tracking')}</Typography.Text>
      {parcel ? (
        <>
          <div>
            {pick(parcel.carrierNameZh, parcel.carrierNameEn)} {parcel.trackingNumber}
          </div>
          <Timeline
            className="order-timeline"
            items={[...parcel.events].reverse().map((event) => ({
              content: `${formatClock(event.at, locale)} ${pick(event.descriptionZh, event.descriptionEn)}`,
            }))}
          />
        </>
      ) : (
        <div>{text('noTracking')}</div>
      )}
      {view.returns.map((rma) => (
        <Tag key={rma.returnNumber} color="orange" className="order-return">
          {text('returns')} {rma.returnNumber}
        </Tag>
      ))}
      {view.refunds.map((refund) => (
        <div key={refund.id}>
          {text('refundLine', {
            amount: formatYuan(refund.amountCents),
            status: text(refundStatusKey(refund.status)),
          })}
        </div>
      ))}
      {canAct && (
        <div className="order-entry-actions">
          <Button size="small" onClick={() => void run(() => api.sendCard(conversationId, { orderNumber }))}>
            {text('sendOrderCard')}
          </Button>
          <Dropdown menu={{ items: actions }} trigger={['click']}>
            <Button size="small">{text('actions')}</Button>
          </Dropdown>
        </div>
      )}
      <ReturnDialog
        open={dialog === 'return'}
        onClose={() => setDialog(null)}
        onSubmit={(request) => run(() => api.startReturn(conversationId, orderNumber, request))}
      />
      <AddressDialog
        open={dialog === 'address'}
        initial={order.shippingAddress}
        onClose={() => setDialog(null)}
        onSubmit={(address) => run(() => api.changeAddress(conversationId, orderNumber, address))}
      />
    </Card>
  );
}
