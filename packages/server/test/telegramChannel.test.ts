import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { ChannelAccountView } from '../src/modules/channels/accounts/channelAccountSchemas';
import { conversationReads, inboundRowsOf } from './helpers/conversationReads';
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
        environment: { KEFU_PUBLIC_URL: publicUrl },
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
      assert.deepEqual(tested, { ok: true, reason: null });
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
