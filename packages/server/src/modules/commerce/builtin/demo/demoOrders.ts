import { buildDemoOrder } from './buildDemoOrder';
import { demoReturnedOrderSpecs, demoRefundedOrderSpecs } from './demoOrderSpecsAfterSales';
import { demoCancelledOrderSpecs, demoDeliveredOrderSpecs } from './demoOrderSpecsClosed';
import { demoPaidOrderSpecs, demoShippedOrderSpecs, demoUnpaidOrderSpecs } from './demoOrderSpecsOpen';
import type { DemoOrder } from './demoShopTypes';

/**
 * The demo shop's 60 orders. Times are relative (hours before "now"; see materializeDemoOrders) and
 * order numbers are stable identifiers (KF20261101 + sequence), not dates, so scripts and tests can quote them.
 */
export const demoOrders: DemoOrder[] = [
  ...demoUnpaidOrderSpecs,
  ...demoPaidOrderSpecs,
  ...demoShippedOrderSpecs,
  ...demoDeliveredOrderSpecs,
  ...demoCancelledOrderSpecs,
  ...demoReturnedOrderSpecs,
  ...demoRefundedOrderSpecs,
].map(buildDemoOrder);
