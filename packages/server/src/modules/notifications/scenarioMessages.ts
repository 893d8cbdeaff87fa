import type { EventCatalog } from '../../events/catalog';
import { pickLocalizedText } from '../../replyLocale';

export type ScenarioKind = 'order_paid' | 'shipped' | 'out_for_delivery' | 'delivered' | 'shipment_exception';

export interface ScenarioMessage {
  kind: ScenarioKind;
  orderNumber: string;
  shopCustomerId: string;
  zh: string;
  en: string;
}

/** The proactive message an order or shipment update deserves, if any ("您的包裹已发出，单号…"). */
export function scenarioForOrderUpdate(
  update: EventCatalog['commerce.order_updated'],
): ScenarioMessage | null {
  if (update.status !== 'paid' || update.previousStatus === 'paid') return null;
  return {
    kind: 'order_paid',
    orderNumber: update.orderNumber,
    shopCustomerId: update.shopCustomerId,
    zh: `您的订单 ${update.orderNumber} 已付款成功，我们会在 48 小时内为您发货。`,
    en: `Your order ${update.orderNumber} is paid. We'll ship it within 48 hours.`,
  };
}

export function scenarioForShipmentUpdate(
  update: EventCatalog['commerce.shipment_updated'],
): ScenarioMessage | null {
  const base = { orderNumber: update.orderNumber, shopCustomerId: update.shopCustomerId };
  const parcel = `${update.carrierName} ${update.trackingNumber}`;
  const parcelEn = `${update.carrierNameEn} ${update.trackingNumber}`;
  switch (update.status) {
    case 'picked_up':
    case 'in_transit':
      if (update.previousStatus !== null) return null;
      return {
        ...base,
        kind: 'shipped',
        zh: `您的包裹已发出，单号：${parcel}（订单 ${update.orderNumber}）。`,
        en: `Your parcel is on its way: ${parcelEn} (order ${update.orderNumber}).`,
      };
    case 'out_for_delivery':
      return {
        ...base,
        kind: 'out_for_delivery',
        zh: `您的包裹（${parcel}）正在派送中，请保持电话畅通。`,
        en: `Your parcel (${parcelEn}) is out for delivery today.`,
      };
    case 'delivered':
      return {
        ...base,
        kind: 'delivered',
        zh: `您的包裹（${parcel}）已签收。如有任何问题，随时告诉我。`,
        en: `Your parcel (${parcelEn}) was delivered. Tell me any time if something is wrong.`,
      };
    case 'exception':
      return {
        ...base,
        kind: 'shipment_exception',
        zh: `抱歉，您的包裹（${parcel}）运输出现异常，我们正在联系快递处理，有进展会第一时间通知您。`,
        en: `Sorry, your parcel (${parcelEn}) ran into a problem in transit. We're on it with the carrier and will update you.`,
      };
    default:
      return null;
  }
}

export function pickScenarioText(
  message: { zh: string; en: string },
  locale: 'zh-CN' | 'zh-TW' | 'en',
): string {
  return pickLocalizedText(locale, message);
}
