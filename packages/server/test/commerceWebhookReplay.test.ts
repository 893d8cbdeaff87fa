// Finding 4 of the security probe: an older signed order.updated, replayed after a newer one, rolled the order
// back and re-announced it. Deliveries are now signed with their id and time (Standard Webhooks), stale and seen
// ids are refused, and an older state never overwrites a newer one.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { ManualClock } from '../src/clock';
import { signStandardWebhook, verifyStandardWebhook } from '../src/modules/commerce/webhookSignature';
import { shopWebhookSecret } from './helpers/shopChat';
import { pushShopWebhook } from './helpers/shopWebhook';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

const vector = z
  .object({
    secret: z.string(),
    id: z.string(),
    timestamp: z.number(),
    payload: z.string(),
    signature: z.string(),
  })
  .parse(
    JSON.parse(
      readFileSync(new URL('./fixtures/standardWebhooks/signature-vector.json', import.meta.url), 'utf8'),
    ),
  );

test('the signature matches the official Standard Webhooks test vector', () => {
  assert.equal(
    signStandardWebhook(vector.secret, vector.id, vector.timestamp, vector.payload),
    vector.signature,
  );
  const headers = {
    'webhook-id': vector.id,
    'webhook-timestamp': String(vector.timestamp),
    'webhook-signature': `v1,${'A'.repeat(43)}= ${vector.signature}`,
  };
  const signedAt = new Date(vector.timestamp * 1000);
  const body = Buffer.from(vector.payload);
  const verified = verifyStandardWebhook(body, headers, vector.secret, signedAt);
  assert.deepEqual(verified, { ok: true, delivery: { id: vector.id, signedAt } });
  const fiveMinutesOneSecond = new Date(signedAt.getTime() + 301_000);
  assert.deepEqual(verifyStandardWebhook(body, headers, vector.secret, fiveMinutesOneSecond), {
    ok: false,
    reason: 'stale',
  });
  const otherId = { ...headers, 'webhook-id': 'msg_another' };
  assert.equal(verifyStandardWebhook(body, otherId, vector.secret, signedAt).ok, false);
  const otherTime = { ...headers, 'webhook-timestamp': String(vector.timestamp + 1) };
  assert.equal(verifyStandardWebhook(body, otherTime, vector.secret, signedAt).ok, false);
  assert.equal(
    verifyStandardWebhook(Buffer.from(`${vector.payload} `), headers, vector.secret, signedAt).ok,
    false,
  );
});

