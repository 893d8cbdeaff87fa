import type { Flow } from './flowKit';
import { describeReturnProgress } from './returnNotice';
import { describeShipment } from './shipmentSummary';

/** "我的快递到哪了": the order's status and latest tracking scan; for a returned order, the return's. */
export const orderTrackingFlow: Flow = {
  name: 'order_tracking',
  orderFilter: (order) => order.status !== 'cancelled',
  async run(context, order) {
    if (!order) throw new Error('order_tracking runs with an order');
    // A returned order's parcel of interest is the one coming back.
    if (order.status === 'returned') return describeReturnProgress(context, order);
    return describeShipment(context, order);
  },
};
