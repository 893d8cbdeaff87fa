import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Conversation, Message, VisitorSessionResponse } from '@kefu/sdk';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { testDatabaseTargets } from './helpers/testDatabase';
import { RecordingSocket, requestJson, toWebSocketUrl } from './helpers/http';
import { waitUntil } from './helpers/waitUntil';

const generousMs = 60_000;

for (const { dialect } of testDatabaseTargets()) {
  describe(`true presence and the "agent joined" notice (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    const sockets: RecordingSocket[] = [];
    before(async () => {
      server = await startTestServer({
        dialect,
        seedDemo: false,
        environment: { KEFU_PRESENCE_GRACE_MS: '300' },
      });
      adminToken = await server.loginAdmin();
    });
    after(async () => {
      for (const socket of sockets) socket.close();
      await server.close();
    });

    const call = <Body>(method: string, path: string, token: string, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, path, { token, body });
    const connect = async (path: string) => {
      const socket = await RecordingSocket.connect(toWebSocketUrl(server.baseUrl, path));
      sockets.push(socket);
      return socket;
    };
    let agentCount = 0;
    const signInAgent = async () => {
      agentCount += 1;
      const email = `presence-${agentCount}@kefu.test`;
      const created = await call<{ agent: { id: string } }>('POST', '/api/v1/admin/agents', adminToken, {
        email,
        displayName: `值班${agentCount}`,
        password: 'password-123',
        role: 'agent',
      });
      assert.equal(created.status, 201);
      const token = await server.login(email, 'password-123');
      const socket = await connect(`/api/v1/agent/ws?token=${token}`);
      await socket.waitFor((frame) => frame.type === 'ready');
      assert.equal((await call('PUT', '/api/v1/agent/presence', token, { presence: 'online' })).status, 200);
      return { id: created.body.agent.id, token, socket };
    };
    const presenceOf = async (agentId: string) => {
      const listed = await call<{ agents: { id: string; presence: string }[] }>(
        'GET',
        '/api/v1/admin/agents',
        adminToken,
      );
      return listed.body.agents.find((agent) => agent.id === agentId)?.presence;
    };
    const handOff = async () => {
      const session = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        { body: {} },
      );
      const visitor = await connect(`/api/v1/visitor/ws?token=${session.body.token}`);
      await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
        token: session.body.token,
        body: { text: '转人工' },
      });
      return { session: session.body, visitor };
    };
    const conversationOf = async (conversationId: string) =>
      (
        await call<{ conversation: Conversation }>(
          'GET',
          `/api/v1/agent/conversations/${conversationId}`,
          adminToken,
        )
      ).body.conversation;
    const isJoinedNotice = (frame: Record<string, unknown>) =>
      frame.type === 'message.created' && /已接入/.test((frame.message as Message).text);

    test('an agent whose console socket closed goes offline after the grace and gets no new assignment', async () => {
      const agent = await signInAgent();
      const first = await handOff();
      await waitUntil(
        async () => (await conversationOf(first.session.conversationId)).assigneeId === agent.id,
        {
          timeoutMs: generousMs,
          description: 'the connected agent receives the handoff',
        },
      );

      agent.socket.close();
      await waitUntil(async () => (await presenceOf(agent.id)) === 'offline', {
        timeoutMs: generousMs,
        description: 'offline after the grace period',
      });
      // Requeueing reacts to the presence change as a job of its own: wait for it, however busy the machine.
      await waitUntil(async () => (await conversationOf(first.session.conversationId)).status === 'queued', {
        timeoutMs: generousMs,
        description: 'what the absent agent held goes back to the queue',
      });
      assert.equal((await conversationOf(first.session.conversationId)).assigneeId, null);

      const second = await handOff();
      await waitUntil(async () => (await conversationOf(second.session.conversationId)).status === 'queued', {
        timeoutMs: generousMs,
        description: 'the new handoff waits in the queue',
      });
      assert.equal((await conversationOf(second.session.conversationId)).assigneeId, null);
    });

    test('the shopper is told a person joined only once the agent opens the conversation', async () => {
      const agent = await signInAgent();
      const { session, visitor } = await handOff();
      await waitUntil(async () => (await conversationOf(session.conversationId)).assigneeId === agent.id, {
        timeoutMs: generousMs,
        description: 'assigned',
      });
      const history = await requestJson<{ messages: Message[] }>(
        server.baseUrl,
        'GET',
        '/api/v1/visitor/messages',
        {
          token: session.token,
        },
      );
      assert.ok(
        !history.body.messages.some((message) => /已接入/.test(message.text)),
        'told before anyone looked',
      );
      assert.ok(!visitor.frames.some(isJoinedNotice));

      const opened = await call(
        'POST',
        `/api/v1/agent/conversations/${session.conversationId}/open`,
        agent.token,
      );
      assert.equal(opened.status, 200);
      const notice = await visitor.waitFor(isJoinedNotice, generousMs);
      assert.match((notice.message as Message).text, new RegExp(`值班${agentCount}`));

      await call('POST', `/api/v1/agent/conversations/${session.conversationId}/open`, agent.token);
      await call('POST', `/api/v1/agent/conversations/${session.conversationId}/messages`, agent.token, {
        text: '您好，我来帮您看看',
      });
      const after = await requestJson<{ messages: Message[] }>(
        server.baseUrl,
        'GET',
        '/api/v1/visitor/messages',
        {
          token: session.token,
        },
      );
      assert.equal(
        after.body.messages.filter((message) => /已接入/.test(message.text)).length,
        1,
        'said once',
      );
    });

    test('answering without opening also tells the shopper; an agent who may not see it cannot open it', async () => {
      const agent = await signInAgent();
      const other = await signInAgent();
      const { session, visitor } = await handOff();
      await waitUntil(async () => (await conversationOf(session.conversationId)).assigneeId !== null, {
        timeoutMs: generousMs,
        description: 'assigned',
      });
      const holder = (await conversationOf(session.conversationId)).assigneeId === agent.id ? agent : other;
      const outsider = holder === agent ? other : agent;
      const refused = await call(
        'POST',
        `/api/v1/agent/conversations/${session.conversationId}/open`,
        outsider.token,
      );
      assert.equal(refused.status, 404);
      assert.ok(!visitor.frames.some(isJoinedNotice));
      await call('POST', `/api/v1/agent/conversations/${session.conversationId}/messages`, holder.token, {
        text: '在的，请讲',
      });
      await visitor.waitFor(isJoinedNotice, generousMs);
    });
  });
}
