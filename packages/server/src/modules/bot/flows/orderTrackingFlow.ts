import type { Flow } from './flowKit';
import { describeShipment } from './shipmentSummary';

/** "我的快递到哪了": the order's status and latest tracking scan. */
export const orderTrackingFlow: Flow = {
  name: 'order_tracking',
  orderFilter: (order) => order.status !== 'cancelled',
  async run(context, order) {
    if (!order) throw new Error('order_tracking runs with an order');
    return describeShipment(context, order);
  },
};
