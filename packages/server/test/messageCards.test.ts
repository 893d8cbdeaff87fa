import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Message, MessageCard, OrderCard, ProductCard } from '@kefu/sdk';
import { ManualClock } from '../src/clock';
import { RecordingSocket, requestJson, toWebSocketUrl } from './helpers/http';
import { shopIdentitySecret, startShopperChat } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

for (const { dialect } of testDatabaseTargets()) {
  describe(`message cards (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({
        dialect,
        clock: new ManualClock(),
        environment: { KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret },
      });
    });
    after(async () => server.close());

    test('a tracking answer carries an order card; text, history, agent API and sockets agree', async () => {
      const shopper = await startShopperChat(server.baseUrl, { shopCustomerId: 'cus_demo_09' });
      const visitorSocket = await RecordingSocket.connect(
        toWebSocketUrl(server.baseUrl, `/api/v1/visitor/ws?token=${shopper.session.token}`),
      );
      const agentToken = await server.loginAdmin();
      const agentSocket = await RecordingSocket.connect(
        toWebSocketUrl(server.baseUrl, `/api/v1/agent/ws?token=${agentToken}`),
      );
      await agentSocket.waitFor((frame) => frame.type === 'ready');
      const answered = await shopper.say('订单 KF202611010030 到哪了');
      const reply = answered.response.replies.find((message) => message.card !== null);
      assert.ok(reply, 'one reply has a card');
      const card = requireOrderCard(reply.card);
      assert.equal(card.orderNumber, 'KF202611010030');
      assert.equal(card.trackingNumber, 'SF1411287430652');
      assert.equal(card.statusLabel, '已签收');
      assert.ok(card.carrierName && /[\u4e00-\u9fff]/u.test(card.carrierName), 'carrier named in Chinese');
      assert.ok(card.items.length > 0 && card.items.every((item) => item.quantity > 0));
      assert.ok(card.timeline.length >= 2, 'the tracking events');
      const times = card.timeline.map((event) => Date.parse(event.at));
      assert.deepEqual(
        times,
        [...times].sort((left, right) => right - left),
        'newest first',
      );
      // The text alone still answers the question for channels without cards.
      assert.match(reply.text, /SF1411287430652/);
      assert.match(reply.text, /已签收/);

      const history = await requestJson<{ messages: Message[] }>(
        server.baseUrl,
        'GET',
        '/api/v1/visitor/messages',
        { token: shopper.session.token },
      );
      assert.deepEqual(history.body.messages.find((message) => message.id === reply.id)?.card, card);
      const agentView = await requestJson<{ messages: Message[] }>(
        server.baseUrl,
        'GET',
        `/api/v1/agent/conversations/${shopper.session.conversationId}/messages`,
        { token: agentToken },
      );
      assert.deepEqual(agentView.body.messages.find((message) => message.id === reply.id)?.card, card);
      const isCardFrame = (frame: Record<string, unknown>) =>
        frame.type === 'message.created' && readMessageId(frame) === reply.id;
      assert.deepEqual(readCard(await visitorSocket.waitFor(isCardFrame)), card);
      assert.deepEqual(readCard(await agentSocket.waitFor(isCardFrame)), card);
      visitorSocket.close();
      agentSocket.close();
    });

    test('a question about the product on the page carries a product card', async () => {
      const shopper = await startShopperChat(server.baseUrl);
      await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/page', {
        token: shopper.session.token,
        body: { productId: 'prod_01' },
      });
      const answered = await shopper.say('这款电池多大？');
      const card = requireProductCard(answered.response.replies.at(-1)?.card ?? null);
      assert.equal(card.productId, 'prod_01');
      assert.equal(card.title, '星河 X20 5G 智能手机 8GB+256GB');
      assert.equal(card.priceCents, 249_900);
      assert.equal(card.currency, 'CNY');
      assert.equal(card.imageEmoji, '📱');
      assert.equal(card.url, '/#/product/prod_01');
      assert.ok(card.facts.length >= 1 && card.facts.length <= 3);
      assert.ok(card.facts.includes('5G 全网通'), `short facts: ${card.facts.join(' | ')}`);
      assert.match(answered.text, /5000mAh/);
    });

    test('cards follow the shopper’s language and script', async () => {
      const english = await startShopperChat(server.baseUrl, { locale: 'en' });
      const answered = await english.say('How much is the Xinghe X20 5G Smartphone?');
      const card = requireProductCard(answered.response.replies.at(-1)?.card ?? null);
      assert.equal(card.title, 'Xinghe X20 5G Smartphone 8GB + 256GB');
      assert.ok(
        card.facts.every((fact) => !/[\u4e00-\u9fff]/u.test(fact)),
        'English facts',
      );

      const traditional = await startShopperChat(server.baseUrl, {
        shopCustomerId: 'cus_demo_09',
        locale: 'zh-TW',
      });
      const tracked = await traditional.say('訂單 KF202611010030 的物流到哪裡了');
      const orderCard = requireOrderCard(
        tracked.response.replies.find((message) => message.card !== null)?.card ?? null,
      );
      assert.equal(orderCard.statusLabel, '已簽收');
      assert.ok(
        orderCard.timeline.every((event) => !/[签运输达]/u.test(event.text)),
        'timeline in traditional script',
      );
    });
  });
}

function requireOrderCard(card: MessageCard | null): OrderCard {
  assert.equal(card?.type, 'order');
  assert.ok(card?.type === 'order');
  return card;
}

function requireProductCard(card: MessageCard | null): ProductCard {
  assert.equal(card?.type, 'product');
  assert.ok(card?.type === 'product');
  return card;
}

function readMessageId(frame: Record<string, unknown>): unknown {
  const message = frame.message;
  return typeof message === 'object' && message !== null ? Reflect.get(message, 'id') : undefined;
}

function readCard(frame: Record<string, unknown>): unknown {
  const message = frame.message;
  return typeof message === 'object' && message !== null ? Reflect.get(message, 'card') : undefined;
}
