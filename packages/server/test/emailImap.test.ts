import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import type {
  ChannelAccountView,
  ConnectionTest,
} from '../src/modules/channels/accounts/channelAccountSchemas';
import { conversationReads } from './helpers/conversationReads';
import { requestJson } from './helpers/http';
import type { ImapServer } from './helpers/imapServer';
import { startImapServer } from './helpers/imapServer';
import type { SmtpSink } from './helpers/smtpSink';
import { startSmtpSink } from './helpers/smtpSink';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';
import { minimalPdf } from './helpers/mailShopper';
import { createChannelAccount, testChannelAccount } from './helpers/wechatPlatform';

const shopAddress = 'service@shop.test';
const shopper = 'han.meimei@example.com';
const mailboxPassword = 'imap-app-password-kept-sealed';

/** A shopper's mail as it sits in the provider's mailbox (7-bit: the text base64-encoded, as clients send it). */
function mail(fields: { messageId: string; subject: string; text: string; references?: string[] }): string {
  return [
    `From: 韩梅梅 <${shopper}>`,
    `To: ${shopAddress}`,
    `Subject: =?UTF-8?B?${Buffer.from(fields.subject).toString('base64')}?=`,
    `Message-ID: ${fields.messageId}`,
    ...(fields.references
      ? [`In-Reply-To: ${fields.references.at(-1)}`, `References: ${fields.references.join(' ')}`]
      : []),
    'Date: Thu, 03 Dec 2026 10:00:00 +0800',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(fields.text).toString('base64'),
    '',
  ].join('\r\n');
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`the e-mail channel fetching from an IMAP mailbox (${dialect})`, () => {
    let relay: SmtpSink;
    let imap: ImapServer;
    let server: TestServer;
    let adminToken: string;
    let account: ChannelAccountView;
    const logLines: string[] = [];

    const imapSettings = (overrides: Record<string, unknown> = {}) => ({
      address: shopAddress,
      fromName: 'Demo Shop',
      inbound: 'imap',
      imapHost: '127.0.0.1',
      imapPort: String(imap.port),
      imapTls: 'false',
      imapUser: imap.user,
      imapPollSeconds: '5',
      smtpUrl: relay.url,
      ...overrides,
    });

    before(async () => {
      relay = await startSmtpSink();
      imap = await startImapServer({ user: 'service@shop.test', password: mailboxPassword });
      server = await startTestServer({
        dialect,
        jobOptions: { retry: { baseDelayMs: 10, maxDelayMs: 80 }, pollIntervalMs: 20 },
        logLines,
      });
      adminToken = await server.loginAdmin();
      account = await createChannelAccount(server.baseUrl, adminToken, {
        kind: 'email',
        name: '企业邮箱',
        settings: imapSettings(),
        credentials: { imapPassword: mailboxPassword },
      });
    });
    after(async () => {
      await server.close();
      await imap.close();
      await relay.close();
    });

    const db = () => server.kefu.services.database.db;
    const { messagesOf } = conversationReads(() => ({ baseUrl: server.baseUrl, token: adminToken }));
    const inboundOf = (accountId: string) =>
      db()
        .selectFrom('inbound_messages')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('id')
        .execute();
    const stateOf = (accountId: string) =>
      db()
        .selectFrom('imap_mailbox_states')
        .selectAll()
        .where('account_id', '=', accountId)
        .executeTakeFirst();
    /** Waits until the account's polls have taken in the mail up to `uid`. */
    const polledUpTo = (accountId: string, uid: number) =>
      waitUntil(async () => ((await stateOf(accountId))?.last_uid ?? 0) >= uid, {
        description: `the poll up to UID ${uid}`,
        timeoutMs: 60_000,
      });
    const viewOf = async (accountId: string) => {
      const listed = await requestJson<{ accounts: ChannelAccountView[] }>(
        server.baseUrl,
        'GET',
        '/api/v1/admin/channel-accounts',
        { token: adminToken },
      );
      return listed.body.accounts.find((view) => view.id === accountId);
    };
    const testConnection = (accountId: string) => testChannelAccount(server.baseUrl, adminToken, accountId);
    const answerTo = async (messageId: string): Promise<ParsedMail> => {
      let answer: ParsedMail | undefined;
      await waitUntil(
        async () => {
          const relayed = await Promise.all(relay.messages.map((message) => simpleParser(message.data)));
          answer = relayed.find((parsed) => parsed.inReplyTo === messageId);
          return answer !== undefined;
        },
        { description: `an answer to ${messageId}`, timeoutMs: 60_000 },
      );
      assert.ok(answer);
      return answer;
    };

    test('the account keeps the mailbox password sealed and needs host, user and password for IMAP', async () => {
      assert.equal(account.settings.inbound, 'imap');
      assert.equal(account.settings.imapTls, false);
      assert.equal(account.settings.imapFolder, 'INBOX');
      assert.deepEqual(account.credentialsSet, ['imapPassword']);
      assert.equal(server.kefu.services.channels.emailListeners.addressOf(account.id), null);
      const row = await db()
        .selectFrom('channel_accounts')
        .selectAll()
        .where('id', '=', account.id)
        .executeTakeFirstOrThrow();
      assert.ok(!row.credentials.includes(mailboxPassword));
      for (const [settings, credentials] of [
        [imapSettings({ imapHost: undefined }), { imapPassword: 'x' }],
        [imapSettings({ imapUser: undefined }), { imapPassword: 'x' }],
        [imapSettings(), {}],
      ] as const) {
        const refused = await requestJson(server.baseUrl, 'POST', '/api/v1/admin/channel-accounts', {
          token: adminToken,
          body: { kind: 'email', name: 'incomplete', settings, credentials },
        });
        assert.equal(refused.status, 400, JSON.stringify(settings));
      }
    });

    test('a mail in the mailbox becomes the shopper’s conversation, is marked read and answered in its thread', async () => {
      const uid = imap.deliver(
        mail({
          messageId: '<imap.first@example.com>',
          subject: '订单什么时候发货',
          text: '我的订单什么时候发货？',
        }),
      );
      await polledUpTo(account.id, uid);
      const [first] = await inboundOf(account.id);
      assert.equal(first?.external_message_id, '<imap.first@example.com>');
      assert.equal(first.sender_external_id, shopper);
      assert.ok(first.conversation_id);
      const texts = (await messagesOf(first.conversation_id)).map((message) => message.text);
      assert.ok(texts.includes('我的订单什么时候发货？'));
      assert.ok(imap.flagsOf(uid).includes('\\Seen'), 'the fetched mail is marked read');
      await waitUntil(async () => Boolean((await viewOf(account.id))?.mailbox?.lastSuccessAt), {
        description: 'the poll’s success in the account’s status',
        timeoutMs: 60_000,
      });
      assert.equal((await viewOf(account.id))?.mailbox?.problem, null);

      const answer = await answerTo('<imap.first@example.com>');
      assert.equal(answer.subject, 'Re: 订单什么时候发货');
      assert.deepEqual([answer.references].flat(), ['<imap.first@example.com>']);
      assert.equal(answer.from?.value[0]?.address, shopAddress);
    });

    test('a reply with In-Reply-To to Kefu’s answer threads into the same conversation; an agent’s reply goes out threaded', async () => {
      const answer = await answerTo('<imap.first@example.com>');
      assert.ok(answer.messageId);
      const uid = imap.deliver(
        mail({
          messageId: '<imap.second@example.com>',
          subject: 'Re: 订单什么时候发货',
          text: '谢谢，还想问一下退货地址',
          references: ['<imap.first@example.com>', answer.messageId],
        }),
      );
      await server.kefu.services.channels.imapPolling.sync();
      await polledUpTo(account.id, uid);
      const [first, second] = await inboundOf(account.id);
      assert.ok(first?.conversation_id);
      assert.equal(second?.conversation_id, first.conversation_id);

      const conversationId = first.conversation_id;
      const call = (method: 'POST', path: string, body?: object) =>
        requestJson(server.baseUrl, method, path, { token: adminToken, body });
      assert.equal(
        (await call('POST', `/api/v1/agent/conversations/${conversationId}/takeover`)).status,
        200,
      );
      const sent = await call('POST', `/api/v1/agent/conversations/${conversationId}/messages`, {
        text: '退货地址：上海市示例路 1 号',
      });
      assert.equal(sent.status, 201);
      let agentMail: ParsedMail | undefined;
      await waitUntil(
        async () => {
          const relayed = await Promise.all(relay.messages.map((message) => simpleParser(message.data)));
          agentMail = relayed.find((parsed) => parsed.text?.includes('退货地址：上海市示例路 1 号'));
          return agentMail !== undefined;
        },
        { description: 'the agent’s reply at the relay', timeoutMs: 60_000 },
      );
      assert.equal(agentMail?.inReplyTo, '<imap.second@example.com>');
      assert.ok([agentMail?.references].flat().includes('<imap.second@example.com>'));
      assert.ok([agentMail?.references].flat().includes('<imap.first@example.com>'));
    });

    test('a mail seen again — a second copy, a poll rerun, a renumbered folder — is stored once', async () => {
      const before = (await inboundOf(account.id)).length;
      const copy = imap.deliver(
        mail({
          messageId: '<imap.first@example.com>',
          subject: '订单什么时候发货',
          text: '我的订单什么时候发货？',
        }),
      );
      await server.kefu.services.channels.imapPolling.sync();
      await polledUpTo(account.id, copy);
      const polledAt = (await stateOf(account.id))?.last_polled_at;
      await server.kefu.services.channels.imapPolling.sync();
      await waitUntil(async () => (await stateOf(account.id))?.last_polled_at !== polledAt, {
        description: 'a rerun poll',
        timeoutMs: 60_000,
      });
      assert.equal((await inboundOf(account.id)).length, before);

      const validity = (await stateOf(account.id))?.uid_validity;
      imap.renumber();
      const fresh = imap.deliver(
        mail({ messageId: '<imap.third@example.com>', subject: '发票', text: '请开发票' }),
      );
      await server.kefu.services.channels.imapPolling.sync();
      await waitUntil(
        async () => {
          const state = await stateOf(account.id);
          return state?.uid_validity !== validity && (state?.last_uid ?? 0) >= fresh;
        },
        { description: 'the resync after the new UIDVALIDITY', timeoutMs: 60_000 },
      );
      const rows = await inboundOf(account.id);
      assert.equal(rows.length, before + 1, 'only the new mail is stored');
      assert.equal(rows.at(-1)?.external_message_id, '<imap.third@example.com>');
      assert.equal(new Set(rows.map((row) => row.external_message_id)).size, rows.length);
    });

    test('the test connection logs in and counts the mail, or says what is wrong', async () => {
      const ok = await testConnection(account.id);
      assert.equal(ok.ok, true);
      assert.equal(ok.messageCount, 4);

      const cases: Array<[Record<string, unknown>, ConnectionTest['problem']]> = [
        [{ imapTls: 'true' }, 'tls_failed'],
        [{ imapPort: String(await closedPort()) }, 'unreachable'],
        [{ imapFolder: 'No-Such-Folder' }, 'folder_missing'],
      ];
      for (const [overrides, problem] of cases) {
        const broken = await createChannelAccount(server.baseUrl, adminToken, {
          kind: 'email',
          name: `broken ${problem}`,
          settings: imapSettings({ address: `${problem}@shop.test`, ...overrides }),
          credentials: { imapPassword: mailboxPassword },
        });
        const result = await testConnection(broken.id);
        assert.equal(result.ok, false);
        assert.equal(result.problem, problem, result.reason ?? '');
        assert.equal(result.messageCount, null);
        await requestJson(server.baseUrl, 'PATCH', `/api/v1/admin/channel-accounts/${broken.id}`, {
          token: adminToken,
          body: { enabled: false },
        });
      }
    });

    test('a wrong password shows in the account’s status and stores nothing; fixing it polls at once', async () => {
      const wrongPassword = 'not-the-password-0451';
      const wrong = await createChannelAccount(server.baseUrl, adminToken, {
        kind: 'email',
        name: 'wrong password',
        // An hour between polls: after the failure the next one is far off, so only the change can bring it now.
        settings: imapSettings({
          address: 'orders@shop.test',
          imapMarkSeen: 'false',
          imapPollSeconds: '3600',
        }),
        credentials: { imapPassword: wrongPassword },
      });
      const tested = await testConnection(wrong.id);
      assert.equal(tested.ok, false);
      assert.equal(tested.problem, 'auth_failed');
      await waitUntil(async () => ((await viewOf(wrong.id))?.mailbox?.failures ?? 0) >= 1, {
        description: 'a failed poll in the status',
        timeoutMs: 60_000,
      });
      const status = (await viewOf(wrong.id))?.mailbox;
      assert.equal(status?.problem, 'auth_failed');
      assert.ok(status?.nextPollAt);
      assert.equal(status?.lastSuccessAt, null);
      assert.deepEqual(await inboundOf(wrong.id), []);

      await requestJson(server.baseUrl, 'PATCH', `/api/v1/admin/channel-accounts/${wrong.id}`, {
        token: adminToken,
        body: { credentials: { imapPassword: mailboxPassword } },
      });
      await waitUntil(async () => (await viewOf(wrong.id))?.mailbox?.problem === null, {
        description: 'a good poll after the password was fixed',
        timeoutMs: 60_000,
      });
      assert.equal((await viewOf(wrong.id))?.mailbox?.failures, 0);
      assert.ok((await stateOf(wrong.id))?.uid_validity, 'the first poll took the folder in');
      const logged = logLines.join('\n');
      assert.ok(
        !logged.includes(wrongPassword) && !logged.includes(mailboxPassword),
        'no password is logged',
      );
      assert.match(logged, /could not be polled/);
    });

    test('a fetched mail keeps its attachment as the shopper’s file, as a mail the SMTP listener took does', async () => {
      const pdf = minimalPdf();
      const boundary = 'kefu-imap-boundary';
      const uid = imap.deliver(
        [
          `From: 韩梅梅 <${shopper}>`,
          `To: ${shopAddress}`,
          'Subject: invoice',
          'Message-ID: <imap.attachment@example.com>',
          'Date: Thu, 03 Dec 2026 11:00:00 +0800',
          'MIME-Version: 1.0',
          `Content-Type: multipart/mixed; boundary="${boundary}"`,
          '',
          `--${boundary}`,
          'Content-Type: text/plain; charset=utf-8',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('发票有问题，请看附件').toString('base64'),
          `--${boundary}`,
          'Content-Type: application/pdf; name="invoice.pdf"',
          'Content-Disposition: attachment; filename="invoice.pdf"',
          'Content-Transfer-Encoding: base64',
          '',
          pdf.toString('base64'),
          `--${boundary}--`,
          '',
        ].join('\r\n'),
      );
      await polledUpTo(account.id, uid);
      const row = (await inboundOf(account.id)).find(
        (inbound) => inbound.external_message_id === '<imap.attachment@example.com>',
      );
      assert.ok(row?.conversation_id);
      const message = (await messagesOf(row.conversation_id)).find((item) =>
        item.text.includes('发票有问题'),
      );
      assert.deepEqual(
        message?.attachments.map(({ name, contentType }) => ({ name, contentType })),
        [{ name: 'invoice.pdf', contentType: 'application/pdf' }],
      );
    });
  });
}
