import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../src/clock';
import { requestJson } from './helpers/http';
import { startLoopbackServer } from './helpers/loopbackServer';
import { shopIdentitySecret, shopWebhookSecret, startShopperChat } from './helpers/shopChat';
import { pushShopWebhook } from './helpers/shopWebhook';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

for (const { dialect } of testDatabaseTargets()) {
  describe(`shop webhook, imports and scenario messages (${dialect})`, () => {
    let server: TestServer;
    const clock = new ManualClock('2026-01-05T02:00:00.000Z');
    before(async () => {
      server = await startTestServer({
        dialect,
        clock,
        environment: {
          KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret,
          KEFU_COMMERCE_WEBHOOK_SECRET: shopWebhookSecret,
        },
      });
    });
    after(async () => server.close());

    const pushWebhook = (body: object, signature?: string) =>
      pushShopWebhook(server.baseUrl, clock, body, signature ? { signature } : {});
    const shipment = (trackingNumber: string, status: string, at: string) => ({
      type: 'shipment.updated',
      shipment: {
        order_number: 'KF202611010013',
        carrier_code: 'SF',
        carrier_name_zh: '顺丰速运',
        carrier_name_en: 'SF Express',
        tracking_number: trackingNumber,
        status,
        shipped_at: '2026-01-05T01:00:00.000Z',
        event_description_zh: '快件已揽收',
        event_at: at,
      },
    });
    const botMessages = async (token: string) => {
      const listed = await requestJson<{ messages: { sender: string; text: string }[] }>(
        server.baseUrl,
        'GET',
        '/api/v1/visitor/messages',
        { token },
      );
      return listed.body.messages
        .filter((message) => message.sender === 'bot')
        .map((message) => message.text);
    };

    test('the webhook refuses a wrong signature and changes nothing', async () => {
      const response = await pushWebhook(
        shipment('SF9990000000001', 'in_transit', '2026-01-05T01:30:00.000Z'),
        `v1,${Buffer.alloc(32).toString('base64')}`,
      );
      assert.equal(response.status, 401);
      const shipments = await server.kefu.services.commerce.connector.listShipments('KF202611010013');
      assert.equal(shipments.ok && shipments.value.length, 0);
      assert.equal(
        (await pushWebhook({ type: 'shipment.updated', shipment: { order_number: 'x' } })).status,
        400,
      );
    });

    test('a shipment pushed by the shop updates the order and tells the shopper once, on their conversation', async () => {
      const shopper = await startShopperChat(server.baseUrl, { shopCustomerId: 'cus_demo_20' });
      await shopper.say('你好');
      const pushed = await pushWebhook(shipment('SF9990000000002', 'in_transit', '2026-01-05T01:30:00.000Z'));
      assert.equal(pushed.status, 202);
      await pushWebhook(shipment('SF9990000000002', 'in_transit', '2026-01-05T01:30:00.000Z'));
      const messages = await waitFor(async () =>
        (await botMessages(shopper.session.token)).filter((text) => text.includes('包裹已发出')),
      );
      assert.equal(messages.length, 1, 'one message per milestone');
      assert.match(messages[0] ?? '', /SF9990000000002/);
      const order = await server.kefu.services.commerce.connector.getOrder('KF202611010013');
      assert.equal(order.ok && order.value.status, 'shipped');
      assert.match((await shopper.say('KF202611010013 到哪了')).text, /SF9990000000002/);
    });

    test('quiet hours hold a message until morning; an opted-out shopper gets none', async () => {
      const shopper = await startShopperChat(server.baseUrl, { shopCustomerId: 'cus_demo_20' });
      clock.set('2026-01-05T15:00:00.000Z'); // 23:00 in China
      await pushWebhook(shipment('SF9990000000002', 'out_for_delivery', '2026-01-05T14:59:00.000Z'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(!(await botMessages(shopper.session.token)).some((text) => text.includes('正在派送')));
      clock.set('2026-01-06T00:30:00.000Z'); // 08:30
      assert.equal(await server.kefu.services.commerce.notifier.deliverDue(), 1);
      assert.ok((await botMessages(shopper.session.token)).some((text) => text.includes('正在派送')));
      assert.match((await shopper.say('不要再给我发通知了')).text, /关闭订单和物流通知/);
      await pushWebhook(shipment('SF9990000000002', 'delivered', '2026-01-06T00:40:00.000Z'));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(!(await botMessages(shopper.session.token)).some((text) => text.includes('已签收。如有')));
    });

    test('admins import products and orders with a per-row error report', async () => {
      const token = await server.loginAdmin();
      const products = await requestJson<{
        imported: number;
        failed: number;
        errors: { row: number; message: string }[];
      }>(server.baseUrl, 'POST', '/api/v1/admin/commerce/imports', {
        token,
        body: {
          kind: 'products',
          format: 'csv',
          data: 'id,sku,brand,category,name_zh,name_en,price_cents,stock,tags\nprod_x1,KF-X-001,Acme,home,保温杯,Vacuum Flask,8900,12,home;gift\nprod_x2,KF-X-002,Acme,home,坏行,Bad Row,abc,1,\n',
        },
      });
      assert.equal(products.status, 200);
      assert.equal(products.body.imported, 1);
      assert.equal(products.body.failed, 1);
      assert.equal(products.body.errors[0]?.row, 2);
      assert.match(products.body.errors[0]?.message ?? '', /price_cents/);
      const orders = await requestJson<{
        imported: number;
        failed: number;
        errors: { row: number; message: string }[];
      }>(server.baseUrl, 'POST', '/api/v1/admin/commerce/imports', {
        token,
        body: {
          kind: 'orders',
          format: 'json',
          data: JSON.stringify([
            {
              order_number: 'IMP0001',
              customer_id: 'shop_ext_1',
              status: 'paid',
              items: 'KF-X-001*2',
              placed_at: '2026-01-04T01:00:00.000Z',
              paid_at: '2026-01-04T01:05:00.000Z',
              recipient: '赵六',
              phone: '13900001111',
              address_line: '文三路 1 号',
            },
            {
              order_number: 'IMP0002',
              customer_id: 'shop_ext_1',
              status: 'paid',
              items: 'NOPE*1',
              placed_at: '2026-01-04T01:00:00.000Z',
              recipient: '赵六',
              phone: '13900001111',
              address_line: '文三路 1 号',
            },
          ]),
        },
      });
      assert.deepEqual([orders.body.imported, orders.body.failed], [1, 1]);
      assert.match(orders.body.errors[0]?.message ?? '', /unknown SKU/);
      const imported = await server.kefu.services.commerce.connector.getOrder('IMP0001');
      assert.equal(imported.ok && imported.value.totalCents, 17800);
      const agentToken = await requestJson(server.baseUrl, 'POST', '/api/v1/admin/commerce/imports', {
        body: { kind: 'orders', format: 'json', data: '[]' },
      });
      assert.equal(agentToken.status, 401);
    });

    test('a close call between two topics gets a clarifying question with quick replies', async () => {
      const shopper = await startShopperChat(server.baseUrl);
      const asked = await shopper.say('订单有问题');
      assert.match(asked.text, /您是想.*还是/);
      assert.ok(asked.quickReplies.length >= 2);
      assert.match((await shopper.say('申请退换货')).text, /订单号/);
    });
  });

  describe(`a failing shop system (${dialect})`, () => {
    let server: TestServer;
    let shop: Awaited<ReturnType<typeof startLoopbackServer>>;
    before(async () => {
      shop = await startLoopbackServer(() => ({ status: 500, body: { error: 'database is down' } }));
      server = await startTestServer({
        dialect,
        environment: { KEFU_COMMERCE: 'http', KEFU_COMMERCE_HTTP_BASE_URL: shop.baseUrl },
      });
    });
    after(async () => {
      await server.close();
      await shop.close();
    });

    test('a connector failure is an apology and a person, never a made-up answer (zh and en)', async () => {
      const shopper = await startShopperChat(server.baseUrl);
      const reply = await shopper.say('订单 KF202611010013 到哪了');
      assert.match(reply.text, /订单系统暂时无法响应/);
      assert.equal(
        (await server.kefu.services.conversations.findCurrentConversation(shopper.session.customerId, 'web'))
          ?.status,
        'queued',
      );
      const english = await startShopperChat(server.baseUrl);
      assert.match((await english.say('Is the air fryer in stock?')).text, /not responding/);
      assert.ok(shop.requests.length >= 2);
    });
  });
}

async function waitFor<Value extends unknown[]>(
  read: () => Promise<Value>,
  timeoutMs = 3_000,
): Promise<Value> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value.length > 0 || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
