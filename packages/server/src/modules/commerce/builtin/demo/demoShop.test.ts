import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  demoCarriers,
  demoCoupons,
  demoCustomers,
  demoLogisticsHubs,
  demoOrders,
  demoProducts,
  demoShopInfo,
  findDemoProductBySku,
  materializeDemoOrders,
} from './index';
import type { DemoOrder, DemoOrderStatus } from './index';

const hanCharacter = /[\u4e00-\u9fff]/;
const hoursPerDay = 24;

test('the shop has 30 products, 20 customers and 60 orders', () => {
  assert.equal(demoProducts.length, 30);
  assert.equal(demoCustomers.length, 20);
  assert.equal(demoOrders.length, 60);
});

test('ids, SKUs, order numbers and tracking numbers are unique', () => {
  const skus = demoProducts.flatMap((product) => [
    product.sku,
    ...product.variants.map((variant) => variant.sku),
  ]);
  assertUnique(
    'product id',
    demoProducts.map((product) => product.id),
  );
  assertUnique('SKU', skus);
  assertUnique(
    'customer id',
    demoCustomers.map((customer) => customer.id),
  );
  assertUnique(
    'customer email',
    demoCustomers.map((customer) => customer.email),
  );
  assertUnique(
    'customer phone',
    demoCustomers.map((customer) => customer.phone),
  );
  assertUnique(
    'order id',
    demoOrders.map((order) => order.id),
  );
  assertUnique(
    'order number',
    demoOrders.map((order) => order.orderNumber),
  );
  assertUnique('tracking number', [
    ...demoOrders.flatMap((order) => (order.shipment ? [order.shipment.trackingNumber] : [])),
    ...demoOrders.flatMap((order) => order.returnRecord?.returnTrackingNumber ?? []),
  ]);
  assertUnique(
    'return id',
    demoOrders.flatMap((order) => order.returnRecord?.id ?? []),
  );
  assertUnique(
    'refund id',
    demoOrders.flatMap((order) => order.refund?.id ?? []),
  );
  demoProducts.forEach((product, index) =>
    assert.equal(product.id, `prod_${String(index + 1).padStart(2, '0')}`),
  );
  demoCustomers.forEach((customer, index) =>
    assert.equal(customer.id, `cus_demo_${String(index + 1).padStart(2, '0')}`),
  );
  for (const order of demoOrders) assert.match(order.orderNumber, /^KF\d{12,}$/);
});

test('products are bilingual, priced in whole cents and stocked consistently', () => {
  const categories = new Set(demoProducts.map((product) => product.category));
  assert.ok(categories.size >= 5, `only ${categories.size} categories`);
  for (const product of demoProducts) {
    assertBilingual(product.id, product.nameZh, product.nameEn);
    assertBilingual(product.id, product.descriptionZh, product.descriptionEn);
    assert.ok(Number.isInteger(product.priceCents) && product.priceCents > 0, product.id);
    assert.match(product.sku, /^KF-[A-Z]{2}-\d{3}$/);
    assert.ok(product.imageEmoji.length > 0 && product.brand.length > 0, product.id);
    assert.ok(product.attributes.length >= 3, `${product.id} has few attributes`);
    for (const attribute of product.attributes) {
      assert.ok(attribute.key.length > 0, product.id);
      assertBilingual(`${product.id}.${attribute.key} label`, attribute.labelZh, attribute.labelEn);
      assert.ok(
        attribute.valueZh.length > 0 && attribute.valueEn.length > 0,
        `${product.id}.${attribute.key}`,
      );
      assert.doesNotMatch(attribute.valueEn, hanCharacter, `${product.id}.${attribute.key} English value`);
    }
    if (product.variants.length > 0) {
      const variantStock = product.variants.reduce((sum, variant) => sum + variant.stock, 0);
      assert.equal(product.stock, variantStock, `${product.id} stock must equal its variants' stock`);
    }
    for (const variant of product.variants) {
      assert.ok(variant.sku.startsWith(`${product.sku}-`), variant.sku);
      assert.ok(Number.isInteger(variant.stock) && variant.stock >= 0, variant.sku);
      assert.equal(
        variant.colorZh === undefined,
        variant.colorEn === undefined,
        `${variant.sku} colour pair`,
      );
    }
  }
  assert.ok(
    demoProducts.filter((product) => product.stock === 0).length >= 2,
    'some products are out of stock',
  );
  assert.ok(
    demoProducts.filter((product) => product.stock > 0 && product.stock <= 5).length >= 2,
    'some are low',
  );
});

