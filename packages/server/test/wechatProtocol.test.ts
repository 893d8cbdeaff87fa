import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { ChannelCredentialSeal } from '../src/modules/channels/accounts/channelCredentialSeal';
import { convertWeChatFieldsToInbound } from '../src/modules/channels/wechat/wechatInboundMessages';
import { WeChatMessageCrypto, signWeChat } from '../src/modules/channels/wechat/wechatMessageCrypto';
import { readWeChatXml } from '../src/modules/channels/wechat/wechatXml';
import { weChatXml } from './helpers/wechatPlatform';

interface OfficialAccountVector {
  token: string;
  encodingAesKey: string;
  appId: string;
  timestamp: string;
  nonce: string;
  msgSignature: string;
  requestBody: string;
  encrypt: string;
  plaintext: string;
}

interface WeComVector {
  token: string;
  encodingAesKey: string;
  corpId: string;
  verifyUrl: {
    msgSignature: string;
    timestamp: string;
    nonce: string;
    echostr: string;
    echoPlaintext: string;
  };
  message: {
    msgSignature: string;
    timestamp: string;
    nonce: string;
    requestBody: string;
    encrypt: string;
    plaintext: string;
  };
}

const fixtureText = (name: string) =>
  readFileSync(new URL(`./fixtures/wechat/${name}`, import.meta.url), 'utf8');
const officialAccount: OfficialAccountVector = JSON.parse(fixtureText('officialAccountEncryption.json'));
const wecom: WeComVector = JSON.parse(fixtureText('wecomEncryption.json'));

describe('WeChat message encryption against the official samples', () => {
  test('Official Account sample: msg_signature over token, timestamp, nonce, Encrypt; decrypts to the sample', () => {
    const crypto = new WeChatMessageCrypto(
      officialAccount.token,
      officialAccount.encodingAesKey,
      officialAccount.appId,
    );
    const encrypt = readWeChatXml(officialAccount.requestBody).Encrypt ?? '';
    assert.equal(encrypt, officialAccount.encrypt);
    const parts = [officialAccount.timestamp, officialAccount.nonce, encrypt];
    assert.equal(crypto.sign(parts), officialAccount.msgSignature);
    assert.ok(crypto.verifySignature(officialAccount.msgSignature, parts));
    assert.ok(
      !crypto.verifySignature(officialAccount.msgSignature, [officialAccount.timestamp, '1', encrypt]),
    );
    assert.equal(crypto.decrypt(encrypt), officialAccount.plaintext);
    const otherAccount = new WeChatMessageCrypto(
      officialAccount.token,
      officialAccount.encodingAesKey,
      'wx0000000000000000',
    );
    assert.throws(() => otherAccount.decrypt(encrypt), /another receiver/);
  });

  test('WeCom sample: the URL check decrypts echostr; the callback decrypts to the documented plaintext', () => {
    const crypto = new WeChatMessageCrypto(wecom.token, wecom.encodingAesKey, wecom.corpId);
    const check = wecom.verifyUrl;
    assert.ok(crypto.verifySignature(check.msgSignature, [check.timestamp, check.nonce, check.echostr]));
    assert.equal(crypto.decrypt(check.echostr), check.echoPlaintext);
    const message = wecom.message;
    assert.equal(readWeChatXml(message.requestBody).Encrypt, message.encrypt);
    assert.equal(crypto.sign([message.timestamp, message.nonce, message.encrypt]), message.msgSignature);
    assert.equal(crypto.decrypt(message.encrypt), message.plaintext);
  });

  test('what Kefu encrypts decrypts with the same key and fails with a changed byte', () => {
    const crypto = new WeChatMessageCrypto(wecom.token, wecom.encodingAesKey, wecom.corpId);
    const encrypted = crypto.encrypt('<xml><Content><![CDATA[你好]]></Content></xml>');
    assert.equal(crypto.decrypt(encrypted), '<xml><Content><![CDATA[你好]]></Content></xml>');
    const bytes = Buffer.from(encrypted, 'base64');
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0xff;
    assert.throws(() => crypto.decrypt(bytes.toString('base64')));
  });

  test('the plain-mode signature is SHA-1 over the sorted token, timestamp and nonce', () => {
    // The sample's token, timestamp and nonce: sha1("1320562132" + "1409735669" + "spamtest").
    const expected = '16120ec1b8dbb870f510d87ce6bc2463eae6ca1a';
    assert.equal(
      signWeChat(officialAccount.token, [officialAccount.timestamp, officialAccount.nonce]),
      expected,
    );
    assert.equal(
      signWeChat(officialAccount.token, [officialAccount.nonce, officialAccount.timestamp]),
      expected,
    );
  });
});

