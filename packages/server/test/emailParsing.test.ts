import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { ReceivedMail, isAutomated } from '../src/modules/channels/email/emailInbound';
import { replySubject } from '../src/modules/channels/email/emailOutbound';
import { extractNewText } from '../src/modules/channels/email/emailReplyText';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/email/${name}`, import.meta.url));

describe("the new part of a shopper's mail", () => {
  const cases: Array<[string, string, string]> = [
    [
      'an English quote header',
      'Thanks!\n\nOn Mon, Dec 1, 2026 at 10:00 AM Shop <s@shop.test> wrote:\n> old',
      'Thanks!',
    ],
    [
      'a wrapped English quote header',
      'Yes please\n\nOn Mon, Dec 1, 2026 at 10:00 AM Demo Shop <s@shop.test>\nwrote:\n> old',
      'Yes please',
    ],
    [
      'a Chinese quote header',
      '收到，谢谢\n\n在 2026年12月1日 周一 10:00，客服 <s@shop.test> 写道：\n> 旧内容',
      '收到，谢谢',
    ],
    ['a mobile signature', '什么时候发货？\n\n发自我的iPhone', '什么时候发货？'],
    ['an English mobile signature', 'When will it ship?\n\nSent from my iPhone', 'When will it ship?'],
    ['a "-- " signature', 'Order 1234 please\n\n-- \nLi Lei\n+86 138 0000 0000', 'Order 1234 please'],
    ["Outlook's original message", '好的\n\n-----Original Message-----\nFrom: Shop', '好的'],
    ['a Foxmail/QQ quote', '可以\n\n发件人：客服 <s@shop.test>\n发送时间：2026年12月1日', '可以'],
    ['inline quoted lines', '> Is it red?\nYes, red.\n> Size?\nM', 'Yes, red.\nM'],
    ['plain text', 'Line one\n\n\n\nLine two', 'Line one\n\nLine two'],
  ];
  for (const [name, body, expected] of cases)
    test(`cuts ${name}`, () => assert.equal(extractNewText(body), expected));
});

describe('machine mail', () => {
  test('a delivery status report (RFC 3464) is a bounce even from an ordinary-looking sender', async () => {
    const mail = await simpleParser(fixture('dsn-delivery-status.eml'));
    assert.equal(isAutomated(new ReceivedMail(mail, 'bounces@relay.example.net')), true);
  });

  test('an ordinary mail is not', async () => {
    const mail = await simpleParser(
      'From: li.lei@example.com\r\nTo: service@shop.test\r\nSubject: hi\r\nMessage-ID: <a@b>\r\nAuto-Submitted: no\r\n\r\nHello\r\n',
    );
    assert.equal(isAutomated(new ReceivedMail(mail, 'li.lei@example.com')), false);
  });
});

describe('reply subjects', () => {
  test("carry one Re: however the shopper's client prefixed theirs", () => {
    assert.equal(replySubject('订单什么时候发货'), 'Re: 订单什么时候发货');
    assert.equal(replySubject('RE: Re: 回复：订单'), 'Re: 订单');
    assert.equal(replySubject('  '), 'Re: 您的咨询 / Your enquiry');
  });
});
