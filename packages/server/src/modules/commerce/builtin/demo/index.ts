// The demo shop's seed data: pure data plus the function that pins its relative times to a clock.
export type * from './demoShopTypes';
export { demoProducts, findDemoProductBySku } from './demoProducts';
export type { DemoSkuMatch } from './demoProducts';
export { demoCustomers } from './demoCustomers';
export { demoOrders } from './demoOrders';
export { materializeDemoOrders } from './materializeDemoOrders';
export { demoShopInfo, demoCoupons } from './demoShopInfo';
export { demoCarriers, demoLogisticsHubs } from './demoCarriers';
export type { DemoLogisticsHub } from './demoCarriers';