describe('WeChat pushed messages', () => {
  const target = { channel: 'wechat' as const, accountId: 'chn_test' };
  const base = { ToUserName: 'gh_shop', FromUserName: 'o_follower', CreateTime: 1_700_000_000 };
  const convert = (fields: Record<string, string | number>) =>
    convertWeChatFieldsToInbound(readWeChatXml(weChatXml({ ...base, ...fields })), target);

  test('text, image, voice with recognition, location and link become the shopper’s words', () => {
    const text = convert({ MsgType: 'text', Content: '我的订单到哪了', MsgId: '6054768590064713728' });
    assert.deepEqual(text, {
      ...target,
      externalMessageId: '6054768590064713728',
      sender: { externalId: 'o_follower' },
      text: '我的订单到哪了',
      sentAt: new Date(1_700_000_000_000),
    });
    const image = convert({ MsgType: 'image', PicUrl: 'http://mmbiz/1.jpg', MediaId: 'media_1', MsgId: '2' });
    assert.equal(image?.text, '', 'a photo alone, as from the widget');
    assert.deepEqual(image?.attachments, [
      { name: 'wechat-media_1.jpg', url: 'http://mmbiz/1.jpg', contentType: 'image/jpeg' },
    ]);
    assert.equal(
      convert({ MsgType: 'voice', MediaId: 'm', Format: 'amr', Recognition: '退货', MsgId: '3' })?.text,
      '退货',
    );
    assert.equal(convert({ MsgType: 'voice', MediaId: 'm', Format: 'amr', MsgId: '4' })?.text, '[语音]');
    assert.equal(
      convert({
        MsgType: 'location',
        Location_X: '23.134521',
        Location_Y: '113.358803',
        Scale: '20',
        Label: '广州塔',
        MsgId: '5',
      })?.text,
      '[位置]\n广州塔\n23.134521, 113.358803',
    );
    assert.equal(
      convert({ MsgType: 'link', Title: '这件', Description: '有货吗', Url: 'https://shop/p/1', MsgId: '6' })
        ?.text,
      '[链接]\n这件\n有货吗\nhttps://shop/p/1',
    );
  });

  test('a menu click is its key; following is an arrival and unfollowing no message; events are keyed by sender and time', () => {
    const click = convert({ MsgType: 'event', Event: 'CLICK', EventKey: '查订单' });
    assert.equal(click?.text, '查订单');
    assert.equal(click?.externalMessageId, 'event:o_follower:1700000000:CLICK');
    const follow = convert({ MsgType: 'event', Event: 'subscribe' });
    assert.equal(follow?.arrival, true);
    assert.equal(follow?.text, '');
    assert.equal(follow?.externalMessageId, 'event:o_follower:1700000000:subscribe');
    assert.equal(convert({ MsgType: 'event', Event: 'unsubscribe' }), null);
  });

  test('a message without its fields, or XML that is not well formed, is a 400', () => {
    assert.throws(() => convert({ MsgType: 'text', Content: '没有编号' }), { code: 'platform_xml_invalid' });
    assert.throws(() => readWeChatXml('<xml><Content>half'), { code: 'platform_xml_invalid' });
    assert.throws(() => readWeChatXml('{"json": true}'), { code: 'platform_xml_invalid' });
  });
});

describe('sealed channel credentials', () => {
  test('open only with the same server secret and the same account', () => {
    const seal = new ChannelCredentialSeal('server-secret-one');
    const sealed = seal.seal('chn_a', { appSecret: 'very-secret' });
    assert.ok(!sealed.includes('very-secret'));
    assert.deepEqual(seal.open('chn_a', sealed), { appSecret: 'very-secret' });
    assert.throws(() => seal.open('chn_b', sealed));
    assert.throws(() => new ChannelCredentialSeal('server-secret-two').open('chn_a', sealed));
  });
});