test('return policy and warranty follow the category', () => {
  for (const product of demoProducts) {
    if (product.category === 'food') {
      assert.equal(product.returnPolicy, 'no_return_unless_defective', product.id);
    }
    if (product.category === 'food' || product.category === 'beauty') assert.equal(product.warrantyMonths, 0);
    if (product.category === 'electronics') assert.ok([12, 24].includes(product.warrantyMonths), product.id);
  }
  const defectOnly = demoProducts.filter((product) => product.returnPolicy === 'no_return_unless_defective');
  assert.ok(defectOnly.some((product) => product.tags.includes('underwear')));
  assert.ok(defectOnly.some((product) => product.tags.includes('customised')));
});

test('customers have fake Chinese mobiles, example.com emails and complete addresses', () => {
  const vipCount = demoCustomers.filter((customer) => customer.vipTier !== 'none').length;
  assert.ok(vipCount >= 4 && vipCount <= 6, `${vipCount} VIPs`);
  assert.ok(demoCustomers.filter((customer) => customer.locale === 'en').length >= 3);
  for (const customer of demoCustomers) {
    assert.match(customer.phone, /^1[358]\d{9}$/, customer.id);
    assert.match(customer.email, /^[a-z.]+@example\.com$/, customer.id);
    assert.ok(customer.addresses.length >= 1, customer.id);
    for (const address of customer.addresses) {
      assert.match(address.phone, /^1[358]\d{9}$/, customer.id);
      assert.ok(address.provinceEn && address.cityEn && address.districtEn, `${customer.id} English address`);
      assert.ok(demoLogisticsHubs[address.city], `no sorting centre for ${address.city}`);
      assert.ok(address.line.length > 0 && address.recipient.length > 0, customer.id);
    }
  }
});

test('every order references an existing customer, address, product and SKU', () => {
  for (const order of demoOrders) {
    const customer = demoCustomers.find((candidate) => candidate.id === order.customerId);
    assert.ok(customer, `${order.orderNumber}: unknown customer`);
    assert.ok(
      customer.addresses.some((address) => isDeepEqual(address, order.shippingAddress)),
      `${order.orderNumber}: address is not one of the customer's`,
    );
    assert.ok(order.items.length > 0, order.orderNumber);
    for (const item of order.items) {
      const match = findDemoProductBySku(item.sku);
      assert.ok(match, `${order.orderNumber}: unknown SKU ${item.sku}`);
      assert.equal(match.product.id, item.productId, `${order.orderNumber}: ${item.sku} product`);
      assertBilingual(order.orderNumber, item.titleZh, item.titleEn);
      assert.ok(Number.isInteger(item.quantity) && item.quantity > 0);
    }
  }
  const customersWithOrders = new Set(demoOrders.map((order) => order.customerId));
  assert.equal(customersWithOrders.size, demoCustomers.length, 'every customer has an order');
});

test('totals add up: items + shipping − discount = total', () => {
  for (const order of demoOrders) {
    const subtotal = order.items.reduce((sum, item) => sum + item.unitPriceCents * item.quantity, 0);
    assert.equal(order.subtotalCents, subtotal, order.orderNumber);
    assert.equal(
      order.totalCents,
      order.subtotalCents + order.shippingCents - order.discountCents,
      order.orderNumber,
    );
    const expectedShipping =
      subtotal >= demoShopInfo.freeShippingThresholdCents ? 0 : demoShopInfo.standardShippingCents;
    assert.equal(order.shippingCents, expectedShipping, `${order.orderNumber} shipping`);
    const coupon = demoCoupons.find((candidate) => candidate.code === order.couponCode);
    assert.equal(order.discountCents, coupon?.discountCents ?? 0, `${order.orderNumber} discount`);
    if (coupon) assert.ok(subtotal >= coupon.minimumSubtotalCents, `${order.orderNumber} coupon threshold`);
    if (order.couponCode === 'VIP50') assert.notEqual(customerOf(order).vipTier, 'none', order.orderNumber);
    assert.ok(order.totalCents > 0);
  }
});