for (const { dialect } of testDatabaseTargets()) {
  describe(`commerce webhook replay and ordering (${dialect})`, () => {
    let server: TestServer;
    const clock = new ManualClock('2026-02-10T04:00:00.000Z');
    before(async () => {
      server = await startTestServer({
        dialect,
        clock,
        environment: { KEFU_COMMERCE_WEBHOOK_SECRET: shopWebhookSecret },
      });
    });
    after(async () => server.close());

    const push = (body: object | string, delivery = {}) =>
      pushShopWebhook(server.baseUrl, clock, body, delivery);
    const orderUpdate = (orderNumber: string, status: string, updatedAt?: string) => ({
      type: 'order.updated',
      order: {
        order_number: orderNumber,
        customer_id: 'cus_demo_20',
        status,
        items: 'KF-HM-015*1',
        placed_at: '2026-02-09T01:00:00.000Z',
        recipient: '张三',
        phone: '13700000001',
        address_line: '朝阳区某某路 1 号',
        ...(updatedAt && { updated_at: updatedAt }),
      },
    });
    const statusOf = async (orderNumber: string) => {
      const row = await server.kefu.services.database.db
        .selectFrom('orders')
        .select('status')
        .where('order_number', '=', orderNumber)
        .executeTakeFirst();
      return row?.status ?? null;
    };
    const announcements = async (orderNumber: string) => {
      const rows = await server.kefu.services.database.db
        .selectFrom('outbox_events')
        .select('payload')
        .where('name', 'in', ['commerce.order_updated', 'commerce.shipment_updated'])
        .execute();
      return rows.filter((row) => row.payload.includes(orderNumber)).length;
    };

    test('a replayed delivery id is refused and changes and announces nothing', async () => {
      const first = await push(orderUpdate('KFREPLAY0001', 'paid'), { id: 'msg_replay_1' });
      assert.equal(first.status, 202);
      assert.deepEqual(first.body, { accepted: 'order.updated', applied: true });
      assert.equal(await announcements('KFREPLAY0001'), 1);
      clock.advance(30_000);
      const shipped = await push(orderUpdate('KFREPLAY0001', 'shipped'), { id: 'msg_replay_2' });
      assert.equal(shipped.status, 202);
      clock.advance(60_000);
      // The attacker re-sends the captured first delivery byte for byte (same id, same signed time).
      const replayed = await push(orderUpdate('KFREPLAY0001', 'paid'), {
        id: 'msg_replay_1',
        signedAt: new Date(clock.now().getTime() - 90_000),
      });
      assert.equal(replayed.status, 409);
      assert.equal(await statusOf('KFREPLAY0001'), 'shipped');
      assert.equal(await announcements('KFREPLAY0001'), 2, 'paid, then shipped; nothing for the replay');
    });

    test('a delivery signed more than 5 minutes ago, or in the future, is refused', async () => {
      const stale = await push(orderUpdate('KFSTALE00001', 'paid'), {
        signedAt: new Date(clock.now().getTime() - 5 * 60_000 - 1_000),
      });
      assert.equal(stale.status, 401);
      assert.match(JSON.stringify(stale.body), /webhook_stale/);
      const future = await push(orderUpdate('KFSTALE00001', 'paid'), {
        signedAt: new Date(clock.now().getTime() + 5 * 60_000 + 1_000),
      });
      assert.equal(future.status, 401);
      assert.equal(await statusOf('KFSTALE00001'), null, 'nothing stored');
      const fresh = await push(orderUpdate('KFSTALE00001', 'paid'), {
        signedAt: new Date(clock.now().getTime() - 4 * 60_000),
      });
      assert.equal(fresh.status, 202);
    });

    test('an older state delivered after a newer one changes nothing and announces nothing', async () => {
      await push(orderUpdate('KFORDER00001', 'paid', '2026-02-10T03:00:00.000Z'));
      const earlierInstant = await push(
        orderUpdate('KFORDER00001', 'shipped', '2026-02-10T03:30:00.000+08:00'),
      );
      assert.deepEqual(
        earlierInstant.body,
        { accepted: 'order.updated', applied: false },
        '03:30 in China is 19:30 UTC the day before',
      );
      assert.equal(await statusOf('KFORDER00001'), 'paid');
      await push(orderUpdate('KFORDER00001', 'shipped', '2026-02-10T03:40:00.000Z'));
      assert.equal(await statusOf('KFORDER00001'), 'shipped');
      const before = await announcements('KFORDER00001');
      const older = await push(orderUpdate('KFORDER00001', 'paid', '2026-02-10T03:20:00.000Z'));
      assert.equal(older.status, 202);
      assert.deepEqual(older.body, { accepted: 'order.updated', applied: false });
      assert.equal(await statusOf('KFORDER00001'), 'shipped');
      assert.equal(await announcements('KFORDER00001'), before);
    });

    test('without the shop’s own time, the signed time orders the updates', async () => {
      const now = clock.now().getTime();
      await push(orderUpdate('KFSIGNED0001', 'shipped'), { signedAt: new Date(now - 60_000) });
      const older = await push(orderUpdate('KFSIGNED0001', 'paid'), { signedAt: new Date(now - 120_000) });
      assert.deepEqual(older.body, { accepted: 'order.updated', applied: false });
      assert.equal(await statusOf('KFSIGNED0001'), 'shipped');
    });

    test('a shipment that moved the order on is not undone by an older order update', async () => {
      await push(orderUpdate('KFSHIP000001', 'paid', '2026-02-10T02:00:00.000Z'));
      const shipment = (status: string, eventAt: string) => ({
        type: 'shipment.updated',
        shipment: {
          order_number: 'KFSHIP000001',
          carrier_code: 'SF',
          tracking_number: 'SF7770000000001',
          status,
          shipped_at: '2026-02-10T02:30:00.000Z',
          event_at: eventAt,
        },
      });
      await push(shipment('delivered', '2026-02-10T03:50:00.000Z'));
      assert.equal(await statusOf('KFSHIP000001'), 'delivered');
      const lateTransit = await push(shipment('in_transit', '2026-02-10T03:00:00.000Z'));
      assert.deepEqual(lateTransit.body, { accepted: 'shipment.updated', applied: false });
      const lateOrder = await push(orderUpdate('KFSHIP000001', 'paid', '2026-02-10T02:10:00.000Z'));
      assert.deepEqual(lateOrder.body, { accepted: 'order.updated', applied: false });
      assert.equal(await statusOf('KFSHIP000001'), 'delivered');
      const row = await server.kefu.services.database.db
        .selectFrom('shipments')
        .select('status')
        .where('tracking_number', '=', 'SF7770000000001')
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'delivered');
    });

    test('forged deliveries are refused in every form and store nothing', async () => {
      const body = JSON.stringify(orderUpdate('KFFORGED0001', 'paid'));
      const timestamp = Math.floor(clock.now().getTime() / 1000);
      const forgeries = [
        { secret: 'a-guessed-secret-that-is-long-enough' },
        { signature: `v1,${Buffer.alloc(32).toString('base64')}` },
        { signature: signStandardWebhook(shopWebhookSecret, 'msg_other_id', timestamp, body) },
        { signature: signStandardWebhook(shopWebhookSecret, 'msg_x', timestamp - 1, body) },
        { signature: signStandardWebhook(shopWebhookSecret, 'msg_x', timestamp, `${body} `) },
        { signature: 'v2,abc' },
        { signature: '' },
      ];
      for (const forgery of forgeries) {
        const response = await push(body, { id: 'msg_x', ...forgery });
        assert.equal(response.status, 401, JSON.stringify(forgery));
      }
      // The old body-only signature header proves nothing about time or id.
      const bodyOnly = await fetch(`${server.baseUrl}/api/v1/commerce/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kefu-signature': 'sha256=00' },
        body,
      });
      assert.equal(bodyOnly.status, 401);
      assert.equal(await statusOf('KFFORGED0001'), null);
      // None of the refused attempts used up the id: the genuine delivery still goes through.
      assert.equal((await push(body, { id: 'msg_x' })).status, 202);
    });
  });
}
