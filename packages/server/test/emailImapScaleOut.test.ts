// Two Kefu instances sharing one database poll one IMAP mailbox: whichever starts polling, and however often,
// one session at a time reads the mailbox and every mail is stored once.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { ImapServer } from './helpers/imapServer';
import { startImapServer } from './helpers/imapServer';
import type { SmtpSink } from './helpers/smtpSink';
import { startSmtpSink } from './helpers/smtpSink';
import type { TestDatabase } from './helpers/testDatabase';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';
import { createChannelAccount } from './helpers/wechatPlatform';

const password = 'scale-out-imap-password';

for (const target of testDatabaseTargets()) {
  const { dialect } = target;
  describe(`IMAP polling across two instances sharing a database (${dialect})`, () => {
    let relay: SmtpSink;
    let imap: ImapServer;
    let database: TestDatabase;
    let instances: TestServer[] = [];

    before(async () => {
      relay = await startSmtpSink();
      imap = await startImapServer({ user: 'shop', password });
      database = await target.create();
      // One deployment: the same secret, so either instance opens the account's sealed password.
      const secretKey = randomBytes(32).toString('base64url');
      const start = () =>
        startTestServer({
          dialect,
          sharedDatabaseUrl: database.url,
          seedDemo: false,
          environment: { KEFU_SECRET_KEY: secretKey },
          jobOptions: { retry: { baseDelayMs: 10, maxDelayMs: 80 }, pollIntervalMs: 20 },
        });
      instances = [await start(), await start()];
    });
    after(async () => {
      for (const instance of instances) await instance.close();
      await database.drop();
      await imap.close();
      await relay.close();
    });

    test('one session at a time reads the mailbox and each mail is stored once', async () => {
      const [first, second] = instances;
      assert.ok(first && second);
      const account = await createChannelAccount(first.baseUrl, await first.loginAdmin(), {
        kind: 'email',
        name: 'shared mailbox',
        settings: {
          address: 'service@shop.test',
          inbound: 'imap',
          imapHost: '127.0.0.1',
          imapPort: imap.port,
          imapTls: false,
          imapUser: imap.user,
          imapPollSeconds: 5,
          smtpUrl: relay.url,
        },
        credentials: { imapPassword: password },
      });
      const db = first.kefu.services.database.db;
      let lastUid = 0;
      for (let index = 1; index <= 5; index += 1) {
        lastUid = imap.deliver(
          `From: shopper${index}@example.com\r\nSubject: order ${index}\r\nMessage-ID: <scale.${index}@example.com>\r\n\r\nWhere is order ${index}?`,
        );
        // Both instances start polling at once, as two instances starting or an admin's change would.
        await Promise.all(instances.map((instance) => instance.kefu.services.channels.imapPolling.sync()));
      }
      await waitUntil(
        async () => {
          const state = await db
            .selectFrom('imap_mailbox_states')
            .select('last_uid')
            .where('account_id', '=', account.id)
            .executeTakeFirst();
          return (state?.last_uid ?? 0) >= lastUid;
        },
        { description: 'every mail polled', timeoutMs: 90_000 },
      );
      const rows = await db
        .selectFrom('inbound_messages')
        .select('external_message_id')
        .where('account_id', '=', account.id)
        .execute();
      assert.deepEqual(rows.map((row) => row.external_message_id).sort(), [
        '<scale.1@example.com>',
        '<scale.2@example.com>',
        '<scale.3@example.com>',
        '<scale.4@example.com>',
        '<scale.5@example.com>',
      ]);
      assert.equal(imap.maxOpenSessions(), 1, 'never two sessions on the mailbox at once');
    });
  });
}
