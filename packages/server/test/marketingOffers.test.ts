// After-conversation offers as a merchant sees them: a rule sends recommendations and a coupon once after a
// resolution, in the shopper's language, respecting the frequency cap and opt-outs; clicks go through /r/:token
// and count once; the shop reports redemptions, signed; the figures API adds it all up.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Message, OfferRule, OfferRuleFigures, OfferRuleInput } from '@kefu/sdk';
import { signStandardWebhook } from '../src/modules/commerce/webhookSignature';
import type { ResolutionFacts } from '../src/modules/marketing/offerTriggers';
import { ruleMatches } from '../src/modules/marketing/offerTriggers';
import { isLinkableProductPage } from '../src/modules/marketing/recommendProducts';
import { requestJson } from './helpers/http';
import type { ShopperChat } from './helpers/shopChat';
import { shopIdentitySecret, shopWebhookSecret, startShopperChat } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { ShiftedClock } from './helpers/shiftedClock';
import { waitUntil } from './helpers/waitUntil';
import { WeChatPlatform, createChannelAccount, signWeChatPush, weChatXml } from './helpers/wechatPlatform';

const rulesPath = '/api/v1/admin/marketing/rules';
const weChatAppId = 'wx2c2769f8efd9abc2';
const weChatToken = 'offerstest';
const outOfStockProductId = 'prod_08';
const ruleInput: OfferRuleInput = {
  name: '会话后推荐',
  enabled: true,
  conditions: {
    resolvedBy: 'anyone',
    categories: [],
    requireProductDiscussed: true,
    minimumCsat: 3,
    skipUpsetShoppers: true,
    customerTiers: [],
  },
  content: { recommendations: 3, coupon: true },
  delayMinutes: 0,
  capDays: 30,
};

describe('recommendation links', () => {
  test('only a product page of the shop or a path on Kefu may be the target of a click redirect', () => {
    for (const page of ['/#/product/prod_01', 'https://shop.example/products/1?ref=kefu'])
      assert.equal(isLinkableProductPage(page), true, page);
    for (const page of ['//evil.example', '/\\evil.example', 'javascript:alert(1)', 'ftp://x', '', null])
      assert.equal(isLinkableProductPage(page), false, String(page));
  });
});

describe('offer rule triggers', () => {
  const facts: ResolutionFacts = {
    handledByAgent: true,
    topics: new Set(['pre_sale', 'product_inquiry']),
    discussedProductIds: ['prod_03'],
    upset: false,
    vipTier: 'gold',
  };
  const rule = (conditions: Partial<OfferRuleInput['conditions']>): OfferRule => ({
    ...ruleInput,
    conditions: { ...ruleInput.conditions, ...conditions },
    id: 'mkr_test',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  });

  test('each condition holds or fails on its own', () => {
    assert.equal(ruleMatches(rule({}), facts, null), true);
    assert.equal(ruleMatches(rule({ resolvedBy: 'bot' }), facts, null), false);
    assert.equal(ruleMatches(rule({ resolvedBy: 'bot' }), { ...facts, handledByAgent: false }, null), true);
    assert.equal(
      ruleMatches(rule({ resolvedBy: 'agent' }), { ...facts, handledByAgent: false }, null),
      false,
    );
    assert.equal(ruleMatches(rule({ categories: ['after_sale'] }), facts, null), false);
    assert.equal(ruleMatches(rule({ categories: ['after_sale', 'product_inquiry'] }), facts, null), true);
    assert.equal(ruleMatches(rule({}), { ...facts, discussedProductIds: [] }, null), false);
    assert.equal(
      ruleMatches(rule({ requireProductDiscussed: false }), { ...facts, discussedProductIds: [] }, null),
      true,
    );
    assert.equal(ruleMatches(rule({}), { ...facts, upset: true }, null), false);
    assert.equal(ruleMatches(rule({ skipUpsetShoppers: false }), { ...facts, upset: true }, null), true);
    assert.equal(ruleMatches(rule({ customerTiers: ['platinum'] }), facts, null), false);
    assert.equal(ruleMatches(rule({ customerTiers: ['gold', 'platinum'] }), facts, null), true);
    assert.equal(ruleMatches(rule({ minimumCsat: 4 }), facts, 3), false);
    assert.equal(ruleMatches(rule({ minimumCsat: 4 }), facts, 4), true);
    assert.equal(
      ruleMatches(rule({ minimumCsat: 4 }), facts, null),
      true,
      'no rating: the minimum does not apply',
    );
  });
});

