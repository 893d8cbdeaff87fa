// The commerce module's public surface: other modules use it only through what is exported here.
export type { CatalogService } from './catalogService';
export type { CommerceConfig } from './commerceConfig';
export { createCommerceConnector } from './createCommerceConnector';
export { returnReasons, shopRefusalReasons } from './connector';
export type {
  CommerceAddress,
  CommerceConnector,
  CommerceFailure,
  CommerceInvoice,
  CommerceOrder,
  CommerceProduct,
  CommerceRefund,
  CommerceResult,
  CommerceReturn,
  CommercePromotion,
  InvoiceRequest,
  CommerceShipment,
  OrderStatus,
  ShopRefusalReason,
  ReturnReason,
} from './connector';
export { deicticPattern, generalTopicAttributes } from './productAttributeTerms';
export { answerAttributeQuestion, containsTerm, longestSharedHanRun, toComparable } from './productFacts';
export type { ProductFacts } from './productFacts';
export { checkReturnEligibility, warrantyEnd } from './returnEligibility';
export type { ReturnIneligibility } from './returnEligibility';
export {
  addressWire,
  orderWire,
  promotionWire,
  refundWire,
  returnWire,
  shipmentWire,
} from './http/commerceWireSchemas';
export { countOwnShopRecords } from './builtin/ownShopRecords';
export { verifyStandardWebhook } from './webhookSignature';
export { recordWebhookDelivery } from './webhookDeliveries';
