import { demoCarriers, demoLogisticsHubs } from './demoCarriers';
import type { DemoLogisticsHub } from './demoCarriers';
import { demoShopInfo } from './demoShopInfo';
import type {
  DemoAddress,
  DemoCarrier,
  DemoCarrierCode,
  DemoTrackingEvent,
  DemoTrackingStatusCode,
} from './demoShopTypes';

/** How the parcel was handed over on delivery. */
export type DemoHandover = 'recipient' | 'doorman' | 'locker' | 'parcel_station';

/** How far a seeded parcel got; the last tracking event happens at `lastEventHoursAgo`. */
export type DemoShipmentProgress =
  | { stage: 'in_transit' | 'out_for_delivery'; lastEventHoursAgo: number }
  | { stage: 'delivered'; lastEventHoursAgo: number; handover: DemoHandover };

export interface DemoTrackingRoute {
  carrierCode: DemoCarrierCode;
  trackingNumber: string;
  destination: DemoAddress;
  shippedHoursAgo: number;
  progress: DemoShipmentProgress;
}

type Milestone = 'picked_up' | 'left_origin' | 'reached_destination_hub' | 'out_for_delivery' | 'delivered';

// Share of the door-to-door time at which each milestone happens (first at 0, delivery at 1).
const milestoneShare: Record<Milestone, number> = {
  picked_up: 0,
  left_origin: 0.12,
  reached_destination_hub: 0.7,
  out_for_delivery: 0.88,
  delivered: 1,
};

const couriers = [
  { zh: '王师傅', en: 'Mr Wang' },
  { zh: '李师傅', en: 'Mr Li' },
  { zh: '张师傅', en: 'Mr Zhang' },
  { zh: '陈师傅', en: 'Mr Chen' },
  { zh: '刘师傅', en: 'Mr Liu' },
] as const;

/**
 * The carrier's event log from the shop's Hangzhou warehouse to the customer, oldest first.
 * Intermediate events are spread between pick-up and the last event so every parcel reads plausibly.
 */
export function buildDemoTrackingEvents(route: DemoTrackingRoute): DemoTrackingEvent[] {
  const milestones = listMilestones(route);
  const lastMilestone = milestones[milestones.length - 1] ?? 'picked_up';
  const lastShare = milestoneShare[lastMilestone];
  const spanHours = route.shippedHoursAgo - route.progress.lastEventHoursAgo;
  return milestones.map((milestone) => {
    const share = lastShare === 0 ? 0 : milestoneShare[milestone] / lastShare;
    const hoursAgo = roundToTenth(route.shippedHoursAgo - spanHours * share);
    return { hoursAgo, ...describeMilestone(milestone, route) };
  });
}

function listMilestones(route: DemoTrackingRoute): Milestone[] {
  const sameCity = route.destination.city === demoShopInfo.warehouse.city;
  const inTransit: Milestone[] = sameCity
    ? ['picked_up', 'left_origin']
    : ['picked_up', 'left_origin', 'reached_destination_hub'];
  switch (route.progress.stage) {
    case 'in_transit':
      return inTransit;
    case 'out_for_delivery':
      return [...inTransit, 'out_for_delivery'];
    case 'delivered':
      return [...inTransit, 'out_for_delivery', 'delivered'];
  }
}