for (const { dialect } of testDatabaseTargets()) {
  describe(`after-conversation offers (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    let rule: OfferRule;
    const clock = new ShiftedClock();
    const weChat = new WeChatPlatform(weChatAppId, 'app-secret-for-offers');
    before(async () => {
      await weChat.start();
      server = await startTestServer({
        dialect,
        clock,
        environment: {
          KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret,
          KEFU_COMMERCE_WEBHOOK_SECRET: shopWebhookSecret,
        },
      });
      adminToken = await server.loginAdmin();
    });
    after(async () => {
      await server.close();
      await weChat.close();
    });

    test('an invalid rule is a 400 that stores nothing; a role without the permission gets 403', async () => {
      const invalid = await requestJson(server.baseUrl, 'POST', rulesPath, {
        token: adminToken,
        body: { ...ruleInput, content: { recommendations: 0, coupon: false } },
      });
      assert.equal(invalid.status, 400);
      assert.equal(invalid.body.error.code, 'validation_failed');
      const unknownField = await requestJson(server.baseUrl, 'POST', rulesPath, {
        token: adminToken,
        body: { ...ruleInput, capDays: -1, extra: true },
      });
      assert.equal(unknownField.status, 400);
      const listed = await requestJson<{ rules: OfferRule[] }>(server.baseUrl, 'GET', rulesPath, {
        token: adminToken,
      });
      assert.deepEqual(listed.body.rules, []);

      const agentToken = await createAgent(server, adminToken, 'agent');
      const supervisorToken = await createAgent(server, adminToken, 'supervisor');
      for (const token of [agentToken, supervisorToken]) {
        const refused = await requestJson(server.baseUrl, 'POST', rulesPath, { token, body: ruleInput });
        assert.equal(refused.status, 403);
        const figures = await requestJson(
          server.baseUrl,
          'GET',
          `/api/v1/admin/marketing/figures?${period()}`,
          {
            token,
          },
        );
        assert.equal(figures.status, 403);
      }
    });

    test('a resolution sends related in-stock products and a coupon once, in the shopper’s language', async () => {
      const created = await requestJson<{ rule: OfferRule }>(server.baseUrl, 'POST', rulesPath, {
        token: adminToken,
        body: ruleInput,
      });
      assert.equal(created.status, 201);
      rule = created.body.rule;

      const shopper = await startShopperChat(server.baseUrl, {
        shopCustomerId: 'cus_demo_01',
        locale: 'en',
        pageProductId: 'prod_03',
      });
      await shopper.say('Are the SoundWave Buds Pro earbuds in stock?');
      await resolve(server, adminToken, shopper.session.conversationId);
      const offer = await waitForOffer(server, shopper.session.conversationId, 1);
      assert.equal(offer.status, 'sent');
      assert.equal(offer.skip_reason, null);

      const messages = await visitorMessages(server, shopper);
      const opening = messages.find((message) => message.text.includes('coupon'));
      assert.ok(opening, 'the shopper got the offer in English');
      assert.match(opening.text, new RegExp(`\\b${offer.coupon_code ?? 'none'}\\b`));
      assert.match(opening.text, /unsubscribe/);
      const cards = messages.flatMap((message) => (message.card?.type === 'product' ? [message.card] : []));
      const recommended = cards.filter((card) => card.url?.includes('/r/'));
      assert.ok(recommended.length >= 1 && recommended.length <= 3, `${recommended.length} recommendations`);

      const ordered = await orderedProductIds(server, 'cus_demo_01');
      for (const card of recommended) {
        assert.ok(!ordered.has(card.productId), `${card.productId} was already bought`);
        assert.notEqual(card.productId, outOfStockProductId);
        assert.notEqual(card.productId, 'prod_03', 'the product they asked about is not offered back');
        const product = await server.kefu.services.commerce.connector.getProduct(card.productId);
        assert.ok(product.ok && product.value.stock > 0, `${card.productId} is in stock`);
        assert.equal(
          product.value.category,
          'electronics',
          'first, products like the earbuds they asked about',
        );
        assert.ok(!/[\u4e00-\u9fff]/.test(card.title), 'an English title');
      }

      // The click goes to the product page stored with the offer, and counts once.
      const link = recommended[0]?.url ?? '';
      const token = link.slice(link.lastIndexOf('/r/') + 3);
      const product = await server.kefu.services.commerce.connector.getProduct(
        recommended[0]?.productId ?? '',
      );
      assert.ok(product.ok);
      for (let click = 0; click < 2; click += 1) {
        const followed = await fetch(`${server.baseUrl}/r/${token}`, { redirect: 'manual' });
        assert.equal(followed.status, 302);
        assert.equal(followed.headers.get('location'), product.value.url);
      }
      const unknown = await fetch(`${server.baseUrl}/r/${'x'.repeat(32)}`, { redirect: 'manual' });
      assert.equal(unknown.status, 404);
      const malformed = await fetch(`${server.baseUrl}/r/https%3A%2F%2Fevil.example`, { redirect: 'manual' });
      assert.equal(malformed.status, 404);

      // The shop reports the order that used the coupon; a replayed delivery is refused.
      const deliveryId = `msg_${randomUUID()}`;
      const redemption = { code: offer.coupon_code, orderNumber: 'KF-TEST-1', shopCustomerId: 'cus_demo_01' };
      const reported = await postRedemption(server, redemption, deliveryId);
      assert.deepEqual(reported, { status: 202, body: { recorded: true } });
      assert.equal((await postRedemption(server, redemption, deliveryId)).status, 409);
      const badSignature = await postRedemption(
        server,
        redemption,
        `msg_${randomUUID()}`,
        'wrong-secret-0123456789',
      );
      assert.equal(badSignature.status, 401);

      // A second resolution within the cap sends nothing, and says why.
      const before = messages.length;
      await requestJson(
        server.baseUrl,
        'POST',
        `/api/v1/agent/conversations/${shopper.session.conversationId}/reopen`,
        {
          token: adminToken,
        },
      );
      await resolve(server, adminToken, shopper.session.conversationId);
      const second = await waitForOffer(server, shopper.session.conversationId, 2);
      assert.equal(second.status, 'skipped');
      assert.equal(second.skip_reason, 'frequency_cap');
      const after = await visitorMessages(server, shopper);
      assert.ok(
        !after
          .slice(before)
          .some((message) => message.card?.type === 'product' && message.card.url?.includes('/r/')),
      );

      const figures = await readFigures(server, adminToken);
      const ofRule = figures.find((entry) => entry.ruleId === rule.id);
      assert.ok(ofRule);
      assert.equal(ofRule.sent, 1);
      assert.equal(ofRule.skipped.frequency_cap, 1);
      assert.equal(ofRule.clicked, 1);
      assert.equal(ofRule.clickRate, 1);
      assert.equal(ofRule.couponsSent, 1);
      assert.equal(ofRule.redeemed, 1);
      assert.equal(ofRule.redemptionRate, 1);
    });

    test('a traditional-Chinese shopper gets the offer in traditional script', async () => {
      const shopper = await startShopperChat(server.baseUrl, { locale: 'zh-TW', pageProductId: 'prod_05' });
      await shopper.say('這個行動電源有貨嗎？');
      await resolve(server, adminToken, shopper.session.conversationId);
      const offer = await waitForOffer(server, shopper.session.conversationId, 1);
      assert.equal(offer.status, 'sent');
      const messages = await visitorMessages(server, shopper);
      const opening = messages.find((message) => message.text.includes(offer.coupon_code ?? '-'));
      assert.ok(opening);
      assert.match(opening.text, /優惠券/);
      assert.match(opening.text, /退訂/);

      // Answering the offer with 退訂 (the conversation is resolved, nobody serves it) stops further offers.
      await shopper.say('退訂');
      await waitUntil(
        async () => {
          const consent = await requestJson<{ consent: { optedOut: boolean } }>(
            server.baseUrl,
            'GET',
            `/api/v1/agent/customers/${shopper.session.customerId}/marketing-consent`,
            { token: adminToken },
          );
          return consent.body.consent.optedOut;
        },
        { description: 'the reply to the offer is recorded as an opt-out' },
      );
    });

    test('a shopper who opted out gets nothing, and their record shows it', async () => {
      const shopper = await startShopperChat(server.baseUrl, { locale: 'zh-CN', pageProductId: 'prod_06' });
      await shopper.say('这个充电器支持快充吗？');
      const answer = await shopper.say('退订');
      assert.match(answer.text, /不再/);
      const consent = await requestJson<{ consent: { optedOut: boolean; source: string } }>(
        server.baseUrl,
        'GET',
        `/api/v1/agent/customers/${shopper.session.customerId}/marketing-consent`,
        { token: adminToken },
      );
      assert.equal(consent.status, 200);
      assert.equal(consent.body.consent.optedOut, true);
      assert.equal(consent.body.consent.source, 'shopper');
      const unknownCustomer = await requestJson(
        server.baseUrl,
        'PUT',
        '/api/v1/admin/marketing/customers/cus_missing/consent',
        { token: adminToken, body: { optedOut: true } },
      );
      assert.equal(unknownCustomer.status, 404);

      const before = (await visitorMessages(server, shopper)).length;
      await resolve(server, adminToken, shopper.session.conversationId);
      const offer = await waitForOffer(server, shopper.session.conversationId, 1);
      assert.equal(offer.status, 'skipped');
      assert.equal(offer.skip_reason, 'opted_out');
      const after = await visitorMessages(server, shopper);
      assert.ok(!after.slice(before).some((message) => message.sender === 'bot'));

      // The shopper asks again by phone: an admin records it, and the record says who.
      const optedIn = await requestJson<{ consent: { optedOut: boolean; source: string } }>(
        server.baseUrl,
        'PUT',
        `/api/v1/admin/marketing/customers/${shopper.session.customerId}/consent`,
        { token: adminToken, body: { optedOut: false } },
      );
      assert.equal(optedIn.status, 200);
      assert.deepEqual(
        { optedOut: optedIn.body.consent.optedOut, source: optedIn.body.consent.source },
        { optedOut: false, source: 'agent' },
      );
    });

    test('an erased shopper gets nothing, recorded as such', async () => {
      const shopper = await startShopperChat(server.baseUrl, { locale: 'zh-CN', pageProductId: 'prod_04' });
      await shopper.say('这款手表能测心率吗？');
      const erased = await requestJson(
        server.baseUrl,
        'POST',
        `/api/v1/admin/customers/${shopper.session.customerId}/erase`,
        { token: adminToken, body: { confirm: shopper.session.customerId } },
      );
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      await resolve(server, adminToken, shopper.session.conversationId);
      const offer = await waitForOffer(server, shopper.session.conversationId, 1);
      assert.equal(offer.status, 'skipped');
      assert.equal(offer.skip_reason, 'customer_erased');
      const messages = await server.kefu.services.database.db
        .selectFrom('messages')
        .select('card')
        .where('conversation_id', '=', shopper.session.conversationId)
        .where('sender', '=', 'bot')
        .where('created_at', '>=', offer.created_at)
        .execute();
      assert.deepEqual(messages, []);
    });

    test('rules can be disabled and changed; an unknown rule is 404', async () => {
      const disabled = await requestJson<{ rule: OfferRule }>(
        server.baseUrl,
        'PATCH',
        `${rulesPath}/${rule.id}`,
        {
          token: adminToken,
          body: { enabled: false, capDays: 7 },
        },
      );
      assert.equal(disabled.status, 200);
      assert.equal(disabled.body.rule.enabled, false);
      assert.equal(disabled.body.rule.capDays, 7);
      assert.equal(disabled.body.rule.name, ruleInput.name);
      const invalid = await requestJson(server.baseUrl, 'PATCH', `${rulesPath}/${rule.id}`, {
        token: adminToken,
        body: { delayMinutes: 'soon' },
      });
      assert.equal(invalid.status, 400);
      const unchanged = await requestJson<{ rules: OfferRule[] }>(server.baseUrl, 'GET', rulesPath, {
        token: adminToken,
      });
      assert.equal(unchanged.body.rules[0]?.delayMinutes, 0);
      const missing = await requestJson(server.baseUrl, 'PATCH', `${rulesPath}/mkr_missing`, {
        token: adminToken,
        body: { enabled: true },
      });
      assert.equal(missing.status, 404);
      assert.equal(missing.body.error.code, 'offer_rule_not_found');
    });
    test('a delayed offer waits for its time, then is sent once', async () => {
      const delayed = await requestJson<{ rule: OfferRule }>(server.baseUrl, 'POST', rulesPath, {
        token: adminToken,
        body: { ...ruleInput, name: '十分钟后推荐', delayMinutes: 10, capDays: 0 },
      });
      assert.equal(delayed.status, 201);
      const shopper = await startShopperChat(server.baseUrl, { locale: 'en', pageProductId: 'prod_02' });
      await shopper.say('Is this phone good for my parents?');
      await resolve(server, adminToken, shopper.session.conversationId);
      const scheduled = await waitForOfferRecord(server, shopper.session.conversationId);
      assert.equal(scheduled.status, 'scheduled');
      assert.equal(scheduled.rule_id, delayed.body.rule.id);
      assert.equal(Date.parse(scheduled.due_at) - Date.parse(scheduled.resolved_at), 10 * 60_000);
      clock.offsetMs += 11 * 60_000;
      const offer = await waitForOffer(server, shopper.session.conversationId, 1);
      assert.equal(offer.status, 'sent');
      const cards = (await visitorMessages(server, shopper)).filter(
        (message) => message.card?.type === 'product' && message.card.url?.includes('/r/'),
      );
      assert.ok(cards.length >= 1);
    });
    test('an offer due after the WeChat reply window closed is skipped with that reason', async () => {
      const couponOnly = await requestJson<{ rule: OfferRule }>(server.baseUrl, 'POST', rulesPath, {
        token: adminToken,
        body: {
          ...ruleInput,
          name: 'WeChat coupon',
          conditions: { ...ruleInput.conditions, requireProductDiscussed: false },
          content: { recommendations: 0, coupon: true },
          delayMinutes: 60,
          capDays: 0,
        },
      });
      assert.equal(couponOnly.status, 201);
      const account = await createChannelAccount(server.baseUrl, adminToken, {
        kind: 'wechat',
        name: '公众号',
        settings: { appId: weChatAppId, encryption: 'plain', apiBaseUrl: weChat.baseUrl },
        credentials: { appSecret: 'app-secret-for-offers', token: weChatToken },
      });
      const xml = weChatXml({
        ToUserName: 'gh_shop',
        FromUserName: 'o_offer_window',
        CreateTime: Math.floor(clock.now().getTime() / 1000),
        MsgType: 'text',
        Content: '你好，请问发货要多久？',
        MsgId: '7100000000000000001',
      });
      const signed = signWeChatPush(xml, {
        token: weChatToken,
        timestamp: Math.floor(clock.now().getTime() / 1000),
      });
      const pushed = await fetch(`${server.baseUrl}${account.callbackPath}?${signed.query}`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: signed.body,
      });
      assert.equal(pushed.status, 200);
      const db = server.kefu.services.database.db;
      const inbound = async () =>
        db
          .selectFrom('inbound_messages')
          .select('conversation_id')
          .where('sender_external_id', '=', 'o_offer_window')
          .executeTakeFirst();
      await waitUntil(async () => (await inbound())?.conversation_id != null, {
        description: 'the push is stored',
      });
      const conversationId = (await inbound())?.conversation_id ?? '';
      await resolve(server, adminToken, conversationId);
      const scheduled = await waitForOfferRecord(server, conversationId);
      assert.equal(scheduled.rule_id, couponOnly.body.rule.id);
      clock.offsetMs += 49 * 60 * 60_000;
      const offer = await waitForOffer(server, conversationId, 1);
      assert.equal(offer.status, 'skipped');
      assert.equal(offer.skip_reason, 'reply_window_closed');
    });
  });
}

async function createAgent(server: TestServer, adminToken: string, role: 'agent' | 'supervisor') {
  const email = `${role}-${randomUUID().slice(0, 8)}@offers.test`;
  const password = 'offers test password 1';
  const created = await requestJson(server.baseUrl, 'POST', '/api/v1/admin/agents', {
    token: adminToken,
    body: { email, password, displayName: role, role },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return server.login(email, password);
}

async function resolve(server: TestServer, token: string, conversationId: string): Promise<void> {
  const resolved = await requestJson(
    server.baseUrl,
    'POST',
    `/api/v1/agent/conversations/${conversationId}/resolve`,
    {
      token,
    },
  );
  assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
}

/** The conversation's `count`-th offer once its job has sent or skipped it. */
async function waitForOffer(server: TestServer, conversationId: string, count: number) {
  const read = () =>
    server.kefu.services.database.db
      .selectFrom('marketing_offers')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('created_at')
      .execute();
  await waitUntil(
    async () => {
      const offers = await read();
      return offers.length >= count && offers[count - 1]?.status !== 'scheduled';
    },
    { description: `offer ${count} of ${conversationId} sent or skipped`, timeoutMs: 30_000 },
  );
  const offer = (await read())[count - 1];
  assert.ok(offer);
  return offer;
}

async function waitForOfferRecord(server: TestServer, conversationId: string) {
  const read = () =>
    server.kefu.services.database.db
      .selectFrom('marketing_offers')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .executeTakeFirst();
  await waitUntil(async () => (await read()) !== undefined, { description: 'the offer is recorded' });
  const offer = await read();
  assert.ok(offer);
  return offer;
}

async function visitorMessages(server: TestServer, shopper: ShopperChat): Promise<Message[]> {
  const response = await requestJson<{ messages: Message[] }>(
    server.baseUrl,
    'GET',
    '/api/v1/visitor/messages',
    {
      token: shopper.session.token,
    },
  );
  return response.body.messages;
}

async function orderedProductIds(server: TestServer, shopCustomerId: string): Promise<Set<string>> {
  const orders = await server.kefu.services.commerce.connector.listOrders(shopCustomerId, 20);
  assert.ok(orders.ok);
  return new Set(orders.value.flatMap((order) => order.items.map((item) => item.productId)));
}

async function postRedemption(
  server: TestServer,
  body: object,
  deliveryId: string,
  secret = shopWebhookSecret,
) {
  const raw = JSON.stringify(body);
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${server.baseUrl}/api/v1/marketing/redemptions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': deliveryId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signStandardWebhook(secret, deliveryId, timestamp, raw),
    },
    body: raw,
  });
  return { status: response.status, body: await response.json() };
}

async function readFigures(server: TestServer, token: string): Promise<OfferRuleFigures[]> {
  const response = await requestJson<{ rules: OfferRuleFigures[] }>(
    server.baseUrl,
    'GET',
    `/api/v1/admin/marketing/figures?${period()}`,
    { token },
  );
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.rules;
}

function period(): string {
  const now = Date.now();
  return new URLSearchParams({
    from: new Date(now - 24 * 3_600_000).toISOString(),
    to: new Date(now + 3_600_000).toISOString(),
  }).toString();
}
