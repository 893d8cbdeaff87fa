import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { VisitorSessionResponse } from '@kefu/sdk';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { testDatabaseTargets } from './helpers/testDatabase';
import { RecordingSocket, messageWithText, requestJson, toWebSocketUrl } from './helpers/http';

for (const { dialect } of testDatabaseTargets()) {
  describe(`realtime WebSockets (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    const sockets: RecordingSocket[] = [];
    before(async () => {
      server = await startTestServer({ dialect });
      adminToken = await server.loginAdmin();
    });
    after(async () => {
      for (const socket of sockets) socket.close();
      await server.close();
    });
    const connect = async (path: string) => {
      const socket = await RecordingSocket.connect(toWebSocketUrl(server.baseUrl, path));
      sockets.push(socket);
      return socket;
    };

    test('shopper → agent console and agent → widget, live, with private notes kept from the shopper', async () => {
      const agentSocket = await connect(`/api/v1/agent/ws?token=${adminToken}`);
      await agentSocket.waitFor((frame) => frame.type === 'ready');
      const session = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        { body: {} },
      );
      const visitorSocket = await connect(`/api/v1/visitor/ws?token=${session.body.token}`);

      await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
        token: session.body.token,
        body: { text: '我的快递到哪了' },
      });
      const arrived = await agentSocket.waitFor(messageWithText('我的快递到哪了'));
      assert.equal((arrived.conversation as { id: string }).id, session.body.conversationId);
      const understood = (arrived.message as { analysis: { intent: { id: string } } }).analysis;
      assert.equal(understood.intent.id, 'order_tracking', 'agents see what the bot understood');
      const ownCopy = await visitorSocket.waitFor(messageWithText('我的快递到哪了'));
      assert.ok(!('analysis' in (ownCopy.message as object)), 'the shopper never receives the analysis');
      await visitorSocket.waitFor(
        (frame) => frame.type === 'message.created' && (frame.message as { sender: string }).sender === 'bot',
      );

      const path = `/api/v1/agent/conversations/${session.body.conversationId}`;
      await requestJson(server.baseUrl, 'POST', `${path}/takeover`, { token: adminToken });
      await visitorSocket.waitFor(
        (frame) => frame.type === 'conversation.updated' && frame.status === 'assigned',
      );
      await agentSocket.waitFor(
        (frame) => frame.type === 'conversation.updated' && frame.event === 'conversation.assigned',
      );

      await requestJson(server.baseUrl, 'POST', `${path}/messages`, {
        token: adminToken,
        body: { text: 'internal: check SF', private: true },
      });
      await requestJson(server.baseUrl, 'POST', `${path}/messages`, {
        token: adminToken,
        body: { text: '帮您查一下，请稍等' },
      });
      await visitorSocket.waitFor(messageWithText('帮您查一下，请稍等'));
      await agentSocket.waitFor(messageWithText('internal: check SF'));
      assert.ok(
        !visitorSocket.frames.some(messageWithText('internal: check SF')),
        'a private note reached the shopper',
      );
    });

    test('typing is relayed both ways', async () => {
      const agentSocket = await connect(`/api/v1/agent/ws?token=${adminToken}`);
      await agentSocket.waitFor((frame) => frame.type === 'ready');
      const session = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        { body: {} },
      );
      const visitorSocket = await connect(`/api/v1/visitor/ws?token=${session.body.token}`);
      visitorSocket.send({ type: 'typing', isTyping: true });
      const typing = await agentSocket.waitFor(
        (frame) => frame.type === 'typing' && frame.conversationId === session.body.conversationId,
      );
      assert.equal(typing.isTyping, true);
      agentSocket.send({ type: 'typing', conversationId: session.body.conversationId, isTyping: true });
      await visitorSocket.waitFor((frame) => frame.type === 'typing' && frame.sender === 'agent');
    });

    test('a plain agent does not receive conversations held by another agent', async () => {
      await requestJson(server.baseUrl, 'POST', '/api/v1/admin/agents', {
        token: adminToken,
        body: { email: 'ws-agent@kefu.test', displayName: 'WS', password: 'password-123', role: 'agent' },
      });
      const agentToken = await server.login('ws-agent@kefu.test', 'password-123');
      const agentSocket = await connect(`/api/v1/agent/ws?token=${agentToken}`);
      await agentSocket.waitFor((frame) => frame.type === 'ready');
      const session = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        { body: {} },
      );
      await requestJson(
        server.baseUrl,
        'POST',
        `/api/v1/agent/conversations/${session.body.conversationId}/takeover`,
        { token: adminToken },
      );
      await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
        token: session.body.token,
        body: { text: 'secret order question' },
      });
      const adminSocket = await connect(`/api/v1/agent/ws?token=${adminToken}`);
      await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
        token: session.body.token,
        body: { text: 'second question' },
      });
      await adminSocket.waitFor(messageWithText('second question'));
      assert.ok(!agentSocket.frames.some(messageWithText('second question')));
      assert.ok(!agentSocket.frames.some(messageWithText('secret order question')));
    });

    test('a WebSocket without a valid token is refused', async () => {
      await assert.rejects(
        RecordingSocket.connect(toWebSocketUrl(server.baseUrl, '/api/v1/agent/ws?token=wrong')),
        /401/,
      );
      await assert.rejects(
        RecordingSocket.connect(toWebSocketUrl(server.baseUrl, '/api/v1/visitor/ws?token=wrong')),
        /401/,
      );
      await assert.rejects(
        RecordingSocket.connect(toWebSocketUrl(server.baseUrl, '/api/v1/agent/ws')),
        /40[01]/,
      );
    });
  });
}
