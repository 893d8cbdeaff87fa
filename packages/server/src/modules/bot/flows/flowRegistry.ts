import type { DialogueState, FlowName } from './dialogueState';
import { deliveryProblemFlow } from './deliveryProblemFlow';
import type { Flow } from './flowKit';
import { invoiceFlow } from './invoiceFlow';
import { orderCancelFlow } from './orderCancelFlow';
import { orderModifyFlow } from './orderModifyFlow';
import { orderTrackingFlow } from './orderTrackingFlow';
import { pricePromotionFlow } from './pricePromotionFlow';
import { productInquiryFlow } from './productFlows';
import { refundFlow } from './refundFlow';
import { returnExchangeFlow } from './returnExchangeFlow';
import { shippingInfoFlow } from './shippingInfoFlow';
import { stockAvailabilityFlow } from './stockAvailabilityFlow';
import { urgeShipmentFlow } from './urgeShipmentFlow';
import { warrantyRepairFlow } from './warrantyRepairFlow';

/** Every flow by name; the `Record` makes a new flow name fail to compile until it has a flow. */
export const flowRegistry: Record<FlowName, Flow> = {
  order_tracking: orderTrackingFlow,
  urge_shipment: urgeShipmentFlow,
  shipping_info: shippingInfoFlow,
  delivery_problem: deliveryProblemFlow,
  order_cancel: orderCancelFlow,
  order_modify: orderModifyFlow,
  return_exchange: returnExchangeFlow,
  refund: refundFlow,
  invoice: invoiceFlow,
  product_inquiry: productInquiryFlow,
  stock_availability: stockAvailabilityFlow,
  price_promotion: pricePromotionFlow,
  warranty_repair: warrantyRepairFlow,
};

/** How a flow is named in a clarifying question ("您是想查询物流，还是申请退货？"). */
export const flowQuestions: Record<FlowName, { zh: string; en: string }> = {
  order_tracking: { zh: '查询物流', en: 'track an order' },
  urge_shipment: { zh: '催发货', en: 'hurry a shipment' },
  shipping_info: { zh: '了解运费和配送', en: 'ask about shipping' },
  delivery_problem: { zh: '反馈收货问题', en: 'report a delivery problem' },
  order_cancel: { zh: '取消订单', en: 'cancel an order' },
  order_modify: { zh: '修改收货信息', en: 'change delivery details' },
  return_exchange: { zh: '申请退换货', en: 'return or exchange' },
  refund: { zh: '查询或申请退款', en: 'ask about a refund' },
  invoice: { zh: '开发票', en: 'get an invoice' },
  product_inquiry: { zh: '了解商品详情', en: 'ask about a product' },
  stock_availability: { zh: '查询库存', en: 'check stock' },
  price_promotion: { zh: '了解价格和优惠', en: 'ask about prices and coupons' },
  warranty_repair: { zh: '保修维修', en: 'get a warranty repair' },
};

export function currentFlow(state: DialogueState): Flow | null {
  return state.flow ? flowRegistry[state.flow] : null;
}