function describeMilestone(
  milestone: Milestone,
  route: DemoTrackingRoute,
): Omit<DemoTrackingEvent, 'hoursAgo'> {
  const carrier: DemoCarrier = demoCarriers[route.carrierCode];
  const origin = demoShopInfo.warehouse;
  const destination = route.destination;
  const originCity = { zh: cityLabelZh(origin), en: requireEnglish(origin.cityEn, origin) };
  const originDistrictEn = requireEnglish(origin.districtEn, origin);
  const destinationCity = {
    zh: cityLabelZh(destination),
    en: requireEnglish(destination.cityEn, destination),
  };
  const sameCity = destination.city === origin.city;
  const originHub = hubOf(origin);
  const destinationHub = hubOf(destination);
  switch (milestone) {
    case 'picked_up':
      return event(
        'picked_up',
        `【${origin.city}${origin.district}】${carrier.nameZh} 已揽收`,
        `Picked up by ${carrier.nameEn} at the shop’s warehouse in ${originDistrictEn}, ${originCity.en}`,
        `${originCity.zh}${origin.district}`,
        `${originDistrictEn}, ${originCity.en}`,
      );
    case 'left_origin':
      return event(
        'in_transit',
        `快件已到达【${originHub.hubZh}】，${sameCity ? '正在分拣，准备派送' : `已发往【${destinationHub.hubZh}】`}`,
        `Arrived at ${originHub.hubEn}; ${sameCity ? 'sorting for local delivery' : `departed for ${destinationHub.hubEn}`}`,
        originCity.zh,
        originCity.en,
      );
    case 'reached_destination_hub':
      return event(
        'in_transit',
        `快件已到达【${destinationHub.hubZh}】`,
        `Arrived at ${destinationHub.hubEn}`,
        destinationCity.zh,
        destinationCity.en,
      );
    case 'out_for_delivery': {
      const courier = courierFor(route.trackingNumber);
      const districtEn = requireEnglish(destination.districtEn, destination);
      return event(
        'out_for_delivery',
        `【${destination.city}${destination.district}】快递员${courier.zh}正在为您派件，请保持电话畅通`,
        `Out for delivery in ${districtEn}, ${destinationCity.en}, with courier ${courier.en}; please keep your phone on`,
        `${destinationCity.zh}${destination.district}`,
        `${districtEn}, ${destinationCity.en}`,
      );
    }
    case 'delivered':
      return describeDelivery(route, carrier, destinationCity);
  }
}

function describeDelivery(
  route: DemoTrackingRoute,
  carrier: DemoCarrier,
  destinationCity: { zh: string; en: string },
): Omit<DemoTrackingEvent, 'hoursAgo'> {
  const destination = route.destination;
  const locationZh = `${destinationCity.zh}${destination.district}`;
  const locationEn = `${requireEnglish(destination.districtEn, destination)}, ${destinationCity.en}`;
  const handover = route.progress.stage === 'delivered' ? route.progress.handover : 'recipient';
  switch (handover) {
    case 'recipient':
      return event(
        'delivered',
        `快件已签收，签收人：本人。感谢使用${carrier.nameZh}`,
        `Delivered and signed for by the recipient. Thank you for choosing ${carrier.nameEn}`,
        locationZh,
        locationEn,
      );
    case 'doorman':
      return event(
        'delivered',
        '快件已签收，签收人：门卫。如有疑问请联系快递员',
        'Delivered and signed for by the building doorman. Contact the courier with any questions',
        locationZh,
        locationEn,
      );
    case 'locker':
      return event(
        'delivered',
        '快件已投递至【丰巢智能柜】，请凭短信取件码及时取件',
        'Delivered to a Hive Box parcel locker; collect it with the pick-up code sent by SMS',
        locationZh,
        locationEn,
      );
    case 'parcel_station':
      return event(
        'delivered',
        '快件已由【菜鸟驿站】代收，请凭取件码及时取件',
        'Left at a Cainiao Station parcel point; collect it with your pick-up code',
        locationZh,
        locationEn,
      );
  }
}

function event(
  statusCode: DemoTrackingStatusCode,
  descriptionZh: string,
  descriptionEn: string,
  location: string,
  locationEn: string,
): Omit<DemoTrackingEvent, 'hoursAgo'> {
  return { statusCode, descriptionZh, descriptionEn, location, locationEn };
}

function hubOf(address: DemoAddress): DemoLogisticsHub {
  const hub = demoLogisticsHubs[address.city];
  if (!hub) throw new Error(`Demo shop data: no sorting centre for city ${address.city}`);
  return hub;
}

/** "北京市" for municipalities, "广东省深圳市" elsewhere. */
function cityLabelZh(address: DemoAddress): string {
  return address.province === address.city ? address.city : `${address.province}${address.city}`;
}

function requireEnglish(value: string | undefined, address: DemoAddress): string {
  if (!value)
    throw new Error(`Demo shop data: address in ${address.city}${address.district} lacks an English name`);
  return value;
}

function courierFor(trackingNumber: string): { zh: string; en: string } {
  const lastDigit = Number(trackingNumber.slice(-1));
  return couriers[lastDigit % couriers.length] ?? couriers[0];
}

function roundToTenth(hours: number): number {
  return Math.round(hours * 10) / 10;
}
