import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChannelAccountView } from '../src/modules/channels/accounts/channelAccountSchemas';
import { conversationReads } from './helpers/conversationReads';
import { requestJson } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { WeChatPlatform, createChannelAccount, signWeChatPush } from './helpers/wechatPlatform';

const appId = 'wxminiprogram0001';
const appSecret = 'mini-program-secret';
const token = 'miniToken';
const encodingAesKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

for (const { dialect } of testDatabaseTargets()) {
  describe(`mini program customer-service messages against a loopback WeChat (${dialect})`, () => {
    const platform = new WeChatPlatform(appId, appSecret);
    let server: TestServer;
    let adminToken: string;
    let account: ChannelAccountView;
    const { settledDeliveriesOf } = conversationReads(() => ({ baseUrl: server.baseUrl, token: adminToken }));

    before(async () => {
      await platform.start();
      server = await startTestServer({
        dialect,
        jobOptions: { retry: { baseDelayMs: 10, maxDelayMs: 80 }, pollIntervalMs: 20 },
      });
      adminToken = await server.loginAdmin();
      account = await createChannelAccount(server.baseUrl, adminToken, {
        kind: 'miniprogram',
        name: '小程序客服',
        settings: { appId, encryption: 'safe', apiBaseUrl: platform.baseUrl },
        credentials: { appSecret, token, encodingAesKey },
      });
    });
    after(async () => {
      await server.close();
      await platform.close();
    });

    /** Pushes a JSON message as WeChat does in safe mode (the raw text, so MsgId keeps all 64 bits). */
    const push = async (json: string, options: { token?: string } = {}) => {
      const signed = signWeChatPush(json, {
        token: options.token ?? token,
        encryption: { encodingAesKey, receiverId: appId },
        json: true,
      });
      const response = await fetch(`${server.baseUrl}${account.callbackPath}?${signed.query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: signed.body,
      });
      return { status: response.status, text: await response.text() };
    };
    const now = () => Math.floor(Date.now() / 1000);
    const inboundOf = (openId: string) =>
      server.kefu.services.database.db
        .selectFrom('inbound_messages')
        .selectAll()
        .where('sender_external_id', '=', openId)
        .orderBy('id')
        .execute();

    test('a JSON text message is stored once under its full MsgId and answered through the customer-service API', async () => {
      const text = `{"ToUserName":"gh_mini","FromUserName":"o_mini_1","CreateTime":${now()},"MsgType":"text","Content":"支持哪些付款方式？","MsgId":23459876543210987654}`;
      assert.deepEqual(await push(text), { status: 200, text: 'success' });
      assert.deepEqual(await push(text), { status: 200, text: 'success' });
      const rows = await inboundOf('o_mini_1');
      assert.deepEqual(
        rows.map((row) => [row.channel, row.external_message_id]),
        [['miniprogram', '23459876543210987654']],
      );
      const [delivery] = await settledDeliveriesOf(rows[0]?.conversation_id ?? '', 1);
      assert.equal(delivery?.status, 'sent');
      const [sent] = platform.callsTo('/cgi-bin/message/custom/send');
      assert.equal(sent?.body.touser, 'o_mini_1');
      assert.equal(sent?.body.msgtype, 'text');
    });

    test('a shared mini-program page becomes its title and path; entering the session is no message', async () => {
      const card = `{"ToUserName":"gh_mini","FromUserName":"o_mini_2","CreateTime":${now()},"MsgType":"miniprogrampage","MsgId":2,"Title":"降噪耳机","AppId":"${appId}","PagePath":"pages/item?id=1","ThumbUrl":"","ThumbMediaId":"m"}`;
      const enter = `{"ToUserName":"gh_mini","FromUserName":"o_mini_2","CreateTime":${now()},"MsgType":"event","Event":"user_enter_tempsession","SessionFrom":"item"}`;
      assert.equal((await push(enter)).status, 200);
      assert.equal((await push(card)).status, 200);
      const rows = await inboundOf('o_mini_2');
      assert.equal(rows.length, 1);
      const messages = await requestJson<{ messages: { text: string }[] }>(
        server.baseUrl,
        'GET',
        `/api/v1/agent/conversations/${rows[0]?.conversation_id ?? ''}/messages`,
        { token: adminToken },
      );
      assert.equal(messages.body.messages[0]?.text, '[小程序卡片]\n降噪耳机\npages/item?id=1');
    });

    test('a wrong signature is 401 and a body that is not JSON 400; neither stores anything', async () => {
      const text = `{"ToUserName":"gh_mini","FromUserName":"o_mini_3","CreateTime":${now()},"MsgType":"text","Content":"假的","MsgId":3}`;
      assert.equal((await push(text, { token: 'otherToken' })).status, 401);
      assert.equal((await push('{"ToUserName": "gh_mini", ')).status, 400);
      const notJson = await fetch(
        `${server.baseUrl}${account.callbackPath}?encrypt_type=aes&msg_signature=0&timestamp=${now()}&nonce=1`,
        {
          method: 'POST',
          body: 'not json',
        },
      );
      assert.equal(notJson.status, 400);
      assert.equal((await inboundOf('o_mini_3')).length, 0);
    });
  });
}
