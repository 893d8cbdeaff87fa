import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { createTransport } from 'nodemailer';
import type { SendMailOptions, Transporter } from 'nodemailer';
import type { ChannelAccountView } from '../src/modules/channels/accounts/channelAccountSchemas';
import { conversationReads } from './helpers/conversationReads';
import { requestJson } from './helpers/http';
import { photoBytes } from './helpers/photos';
import type { SmtpSink } from './helpers/smtpSink';
import { startSmtpSink } from './helpers/smtpSink';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';
import { createChannelAccount } from './helpers/wechatPlatform';

const shopAddress = 'service@shop.test';
const shopper = 'li.lei@example.com';
const relayPassword = 'relay-password-that-stays-sealed';

for (const { dialect } of testDatabaseTargets()) {
  describe(`the e-mail channel through its SMTP listener and a loopback relay (${dialect})`, () => {
    let relay: SmtpSink;
    let server: TestServer;
    let adminToken: string;
    let account: ChannelAccountView;
    let shopperMail: Transporter;

    before(async () => {
      relay = await startSmtpSink();
      server = await startTestServer({
        dialect,
        jobOptions: { retry: { baseDelayMs: 10, maxDelayMs: 80 }, pollIntervalMs: 20 },
      });
      adminToken = await server.loginAdmin();
      account = await createChannelAccount(server.baseUrl, adminToken, {
        kind: 'email',
        name: '客服邮箱',
        settings: {
          address: shopAddress,
          fromName: 'Demo Shop',
          listenHost: '127.0.0.1',
          listenPort: 0,
          smtpUrl: relay.url,
        },
        credentials: { smtpPassword: relayPassword },
      });
      const listening = server.kefu.services.channels.emailListeners.addressOf(account.id);
      assert.ok(listening, 'the account has a running SMTP listener');
      shopperMail = createTransport({
        host: '127.0.0.1',
        port: listening.port,
        secure: false,
        ignoreTLS: true,
      });
    });
    after(async () => {
      shopperMail.close();
      await server.close();
      await relay.close();
    });

    /** A mail from the shopper to the shop, through Kefu's SMTP listener. */
    const fromShopper = (mail: SendMailOptions) =>
      shopperMail.sendMail({ from: shopper, to: shopAddress, ...mail });
    const db = () => server.kefu.services.database.db;
    const { messagesOf } = conversationReads(() => ({ baseUrl: server.baseUrl, token: adminToken }));
    const inboundRows = () =>
      db().selectFrom('inbound_messages').selectAll().where('channel', '=', 'email').orderBy('id').execute();
    const relayed = () => Promise.all(relay.messages.map((message) => simpleParser(message.data)));
    /** Waits for Kefu's answer to the shopper's mail `messageId` at the relay. */
    const answerTo = async (messageId: string): Promise<ParsedMail> => {
      let answer: ParsedMail | undefined;
      await waitUntil(
        async () => {
          answer = (await relayed()).find((mail) => mail.inReplyTo === messageId);
          return answer !== undefined;
        },
        { description: `an answer to ${messageId}`, timeoutMs: 60_000 },
      );
      assert.ok(answer);
      return answer;
    };

    test('the account stores the relay password sealed and tests its connection with the relay', async () => {
      assert.deepEqual(account.credentialsSet, ['smtpPassword']);
      const row = await db()
        .selectFrom('channel_accounts')
        .selectAll()
        .where('id', '=', account.id)
        .executeTakeFirstOrThrow();
      assert.ok(!row.credentials.includes(relayPassword));
      const tested = await requestJson<{ ok: boolean }>(
        server.baseUrl,
        'POST',
        `/api/v1/admin/channel-accounts/${account.id}/test`,
        { token: adminToken },
      );
      assert.equal(tested.status, 200);
      assert.equal(tested.body.ok, true);
      const withPassword = await requestJson<{ error: { message: string } }>(
        server.baseUrl,
        'POST',
        '/api/v1/admin/channel-accounts',
        {
          token: adminToken,
          body: {
            kind: 'email',
            name: 'leaky',
            settings: { address: 'x@shop.test', smtpUrl: 'smtp://kefu:hunter2@relay.shop.test' },
            credentials: {},
          },
        },
      );
      assert.equal(withPassword.status, 400, 'a password in the relay address is refused');
      assert.ok(!JSON.stringify(withPassword.body).includes('hunter2'));
    });

    test('a mail is answered in its thread and the reply to the answer lands in the same conversation', async () => {
      await shopperMail.sendMail({
        from: `李雷 <${shopper}>`,
        to: shopAddress,
        subject: '订单什么时候发货',
        messageId: '<first.1@example.com>',
        text: '我的订单什么时候发货？\n\n发自我的iPhone\n\n在 2026年12月1日 10:00，Demo Shop 写道：\n> 旧的内容',
      });
      const answer = await answerTo('<first.1@example.com>');
      assert.equal(answer.subject, 'Re: 订单什么时候发货');
      assert.equal(answer.to && !Array.isArray(answer.to) ? answer.to.value[0]?.address : '', shopper);
      assert.equal(answer.from?.value[0]?.address, shopAddress);
      assert.deepEqual([answer.references].flat(), ['<first.1@example.com>']);
      assert.ok(answer.messageId?.endsWith('@shop.test>'));
      assert.ok(answer.html && answer.text);
      assert.equal(answer.headers.get('auto-submitted'), 'auto-replied');

      const [first] = await inboundRows();
      assert.ok(first?.conversation_id);
      const conversationId = first.conversation_id;
      const stored = (await messagesOf(conversationId)).filter((message) => message.sender === 'customer');
      assert.deepEqual(
        stored.map((message) => message.text),
        ['我的订单什么时候发货？'],
      );

      await fromShopper({
        subject: `Re: ${answer.subject ?? ''}`,
        messageId: '<second.2@example.com>',
        inReplyTo: answer.messageId,
        references: ['<first.1@example.com>', answer.messageId ?? ''],
        text: '好的，谢谢\n\n-- \n李雷\n\nOn Tue, Dec 1, 2026 at 10:00 AM Demo Shop <service@shop.test>\nwrote:\n> 答复',
      });
      const second = await answerTo('<second.2@example.com>');
      assert.equal(second.subject, 'Re: 订单什么时候发货');
      assert.deepEqual([second.references].flat(), [
        '<first.1@example.com>',
        answer.messageId,
        '<second.2@example.com>',
      ]);
      const rows = await inboundRows();
      assert.deepEqual(
        rows.map((row) => row.conversation_id),
        [conversationId, conversationId],
      );
      const texts = (await messagesOf(conversationId)).filter((message) => message.sender === 'customer');
      assert.deepEqual(
        texts.map((message) => message.text),
        ['我的订单什么时候发货？', '好的，谢谢'],
      );
    });

    test('a new subject without references starts its own conversation; a reply to an older thread goes back to it and reopens it', async () => {
      const conversationOf = async (messageId: string) =>
        (await inboundRows()).find((row) => row.external_message_id === messageId)?.conversation_id ?? '';
      await fromShopper({ subject: '尺码', messageId: '<size.10@example.com>', text: '这件衣服有 XL 吗？' });
      const sizeAnswer = await answerTo('<size.10@example.com>');
      await fromShopper({ subject: '优惠券', messageId: '<coupon.11@example.com>', text: '优惠券怎么用？' });
      await answerTo('<coupon.11@example.com>');
      const sizeThread = await conversationOf('<size.10@example.com>');
      const couponThread = await conversationOf('<coupon.11@example.com>');
      assert.ok(sizeThread && couponThread);
      assert.notEqual(couponThread, sizeThread, 'a new mail without references is a new conversation');
      const act = (action: string) =>
        requestJson(server.baseUrl, 'POST', `/api/v1/agent/conversations/${sizeThread}/${action}`, {
          token: adminToken,
        });
      assert.equal((await act('takeover')).status, 200);
      assert.equal((await act('resolve')).status, 200);
      // Only In-Reply-To, naming Kefu's answer (some clients send no References).
      await fromShopper({
        subject: 'Re: 尺码',
        messageId: '<size.12@example.com>',
        inReplyTo: sizeAnswer.messageId,
        text: '那 L 呢？',
      });
      await waitUntil(async () => (await conversationOf('<size.12@example.com>')) !== '', {
        description: 'the reply is stored',
        timeoutMs: 60_000,
      });
      assert.equal(await conversationOf('<size.12@example.com>'), sizeThread);
      const reopened = await requestJson<{ conversation: { status: string } }>(
        server.baseUrl,
        'GET',
        `/api/v1/agent/conversations/${sizeThread}`,
        { token: adminToken },
      );
      assert.equal(reopened.body.conversation.status, 'assigned', 'the resolved thread is reopened');
      const couponTexts = (await messagesOf(couponThread)).map((message) => message.text);
      assert.ok(!couponTexts.includes('那 L 呢？'), 'not merely the sender’s latest conversation');
    });

    test('answering a numbered choice in the thread picks the choice of that thread’s conversation', async () => {
      await fromShopper({ subject: '你好', messageId: '<hello.15@example.com>', text: '你好' });
      const greeting = await answerTo('<hello.15@example.com>');
      const conversationId =
        (await inboundRows()).find((row) => row.external_message_id === '<hello.15@example.com>')
          ?.conversation_id ?? '';
      const offer = (await messagesOf(conversationId)).find((message) => message.sender === 'bot');
      const choice = offer?.quickReplies[0];
      assert.ok(choice, 'the greeting offers choices');
      assert.match(greeting.text ?? '', new RegExp(`1\\. ${choice.label}`));
      await fromShopper({
        subject: 'Re: 你好',
        messageId: '<hello.16@example.com>',
        inReplyTo: greeting.messageId,
        text: '1\n\nOn Tue, Dec 1, 2026 at 10:00 AM Demo Shop <service@shop.test> wrote:\n> 1. …',
      });
      await answerTo('<hello.16@example.com>');
      const texts = (await messagesOf(conversationId))
        .filter((message) => message.sender === 'customer')
        .map((message) => message.text);
      assert.deepEqual(texts, ['你好', choice.text]);
    });

    test('Kefu’s own mail coming back to its listener is taken and dropped', async () => {
      await fromShopper({ subject: '退款', messageId: '<refund.13@example.com>', text: '退款多久到账？' });
      const answer = await answerTo('<refund.13@example.com>');
      const before = (await inboundRows()).length;
      const looped = await shopperMail.sendMail({
        from: shopAddress,
        to: shopAddress,
        subject: answer.subject ?? '',
        messageId: answer.messageId ?? '',
        inReplyTo: '<refund.13@example.com>',
        text: answer.text ?? '',
      });
      assert.match(String(looped.response), /^250/);
      assert.equal((await inboundRows()).length, before, 'nothing stored, nothing answered');
    });

    test('a mail sent twice with one Message-ID is stored once', async () => {
      const before = (await inboundRows()).length;
      const mail = {
        from: shopper,
        to: shopAddress,
        subject: '发票',
        messageId: '<twice.3@example.com>',
        text: '能开发票吗？',
      };
      await shopperMail.sendMail(mail);
      await shopperMail.sendMail(mail);
      const rows = await inboundRows();
      assert.equal(rows.length, before + 1);
      const conversationId = rows.at(-1)?.conversation_id ?? '';
      const copies = (await messagesOf(conversationId)).filter((message) => message.text === '能开发票吗？');
      assert.equal(copies.length, 1);
    });

    test('an attachment that is not kept is listed with the text by name, size and why', async () => {
      await fromShopper({
        subject: '发票抬头',
        messageId: '<attached.9@example.com>',
        text: '附件是我的收据',
        attachments: [
          { filename: 'receipt.pdf', content: Buffer.alloc(2048, 1), contentType: 'application/pdf' },
        ],
      });
      const row = (await inboundRows()).find(
        (inbound) => inbound.external_message_id === '<attached.9@example.com>',
      );
      const stored = (await messagesOf(row?.conversation_id ?? '')).find((message) =>
        message.text.startsWith('附件是我的收据'),
      );
      assert.equal(
        stored?.text,
        '附件是我的收据\n\n📎 receipt.pdf (2 KB) — 未保存：无法识别的文件类型 / Not kept: the file type is not recognised',
      );
      assert.deepEqual(stored?.attachments, []);
    });

    test('photos in a mail are kept as the shopper’s uploads agents can open; unrecognised and disguised files stay listed only', async () => {
      await fromShopper({
        subject: '包裹破损',
        messageId: '<photos.14@example.com>',
        text: '包裹到的时候就破了',
        attachments: [
          { filename: 'box.png', content: photoBytes.png, contentType: 'image/png' },
          {
            filename: 'script.jpg',
            content: Buffer.from('<script>alert(1)</script>'),
            contentType: 'image/jpeg',
          },
          { filename: 'receipt.pdf', content: Buffer.alloc(512, 1), contentType: 'application/pdf' },
        ],
      });
      const row = (await inboundRows()).find(
        (inbound) => inbound.external_message_id === '<photos.14@example.com>',
      );
      const stored = (await messagesOf(row?.conversation_id ?? '')).find((message) =>
        message.text.startsWith('包裹到的时候就破了'),
      );
      assert.equal(stored?.attachments.length, 1, 'only the real photo is kept');
      const [photo] = stored?.attachments ?? [];
      assert.equal(photo?.contentType, 'image/png');
      assert.match(photo?.url ?? '', /^\/api\/v1\/agent\/uploads\/upl_/);
      const opened = await fetch(`${server.baseUrl}${photo?.url ?? ''}`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      assert.equal(opened.status, 200);
      assert.deepEqual(Buffer.from(await opened.arrayBuffer()), photoBytes.png);
      assert.match(stored?.text ?? '', /📎 receipt\.pdf/);
      assert.match(stored?.text ?? '', /📎 script\.jpg/);
      const before = await db().selectFrom('uploads').select('id').execute();
      await fromShopper({
        subject: '包裹破损',
        messageId: '<photos.14@example.com>',
        text: '包裹到的时候就破了',
        attachments: [{ filename: 'box.png', content: photoBytes.png, contentType: 'image/png' }],
      });
      const after = await db().selectFrom('uploads').select('id').execute();
      assert.equal(after.length, before.length, 'a mail sent again stores no photo again');
    });

    test('auto-replies and bounces are stored for agents but never answered', async () => {
      await fromShopper({
        subject: 'Out of office',
        messageId: '<ooo.4@example.com>',
        references: '<first.1@example.com>',
        headers: { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' },
        text: 'I am away until Monday.',
      });
      await shopperMail.sendMail({
        from: 'Mail Delivery System <MAILER-DAEMON@example.com>',
        to: shopAddress,
        subject: 'Undelivered Mail Returned to Sender',
        messageId: '<bounce.5@example.com>',
        envelope: { from: '', to: [shopAddress] },
        references: '<first.1@example.com>',
        text: 'This is the mail system. Your message could not be delivered.',
      });
      await fromShopper({
        subject: 'Precedence',
        messageId: '<bulk.6@example.com>',
        references: '<first.1@example.com>',
        headers: { Precedence: 'bulk' },
        text: 'Newsletter',
      });
      // A mail after them in their thread is answered: had they been, their answers would have come first (one
      // order per conversation).
      await fromShopper({
        subject: '退货',
        messageId: '<after.7@example.com>',
        references: '<first.1@example.com>',
        text: '怎么退货？',
      });
      await answerTo('<after.7@example.com>');
      const stored = (await inboundRows()).map((row) => row.external_message_id);
      for (const id of ['<ooo.4@example.com>', '<bounce.5@example.com>', '<bulk.6@example.com>'])
        assert.ok(stored.includes(id), `${id} is stored`);
      const answered = (await relayed()).map((mail) => mail.inReplyTo);
      for (const id of ['<ooo.4@example.com>', '<bounce.5@example.com>', '<bulk.6@example.com>'])
        assert.ok(!answered.includes(id), `${id} is not answered`);
    });

    test('a mail without a sender or a Message-ID is refused and nothing is stored', async () => {
      const before = (await inboundRows()).length;
      const withoutSender = 'Subject: hello\r\nMessage-ID: <nosender.8@example.com>\r\n\r\nHello\r\n';
      const withoutId = `From: ${shopper}\r\nSubject: hello\r\n\r\nHello\r\n`;
      for (const raw of [withoutSender, withoutId])
        await assert.rejects(
          shopperMail.sendMail({ envelope: { from: shopper, to: [shopAddress] }, raw }),
          (error: { responseCode?: number }) => error.responseCode === 550,
        );
      await assert.rejects(
        shopperMail.sendMail({ from: shopper, to: 'someone-else@shop.test', subject: 'x', text: 'x' }),
        (error: { responseCode?: number }) => error.responseCode === 550,
      );
      assert.equal((await inboundRows()).length, before);
    });
  });
}
