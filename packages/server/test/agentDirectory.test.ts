// The agent directory: every signed-in agent may list colleagues and teams to transfer to, without e-mails.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { requestJson } from './helpers/http';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { testDatabaseTargets } from './helpers/testDatabase';

interface Directory {
  agents: { id: string; displayName: string; role: string; presence: string; email?: string }[];
  teams: { id: string; name: string; memberIds: string[] }[];
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`agent directory (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ dialect });
    });
    after(async () => server.close());

    test('a plain agent lists colleagues with presence and teams, but no e-mail addresses', async () => {
      const adminToken = await server.loginAdmin();
      const created = await requestJson<{ agent: { id: string } }>(
        server.baseUrl,
        'POST',
        '/api/v1/admin/agents',
        {
          token: adminToken,
          body: { email: 'lin@kefu.test', displayName: '林晓', password: 'password-123', role: 'agent' },
        },
      );
      assert.equal(created.status, 201);
      const team = await requestJson<{ team: { id: string } }>(
        server.baseUrl,
        'POST',
        '/api/v1/admin/teams',
        {
          token: adminToken,
          body: { name: '售后组', memberIds: [created.body.agent.id] },
        },
      );
      assert.equal(team.status, 201);

      const agentToken = await server.login('lin@kefu.test', 'password-123');
      const directory = await requestJson<Directory>(server.baseUrl, 'GET', '/api/v1/agent/directory', {
        token: agentToken,
      });
      assert.equal(directory.status, 200);
      const lin = directory.body.agents.find((agent) => agent.id === created.body.agent.id);
      assert.deepEqual(lin && { ...lin }, {
        id: created.body.agent.id,
        displayName: '林晓',
        role: 'agent',
        presence: 'offline',
      });
      assert.ok(directory.body.agents.every((agent) => agent.email === undefined));
      assert.deepEqual(directory.body.teams, [
        { id: team.body.team.id, name: '售后组', memberIds: [created.body.agent.id] },
      ]);

      const anonymous = await requestJson(server.baseUrl, 'GET', '/api/v1/agent/directory', {});
      assert.equal(anonymous.status, 401);
    });
  });
}
