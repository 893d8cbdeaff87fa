import { demoCarriers, demoShopInfo } from './builtin/demo';
import type { ShopPolicy } from './connector';

/**
 * The shop's service promises (return window, dispatch time, shipping fees, return address). The builtin
 * shop's are the demo shop's; a remote shop starts from the same defaults until the merchant sets its own.
 */
export function defaultShopPolicy(): ShopPolicy {
  const { warehouse } = demoShopInfo;
  return {
    returnWindowDays: demoShopInfo.returnWindowDays,
    dispatchWithinHours: demoShopInfo.dispatchWithinHours,
    freeShippingThresholdCents: demoShopInfo.freeShippingThresholdCents,
    standardShippingCents: demoShopInfo.standardShippingCents,
    carriersZh: Object.values(demoCarriers).map((carrier) => carrier.nameZh),
    carriersEn: Object.values(demoCarriers).map((carrier) => carrier.nameEn),
    returnAddress: { ...warehouse, postalCode: warehouse.postalCode },
  };
}
