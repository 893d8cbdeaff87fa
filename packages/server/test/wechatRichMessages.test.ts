import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Message, ProductCard } from '@kefu/sdk';
import { ManualClock } from '../src/clock';
import { accountKindSchemas } from '../src/modules/channels/accounts/channelAccountSchemas';
import type { OutboundMessage } from '../src/modules/channels/channelAdapter';
import {
  miniProgramPushes,
  WeChatOfficialAccountAdapter,
} from '../src/modules/channels/wechat/wechatOfficialAccountAdapter';
import { WeComKfAdapter } from '../src/modules/channels/wecom/wecomKfAdapter';
import { photoBytes } from './helpers/photos';
import { WeChatPlatform } from './helpers/wechatPlatform';

const appId = 'wx2c2769f8efd9abc2';
const secret = 'app-secret-that-stays-sealed';
const encodingAesKey = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';

const card: ProductCard = {
  type: 'product',
  productId: 'p_1',
  title: '降噪耳机',
  priceCents: 29_900,
  currency: 'CNY',
  imageUrl: null,
  imageEmoji: '🎧',
  url: 'https://shop.example/p/1',
  facts: ['40 小时续航'],
};

function outbound(message: Partial<Message>, sentParts: number[] = []): OutboundMessage {
  return {
    deliveryId: 'dlv_1',
    idempotencyKey: 'msg_01JRICH',
    conversationId: 'conv_1',
    recipient: { customerId: 'cus_1', accountId: 'chn_1', externalId: 'shopper_1' },
    message: {
      id: 'msg_01JRICH',
      conversationId: 'conv_1',
      sender: 'agent',
      senderName: '小王',
      text: '这款耳机 299 元。',
      attachments: [],
      quickReplies: [],
      card: null,
      isPrivate: false,
      clientMessageId: null,
      createdAt: '2026-12-03T10:00:00.000Z',
      ...message,
    },
    parts: {
      alreadySent: 0,
      recordSent: (count) => {
        sentParts.push(count);
        return Promise.resolve();
      },
    },
  };
}

