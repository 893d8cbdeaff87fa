// The marketing module's public surface: after-conversation offers (recommendations and coupons), their
// click tracking and figures, and shoppers' marketing consent. Other modules use it only through this file.
export { createMarketingModule, startMarketingModule } from './marketingModule';
export type { MarketingModule } from './marketingModule';
export { marketingRoutes } from './routes';
export { marketingRedemptionRoutes } from './redemptionRoutes';