test('every status is present and each status has the records it implies', () => {
  const statuses: DemoOrderStatus[] = [
    'unpaid',
    'paid',
    'shipped',
    'delivered',
    'cancelled',
    'returned',
    'refunded',
  ];
  for (const status of statuses) {
    assert.ok(
      demoOrders.some((order) => order.status === status),
      `no ${status} order`,
    );
  }
  for (const order of demoOrders) {
    const label = `${order.orderNumber} (${order.status})`;
    const paid = order.paidHoursAgo !== undefined && order.paymentMethod !== undefined;
    const delivered = order.shipment?.deliveredHoursAgo !== undefined;
    switch (order.status) {
      case 'unpaid':
        assert.ok(!paid && !order.shipment && order.cancelledHoursAgo === undefined, label);
        assert.ok(order.placedHoursAgo < demoShopInfo.paymentWindowHours, `${label} payment window`);
        assert.ok((order.paymentDeadlineHoursAgo ?? 0) < 0, `${label} deadline is in the future`);
        break;
      case 'paid':
        assert.ok(paid && !order.shipment && !order.refund, label);
        break;
      case 'shipped':
        assert.ok(paid && order.shipment && !delivered, label);
        break;
      case 'delivered':
        assert.ok(paid && delivered && !order.returnRecord && !order.refund, label);
        assert.equal(order.shipment?.status, 'delivered', label);
        break;
      case 'cancelled':
        assert.ok(!paid && !order.shipment && order.cancelledHoursAgo !== undefined, label);
        assert.ok(order.cancellationReasonZh && order.cancellationReasonEn, label);
        break;
      case 'returned':
        assert.ok(paid && delivered && order.returnRecord && !order.refund, label);
        assert.notEqual(order.returnRecord.status, 'completed', label);
        break;
      case 'refunded':
        assert.ok(paid && order.refund, label);
        assert.equal(order.refund.method, order.paymentMethod, `${label} refunds go back the way they came`);
        assert.ok(order.refund.amountCents > 0 && order.refund.amountCents <= order.totalCents, label);
        assert.equal(
          order.refund.status === 'succeeded',
          order.refund.succeededHoursAgo !== undefined,
          label,
        );
        if (order.returnRecord) assert.equal(order.refund.returnId, order.returnRecord.id, label);
        break;
    }
  }
  const refunds = demoOrders.flatMap((order) => (order.refund ? [order.refund] : []));
  assert.deepEqual(new Set(refunds.map((refund) => refund.status)), new Set(['processing', 'succeeded']));
  assert.deepEqual(
    new Set(refunds.map((refund) => refund.method)),
    new Set(['alipay', 'wechat_pay', 'card']),
  );
});

test('timestamps are ordered: placed < paid < shipped < tracking events < delivered', () => {
  for (const order of demoOrders) {
    const label = order.orderNumber;
    const timeline = [order.placedHoursAgo];
    if (order.paidHoursAgo !== undefined) timeline.push(order.paidHoursAgo);
    if (order.shipment) {
      const { shipment } = order;
      assert.equal(
        shipment.events[0]?.hoursAgo,
        shipment.shippedHoursAgo,
        `${label} pick-up is the first event`,
      );
      timeline.push(...shipment.events.map((event) => event.hoursAgo));
      if (shipment.deliveredHoursAgo !== undefined) {
        assert.equal(shipment.events.at(-1)?.hoursAgo, shipment.deliveredHoursAgo, `${label} delivery event`);
      }
    }
    if (order.returnRecord) {
      const record = order.returnRecord;
      const steps = [
        record.approvedHoursAgo,
        record.shippedBackHoursAgo,
        record.receivedHoursAgo,
        record.completedHoursAgo,
      ];
      timeline.push(record.requestedHoursAgo, ...steps.filter((step): step is number => step !== undefined));
    }
    assertStrictlyDecreasing(label, timeline);
    if (order.refund) {
      // A refund may be issued in the same moment the return completes or the order is cancelled.
      const latestBefore = Math.min(...timeline, order.cancelledHoursAgo ?? Infinity);
      assert.ok(order.refund.requestedHoursAgo <= latestBefore, `${label} refund before its cause`);
      if (order.refund.succeededHoursAgo !== undefined) {
        assert.ok(
          order.refund.succeededHoursAgo < order.refund.requestedHoursAgo,
          `${label} refund settles later`,
        );
      }
    }
    assert.ok(
      timeline.every((hoursAgo) => hoursAgo > 0),
      `${label} has a moment in the future`,
    );
    if (order.cancelledHoursAgo !== undefined)
      assert.ok(order.cancelledHoursAgo < order.placedHoursAgo, label);
    const customer = customerOf(order);
    assert.ok(
      customer.registeredDaysAgo * hoursPerDay > order.placedHoursAgo,
      `${label} predates registration`,
    );
  }
});

