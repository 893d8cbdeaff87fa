import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Conversation, Message } from '@kefu/sdk';
import type { OrderView } from '../src/modules/orderDesk';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { testDatabaseTargets } from './helpers/testDatabase';
import { RecordingSocket, requestJson, toWebSocketUrl } from './helpers/http';
import { shopIdentitySecret, startShopperChat } from './helpers/shopChat';
import type { ShopperChat } from './helpers/shopChat';
import { waitUntil } from './helpers/waitUntil';

const generousMs = 60_000;
const weekMs = 7 * 24 * 3600_000;

for (const { dialect } of testDatabaseTargets()) {
  describe(`orders panel API (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    const sockets: RecordingSocket[] = [];
    before(async () => {
      server = await startTestServer({
        dialect,
        environment: { KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret },
      });
      adminToken = await server.loginAdmin();
    });
    after(async () => {
      for (const socket of sockets) socket.close();
      await server.close();
    });
    const call = <Body>(method: string, path: string, token: string, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, path, { token, body });
    let accounts = 0;
    const account = async (role: string, online: boolean) => {
      accounts += 1;
      const email = `orders-${accounts}@kefu.test`;
      await call('POST', '/api/v1/admin/agents', adminToken, {
        email,
        displayName: `客服${accounts}`,
        password: 'password-123',
        role,
      });
      const token = await server.login(email, 'password-123');
      if (online) {
        const socket = await RecordingSocket.connect(
          toWebSocketUrl(server.baseUrl, `/api/v1/agent/ws?token=${token}`),
        );
        sockets.push(socket);
        await socket.waitFor((frame) => frame.type === 'ready');
        await call('PUT', '/api/v1/agent/presence', token, { presence: 'online' });
      }
      return token;
    };
    const handedOff = async (shopCustomerId: string, agentToken: string): Promise<ShopperChat> => {
      const shopper = await startShopperChat(server.baseUrl, { shopCustomerId });
      await shopper.say('转人工');
      const path = `/api/v1/agent/conversations/${shopper.session.conversationId}`;
      await waitUntil(
        async () => (await call<{ conversation: Conversation }>('GET', path, agentToken)).status === 200,
        {
          timeoutMs: generousMs,
          description: 'assigned to the online agent',
        },
      );
      return shopper;
    };
    const ordersOf = (conversationId: string, token: string) =>
      call<{ orders: OrderView[] }>('GET', `/api/v1/agent/conversations/${conversationId}/orders`, token);

    test('an agent sees the customer’s orders with tracking and starts a return the shopper is told about', async () => {
      const agentToken = await account('agent', true);
      const shopper = await handedOff('cus_demo_20', agentToken);
      const conversationId = shopper.session.conversationId;
      const listed = await ordersOf(conversationId, agentToken);
      assert.equal(listed.status, 200, JSON.stringify(listed.body));
      assert.ok(listed.body.orders.length > 0);
      assert.ok(listed.body.orders.every((view) => view.linked && view.order.customerId === 'cus_demo_20'));
      assert.ok(
        listed.body.orders.some(
          (view) => view.order.items.length > 0 && view.shipments.some((parcel) => parcel.events.length > 0),
        ),
      );
      const returnable = listed.body.orders.find(
        (view) =>
          view.order.status === 'delivered' &&
          view.returns.length === 0 &&
          view.order.deliveredAt !== null &&
          Date.now() - Date.parse(view.order.deliveredAt) < weekMs - 3600_000,
      );
      assert.ok(returnable, 'the demo customer has a delivered order within the return window');
      const orderNumber = returnable.order.orderNumber;

      const started = await call<{ returnOrder: { returnNumber: string } }>(
        'POST',
        `/api/v1/agent/conversations/${conversationId}/orders/${orderNumber}/returns`,
        agentToken,
        { kind: 'return', reason: 'defective', note: '' },
      );
      assert.equal(started.status, 201, JSON.stringify(started.body));
      const returnNumber = started.body.returnOrder.returnNumber;
      const history = await requestJson<{ messages: Message[] }>(
        server.baseUrl,
        'GET',
        '/api/v1/visitor/messages',
        {
          token: shopper.session.token,
        },
      );
      assert.ok(
        history.body.messages.some(
          (message) => message.sender === 'agent' && message.text.includes(returnNumber),
        ),
      );
      const audit = await server.kefu.services.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('target_id', '=', orderNumber)
        .where('action', '=', 'order.return_started')
        .execute();
      assert.equal(audit.length, 1, 'the return is audited');
      const announced = await server.kefu.services.database.db
        .selectFrom('outbox_events')
        .select('payload')
        .where('name', '=', 'order.action_taken')
        .execute();
      assert.deepEqual(
        announced.map((row) => JSON.parse(row.payload)),
        [
          {
            orderNumber,
            action: 'return_started',
            actorType: 'agent',
            agentId: audit[0]?.actor_id,
            conversationId,
            customerId: shopper.session.customerId,
          },
        ],
        'the return is announced once, as an action by the agent',
      );
      const again = await ordersOf(conversationId, agentToken);
      assert.ok(
        again.body.orders
          .find((view) => view.order.orderNumber === orderNumber)
          ?.returns.some((rma) => rma.returnNumber === returnNumber),
      );

      const card = await call<{ message: Message }>(
        'POST',
        `/api/v1/agent/conversations/${conversationId}/cards`,
        agentToken,
        { orderNumber },
      );
      assert.equal(card.status, 201);
      assert.equal(card.body.message.card?.type, 'order');
      assert.equal(
        (
          await call('POST', `/api/v1/agent/conversations/${conversationId}/coupons`, agentToken, {
            code: 'NOPE',
          })
        ).status,
        404,
      );
      const coupon = await call<{ message: Message }>(
        'POST',
        `/api/v1/agent/conversations/${conversationId}/coupons`,
        agentToken,
        { code: 'NEW20' },
      );
      assert.equal(coupon.status, 201, JSON.stringify(coupon.body));
      assert.match(coupon.body.message.text, /NEW20/);
    });

    test('an agent changes an address, cancels, refunds and resends an invoice: the shop changes, the shopper hears, each is audited', async () => {
      const agentToken = await account('agent', true);
      const shopper = await handedOff('cus_demo_01', agentToken);
      const conversationId = shopper.session.conversationId;
      const orderPath = (orderNumber: string, action: string) =>
        `/api/v1/agent/conversations/${conversationId}/orders/${orderNumber}/${action}`;
      const viewOf = async (orderNumber: string) =>
        (await ordersOf(conversationId, agentToken)).body.orders.find(
          (view) => view.order.orderNumber === orderNumber,
        );
      const auditOf = (orderNumber: string, action: string) =>
        server.kefu.services.database.db
          .selectFrom('audit_log')
          .select(['action', 'data'])
          .where('target_id', '=', orderNumber)
          .where('action', '=', action)
          .execute();
      const shopperHeard = async (pattern: RegExp) => {
        const history = await requestJson<{ messages: Message[] }>(
          server.baseUrl,
          'GET',
          '/api/v1/visitor/messages',
          { token: shopper.session.token },
        );
        return history.body.messages.some(
          (message) => message.sender === 'agent' && pattern.test(message.text),
        );
      };
      const paid = 'KF202611010006';
      assert.equal((await viewOf(paid))?.order.status, 'paid');

      const address = {
        recipient: '张伟',
        phone: '13912345678',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        line: '文三路 90 号 3 幢',
      };
      const moved = await call('PUT', orderPath(paid, 'address'), agentToken, { address });
      assert.equal(moved.status, 201, JSON.stringify(moved.body));
      assert.equal((await viewOf(paid))?.order.shippingAddress.line, address.line);
      assert.ok(await shopperHeard(/文三路 90 号 3 幢/));
      const addressAudit = await auditOf(paid, 'order.address_changed');
      assert.equal(addressAudit.length, 1);
      assert.ok(!JSON.stringify(addressAudit).includes('13912345678'), 'the audit keeps no address');

      const cancelled = await call('POST', orderPath(paid, 'cancel'), agentToken, { reason: '顾客不想要了' });
      assert.equal(cancelled.status, 201, JSON.stringify(cancelled.body));
      assert.equal((await viewOf(paid))?.order.status, 'cancelled');
      assert.ok(await shopperHeard(new RegExp(`订单 ${paid} 已为您取消`)));
      assert.equal((await auditOf(paid, 'order.cancelled')).length, 1);

      assert.equal((await viewOf(paid))?.refunds.length, 1, 'a paid order cancelled is refunded with it');
      const twice = await call('POST', orderPath(paid, 'refunds'), agentToken, { reason: 'again' });
      assert.equal(twice.status, 409, 'one refund per order');
      assert.deepEqual(
        refusalOf(twice.body),
        { reason: 'refund_exists' },
        'the refusal is named, not described',
      );
      assert.equal(
        (await auditOf(paid, 'order.refund_started')).length,
        0,
        'a refused action is not audited',
      );

      const colleagueToken = await account('agent', true);
      const returner = await handedOff('cus_demo_07', colleagueToken);
      const received = 'KF202611010052';
      const refunded = await call(
        'POST',
        `/api/v1/agent/conversations/${returner.session.conversationId}/orders/${received}/refunds`,
        colleagueToken,
        { reason: '退货已收到' },
      );
      assert.equal(refunded.status, 201, JSON.stringify(refunded.body));
      assert.match(
        (refunded.body as { message: Message }).message.text,
        new RegExp(`已为订单 ${received} 提交退款 ¥`),
      );
      assert.equal((await auditOf(received, 'order.refund_started')).length, 1);

      const shipped = 'KF202611010023';
      const tooLate = await call('PUT', orderPath(shipped, 'address'), agentToken, { address });
      assert.equal(tooLate.status, 409, 'a dispatched parcel keeps its address');
      assert.deepEqual(refusalOf(tooLate.body), { reason: 'order_status', orderStatus: 'shipped' });
      assert.match(JSON.stringify(tooLate.body), /The shop refused: the order is shipped/);
      assert.notEqual((await viewOf(shipped))?.order.shippingAddress.line, address.line);

      const issued = 'KF202611010036';
      const resent = await call('POST', orderPath(issued, 'invoice'), agentToken);
      assert.equal(resent.status, 201, JSON.stringify(resent.body));
      assert.ok(await shopperHeard(new RegExp(`订单 ${issued} 的发票已重新发送`)));
      assert.equal((await auditOf(issued, 'order.invoice_resent')).length, 1);
      const stored = await server.kefu.services.database.db
        .selectFrom('orders')
        .select('invoice')
        .where('order_number', '=', issued)
        .executeTakeFirstOrThrow();
      assert.equal(JSON.parse(stored.invoice ?? '{}').resendCount, 1, 'the shop records the resend');
      const pending = await call('POST', orderPath(paid, 'invoice'), agentToken);
      assert.equal(pending.status, 409, 'a cancelled order with a pending invoice has nothing to resend');
      assert.deepEqual(refusalOf(pending.body), { reason: 'invoice_not_issued' });
    });

    test('only orders of the conversation’s customer, only for agents who see it, only with the permission', async () => {
      const agentToken = await account('agent', true);
      const shopper = await handedOff('cus_demo_09', agentToken);
      const conversationId = shopper.session.conversationId;
      const foreign = await call(
        'POST',
        `/api/v1/agent/conversations/${conversationId}/orders/KF000000000000/cancel`,
        agentToken,
        {
          reason: 'test',
        },
      );
      assert.equal(foreign.status, 404);
      const outsider = await account('agent', false);
      assert.equal(
        (await ordersOf(conversationId, outsider)).status,
        404,
        'an agent who cannot see the conversation',
      );
      const analyst = await account('analyst', false);
      assert.equal((await ordersOf(conversationId, analyst)).status, 403);
      const bad = await call(
        'POST',
        `/api/v1/agent/conversations/${conversationId}/orders/X/returns`,
        agentToken,
        { kind: 'swap' },
      );
      assert.equal(bad.status, 400);
    });
  });
}

/** `details` of an `order_action_rejected` error: the refusal's code, for screens to say in their language. */
function refusalOf(body: unknown): unknown {
  const error: unknown = body && typeof body === 'object' ? Reflect.get(body, 'error') : undefined;
  assert.ok(error && typeof error === 'object', 'an error body');
  assert.equal(Reflect.get(error, 'code'), 'order_action_rejected');
  return Reflect.get(error, 'details');
}
