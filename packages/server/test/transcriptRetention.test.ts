// The retention policy: a daily job purges the transcripts of conversations resolved longer ago than
// KEFU_TRANSCRIPT_RETENTION_DAYS; open conversations and recent ones keep theirs, and each purge is audited.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { VisitorSessionResponse } from '@kefu/sdk';
import { ManualClock } from '../src/clock';
import { requestJson } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';

const day = 24 * 60 * 60 * 1000;

for (const { dialect } of testDatabaseTargets()) {
  describe(`transcript retention (${dialect})`, () => {
    const clock = new ManualClock('2026-03-02T03:00:00.000Z');
    let server: TestServer;
    let adminToken: string;
    before(async () => {
      server = await startTestServer({
        dialect,
        clock,
        seedDemo: false,
        environment: { KEFU_TRANSCRIPT_RETENTION_DAYS: '30', KEFU_REPLY_WAIT_MS: '0' },
        jobOptions: { pollIntervalMs: 20 },
      });
      adminToken = await server.loginAdmin();
    });
    after(async () => server.close());

    const startChat = async (text: string) => {
      const session = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        {
          body: {},
        },
      );
      const sent = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
        token: session.body.token,
        body: { text },
      });
      assert.equal(sent.status, 201);
      // The bot's answer is written before the clock moves on (it touches the conversation).
      await waitUntil(
        async () =>
          (await server.kefu.services.database.db
            .selectFrom('messages')
            .select('id')
            .where('conversation_id', '=', session.body.conversationId)
            .where('sender', '=', 'customer')
            .where('answered_at', 'is', null)
            .executeTakeFirst()) === undefined,
        { timeoutMs: 60_000, description: 'the bot answered' },
      );
      return session.body.conversationId;
    };
    const messageCount = async (conversationId: string) =>
      Number(
        (
          await server.kefu.services.database.db
            .selectFrom('messages')
            .select((eb) => eb.fn.countAll().as('count'))
            .where('conversation_id', '=', conversationId)
            .executeTakeFirstOrThrow()
        ).count,
      );

    test('transcripts resolved over 30 days ago are purged by the daily job; open ones stay', async () => {
      const old = await startChat('我的电话 13712345678，地址北京市朝阳区建国路 88 号');
      const open = await startChat('还在吗');
      const resolved = await requestJson(
        server.baseUrl,
        'POST',
        `/api/v1/agent/conversations/${old}/resolve`,
        {
          token: adminToken,
        },
      );
      assert.equal(resolved.status, 200);
      assert.ok((await messageCount(old)) > 0);

      clock.advance(10 * day);
      const recent = await startChat('退货怎么办');
      adminToken = await server.loginAdmin();
      const resolvedRecently = await requestJson(
        server.baseUrl,
        'POST',
        `/api/v1/agent/conversations/${recent}/resolve`,
        { token: adminToken },
      );
      assert.equal(resolvedRecently.status, 200);
      clock.advance(25 * day);
      await waitUntil(async () => (await messageCount(old)) === 0, {
        timeoutMs: 60_000,
        description: 'the daily sweep purges the old transcript',
      });
      assert.ok((await messageCount(open)) > 0, 'an open conversation keeps its messages');
      assert.ok((await messageCount(recent)) > 0, 'a conversation resolved 25 days ago keeps its messages');
      adminToken = await server.loginAdmin(); // sessions expire while the clock moves on
      const purges = async () =>
        (
          await requestJson<{ entries: { action: string; data: { conversations: number } }[] }>(
            server.baseUrl,
            'GET',
            '/api/v1/admin/audit?action=transcripts.purged',
            { token: adminToken },
          )
        ).body.entries;
      // The sweep deletes the messages first and writes its audit entry just after.
      await waitUntil(async () => (await purges()).length > 0, {
        timeoutMs: 60_000,
        description: 'the purge audited',
      });
      assert.equal((await purges())[0]?.data.conversations, 1);
      const conversation = await requestJson<{ conversation: { status: string } }>(
        server.baseUrl,
        'GET',
        `/api/v1/agent/conversations/${old}`,
        { token: adminToken },
      );
      assert.equal(conversation.body.conversation.status, 'resolved', 'the conversation record stays');
    });
  });
}
