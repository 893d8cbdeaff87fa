import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { ChannelAccountView } from '../src/modules/channels/accounts/channelAccountSchemas';
import { conversationReads, inboundRowsOf } from './helpers/conversationReads';
import { photoBytes } from './helpers/photos';
import { TelegramPlatform } from './helpers/telegramPlatform';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';
import { createChannelAccount, testChannelAccount } from './helpers/wechatPlatform';

const botToken = '7000000001:AAH-kefu-test-bot-token-0123456789';
const secretToken = 'kefu_webhook_secret-0123456789';
const publicUrl = 'https://kefu.example.com';
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./fixtures/telegram/${name}`, import.meta.url), 'utf8'));

/** A documented update carrying a photo (PhotoSize sizes, smallest first) and a caption. */
function photoUpdate(
  updateId: number,
  chatId: number,
  sizes: { file_id: string; file_size: number; width: number }[],
  caption?: string,
) {
  const base = textUpdate(updateId, chatId, '');
  const { text: _text, ...message } = base.message;
  const photo = sizes.map((size) => ({
    file_id: size.file_id,
    file_unique_id: `AQAD${size.file_id.slice(-6)}`,
    file_size: size.file_size,
    width: size.width,
    height: size.width,
  }));
  return { update_id: updateId, message: { ...message, photo, ...(caption && { caption }) } };
}

/** A documented update with this case's update_id, chat and words. */
function textUpdate(updateId: number, chatId: number, text: string) {
  const update = fixture('textMessageUpdate.json');
  const message: Record<string, unknown> = { ...(update.message as Record<string, unknown>) };
  message.text = text;
  message.date = Math.floor(Date.now() / 1000);
  message.chat = { id: chatId, type: 'private', first_name: '小明' };
  message.from = { id: chatId, is_bot: false, first_name: '小明', language_code: 'zh-hans' };
  return { update_id: updateId, message };
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`Telegram bot against a loopback Bot API (${dialect})`, () => {
    const platform = new TelegramPlatform(botToken);
    let server: TestServer;
    let adminToken: string;
    let account: ChannelAccountView;
    const { messagesOf, settledDeliveriesOf } = conversationReads(() => ({
      baseUrl: server.baseUrl,
      token: adminToken,
    }));

    before(async () => {
      await platform.start();
      server = await startTestServer({
        dialect,
        environment: { KEFU_PUBLIC_URL: publicUrl, KEFU_UPLOAD_MAX_BYTES: '65536' },
        jobOptions: { retry: { baseDelayMs: 10, maxDelayMs: 80 }, pollIntervalMs: 20 },
      });
      adminToken = await server.loginAdmin();
      account = await createChannelAccount(server.baseUrl, adminToken, {
        kind: 'telegram',
        name: 'Shop bot',
        settings: { botUsername: '@kefu_shop_bot', apiBaseUrl: platform.baseUrl },
        credentials: { botToken, secretToken },
      });
    });
    after(async () => {
      await server.close();
      await platform.close();
    });

    const post = async (body: string, secret: string | null = secretToken) => {
      const response = await fetch(`${server.baseUrl}${account.callbackPath}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret !== null && { 'x-telegram-bot-api-secret-token': secret }),
        },
        body,
      });
      return { status: response.status, body: await response.text() };
    };
    const inboundOf = (chatId: number) => inboundRowsOf(server, 'telegram', String(chatId));
    const sentTo = (chatId: number) =>
      platform.callsTo('sendMessage').filter((call) => call.parameters.chat_id === String(chatId));

    test('the console shows the callback URL; test connection checks the token with getMe and sets the webhook with the secret', async () => {
      assert.equal(
        account.callbackUrl,
        `${publicUrl}/api/v1/channels/telegram/accounts/${account.id}/inbound`,
      );
      assert.deepEqual(account.credentialsSet, ['botToken', 'secretToken']);
      assert.ok(!JSON.stringify(account).includes(botToken), 'the token is never shown again');
      const tested = await testChannelAccount(server.baseUrl, adminToken, account.id);
      assert.deepEqual(tested, { ok: true, reason: null, problem: null, messageCount: null });
      assert.equal(platform.callsTo('getMe').length, 1);
      const [webhook] = platform.callsTo('setWebhook');
      assert.equal(webhook?.parameters.url, account.callbackUrl);
      assert.equal(webhook?.parameters.secret_token, secretToken);
      assert.deepEqual(webhook?.parameters.allowed_updates, ['message', 'callback_query']);

      const wrong = await createChannelAccount(server.baseUrl, adminToken, {
        kind: 'telegram',
        name: 'Wrong token',
        settings: { apiBaseUrl: platform.baseUrl },
        credentials: { botToken: '7000000002:AAH-some-other-bot-token-98765', secretToken },
      });
      const failed = await testChannelAccount(server.baseUrl, adminToken, wrong.id);
      assert.equal(failed.ok, false);
      assert.match(failed.reason ?? '', /refused the bot token \(401/);
      assert.ok(!(failed.reason ?? '').includes('7000000002:'), 'the token is not in the reason');
    });

    test('a text update is stored once under its update_id however often Telegram delivers it; the reply is retried after a failure and sent once', async () => {
      platform.failNextSends = 1;
      const body = JSON.stringify(textUpdate(900001, 1111111, '支持哪些付款方式？'));
      const first = await post(body);
      assert.equal(first.status, 200, first.body);
      const again = await post(body);
      assert.equal(again.status, 200);
      assert.equal(JSON.parse(again.body).duplicates, 1);
      const inbound = await inboundOf(1111111);
      assert.equal(inbound.length, 1, 'the repeated update stored nothing');
      assert.equal(inbound[0]?.external_message_id, '900001');
      const conversationId = inbound[0]?.conversation_id ?? '';
      const [delivery] = await settledDeliveriesOf(conversationId, 1);
      assert.equal(delivery?.status, 'sent');
      assert.equal(delivery?.attempts, 2, 'the first send failed and was retried');
      assert.match(delivery?.externalId ?? '', /^\d+$/);
      const sends = sentTo(1111111);
      assert.deepEqual(
        sends.map((call) => call.status),
        [500, 200],
      );
      assert.match(String(sends[1]?.parameters.text), /支付宝/, 'the FAQ answer of the demo shop');
      assert.deepEqual(
        (await messagesOf(conversationId)).map((message) => message.sender),
        ['customer', 'bot'],
      );
    });

    test('quick replies become an inline keyboard; the pressed button is the shopper’s words and is answered with answerCallbackQuery', async () => {
      const chatId = 2222222;
      assert.equal((await post(JSON.stringify(textUpdate(900010, chatId, 'qwxz zzkv plorb')))).status, 200);
      await waitUntil(() => sentTo(chatId).length === 1, {
        description: 'the fallback sent',
        timeoutMs: 60_000,
      });
      const keyboard = sentTo(chatId)[0]?.parameters.reply_markup;
      assert.deepEqual(keyboard, {
        inline_keyboard: [
          [{ text: 'Track my order', callback_data: 'Where is my order?' }],
          [{ text: 'Returns', callback_data: 'I want to return an item' }],
          [{ text: 'Human agent', callback_data: 'Talk to a human' }],
        ],
      });
      // The shopper presses the first button of the keyboard the bot sent.
      const pressed = fixture('callbackQueryUpdate.json');
      const callback = pressed.callback_query as Record<string, unknown>;
      const message = {
        ...(callback.message as Record<string, unknown>),
        chat: { id: chatId, type: 'private' },
        reply_markup: keyboard,
      };
      const from = { id: chatId, is_bot: false, first_name: '小明' };
      const update = {
        update_id: 900011,
        callback_query: { ...callback, from, message, data: 'Where is my order?' },
      };
      const answered = await post(JSON.stringify(update));
      assert.equal(answered.status, 200);
      assert.deepEqual(JSON.parse(answered.body), {
        method: 'answerCallbackQuery',
        callback_query_id: '4382bfdwdsb323b2d9',
      });
      await waitUntil(() => sentTo(chatId).length === 2, {
        description: 'the answer sent',
        timeoutMs: 60_000,
      });
      const conversationId = (await inboundOf(chatId))[0]?.conversation_id ?? '';
      const customerTexts = (await messagesOf(conversationId))
        .filter((stored) => stored.sender === 'customer')
        .map((stored) => stored.text);
      assert.deepEqual(customerTexts, ['qwxz zzkv plorb', 'Where is my order?']);
      assert.match(String(sentTo(chatId)[1]?.parameters.text), /order/i, 'the bot answers about the order');
    });

    const agentPhoto = async (url: string) => {
      const response = await fetch(`${server.baseUrl}${url}`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      assert.equal(response.status, 200);
      return Buffer.from(await response.arrayBuffer());
    };

    test('a photo is fetched with getFile (the largest size within the upload limit), stored with the message, its caption the text, and shown to the agent byte for byte', async () => {
      const chatId = 4444444;
      platform.files.set('AgACAgQAAx-small', photoBytes.png);
      platform.files.set('AgACAgQAAx-large', photoBytes.jpeg);
      const sizes = [
        { file_id: 'AgACAgQAAx-small', file_size: photoBytes.png.length, width: 90 },
        { file_id: 'AgACAgQAAx-large', file_size: photoBytes.jpeg.length, width: 800 },
        { file_id: 'AgACAgQAAx-huge', file_size: 5_000_000, width: 2560 },
      ];
      const body = JSON.stringify(photoUpdate(900030, chatId, sizes, '杯子碎了'));
      assert.equal((await post(body)).status, 200);
      assert.equal(JSON.parse((await post(body)).body).duplicates, 1, 'a repeated update fetches nothing');
      assert.deepEqual(
        platform.callsTo('getFile').map((call) => call.parameters.file_id),
        ['AgACAgQAAx-large'],
      );
      const conversationId = (await inboundOf(chatId))[0]?.conversation_id ?? '';
      const [stored] = (await messagesOf(conversationId)).filter((message) => message.sender === 'customer');
      assert.equal(stored?.text, '杯子碎了');
      assert.equal(stored?.attachments.length, 1);
      const attachment = stored?.attachments[0];
      assert.equal(attachment?.contentType, 'image/jpeg');
      assert.match(attachment?.url ?? '', /^\/api\/v1\/agent\/uploads\/upl_/);
      assert.deepEqual(await agentPhoto(attachment?.url ?? ''), photoBytes.jpeg);

      // A photo sent uncompressed, as a file whose type is an image, is a photo too.
      platform.files.set('BQACAgQAAx-document', photoBytes.png);
      const asFile = textUpdate(900031, chatId, '');
      const { text: _text, ...fileMessage } = asFile.message;
      const document = {
        file_id: 'BQACAgQAAx-document',
        file_unique_id: 'AgADdocument',
        file_name: 'receipt.png',
        mime_type: 'image/png',
        file_size: photoBytes.png.length,
      };
      const documentUpdate = { update_id: 900031, message: { ...fileMessage, document } };
      assert.equal((await post(JSON.stringify(documentUpdate))).status, 200);
      const customerMessages = (await messagesOf(conversationId)).filter(
        (message) => message.sender === 'customer',
      );
      const documentPhoto = customerMessages[1]?.attachments[0];
      assert.equal(documentPhoto?.contentType, 'image/png');
      assert.deepEqual(await agentPhoto(documentPhoto?.url ?? ''), photoBytes.png);
    });

    test('when getFile fails the message is stored all the same, with a note that the photo could not be fetched', async () => {
      const chatId = 5555555;
      platform.files.set('AgACAgQAAx-gone', photoBytes.jpeg);
      platform.unavailableFiles.add('AgACAgQAAx-gone');
      const sizes = [{ file_id: 'AgACAgQAAx-gone', file_size: photoBytes.jpeg.length, width: 800 }];
      const answered = await post(JSON.stringify(photoUpdate(900040, chatId, sizes, '看看这个')));
      assert.equal(answered.status, 200, answered.body);
      const conversationId = (await inboundOf(chatId))[0]?.conversation_id ?? '';
      const [stored] = await messagesOf(conversationId);
      assert.equal(stored?.sender, 'customer');
      assert.equal(stored?.text, '[图片]\n看看这个\n[图片未能获取 / The photo could not be fetched]');
      assert.deepEqual(stored?.attachments, []);
      assert.equal(platform.downloads.includes('photos/AgACAgQAAx-gone.jpg'), false);
    });

    test('a reply with a photo goes out with sendPhoto as a multipart upload to the chat, the text its caption', async () => {
      const chatId = 4444444;
      const [row] = await inboundOf(chatId);
      const conversationId = row?.conversation_id ?? '';
      const customerId = row?.customer_id ?? '';
      const photo = (await messagesOf(conversationId)).find((message) => message.attachments.length > 0)
        ?.attachments[0];
      assert.ok(photo?.uploadId);
      const adapter = await server.kefu.services.channels.adapterFor('telegram', account.id);
      const sent = await adapter.send({
        deliveryId: 'dlv_photo_reply',
        idempotencyKey: 'dlv_photo_reply',
        conversationId,
        recipient: { customerId, accountId: account.id, externalId: String(chatId) },
        message: {
          id: 'msg_photo_reply',
          conversationId,
          sender: 'agent',
          senderName: '小王',
          clientMessageId: null,
          text: '是这个杯子吗？',
          attachments: [photo],
          quickReplies: [],
          card: null,
          isPrivate: false,
          createdAt: new Date().toISOString(),
        },
      });
      assert.match(sent.externalId ?? '', /^\d+$/);
      const [call] = platform.callsTo('sendPhoto');
      assert.equal(call?.parameters.chat_id, String(chatId));
      assert.equal(call?.parameters.caption, '是这个杯子吗？');
      assert.equal(call?.files?.photo?.type, 'image/jpeg');
      assert.deepEqual(call?.files?.photo?.bytes, photoBytes.jpeg);
    });

    test('a wrong or missing secret is 401 and a malformed update 400, storing nothing; group chats are acknowledged and ignored', async () => {
      const chatId = 3333333;
      const body = JSON.stringify(textUpdate(900020, chatId, '你好'));
      assert.equal((await post(body, 'not-the-secret-token-at-all')).status, 401);
      assert.equal((await post(body, null)).status, 401);
      assert.equal((await post('{"update_id": 900021, "message": ')).status, 400);
      assert.equal((await post(JSON.stringify({ message: { text: 'no update id' } }))).status, 400);
      const group = fixture('groupMessageUpdate.json');
      assert.equal((await post(JSON.stringify(group))).status, 200);
      assert.equal((await inboundOf(chatId)).length, 0);
      assert.equal((await inboundOf(-1001234567890)).length, 0);
    });
  });
}
