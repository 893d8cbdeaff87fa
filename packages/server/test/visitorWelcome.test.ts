import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { VisitorServiceStatus, VisitorSessionResponse, VisitorWelcome } from '@kefu/sdk';
import { ManualClock } from '../src/clock';
import { requestJson } from './helpers/http';
import { shopIdentitySecret, startShopperChat } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

// 10:00 in the shop's time zone (UTC+8), inside the default 09:00–21:00 hours.
const openMorning = '2026-01-05T02:00:00.000Z';

for (const { dialect } of testDatabaseTargets()) {
  describe(`opening screen and service status (${dialect})`, () => {
    let server: TestServer;
    const clock = new ManualClock(openMorning);
    before(async () => {
      server = await startTestServer({
        dialect,
        clock,
        environment: { KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret },
      });
    });
    after(async () => server.close());

    const session = async (body: object) => {
      const response = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        { body },
      );
      assert.equal(response.status, 201);
      return response.body;
    };
    const welcome = async (token: string) => {
      const response = await requestJson<VisitorWelcome>(server.baseUrl, 'GET', '/api/v1/visitor/welcome', {
        token,
      });
      assert.equal(response.status, 200);
      return response.body;
    };
    const status = async (token: string) => {
      const response = await requestJson<VisitorServiceStatus>(
        server.baseUrl,
        'GET',
        '/api/v1/visitor/service-status',
        { token },
      );
      assert.equal(response.status, 200);
      return response.body;
    };

    test('a new shop greets in the conversation’s language with the common questions', async () => {
      const chinese = await welcome((await session({ locale: 'zh-CN' })).token);
      assert.equal(chinese.locale, 'zh-CN');
      assert.match(chinese.greeting, /欢迎/);
      assert.deepEqual(
        chinese.suggestions.map((suggestion) => suggestion.label),
        ['查物流', '退换货', '运费和配送', '退款进度'],
      );
      assert.deepEqual(chinese.orders, [], 'a guest has no orders to show');
      const english = await welcome((await session({ locale: 'en-GB' })).token);
      assert.match(english.greeting, /welcome/i);
      assert.equal(english.suggestions[0]?.text, 'Where is my parcel?');
      const unauthenticated = await requestJson(server.baseUrl, 'GET', '/api/v1/visitor/welcome');
      assert.equal(unauthenticated.status, 401);
    });

    test('questions about the product on the page come first and are answered about that product', async () => {
      for (const locale of ['zh-CN', 'en'] as const) {
        const shopper = await startShopperChat(server.baseUrl, { locale });
        await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/page', {
          token: shopper.session.token,
          body: { productId: 'prod_01' },
        });
        const screen = await welcome(shopper.session.token);
        assert.match(screen.greeting, locale === 'en' ? /Xinghe X20/ : /星河 X20/);
        const [network, storage] = screen.suggestions;
        assert.match(network?.text ?? '', locale === 'en' ? /network/ : /网络制式/);
        assert.match(storage?.text ?? '', locale === 'en' ? /storage/ : /存储/);
        assert.equal(screen.suggestions.length, 6);
        // The bot's greeting offers the same 猜你想问.
        const greeted = await shopper.say(locale === 'en' ? 'Hello there' : '你好呀');
        assert.deepEqual(
          greeted.response.replies.at(-1)?.quickReplies,
          screen.suggestions,
          'greeting suggestions match the opening screen',
        );
        assert.match((await shopper.say(network?.text ?? '')).text, /5G/);
        assert.match((await shopper.say(storage?.text ?? '')).text, /256/);
      }
    });

    test('what shoppers asked most in the last 30 days leads the suggestions', async () => {
      const asked = [
        '我想开发票',
        '能开增值税发票吗',
        '发票抬头怎么填',
        '开个电子发票',
        '可以用信用卡付款吗',
        '支持花呗分期吗',
        '怎么用微信支付',
      ];
      for (const text of asked) await (await startShopperChat(server.baseUrl)).say(text);
      const ranked = await welcome((await session({ locale: 'zh-CN' })).token);
      assert.deepEqual(
        ranked.suggestions.slice(0, 2).map((suggestion) => suggestion.label),
        ['开发票', '支付方式'],
      );
      clock.advance(31 * 24 * 3_600_000);
      const later = await welcome((await session({ locale: 'zh-CN' })).token);
      assert.equal(later.suggestions[0]?.label, '查物流', 'older questions no longer count');
      clock.set(openMorning);
    });

    test('a signed-in shopper sees their recent orders as cards, in their script', async () => {
      const shopper = await startShopperChat(server.baseUrl, {
        shopCustomerId: 'cus_demo_09',
        locale: 'zh-TW',
      });
      const screen = await welcome(shopper.session.token);
      assert.equal(screen.locale, 'zh-TW');
      assert.match(screen.greeting, /歡迎光臨/);
      assert.ok(screen.suggestions.every((suggestion) => !/[运货换签]/u.test(suggestion.label)));
      assert.ok(screen.orders.length >= 1 && screen.orders.length <= 3);
      assert.ok(screen.orders.every((order) => order.type === 'order' && /^KF\d+$/.test(order.orderNumber)));
      const tracked = screen.orders.find((order) => order.orderNumber === 'KF202611010030');
      assert.ok(tracked, 'the delivered order is among the recent ones');
      assert.equal(tracked.trackingNumber, 'SF1411287430652');
      assert.equal(tracked.statusLabel, '已簽收');
      assert.ok(tracked.timeline.length > 0);
      const stranger = await welcome((await session({})).token);
      assert.deepEqual(stranger.orders, []);
    });

    test('the header status counts online agents and says when people are back', async () => {
      const { token } = await session({});
      assert.deepEqual(await status(token), { agentsOnline: 0, open: true, nextOpening: null });
      const adminToken = await server.loginAdmin();
      const online = await requestJson(server.baseUrl, 'PUT', '/api/v1/agent/presence', {
        token: adminToken,
        body: { presence: 'online' },
      });
      assert.equal(online.status, 200);
      assert.equal((await status(token)).agentsOnline, 1);
      await requestJson(server.baseUrl, 'PUT', '/api/v1/agent/presence', {
        token: adminToken,
        body: { presence: 'offline' },
      });
      clock.set('2026-01-05T14:30:00.000Z'); // 22:30 in the shop
      assert.deepEqual(await status(token), {
        agentsOnline: 0,
        open: false,
        nextOpening: { at: '2026-01-06T01:00:00.000Z', localTime: '09:00', daysFromToday: 1 },
      });
      clock.set('2026-01-04T23:30:00.000Z'); // 07:30 in the shop
      assert.deepEqual((await status(token)).nextOpening, {
        at: '2026-01-05T01:00:00.000Z',
        localTime: '09:00',
        daysFromToday: 0,
      });
      clock.set(openMorning);
      assert.equal((await requestJson(server.baseUrl, 'GET', '/api/v1/visitor/service-status')).status, 401);
    });
  });
}
