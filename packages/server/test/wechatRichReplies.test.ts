import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChannelAccountView } from '../src/modules/channels/accounts/channelAccountSchemas';
import type { MessageDelivery } from '../src/modules/channels/deliveries/messageDelivery';
import { conversationReads } from './helpers/conversationReads';
import { requestJson } from './helpers/http';
import { photoBytes, readUploadId } from './helpers/photos';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';
import { WeChatPlatform, createChannelAccount, signWeChatPush, weChatXml } from './helpers/wechatPlatform';

const appId = 'wx2c2769f8efd9abc2';
const appSecret = 'app-secret-that-stays-sealed';
const token = 'spamtest';
const corpId = 'ww5823bf96d3bd56c7';
const encodingAesKey = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const openKfId = 'wkTESTkf0001';
const publicUrl = 'https://kefu.shop.example';

for (const { dialect } of testDatabaseTargets()) {
  describe(`rich replies on WeChat: photos, cards and menus against a loopback WeChat (${dialect})`, () => {
    const platform = new WeChatPlatform(appId, appSecret);
    const kfPlatform = new WeChatPlatform(corpId, appSecret);
    let server: TestServer;
    let adminToken: string;
    let officialAccount: ChannelAccountView;
    let miniProgram: ChannelAccountView;
    let kf: ChannelAccountView;
    let nextMsgId = 8_000_000_000_000_000_000n;
    const { messagesOf, deliveriesOf, settledDeliveriesOf } = conversationReads(() => ({
      baseUrl: server.baseUrl,
      token: adminToken,
    }));

    before(async () => {
      await platform.start();
      await kfPlatform.start();
      server = await startTestServer({
        dialect,
        environment: { KEFU_PUBLIC_URL: publicUrl },
        jobOptions: { retry: { baseDelayMs: 10, maxDelayMs: 80 }, pollIntervalMs: 20 },
      });
      adminToken = await server.loginAdmin();
      const settings = { appId, encryption: 'plain', apiBaseUrl: platform.baseUrl };
      officialAccount = await createChannelAccount(server.baseUrl, adminToken, {
        kind: 'wechat',
        name: '公众号',
        settings,
        credentials: { appSecret, token },
      });
      miniProgram = await createChannelAccount(server.baseUrl, adminToken, {
        kind: 'miniprogram',
        name: '小程序客服',
        settings,
        credentials: { appSecret, token },
      });
      kf = await createChannelAccount(server.baseUrl, adminToken, {
        kind: 'wecom_kf',
        name: '微信客服',
        settings: { corpId, openKfId, apiBaseUrl: kfPlatform.baseUrl },
        credentials: { secret: appSecret, token, encodingAesKey },
      });
    });
    after(async () => {
      await server.close();
      await platform.close();
      await kfPlatform.close();
    });

    /** Posts a signed push to the account's callback; the conversation its message landed in once stored. */
    const pushAndWait = async (
      account: ChannelAccountView,
      signed: { query: string; body: string },
      stored: { sender: string } | { msgid: string },
    ) => {
      const response = await fetch(`${server.baseUrl}${account.callbackPath}?${signed.query}`, {
        method: 'POST',
        body: signed.body,
      });
      assert.equal(response.status, 200);
      let conversationId = '';
      await waitUntil(
        async () => {
          const row = await server.kefu.services.database.db
            .selectFrom('inbound_messages')
            .select('conversation_id')
            .where(
              'sender' in stored ? 'sender_external_id' : 'external_message_id',
              '=',
              'sender' in stored ? stored.sender : stored.msgid,
            )
            .executeTakeFirst();
          conversationId = row?.conversation_id ?? '';
          return conversationId !== '';
        },
        { description: 'the pushed message stored', timeoutMs: 60_000 },
      );
      return conversationId;
    };
    /** A follower's text, pushed in plain mode (XML to the Official Account, JSON to the mini program). */
    const followerWrites = async (account: ChannelAccountView, openId: string, content: string) => {
      nextMsgId += 1n;
      const createTime = Math.floor(Date.now() / 1000);
      const fields = { ToUserName: 'gh_shop', FromUserName: openId, CreateTime: createTime, MsgType: 'text' };
      const body =
        account.kind === 'miniprogram'
          ? JSON.stringify({ ...fields, Content: content, MsgId: String(nextMsgId) })
          : weChatXml({ ...fields, Content: content, MsgId: String(nextMsgId) });
      const signed = signWeChatPush(body, { token });
      return pushAndWait(account, signed, { sender: openId });
    };
    const agentUploads = async (conversationId: string, bytes: Buffer) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), 'photo.png');
      const response = await fetch(`${server.baseUrl}/api/v1/agent/conversations/${conversationId}/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}` },
        body: form,
      });
      assert.equal(response.status, 201);
      return readUploadId(await response.json());
    };
    const agentSends = async (conversationId: string, body: Record<string, unknown>) => {
      const sent = await requestJson<{ message: { id: string } }>(
        server.baseUrl,
        'POST',
        `/api/v1/agent/conversations/${conversationId}/messages`,
        { token: adminToken, body },
      );
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      return sent.body.message.id;
    };
    const sendsTo = (on: WeChatPlatform, path: string, openId: string) =>
      on.callsTo(path).filter((call) => call.body.touser === openId && call.errcode === 0);
    const customSends = (openId: string) => sendsTo(platform, '/cgi-bin/message/custom/send', openId);

    test('an agent’s photo reply is uploaded once as temporary media and sent as an image; the same photo again is not uploaded again', async () => {
      const conversationId = await followerWrites(officialAccount, 'o_photo', '东西坏了');
      await settledDeliveriesOf(conversationId, 1);
      const images = () => customSends('o_photo').filter((call) => call.body.msgtype === 'image');
      await agentSends(conversationId, {
        text: '是这个位置吗？',
        attachments: [await agentUploads(conversationId, photoBytes.png)],
      });
      await waitUntil(() => images().length === 1, { description: 'the photo sent', timeoutMs: 60_000 });
      assert.equal(platform.uploads.length, 1);
      const [upload] = platform.uploads;
      assert.equal(upload?.type, 'image');
      assert.deepEqual(upload?.bytes, photoBytes.png, 'the photo’s own bytes in the multipart field media');
      const sent = customSends('o_photo');
      const image = sent.at(-1);
      assert.deepEqual(sent.at(-2)?.body.text, { content: '是这个位置吗？' }, 'the words, then the photo');
      assert.deepEqual(image?.body.image, { media_id: upload?.mediaId });

      await agentSends(conversationId, {
        text: '再发一次',
        attachments: [await agentUploads(conversationId, photoBytes.png)],
      });
      await waitUntil(() => images().length === 2, {
        description: 'the second photo sent',
        timeoutMs: 60_000,
      });
      assert.equal(platform.uploads.length, 1, 'the same photo is not uploaded twice');
      assert.deepEqual(images()[1]?.body.image, { media_id: upload?.mediaId });
      const withPhotos = new Set(
        (await messagesOf(conversationId))
          .filter((message) => message.attachments.length > 0)
          .map((message) => message.id),
      );
      assert.equal(withPhotos.size, 2);
      const photoDeliveries = (await settledDeliveriesOf(conversationId, 3)).filter((delivery) =>
        withPhotos.has(delivery.messageId),
      );
      assert.deepEqual(
        photoDeliveries.map((delivery) => [delivery.status, delivery.partsSent]),
        [
          ['sent', 2],
          ['sent', 2],
        ],
        'one delivery per message, both parts recorded',
      );
    });

    test('a refused upload retries the delivery, and the text already sent is not sent again', async () => {
      const conversationId = await followerWrites(officialAccount, 'o_retry', '我收到的货不对');
      await settledDeliveriesOf(conversationId, 1);
      const uploadsBefore = platform.callsTo('/cgi-bin/media/upload').length;
      platform.failNextUploads = 1;
      const messageId = await agentSends(conversationId, {
        text: '您看是这件吗？',
        attachments: [await agentUploads(conversationId, photoBytes.gif)],
      });
      // The bot may have said more than one thing to the shopper: this is the delivery of the agent's reply.
      let last: MessageDelivery | undefined;
      await waitUntil(
        async () => {
          last = (await deliveriesOf(conversationId)).find((delivery) => delivery.messageId === messageId);
          return last !== undefined && last.status !== 'pending';
        },
        { description: 'the agent’s reply delivered', timeoutMs: 120_000 },
      );
      assert.equal(last?.status, 'sent');
      assert.ok((last?.attempts ?? 0) >= 2, 'retried after the refused upload');
      assert.equal(last?.partsSent, 2);
      assert.equal(
        platform.callsTo('/cgi-bin/media/upload').length,
        uploadsBefore + 2,
        'refused, then taken',
      );
      const texts = customSends('o_retry').filter(
        (call) => JSON.stringify(call.body.text) === JSON.stringify({ content: '您看是这件吗？' }),
      );
      assert.equal(texts.length, 1, 'the text went out once');
      assert.equal(customSends('o_retry').at(-1)?.body.msgtype, 'image');
    });

    const productCardTo = async (conversationId: string) => {
      const sent = await requestJson(
        server.baseUrl,
        'POST',
        `/api/v1/agent/conversations/${conversationId}/cards`,
        {
          token: adminToken,
          body: { productId: 'prod_01' },
        },
      );
      assert.equal(sent.status, 201, JSON.stringify(sent.body));
      const messages = await messagesOf(conversationId);
      const card = messages.at(-1)?.card;
      assert.ok(card?.type === 'product');
      return card;
    };

    test('a product card goes to an Official Account follower as a news article opening the shop’s page', async () => {
      const conversationId = await followerWrites(officialAccount, 'o_card', '这款手机怎么样');
      await settledDeliveriesOf(conversationId, 1);
      const card = await productCardTo(conversationId);
      await settledDeliveriesOf(conversationId, 2);
      const news = customSends('o_card').at(-1);
      assert.equal(news?.body.msgtype, 'news');
      assert.deepEqual(news?.body.news, {
        articles: [
          {
            title: card.title,
            description: `¥${(card.priceCents / 100).toFixed(2)} · ${card.facts.join(' · ')}`,
            url: `${publicUrl}${card.url ?? ''}`,
          },
        ],
      });
      assert.deepEqual(customSends('o_card').at(-2)?.body.text, { content: card.title }, 'the words first');
    });

    test('a product card goes to a mini program shopper as a link', async () => {
      const conversationId = await followerWrites(miniProgram, 'o_mini_card', '这款手机怎么样');
      await settledDeliveriesOf(conversationId, 1);
      const card = await productCardTo(conversationId);
      await settledDeliveriesOf(conversationId, 2);
      const link = customSends('o_mini_card').at(-1);
      assert.equal(link?.body.msgtype, 'link');
      assert.deepEqual(link?.body.link, {
        title: card.title,
        description: `¥${(card.priceCents / 100).toFixed(2)} · ${card.facts.join(' · ')}`,
        url: `${publicUrl}${card.url ?? ''}`,
        thumb_url: '',
      });
    });

    /** A WeCom kf shopper's text (or menu tap), announced and pulled; the conversation it landed in. */
    const kfShopperWrites = async (msgid: string, externalUserId: string, text: Record<string, string>) => {
      kfPlatform.kfMessages.push({
        msgid,
        open_kfid: openKfId,
        external_userid: externalUserId,
        send_time: Math.floor(Date.now() / 1000),
        origin: 3,
        msgtype: 'text',
        text,
      });
      const xml = weChatXml({
        ToUserName: corpId,
        CreateTime: Math.floor(Date.now() / 1000),
        MsgType: 'event',
        Event: 'kf_msg_or_event',
        Token: `sync-${msgid}`,
        OpenKfId: openKfId,
      });
      const signed = signWeChatPush(xml, { token, encryption: { encodingAesKey, receiverId: corpId } });
      return pushAndWait(kf, signed, { msgid });
    };
    const kfSends = (externalUserId: string) => sendsTo(kfPlatform, '/cgi-bin/kf/send_msg', externalUserId);

    test('on WeCom kf the bot’s choices are a menu, and a tap reaches the bot as the chosen quick reply', async () => {
      const conversationId = await kfShopperWrites('kf-rich-1', 'wm_menu', { content: '你好' });
      await settledDeliveriesOf(conversationId, 1);
      const offer = (await messagesOf(conversationId)).find((message) => message.sender === 'bot');
      const choices = offer?.quickReplies ?? [];
      assert.ok(choices.length >= 2, 'the greeting offers choices');
      const menu = kfSends('wm_menu').at(-1);
      assert.equal(menu?.body.msgtype, 'msgmenu');
      assert.deepEqual(menu?.body.msgmenu, {
        head_content: offer?.text,
        list: choices.map((choice, index) => ({
          type: 'click',
          click: { id: `${offer?.id ?? ''}.${index + 1}`, content: choice.label },
        })),
      });
      await kfShopperWrites('kf-rich-2', 'wm_menu', {
        content: choices[1]?.label ?? '',
        menu_id: `${offer?.id ?? ''}.2`,
      });
      await waitUntil(
        async () =>
          (await messagesOf(conversationId)).filter((message) => message.sender === 'customer').length === 2,
        { description: 'the tap stored', timeoutMs: 60_000 },
      );
      const said = (await messagesOf(conversationId)).filter((message) => message.sender === 'customer');
      assert.equal(
        said.at(-1)?.text,
        choices[1]?.text,
        'the bot gets the quick reply’s text, as a button sends it',
      );
    });

    test('on WeCom kf a product card without a picture stays a line of text with its page', async () => {
      const conversationId = await kfShopperWrites('kf-rich-3', 'wm_card', { content: '这款手机怎么样' });
      await settledDeliveriesOf(conversationId, 1);
      const card = await productCardTo(conversationId);
      await settledDeliveriesOf(conversationId, 2);
      const sent = kfSends('wm_card').at(-1);
      assert.equal(sent?.body.msgtype, 'text');
      assert.deepEqual(sent?.body.text, {
        content: `${card.title}\n\n${card.title} ${publicUrl}${card.url ?? ''}`,
      });
      assert.equal(kfPlatform.uploads.length, 0, 'nothing to upload');
    });
  });
}