test('returns stay inside the 7-day window and only return what was bought', () => {
  for (const order of demoOrders) {
    const record = order.returnRecord;
    if (!record) continue;
    const deliveredHoursAgo = order.shipment?.deliveredHoursAgo;
    assert.ok(deliveredHoursAgo !== undefined, `${order.orderNumber} returned before delivery`);
    const hoursAfterDelivery = deliveredHoursAgo - record.requestedHoursAgo;
    assert.ok(hoursAfterDelivery > 0 && hoursAfterDelivery <= demoShopInfo.returnWindowDays * hoursPerDay);
    assertBilingual(order.orderNumber, record.reasonZh, record.reasonEn);
    for (const returned of record.items) {
      const bought = order.items.find((item) => item.sku === returned.sku);
      assert.ok(
        bought && returned.quantity <= bought.quantity,
        `${order.orderNumber} returns ${returned.sku}`,
      );
      const product = findDemoProductBySku(returned.sku)?.product;
      if (record.reasonCode !== 'defective' && record.reasonCode !== 'damaged_in_transit') {
        assert.equal(
          product?.returnPolicy,
          '7_day_no_reason',
          `${order.orderNumber} ${returned.sku} not returnable`,
        );
      }
    }
  }
});

test('delivered orders include some still returnable and some long past the window', () => {
  const delivered = demoOrders.filter((order) => order.status === 'delivered');
  const deliveredDaysAgo = delivered.map((order) => (order.shipment?.deliveredHoursAgo ?? 0) / hoursPerDay);
  assert.ok(deliveredDaysAgo.filter((days) => days <= 7).length >= 3);
  assert.ok(deliveredDaysAgo.filter((days) => days >= 30).length >= 3);
});

test('shipments use real carriers, plausible tracking numbers and bilingual events', () => {
  for (const order of demoOrders) {
    const shipment = order.shipment;
    if (!shipment) continue;
    const carrier = demoCarriers[shipment.carrierCode];
    assert.equal(shipment.carrierNameZh, carrier.nameZh);
    assert.equal(shipment.carrierNameEn, carrier.nameEn);
    assert.match(shipment.trackingNumber, carrier.trackingNumberPattern, order.orderNumber);
    assert.equal(shipment.status, shipment.events.at(-1)?.statusCode, `${order.orderNumber} status`);
    assert.equal(shipment.events[0]?.statusCode, 'picked_up');
    for (const event of shipment.events) {
      assertBilingual(order.orderNumber, event.descriptionZh, event.descriptionEn);
      assert.ok(event.location.length > 0 && event.locationEn.length > 0, order.orderNumber);
    }
    if (order.returnRecord?.returnTrackingNumber && order.returnRecord.returnCarrierCode) {
      const returnCarrier = demoCarriers[order.returnRecord.returnCarrierCode];
      assert.match(order.returnRecord.returnTrackingNumber, returnCarrier.trackingNumberPattern);
    }
  }
});

