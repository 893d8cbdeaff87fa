// Finding 5 of the security probe: an agent of team 1 read, and took over, a conversation transferred to
// team 2, and any agent could read any customer. Teams now limit what a plain agent sees and may act on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Conversation, VisitorSessionResponse } from '@kefu/sdk';
import { RecordingSocket, messageWithText, requestJson, toWebSocketUrl } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

for (const { dialect } of testDatabaseTargets()) {
  describe(`teams limit what an agent sees (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    const sockets: RecordingSocket[] = [];
    before(async () => {
      server = await startTestServer({ dialect, seedDemo: false });
      adminToken = await server.loginAdmin();
      const routing = await call<{ settings: Record<string, unknown> }>(
        'GET',
        '/api/v1/admin/routing/settings',
        adminToken,
      );
      // Manual mode: a transferred conversation waits for its team instead of being pushed to someone.
      await call('PUT', '/api/v1/admin/routing/settings', adminToken, {
        ...routing.body.settings,
        mode: 'manual',
      });
    });
    after(async () => {
      for (const socket of sockets) socket.close();
      await server.close();
    });

    const call = <Body>(method: string, path: string, token: string, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, path, { token, body });
    let agentCount = 0;
    const createAgent = async () => {
      agentCount += 1;
      const email = `team-${agentCount}@kefu.test`;
      const created = await call<{ agent: { id: string } }>('POST', '/api/v1/admin/agents', adminToken, {
        email,
        displayName: `Agent ${agentCount}`,
        password: 'password-123',
        role: 'agent',
      });
      assert.equal(created.status, 201);
      const token = await server.login(email, 'password-123');
      assert.equal((await call('PUT', '/api/v1/agent/presence', token, { presence: 'online' })).status, 200);
      return { id: created.body.agent.id, token };
    };
    const createTeam = async (name: string, memberIds: string[]) => {
      const team = await call<{ team: { id: string } }>('POST', '/api/v1/admin/teams', adminToken, {
        name,
        memberIds,
      });
      assert.equal(team.status, 201);
      return team.body.team.id;
    };
    const startShopper = async (text: string) => {
      const session = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        {
          body: {},
        },
      );
      await say(session.body.token, text);
      return session.body;
    };
    const say = async (token: string, text: string) => {
      const sent = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
        token,
        body: { text },
      });
      assert.equal(sent.status, 201);
    };
    const connectAgent = async (token: string) => {
      const socket = await RecordingSocket.connect(
        toWebSocketUrl(server.baseUrl, `/api/v1/agent/ws?token=${token}`),
      );
      sockets.push(socket);
      await socket.waitFor((frame) => frame.type === 'ready');
      return socket;
    };

    test('an agent of team 1 cannot read, list, take over or follow a conversation transferred to team 2', async () => {
      const teamOneAgent = await createAgent();
      const teamTwoAgent = await createAgent();
      await createTeam('售前组', [teamOneAgent.id]);
      const teamTwo = await createTeam('售后组', [teamTwoAgent.id]);
      const shopper = await startShopper('地址是北京市朝阳区某某路 1 号，电话 13700000001');
      assert.equal(
        (await call('POST', `/api/v1/agent/conversations/${shopper.conversationId}/takeover`, adminToken))
          .status,
        200,
      );
      const transferred = await call<{ conversation: Conversation }>(
        'POST',
        `/api/v1/agent/conversations/${shopper.conversationId}/transfer`,
        adminToken,
        { toTeamId: teamTwo },
      );
      assert.equal(transferred.status, 200);
      assert.equal(transferred.body.conversation.teamId, teamTwo);
      assert.equal(transferred.body.conversation.assigneeId, null);

      const conversationPath = `/api/v1/agent/conversations/${shopper.conversationId}`;
      assert.equal((await call('GET', conversationPath, teamOneAgent.token)).status, 404);
      assert.equal((await call('GET', `${conversationPath}/messages`, teamOneAgent.token)).status, 404);
      assert.equal((await call('GET', `${conversationPath}/summary`, teamOneAgent.token)).status, 404);
      assert.equal((await call('POST', `${conversationPath}/takeover`, teamOneAgent.token)).status, 404);
      assert.equal(
        (await call('POST', `${conversationPath}/messages`, teamOneAgent.token, { text: '您好' })).status,
        404,
      );
      assert.equal(
        (await call('GET', `/api/v1/agent/customers/${shopper.customerId}`, teamOneAgent.token)).status,
        404,
      );
      const listed = await call<{ conversations: Conversation[] }>(
        'GET',
        '/api/v1/agent/conversations?status=queued',
        teamOneAgent.token,
      );
      assert.equal(listed.status, 200);
      assert.ok(
        !listed.body.conversations.some((conversation) => conversation.id === shopper.conversationId),
      );
      const pulled = await call('POST', '/api/v1/agent/queue/pull', teamOneAgent.token);
      assert.notEqual(pulled.status, 200, 'the team-2 conversation is not pulled by team 1');

      const teamOneSocket = await connectAgent(teamOneAgent.token);
      const teamTwoSocket = await connectAgent(teamTwoAgent.token);
      await say(shopper.token, '还在吗？我的订单 13700000001');
      await teamTwoSocket.waitFor(messageWithText('还在吗？我的订单 13700000001'));
      const unscoped = await startShopper('没有转接的问题');
      await teamOneSocket.waitFor(messageWithText('没有转接的问题'));
      assert.ok(
        !teamOneSocket.frames.some(messageWithText('还在吗？我的订单 13700000001')),
        'frames arrive in order: the later, visible message came, the earlier team-2 one never did',
      );
      assert.equal(
        (await call('GET', `/api/v1/agent/customers/${unscoped.customerId}`, teamOneAgent.token)).status,
        200,
      );

      assert.equal((await call('GET', conversationPath, teamTwoAgent.token)).status, 200);
      assert.equal(
        (await call('GET', `/api/v1/agent/customers/${shopper.customerId}`, teamTwoAgent.token)).status,
        200,
      );
      const takenOver = await call<{ conversation: Conversation }>(
        'POST',
        `${conversationPath}/takeover`,
        teamTwoAgent.token,
      );
      assert.equal(takenOver.status, 200);
      assert.equal(takenOver.body.conversation.assigneeId, teamTwoAgent.id);
    });

    test('an agent going offline gives a team conversation back to the same team, not to everyone', async () => {
      const outsider = await createAgent();
      const member = await createAgent();
      const team = await createTeam('VIP 组', [member.id]);
      const shopper = await startShopper('我要找人工');
      await call('POST', `/api/v1/agent/conversations/${shopper.conversationId}/takeover`, adminToken);
      await call('POST', `/api/v1/agent/conversations/${shopper.conversationId}/transfer`, adminToken, {
        toTeamId: team,
      });
      const taken = await call(
        'POST',
        `/api/v1/agent/conversations/${shopper.conversationId}/takeover`,
        member.token,
      );
      assert.equal(taken.status, 200);
      assert.equal(
        (await call('PUT', '/api/v1/agent/presence', member.token, { presence: 'offline' })).status,
        200,
      );
      const after = await call<{ conversation: Conversation }>(
        'GET',
        `/api/v1/agent/conversations/${shopper.conversationId}`,
        adminToken,
      );
      assert.equal(after.body.conversation.status, 'queued');
      assert.equal(after.body.conversation.teamId, team);
      assert.equal(
        (await call('GET', `/api/v1/agent/conversations/${shopper.conversationId}`, outsider.token)).status,
        404,
      );
    });

    test('tickets of another team are neither listed nor readable', async () => {
      const teamOneAgent = await createAgent();
      const teamTwoAgent = await createAgent();
      await createTeam('物流组', [teamOneAgent.id]);
      const teamTwo = await createTeam('财务组', [teamTwoAgent.id]);
      const created = await call<{ ticket: { id: string } }>('POST', '/api/v1/agent/tickets', adminToken, {
        subject: '发票抬头错误',
        description: '客户要求重开发票',
        teamId: teamTwo,
      });
      assert.equal(created.status, 201);
      const ticketPath = `/api/v1/agent/tickets/${created.body.ticket.id}`;
      assert.equal((await call('GET', ticketPath, teamOneAgent.token)).status, 404);
      const listed = await call<{ tickets: { id: string }[] }>(
        'GET',
        '/api/v1/agent/tickets',
        teamOneAgent.token,
      );
      assert.ok(!listed.body.tickets.some((ticket) => ticket.id === created.body.ticket.id));
      assert.equal((await call('GET', ticketPath, teamTwoAgent.token)).status, 200);
      const teamTwoList = await call<{ tickets: { id: string }[] }>(
        'GET',
        '/api/v1/agent/tickets',
        teamTwoAgent.token,
      );
      assert.ok(teamTwoList.body.tickets.some((ticket) => ticket.id === created.body.ticket.id));
    });
  });
}
