import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Conversation } from '@kefu/sdk';
import type { HandoffSummary } from '../src/modules/handoff/schemas';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { testDatabaseTargets } from './helpers/testDatabase';
import { RecordingSocket, requestJson, toWebSocketUrl } from './helpers/http';
import { startShopperChat } from './helpers/shopChat';

const generousMs = 60_000;

for (const { dialect } of testDatabaseTargets()) {
  describe(`escalation after handoff, live (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    let agentSocket: RecordingSocket;
    before(async () => {
      server = await startTestServer({ dialect, seedDemo: false });
      adminToken = await server.loginAdmin();
      agentSocket = await RecordingSocket.connect(
        toWebSocketUrl(server.baseUrl, `/api/v1/agent/ws?token=${adminToken}`),
      );
      await agentSocket.waitFor((frame) => frame.type === 'ready');
    });
    after(async () => {
      agentSocket.close();
      await server.close();
    });

    test('an angry 12315 message after the handoff raises the priority and refreshes the briefing live', async () => {
      const shopper = await startShopperChat(server.baseUrl);
      await shopper.say('转人工');
      const conversationId = shopper.session.conversationId;
      const path = `/api/v1/agent/conversations/${conversationId}`;
      const before = await requestJson<{ conversation: Conversation }>(server.baseUrl, 'GET', path, {
        token: adminToken,
      });
      assert.equal(before.body.conversation.status, 'queued');
      assert.equal(before.body.conversation.priority, 'normal');

      await shopper.say('你们太垃圾了！！！等了这么久没人理，我要投诉到12315');
      const raised = await agentSocket.waitFor(
        (frame) =>
          frame.type === 'conversation.updated' &&
          frame.event === 'conversation.classified' &&
          (frame.conversation as Conversation).id === conversationId,
        generousMs,
      );
      assert.equal((raised.conversation as Conversation).priority, 'urgent');
      await agentSocket.waitFor(
        (frame) =>
          frame.type === 'conversation.updated' &&
          frame.event === 'handoff.summary_refreshed' &&
          (frame.conversation as Conversation).priority === 'urgent',
        generousMs,
      );
      const summary = await requestJson<{ summary: HandoffSummary }>(
        server.baseUrl,
        'GET',
        `${path}/summary`,
        {
          token: adminToken,
        },
      );
      assert.match(summary.body.summary.lastQuestion ?? '', /12315/);
      assert.equal(summary.body.summary.sentiment.anger, true);
      assert.ok((summary.body.summary.sentiment.latest ?? 0) < 0, 'the mood is no longer steady');

      await shopper.say('好的我再等等');
      await agentSocket.waitFor(
        (frame) =>
          frame.type === 'conversation.updated' &&
          frame.event === 'handoff.summary_refreshed' &&
          agentSocket.frames.filter((seen) => seen.event === 'handoff.summary_refreshed').length >= 2,
        generousMs,
      );
      const calmer = await requestJson<{ summary: HandoffSummary }>(
        server.baseUrl,
        'GET',
        `${path}/summary`,
        {
          token: adminToken,
        },
      );
      assert.equal(calmer.body.summary.lastQuestion, '好的我再等等');
      assert.equal(calmer.body.summary.priority, 'urgent', 'never lowered behind the agent’s back');
    });
  });
}
