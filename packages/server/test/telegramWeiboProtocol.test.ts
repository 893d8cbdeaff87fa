import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { inlineKeyboardOf } from '../src/modules/channels/telegram/telegramBotAdapter';
import {
  convertTelegramUpdateToInbound,
  readTelegramUpdate,
} from '../src/modules/channels/telegram/telegramUpdates';
import { convertWeiboPushToInbound, readWeiboPush } from '../src/modules/channels/weibo/weiboPushes';

const fixture = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8'));
const telegram = (name: string) =>
  convertTelegramUpdateToInbound(readTelegramUpdate(fixture(`telegram/${name}`)), 'chn_bot');
const weiboAccount = { id: 'chn_weibo', uid: '1902538057' };
const weibo = (name: string) =>
  convertWeiboPushToInbound(readWeiboPush(fixture(`weibo/${name}`)), weiboAccount);

describe('Telegram updates (documented shapes)', () => {
  test('a private text message is the sender’s words, keyed by update_id, with their name and language', () => {
    const message = telegram('textMessageUpdate.json');
    assert.equal(message?.externalMessageId, '10000');
    assert.equal(message?.text, '支持哪些付款方式？');
    assert.deepEqual(message?.sender, { externalId: '1111111', displayName: '小明 王', locale: 'zh-hans' });
    assert.equal(message?.sentAt?.toISOString(), '2015-09-07T17:05:32.000Z');
  });

  test('a pressed inline button is its callback_data; a group chat is not served', () => {
    assert.equal(telegram('callbackQueryUpdate.json')?.text, '我的快递到哪了');
    assert.equal(telegram('groupMessageUpdate.json'), null);
    assert.throws(() => readTelegramUpdate({ message: {} }), { code: 'platform_body_invalid' });
  });

  test('quick replies become one button a row, callback_data cut at 64 bytes on a character boundary', () => {
    const long = '请帮我查一下上周五下单的那件羽绒服现在到哪里了谢谢';
    const keyboard = inlineKeyboardOf([{ label: '查物流', text: long }]);
    const data = keyboard.inline_keyboard[0]?.[0]?.callback_data ?? '';
    assert.ok(Buffer.byteLength(data) <= 64);
    assert.ok(long.startsWith(data) && data.length === 21, 'whole characters, three bytes each');
  });
});

describe('Weibo fan-service pushes (documented shapes)', () => {
  test('a private message is its text, sent at created_at, keyed by sender, time and content', () => {
    const message = weibo('textPush.json');
    assert.equal(message?.text, '私信或留言内容');
    assert.deepEqual(message?.sender, { externalId: '2489518277' });
    assert.equal(message?.sentAt?.toISOString(), '2012-07-16T10:09:20.000Z');
    assert.match(
      message?.externalMessageId ?? '',
      /^2489518277:Mon Jul 16 18:09:20 \+0800 2012:[0-9a-f]{16}$/,
    );
    const other = convertWeiboPushToInbound(
      readWeiboPush({ ...(fixture('weibo/textPush.json') as object), text: '另一句话' }),
      weiboAccount,
    );
    assert.notEqual(
      other?.externalMessageId,
      message?.externalMessageId,
      'two messages in one second stay apart',
    );
  });

  test('follow and unfollow store nothing; a menu click is its key; a place is labelled', () => {
    assert.equal(weibo('followEventPush.json'), null);
    assert.equal(weibo('unfollowEventPush.json'), null);
    assert.equal(weibo('menuClickEventPush.json')?.text, '查订单');
    assert.equal(weibo('positionPush.json')?.text, '[位置]\n39.982525, 116.308586');
  });

  test('a push for another account is not stored; a push without a sender is a 400', () => {
    const push = readWeiboPush(fixture('weibo/textPush.json'));
    assert.equal(convertWeiboPushToInbound(push, { id: 'chn_other', uid: '5555555555' }), null);
    assert.throws(() => readWeiboPush({ type: 'text', text: 'x' }), { code: 'platform_body_invalid' });
  });
});