test('the anomalies later flows need are seeded', () => {
  const byScenario = (scenario: DemoOrder['scenario']): DemoOrder[] =>
    demoOrders.filter((order) => order.scenario === scenario);
  const urged = byScenario('urge_shipment');
  assert.ok(urged.length >= 2);
  for (const order of urged) {
    assert.equal(order.status, 'paid');
    assert.ok((order.paidHoursAgo ?? 0) >= 4 * hoursPerDay, `${order.orderNumber} paid 4+ days ago`);
  }
  const [notReceived] = byScenario('delivered_not_received');
  assert.equal(notReceived?.status, 'delivered');
  const [damaged] = byScenario('damaged_on_arrival');
  assert.equal(damaged?.status, 'delivered');
  assert.ok((damaged?.shipment?.deliveredHoursAgo ?? Infinity) < 48, 'damage is reported within 48 hours');
  const [exception] = byScenario('shipment_exception');
  assert.equal(exception?.shipment?.status, 'exception');
  const [failed] = byScenario('delivery_failed');
  assert.equal(failed?.shipment?.status, 'exception');
  const [stalled] = byScenario('shipment_stalled');
  const stalledShipment = stalled?.shipment;
  assert.ok(stalledShipment && stalled.status === 'shipped');
  assert.ok((stalledShipment.events.at(-1)?.hoursAgo ?? 0) > 3 * hoursPerDay, 'no update for 3+ days');
  assert.ok(stalledShipment.estimatedDeliveryHoursAgo > 0, 'estimated delivery has passed');
  assert.ok(demoOrders.filter((order) => order.invoice).length >= 2);
});

test('materializeDemoOrders is deterministic, pure and keeps the order of events', () => {
  const now = new Date('2026-11-20T08:00:00.000Z');
  const before = JSON.stringify(demoOrders);
  const first = materializeDemoOrders(now);
  const second = materializeDemoOrders(new Date(now));
  assert.deepEqual(first, second);
  assert.equal(JSON.stringify(demoOrders), before, 'the seed data is not mutated');
  const later = materializeDemoOrders(new Date(now.getTime() + 3_600_000));
  for (const [index, order] of first.entries()) {
    const shifted = later[index];
    assert.ok(shifted);
    assert.equal(Date.parse(shifted.placedAt) - Date.parse(order.placedAt), 3_600_000);
    assert.ok(!('placedHoursAgo' in order), 'relative fields are dropped');
    const moments = [order.placedAt, order.paidAt, order.shipment?.shippedAt, order.shipment?.deliveredAt];
    const present = moments.filter((moment): moment is string => moment !== undefined);
    assert.deepEqual([...present].sort(), present, `${order.orderNumber} absolute times ascend`);
    for (const moment of present) assert.ok(Date.parse(moment) <= now.getTime());
    const eventTimes = order.shipment?.events.map((event) => event.at) ?? [];
    assert.deepEqual([...eventTimes].sort(), eventTimes);
    assert.ok(order.updatedAt >= order.placedAt && Date.parse(order.updatedAt) <= now.getTime());
  }
  const unpaid = first.find((order) => order.status === 'unpaid');
  assert.ok(unpaid?.paymentDeadlineAt && Date.parse(unpaid.paymentDeadlineAt) > now.getTime());
  assert.throws(() => materializeDemoOrders(new Date('not a date')), RangeError);
});

function assertUnique(label: string, values: string[]): void {
  const seen = new Set<string>();
  for (const value of values) {
    assert.ok(!seen.has(value), `duplicate ${label}: ${value}`);
    seen.add(value);
  }
}

function assertBilingual(label: string, chinese: string, english: string): void {
  assert.match(chinese, hanCharacter, `${label}: Chinese text expected, got "${chinese}"`);
  assert.ok(english.trim().length > 0, `${label}: English text is empty`);
  assert.doesNotMatch(english, hanCharacter, `${label}: English text contains Chinese: "${english}"`);
}

function assertStrictlyDecreasing(label: string, hoursAgo: number[]): void {
  for (let index = 1; index < hoursAgo.length; index += 1) {
    const previous = hoursAgo[index - 1] ?? Infinity;
    const current = hoursAgo[index] ?? -Infinity;
    assert.ok(
      current < previous,
      `${label}: moment ${index} (${current}h ago) is not after ${previous}h ago`,
    );
  }
}

function customerOf(order: DemoOrder): (typeof demoCustomers)[number] {
  const customer = demoCustomers.find((candidate) => candidate.id === order.customerId);
  assert.ok(customer, `${order.orderNumber}: unknown customer`);
  return customer;
}

function isDeepEqual(left: unknown, right: unknown): boolean {
  try {
    assert.deepEqual(left, right);
    return true;
  } catch {
    return false;
  }
}
