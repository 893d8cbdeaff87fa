import { materializeDemoOrders } from '../../packages/server/src/modules/commerce/builtin/demo';

// The demo shop's orders are seeded relative to the server clock, so the scenarios' facts (written in early
// December 2026) only hold at one moment. Three dated facts pin it, in China time as the bot shows dates:
//   KF202611010035 delivered on 11-23        → now in [12-02 00:00, 12-03 00:00)
//   KF202611010054 refund succeeded on 11-30 → now in [12-02 23:36, 12-03 23:36)
//   KF202611010060 refund succeeded on 11-20 → now in [12-02 12:00, 12-03 12:00)
// The window is 2026-12-02 23:36–24:00 China time; the runner starts every conversation at its middle.
// At that hour the shop's agents are off duty (09:00–21:00), as they were when the scenarios were written.
export const scenarioAnchor = new Date('2026-12-02T15:48:00.000Z');

/** Each shopper message is sent this long after the previous one, so the clock moves the same way every run. */
export const secondsBetweenMessages = 20;

const chinaDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
});

interface DatedFact {
  orderNumber: string;
  description: string;
  expectedDate: string;
  read: (order: ReturnType<typeof materializeDemoOrders>[number]) => string | undefined;
}

const datedFacts: DatedFact[] = [
  {
    orderNumber: 'KF202611010035',
    description: 'delivered',
    expectedDate: '11-23',
    read: (order) => order.shipment?.deliveredAt,
  },
  {
    orderNumber: 'KF202611010054',
    description: 'refund succeeded',
    expectedDate: '11-30',
    read: (order) => order.refund?.succeededAt,
  },
  {
    orderNumber: 'KF202611010060',
    description: 'refund succeeded',
    expectedDate: '11-20',
    read: (order) => order.refund?.succeededAt,
  },
];

/** The dated facts that do not hold at `now` (empty when the anchor is right for the demo data). */
export function findBrokenDatedFacts(now: Date): string[] {
  const orders = materializeDemoOrders(now);
  const broken: string[] = [];
  for (const fact of datedFacts) {
    const order = orders.find((candidate) => candidate.orderNumber === fact.orderNumber);
    const moment = order ? fact.read(order) : undefined;
    const date = moment ? chinaDate.format(new Date(moment)) : 'missing';
    if (date !== fact.expectedDate)
      broken.push(`${fact.orderNumber} ${fact.description} on ${date}, scenarios say ${fact.expectedDate}`);
  }
  return broken;
}