// The send APIs' shapes, one adapter at a time against the loopback platform (the app-level suite drives
// the same paths through deliveries; these cover what the demo shop's cards cannot: pictures, no page).
describe('WeChat rich messages against a loopback WeChat and WeCom', () => {
  const platform = new WeChatPlatform(appId, secret);
  const clock = new ManualClock(new Date('2026-12-03T10:00:00.000Z'));
  let officialAccount: WeChatOfficialAccountAdapter;
  let kf: WeComKfAdapter;

  before(async () => {
    await platform.start();
    platform.pictures.set('earbuds.png', { bytes: photoBytes.png, contentType: 'image/png' });
    officialAccount = new WeChatOfficialAccountAdapter(
      {
        id: 'chn_oa',
        settings: accountKindSchemas.wechat.settings.parse({ appId, apiBaseUrl: platform.baseUrl }),
        credentials: accountKindSchemas.wechat.credentials.parse({ appSecret: secret, token: 'tok' }),
      },
      clock,
    );
    kf = new WeComKfAdapter(
      {
        id: 'chn_kf',
        settings: accountKindSchemas.wecom_kf.settings.parse({
          corpId: appId,
          openKfId: 'wkRICH',
          apiBaseUrl: platform.baseUrl,
        }),
        credentials: accountKindSchemas.wecom_kf.credentials.parse({ secret, token: 'tok', encodingAesKey }),
      },
      clock,
    );
  });
  after(() => platform.close());

  const lastSends = (path: string, count: number) => platform.callsTo(path).slice(-count);

  test('a card without a page the shopper can open goes as the text alone', async () => {
    const parts: number[] = [];
    await officialAccount.send(outbound({ card: { ...card, url: '/#/product/p_1' } }, parts));
    const [sent] = lastSends('/cgi-bin/message/custom/send', 1);
    assert.deepEqual(sent?.body, {
      touser: 'shopper_1',
      msgtype: 'text',
      text: { content: '这款耳机 299 元。' },
    });
    assert.deepEqual(parts, [1]);
  });

  test('an Official Account card with a picture names it as the article’s picurl', async () => {
    await officialAccount.send(outbound({ card: { ...card, imageUrl: 'https://shop.example/earbuds.png' } }));
    const [text, news] = lastSends('/cgi-bin/message/custom/send', 2);
    assert.deepEqual(text?.body.text, { content: '这款耳机 299 元。' });
    assert.deepEqual(news?.body.news, {
      articles: [
        {
          title: '降噪耳机',
          description: '¥299.00 · 40 小时续航',
          url: 'https://shop.example/p/1',
          picurl: 'https://shop.example/earbuds.png',
        },
      ],
    });
  });

  test('a WeCom kf card uploads its picture as the thumb of a link; each part has its own msgid', async () => {
    const uploadsBefore = platform.uploads.length;
    const parts: number[] = [];
    await kf.send(
      outbound({ card: { ...card, imageUrl: `${platform.baseUrl}/pictures/earbuds.png` } }, parts),
    );
    assert.equal(platform.uploads.length, uploadsBefore + 1);
    const upload = platform.uploads.at(-1);
    assert.deepEqual(upload?.bytes, photoBytes.png, 'the picture’s own bytes');
    const [text, link] = lastSends('/cgi-bin/kf/send_msg', 2);
    assert.deepEqual(text?.body.text, { content: '这款耳机 299 元。' });
    assert.equal(link?.body.msgtype, 'link');
    assert.deepEqual(link?.body.link, {
      title: '降噪耳机',
      desc: '¥299.00 · 40 小时续航',
      url: 'https://shop.example/p/1',
      thumb_media_id: upload?.mediaId,
    });
    assert.equal(text?.body.open_kfid, 'wkRICH');
    assert.notEqual(text?.body.msgid, link?.body.msgid);
    assert.deepEqual(parts, [1, 2]);
  });

  test('a retried delivery sends only the parts not yet accepted', async () => {
    const message = outbound({ card: { ...card, imageUrl: `${platform.baseUrl}/pictures/earbuds.png` } });
    const before = platform.callsTo('/cgi-bin/kf/send_msg').length;
    await kf.send({ ...message, parts: { alreadySent: 1, recordSent: () => Promise.resolve() } });
    const sent = platform.callsTo('/cgi-bin/kf/send_msg').slice(before);
    assert.deepEqual(
      sent.map((call) => call.body.msgtype),
      ['link'],
    );
  });

  test('a mini program with a product page set sends the card as a mini program card with the uploaded cover', async () => {
    const settings = accountKindSchemas.miniprogram.settings.parse({
      appId,
      apiBaseUrl: platform.baseUrl,
      productPagePath: 'pages/goods/detail?id={productId}',
    });
    const miniProgram = new WeChatOfficialAccountAdapter(
      {
        id: 'chn_mini',
        settings,
        credentials: accountKindSchemas.wechat.credentials.parse({ appSecret: secret, token: 'tok' }),
      },
      clock,
      miniProgramPushes,
    );
    const picture = `${platform.baseUrl}/pictures/earbuds.png`;
    await miniProgram.send(outbound({ card: { ...card, url: null, imageUrl: picture } }));
    const [page] = lastSends('/cgi-bin/message/custom/send', 1);
    assert.deepEqual(page?.body.miniprogrampage, {
      title: '降噪耳机',
      pagepath: 'pages/goods/detail?id=p_1',
      thumb_media_id: platform.uploads.at(-1)?.mediaId,
    });
    const unnamed = accountKindSchemas.miniprogram.settings.safeParse({
      appId,
      productPagePath: 'pages/goods',
    });
    assert.equal(unnamed.success, false, 'a page path must name {productId}');
  });
  test('a push is answered passively only by text: a card or a photo goes through the API instead', () => {
    const push = { customerId: null, body: { ToUserName: 'gh_shop', FromUserName: 'shopper_1' } };
    const passively = (message: Partial<Message>) =>
      officialAccount.passiveReply?.(push, {}, outbound(message), clock.now()) ?? null;
    assert.match(passively({})?.body ?? '', /<Content><!\[CDATA\[这款耳机 299 元。\]\]><\/Content>/);
    assert.equal(passively({ card }), null, 'the card would be lost in a passive text');
    const photo = { id: 'upl_1', url: '/photo', contentType: 'image/png', name: 'a.png' };
    assert.equal(passively({ attachments: [photo] }), null, 'so would the photo');
  });
});
