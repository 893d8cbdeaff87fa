// Finding 1 of the security probe: a visitor id worked as a password. Resuming now needs the token the
// server issued (renewed on every resume) or the shop's signed identity; a bare id starts a new visitor.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Message, VisitorSessionResponse } from '@kefu/sdk';
import { ManualClock } from '../src/clock';
import { VisitorTokens } from '../src/modules/auth/visitorTokens';
import { requestJson } from './helpers/http';
import { shopIdentitySecret, signShopCustomer } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

const dayMs = 24 * 60 * 60 * 1000;

for (const { dialect } of testDatabaseTargets()) {
  describe(`resuming a visitor session needs proof (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    const clock = new ManualClock('2026-03-01T02:00:00.000Z');
    before(async () => {
      server = await startTestServer({
        dialect,
        clock,
        environment: { KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret },
      });
      adminToken = await server.loginAdmin();
    });
    after(async () => server.close());

    const startSession = async (body: object, token?: string) => {
      const response = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        { body, ...(token && { token }) },
      );
      assert.equal(response.status, 201, JSON.stringify(response.body));
      return response.body;
    };
    const messagesOf = async (token: string) => {
      const response = await requestJson<{ messages: Message[] }>(
        server.baseUrl,
        'GET',
        '/api/v1/visitor/messages',
        { token },
      );
      assert.equal(response.status, 200);
      return response.body.messages;
    };
    const say = async (token: string, text: string) => {
      const sent = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
        token,
        body: { text },
      });
      assert.equal(sent.status, 201);
    };
    const displayNameOf = async (customerId: string) => {
      const profile = await requestJson<{ customer: { displayName: string | null } }>(
        server.baseUrl,
        'POST',
        `/api/v1/agent/customers/${customerId}/reveal`,
        { token: adminToken },
      );
      assert.equal(profile.status, 200);
      return profile.body.customer.displayName;
    };
    /** A shopper who gave their address and phone in the chat. */
    const startShopper = async () => {
      const shopper = await startSession({ name: '李女士' });
      await say(shopper.token, '地址是北京市朝阳区某某路 1 号，电话 13700000001');
      return shopper;
    };
    const assertStrangerGotNothing = async (
      shopper: VisitorSessionResponse,
      stranger: VisitorSessionResponse,
    ) => {
      assert.notEqual(stranger.visitorId, shopper.visitorId);
      assert.notEqual(stranger.customerId, shopper.customerId);
      assert.notEqual(stranger.conversationId, shopper.conversationId);
      assert.deepEqual(await messagesOf(stranger.token), [], 'a new, empty conversation');
      assert.equal(await displayNameOf(shopper.customerId), '李女士', 'the shopper was not renamed');
      const shoppersOwn = await messagesOf(shopper.token);
      assert.ok(shoppersOwn.some((message) => message.text.includes('13700000001')));
    };

    test("a stranger with someone's visitorId gets a new, empty conversation and cannot rename them", async () => {
      const shopper = await startShopper();
      const stranger = await startSession({ visitorId: shopper.visitorId, name: '改名了' });
      await assertStrangerGotNothing(shopper, stranger);
    });

    test('forged, foreign and expired tokens prove nothing', async () => {
      const shopper = await startShopper();
      const [payload] = shopper.token.split('.');
      const forged = await startSession({ name: '改名了' }, `${payload}.${'A'.repeat(43)}`);
      await assertStrangerGotNothing(shopper, forged);
      const otherSecret = new VisitorTokens('another-deployment-secret-0123456789abcdef', clock);
      const foreign = otherSecret.issue({
        customerId: shopper.customerId,
        visitorId: shopper.visitorId,
        channel: 'web',
      });
      await assertStrangerGotNothing(shopper, await startSession({ name: '改名了' }, foreign));
      const longAgo = new VisitorTokens(server.kefu.services.config.secretKey, new ManualClock('2025-01-01'));
      const expired = longAgo.issue({
        customerId: shopper.customerId,
        visitorId: shopper.visitorId,
        channel: 'web',
      });
      await assertStrangerGotNothing(shopper, await startSession({ name: '改名了' }, expired));
    });

    test("a stranger's own shop sign-in does not take over someone else's visitor id", async () => {
      const shopper = await startShopper();
      const stranger = await startSession({
        visitorId: shopper.visitorId,
        identity: { shopCustomerId: 'cus_demo_07', signature: signShopCustomer('cus_demo_07') },
      });
      assert.notEqual(stranger.visitorId, shopper.visitorId);
      const resumed = await startSession({}, shopper.token);
      assert.equal(resumed.customerId, shopper.customerId, 'the shopper is still themselves');
      assert.equal(resumed.conversationId, shopper.conversationId);
    });

    test('each resume renews the token, so a returning shopper keeps the conversation; a lapsed one starts anew', async () => {
      const shopper = await startShopper();
      clock.advance(29 * dayMs);
      const renewed = await startSession({}, shopper.token);
      assert.equal(renewed.conversationId, shopper.conversationId);
      clock.advance(29 * dayMs); // 58 days after the first token, 29 after the renewed one
      const again = await startSession({}, renewed.token);
      assert.equal(again.conversationId, shopper.conversationId, 'the renewed token still resumes');
      const lapsed = await startSession({}, shopper.token);
      assert.notEqual(lapsed.customerId, shopper.customerId, 'the first token has expired');
      assert.deepEqual(await messagesOf(lapsed.token), []);
    });

    test('the shop-signed identity resumes the signed-in shopper on a new device', async () => {
      const identity = { shopCustomerId: 'cus_demo_11', signature: signShopCustomer('cus_demo_11') };
      const firstDevice = await startSession({ identity });
      await say(firstDevice.token, '你好');
      const secondDevice = await startSession({ identity });
      assert.notEqual(secondDevice.visitorId, firstDevice.visitorId);
      assert.equal(secondDevice.customerId, firstDevice.customerId);
      assert.equal(secondDevice.conversationId, firstDevice.conversationId);
      const forged = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/sessions', {
        body: { identity: { shopCustomerId: 'cus_demo_11', signature: '0'.repeat(64) } },
      });
      assert.equal(forged.status, 401);
    });
  });
}
