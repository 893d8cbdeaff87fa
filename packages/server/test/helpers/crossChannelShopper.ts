// One shopper across channels, as suites set it up: a WeChat follower (a loopback official-account platform)
// who signs in to the shop's app with WeChat, so the app session joins the follower's customer.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import type { VisitorSessionResponse } from '@kefu/sdk';
import type { Clock } from '../../src/clock';
import type { ChannelAccountView } from '../../src/modules/channels/accounts/channelAccountSchemas';
import { requestJson, startVisitorSession } from './http';
import { shopIdentitySecret } from './shopChat';
import type { TestServer } from './testServer';
import { waitUntil } from './waitUntil';
import type { WeChatPlatform } from './wechatPlatform';
import { createChannelAccount, signWeChatPush, weChatXml } from './wechatPlatform';

/** What the shop's server signs for a signed-in shopper: the id, then the keys it verified (README). */
export function signShopLogin(claim: {
  shopCustomerId: string;
  phone?: string;
  wechatUnionId?: string;
}): string {
  const lines = [
    claim.shopCustomerId,
    ...(claim.phone ? [`phone=${claim.phone}`] : []),
    ...(claim.wechatUnionId ? [`unionid=${claim.wechatUnionId}`] : []),
  ];
  return createHmac('sha256', shopIdentitySecret).update(lines.join('\n')).digest('hex');
}

/** An official account set up in Kefu, pushed to as WeChat's servers do (plain mode, signed). */
export interface WeChatAccountTarget {
  baseUrl: string;
  account: ChannelAccountView;
  token: string;
  clock: Clock;
}

let nextMsgId = 9_100_000_000_000_000_000n;

/** A follower's text message, pushed to the account's callback at the clock's time. */
export async function pushWeChatText(target: WeChatAccountTarget, openId: string, content: string) {
  nextMsgId += 1n;
  const now = Math.floor(target.clock.now().getTime() / 1000);
  const xml = weChatXml({
    ToUserName: 'gh_shop',
    FromUserName: openId,
    CreateTime: now,
    MsgType: 'text',
    Content: content,
    MsgId: String(nextMsgId),
  });
  const signed = signWeChatPush(xml, { token: target.token, timestamp: now });
  const response = await fetch(`${target.baseUrl}${target.account.callbackPath}?${signed.query}`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml' },
    body: signed.body,
  });
  assert.equal(response.status, 200);
  assert.equal(await response.text(), 'success');
}

/** The customer and conversation Kefu stored the follower's first message in. */
export async function wechatCustomerOf(server: TestServer, openId: string) {
  const row = await server.kefu.services.database.db
    .selectFrom('inbound_messages')
    .select(['customer_id', 'conversation_id'])
    .where('sender_external_id', '=', openId)
    .executeTakeFirstOrThrow();
  assert.ok(row.customer_id && row.conversation_id);
  return { customerId: row.customer_id, conversationId: row.conversation_id };
}

/** Waits until WeChat's unionid of the follower is a verified key of their customer. */
export async function waitForUnionId(
  server: TestServer,
  adminToken: string,
  customerId: string,
  unionId: string,
) {
  await waitUntil(
    async () => {
      const profile = await requestJson<{
        customer: { identities: { channel: string; externalId: string }[] };
      }>(server.baseUrl, 'GET', `/api/v1/agent/customers/${customerId}`, { token: adminToken });
      return profile.body.customer.identities.some(
        (identity) => identity.channel === 'wechat_unionid' && identity.externalId === unionId,
      );
    },
    { description: 'the unionid looked up', timeoutMs: 60_000 },
  );
}

/**
 * A follower writes on WeChat, then signs in to the shop's app with WeChat (the shop signs the unionid) and
 * writes there too: one customer, one conversation on both channels.
 */
export async function followerWritesOnWeChatThenApp(
  setup: { server: TestServer; adminToken: string; platform: WeChatPlatform; target: WeChatAccountTarget },
  shopper: {
    openId: string;
    unionId: string;
    shopCustomerId: string;
    onWeChat: string;
    onApp: string;
    /** Runs between the two (a suite that wrote on WeChat in the past moves its clock back to now). */
    afterWeChat?: () => void;
  },
): Promise<{ customerId: string; conversationId: string; app: VisitorSessionResponse }> {
  setup.platform.unionIds.set(shopper.openId, shopper.unionId);
  await pushWeChatText(setup.target, shopper.openId, shopper.onWeChat);
  const wechat = await wechatCustomerOf(setup.server, shopper.openId);
  await waitForUnionId(setup.server, setup.adminToken, wechat.customerId, shopper.unionId);
  shopper.afterWeChat?.();
  const claim = { shopCustomerId: shopper.shopCustomerId, wechatUnionId: shopper.unionId };
  const app = await startVisitorSession(setup.server.baseUrl, {
    channel: 'app',
    identity: { ...claim, signature: signShopLogin(claim) },
  });
  assert.equal(app.customerId, wechat.customerId, 'the app session is the WeChat customer');
  assert.equal(app.conversationId, wechat.conversationId, 'the open conversation continues');
  const sent = await requestJson(setup.server.baseUrl, 'POST', '/api/v1/visitor/messages', {
    token: app.token,
    body: { text: shopper.onApp },
  });
  assert.equal(sent.status, 201, JSON.stringify(sent.body));
  return { ...wechat, app };
}

/** Server options of suites with a cross-channel shopper: the shop's identity secret, quick job retries. */
export function crossChannelServerOptions(clock: Clock) {
  return {
    clock,
    // Pushes answered `success` at once, the bot's answer through the API (passive replies: their own suite).
    environment: { KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret, KEFU_WECHAT_PASSIVE_WAIT_MS: '0' },
    jobOptions: { retry: { baseDelayMs: 10, maxDelayMs: 80 }, pollIntervalMs: 20 },
  };
}

/** Sets up an official account on the loopback platform, as an admin does in the console. */
export function setUpOfficialAccount(
  server: TestServer,
  adminToken: string,
  platform: WeChatPlatform,
  account: { name: string; appId: string; appSecret: string; token: string },
): Promise<ChannelAccountView> {
  return createChannelAccount(server.baseUrl, adminToken, {
    kind: 'wechat',
    name: account.name,
    settings: { appId: account.appId, encryption: 'plain', apiBaseUrl: platform.baseUrl },
    credentials: { appSecret: account.appSecret, token: account.token },
  });
}
