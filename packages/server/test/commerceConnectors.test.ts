import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../src/clock';
import type { CommerceConnector } from '../src/modules/commerce/connector';
import { HttpCommerceConnector } from '../src/modules/commerce/http/httpConnector';
import { ShopifyCommerceConnector } from '../src/modules/commerce/shopify/shopifyConnector';
import type { RecordedRequest } from './helpers/loopbackServer';
import { startLoopbackServer } from './helpers/loopbackServer';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/shopify/${name}.json`, import.meta.url), 'utf8'));

function expectOk<Value>(result: { ok: true; value: Value } | { ok: false; failure: unknown }): Value {
  if (!result.ok) assert.fail(`expected success, got ${JSON.stringify(result.failure)}`);
  return result.value;
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`builtin commerce connector on the demo shop (${dialect})`, () => {
    let server: TestServer;
    let connector: CommerceConnector;
    before(async () => {
      server = await startTestServer({ dialect, clock: new ManualClock() });
      connector = server.kefu.services.commerce.connector;
    });
    after(async () => server.close());

    test('orders, shipments with tracking events, returns and refunds read back with typed results', async () => {
      const order = expectOk(await connector.getOrder('KF202611010027'));
      assert.equal(order.status, 'delivered');
      assert.equal(order.customerId, 'cus_demo_02');
      assert.equal(order.items[0]?.returnPolicy, '7_day_no_reason');
      const byTracking = expectOk(await connector.findOrderByTracking('SF1410035528741'));
      assert.equal(byTracking.orderNumber, 'KF202611010027');
      const shipments = expectOk(await connector.listShipments('KF202611010027'));
      assert.equal(shipments[0]?.status, 'delivered');
      assert.ok((shipments[0]?.events.length ?? 0) >= 3);
      assert.deepEqual(await connector.getOrder('KF209999999999'), {
        ok: false,
        failure: { kind: 'not_found' },
      });
      const orders = expectOk(await connector.listOrders('cus_demo_02', 10));
      assert.ok(orders.every((candidate) => candidate.customerId === 'cus_demo_02'));
      assert.equal(expectOk(await connector.listRefunds('KF202611010056'))[0]?.status, 'processing');
      assert.equal(expectOk(await connector.listReturns('KF202611010050'))[0]?.status, 'received');
    });

    test('actions enforce the shop rules and report refusals explicitly', async () => {
      const shipped = await connector.cancelOrder('KF202611010015', 'test');
      assert.equal(shipped.ok, false);
      assert.equal(!shipped.ok && shipped.failure.kind, 'rejected');
      const cancelled = expectOk(await connector.cancelOrder('KF202611010011', 'test'));
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(expectOk(await connector.listRefunds('KF202611010011'))[0]?.status, 'processing');
      const lateReturn = await connector.createReturn('KF202611010037', {
        kind: 'return',
        reason: 'no_longer_needed',
        note: '',
      });
      assert.deepEqual(lateReturn, { ok: false, failure: { kind: 'rejected', reason: 'window_passed' } });
      const food = await connector.createReturn('KF202611010032', {
        kind: 'return',
        reason: 'no_longer_needed',
        note: '',
      });
      assert.deepEqual(food, { ok: false, failure: { kind: 'rejected', reason: 'policy_excludes' } });
      const rma = expectOk(
        await connector.createReturn('KF202611010027', {
          kind: 'return',
          reason: 'no_longer_needed',
          note: '',
        }),
      );
      assert.match(rma.returnNumber, /^RMA/);
      assert.equal(rma.returnAddress.city, '杭州市');
      const refund = expectOk(await connector.startRefund('KF202611010050', 'return received'));
      assert.equal(refund.status, 'processing');
      assert.equal((await connector.startRefund('KF202611010050', 'again')).ok, false);
      const invoice = expectOk(
        await connector.requestInvoice('KF202611010012', {
          titleType: 'personal',
          title: '个人',
          taxId: null,
          email: 'a@example.com',
        }),
      );
      assert.equal(invoice.status, 'pending');
      const resent = expectOk(await connector.resendInvoice('KF202611010030'));
      assert.equal(resent.invoiceNumber, '26332000000012345678');
      assert.deepEqual(await connector.resendInvoice('KF202611010006'), {
        ok: false,
        failure: { kind: 'rejected', reason: 'invoice_not_issued' },
      });
      assert.equal((await connector.resendInvoice('KF202611010012')).ok, false, 'not issued either');
      const moved = expectOk(
        await connector.changeShippingAddress('KF202611010014', {
          recipient: '王',
          phone: '13900000000',
          province: '浙江省',
          city: '杭州市',
          district: '西湖区',
          line: '文三路 1 号',
        }),
      );
      assert.equal(moved.shippingAddress.line, '文三路 1 号');
    });

    test('products with attributes and stock, and promotions for members', async () => {
      const found = expectOk(await connector.searchProducts('空气炸锅有货吗', 3));
      assert.equal(found[0]?.id, 'prod_16');
      const phone = expectOk(await connector.getProduct('prod_01'));
      assert.ok(phone.variants.length > 0);
      assert.ok(phone.attributes.some((attribute) => attribute.labelZh === '电池'));
      const guest = expectOk(await connector.listPromotions({}));
      const member = expectOk(await connector.listPromotions({ customerId: 'cus_demo_01' }));
      const regular = expectOk(await connector.listPromotions({ customerId: 'cus_demo_03' }));
      assert.ok(member.some((promotion) => promotion.code === 'VIP50'));
      assert.ok(!regular.some((promotion) => promotion.code === 'VIP50'));
      assert.ok(guest.length >= regular.length);
    });
  });
}

describe('shopify connector against a loopback Admin API', () => {
  let shop: Awaited<ReturnType<typeof startLoopbackServer>>;
  let connector: ShopifyCommerceConnector;
  before(async () => {
    shop = await startLoopbackServer(routeShopify);
    connector = new ShopifyCommerceConnector(
      { shopUrl: shop.baseUrl, accessToken: 'shpat_test_token', apiVersion: '2024-07', timeoutMs: 2_000 },
      new ManualClock('2026-01-05T02:00:00.000Z'),
    );
  });
  after(async () => shop.close());

  test('orders map to the interface; every call carries the access token', async () => {
    const order = expectOk(await connector.getOrder('1001'));
    assert.equal(order.orderNumber, '1001');
    assert.equal(order.status, 'delivered');
    assert.equal(order.totalCents, 40994);
    assert.equal(order.items.length, 2);
    assert.equal(order.shippingAddress.city, 'Louisville');
    assert.equal(order.deliveredAt, '2026-01-02T15:00:00-05:00');
    assert.ok(
      shop.requests.every((request) => request.headers['x-shopify-access-token'] === 'shpat_test_token'),
    );
    assert.ok(
      shop.requests.some((request) => request.url.startsWith('/admin/api/2024-07/orders.json?name=%231001')),
    );
    assert.deepEqual(await connector.getOrder('9999'), { ok: false, failure: { kind: 'not_found' } });
  });

  test('fulfillments with their events become shipments; refunds, products, inventory and price rules', async () => {
    const [shipment] = expectOk(await connector.listShipments('1001'));
    assert.equal(shipment?.trackingNumber, '1Z2345');
    assert.equal(shipment?.status, 'delivered');
    assert.deepEqual(
      shipment?.events.map((event) => event.status),
      ['in_transit', 'delivered'],
    );
    const [refund] = expectOk(await connector.listRefunds('1001'));
    assert.equal(refund?.amountCents, 20900);
    assert.equal(refund?.status, 'succeeded');
    const product = expectOk(await connector.getProduct('632910392'));
    assert.equal(product.stock, 10, 'stock is the sum of available units over locations');
    assert.equal(product.variants.find((variant) => variant.sku === 'IPOD2008RED')?.stock, 0);
    const promotions = expectOk(await connector.listPromotions());
    assert.deepEqual(
      promotions.map((promotion) => promotion.code),
      ['SUMMERSALE10OFF'],
    );
    assert.equal(promotions[0]?.discountCents, 1000);
  });

  test('a refund is calculated first and created with the calculated transactions', async () => {
    const refund = expectOk(await connector.startRefund('1001', 'customer request via chat'));
    assert.equal(refund.status, 'processing');
    const created = shop.requests.find(
      (request) => request.method === 'POST' && request.url.endsWith('/refunds.json'),
    );
    assert.ok(created);
    assert.match(created.body, /"kind":"refund"/);
    assert.match(created.body, /"amount":"409.94"/);
  });

  test('what Shopify REST cannot do is unsupported, not faked', async () => {
    assert.deepEqual(await connector.createReturn(), { ok: false, failure: { kind: 'unsupported' } });
    assert.deepEqual(await connector.requestInvoice(), { ok: false, failure: { kind: 'unsupported' } });
    assert.deepEqual(await connector.resendInvoice(), { ok: false, failure: { kind: 'unsupported' } });
  });
});

describe('http connector against a merchant REST API on loopback', () => {
  let shop: Awaited<ReturnType<typeof startLoopbackServer>>;
  before(async () => {
    shop = await startLoopbackServer((request) => {
      if (request.url === '/api/orders/A1001') return { status: 200, body: { data: { order: sampleOrder } } };
      if (request.url === '/api/orders/A1001/cancel')
        return { status: 409, body: { reason: 'already shipped' } };
      if (request.url === '/api/orders/A1001/invoice/resend' && request.method === 'POST')
        return { status: 200, body: { data: { invoice: sampleInvoice } } };
      if (request.url === '/api/orders/BROKEN')
        return { status: 200, body: { data: { order: { orderNumber: 'BROKEN' } } } };
      if (request.url === '/api/orders/SLOW') return { status: 200, body: {}, delayMs: 500 };
      if (request.url.startsWith('/api/orders/ERR')) return { status: 503, body: { error: 'down' } };
      return { status: 404, body: { error: 'not found' } };
    });
  });
  after(async () => shop.close());

  const connector = (timeoutMs = 2_000) =>
    new HttpCommerceConnector({
      baseUrl: `${shop.baseUrl}/api`,
      token: 'merchant-token',
      endpoints: { getOrder: 'GET /orders/{orderNumber}' },
      responseRoot: 'data',
      timeoutMs,
    });

  test('endpoints come from configuration and answers are validated', async () => {
    const order = expectOk(await connector().getOrder('A1001'));
    assert.equal(order.status, 'shipped');
    const request = shop.requests.find((candidate) => candidate.url === '/api/orders/A1001');
    assert.equal(request?.headers.authorization, 'Bearer merchant-token');
    assert.deepEqual(await connector().cancelOrder('A1001', 'x'), {
      ok: false,
      failure: { kind: 'rejected', reason: 'already shipped' },
    });
    assert.deepEqual(await connector().getOrder('NOPE'), { ok: false, failure: { kind: 'not_found' } });
    assert.deepEqual(await connector().resendInvoice('A1001'), { ok: true, value: sampleInvoice });
  });

  test('a failing shop system is an explicit unavailable failure', async () => {
    const down = await connector().getOrder('ERR1');
    assert.equal(!down.ok && down.failure.kind, 'unavailable');
    const malformed = await connector().getOrder('BROKEN');
    assert.equal(!malformed.ok && malformed.failure.kind, 'unavailable');
    const slow = await connector(100).getOrder('SLOW');
    assert.equal(!slow.ok && slow.failure.kind, 'unavailable');
    assert.ok(!JSON.stringify(down).includes('merchant-token'), 'failures never carry credentials');
  });
});

const sampleInvoice = {
  titleType: 'personal',
  title: 'Li',
  taxId: null,
  email: 'li@example.com',
  status: 'issued',
  invoiceNumber: '26332000000012345678',
};

const sampleOrder = {
  orderNumber: 'A1001',
  customerId: 'c-7',
  status: 'shipped',
  items: [
    { productId: 'p1', sku: 'SKU1', quantity: 1, unitPriceCents: 5000, titleZh: '杯子', titleEn: 'Mug' },
  ],
  totalCents: 5000,
  shippingAddress: { recipient: 'Li', phone: '13800000000', line: 'Road 1' },
  placedAt: '2026-01-01T00:00:00Z',
};

function routeShopify(request: RecordedRequest): { status: number; body?: unknown } {
  const path = request.url.replace('/admin/api/2024-07', '');
  if (path.startsWith('/orders.json?name=%231001')) return { status: 200, body: fixture('orders') };
  if (path.startsWith('/orders.json?name=')) return { status: 200, body: { orders: [] } };
  if (path === '/orders/450789469/fulfillments.json') return { status: 200, body: fixture('fulfillments') };
  if (path === '/orders/450789469/fulfillments/255858046/events.json')
    return { status: 200, body: fixture('fulfillment_events') };
  if (path === '/orders/450789469/refunds.json' && request.method === 'GET')
    return { status: 200, body: fixture('refunds') };
  if (path === '/orders/450789469/refunds/calculate.json')
    return { status: 200, body: fixture('refund_calculate') };
  if (path === '/orders/450789469/refunds.json') return { status: 201, body: fixture('refund_created') };
  if (path === '/products/632910392.json') return { status: 200, body: fixture('product') };
  if (path.startsWith('/inventory_levels.json?inventory_item_ids=808950810,49148385'))
    return { status: 200, body: fixture('inventory_levels') };
  if (path === '/price_rules.json') return { status: 200, body: fixture('price_rules') };
  return { status: 404, body: { errors: 'Not Found' } };
}
