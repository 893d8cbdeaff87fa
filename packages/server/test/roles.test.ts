// Roles: the built-in admin, supervisor, agent and analyst (read-only reports), custom roles from named
// permissions, role changes and deactivation that take effect at once, and finding 7 of the security probe:
// any agent could export and import the whole knowledge base.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { VisitorSessionResponse } from '@kefu/sdk';
import { RecordingSocket, requestJson, toWebSocketUrl } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

for (const { dialect } of testDatabaseTargets()) {
  describe(`roles and permissions (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    before(async () => {
      server = await startTestServer({ dialect, seedDemo: false });
      adminToken = await server.loginAdmin();
    });
    after(async () => server.close());

    const call = <Body>(method: string, path: string, token: string, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, path, { token, body });
    let accounts = 0;
    const createAccount = async (role: string, customRoleId?: string) => {
      accounts += 1;
      const email = `role-${accounts}@kefu.test`;
      const created = await call<{ agent: { id: string } }>('POST', '/api/v1/admin/agents', adminToken, {
        email,
        displayName: `${role} ${accounts}`,
        password: 'password-123',
        role,
        ...(customRoleId && { customRoleId }),
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return { id: created.body.agent.id, email, token: await server.login(email, 'password-123') };
    };
    const auditActions = async (targetId: string) =>
      (
        await server.kefu.services.database.db
          .selectFrom('audit_log')
          .select('action')
          .where('target_id', '=', targetId)
          // The chain's sequence is the order entries were written; without it PostgreSQL may return any order.
          .orderBy('sequence')
          .execute()
      ).map((row) => row.action);

    test('an analyst reads reports and nothing of conversations, and cannot go online to take them', async () => {
      const analyst = await createAccount('analyst');
      const me = await call<{ agent: { role: string; permissions: string[] } }>(
        'GET',
        '/api/v1/auth/me',
        analyst.token,
      );
      assert.deepEqual(me.body.agent, {
        ...me.body.agent,
        role: 'analyst',
        permissions: ['reports:read', 'reports:read_all'],
      });
      assert.equal((await call('GET', '/api/v1/admin/csat', analyst.token)).status, 200);
      assert.equal((await call('GET', '/api/v1/agent/conversations', analyst.token)).status, 403);
      assert.equal((await call('GET', '/api/v1/agent/tickets', analyst.token)).status, 403);
      assert.equal(
        (await call('PUT', '/api/v1/agent/presence', analyst.token, { presence: 'online' })).status,
        403,
      );
      await assert.rejects(
        RecordingSocket.connect(toWebSocketUrl(server.baseUrl, `/api/v1/agent/ws?token=${analyst.token}`)),
        /403/,
      );
    });

    test('knowledge export and import need a permission plain agents lack; an export is audited', async () => {
      const agent = await createAccount('agent');
      const supervisor = await createAccount('supervisor');
      assert.equal(
        (await call('GET', '/api/v1/admin/knowledge/export?format=json', agent.token)).status,
        403,
      );
      const importBody = { format: 'json', content: '[]' };
      assert.equal(
        (await call('POST', '/api/v1/admin/knowledge/imports', agent.token, importBody)).status,
        403,
      );
      const exported = await call('GET', '/api/v1/admin/knowledge/export?format=json', supervisor.token);
      assert.equal(exported.status, 200);
      const audit = await server.kefu.services.database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_id'])
        .where('action', '=', 'knowledge.exported')
        .execute();
      assert.deepEqual(audit, [{ action: 'knowledge.exported', actor_id: supervisor.id }]);
    });

    test('a custom role grants exactly its permissions, and a change applies at once', async () => {
      const created = await call<{ role: { id: string; permissions: string[] } }>(
        'POST',
        '/api/v1/admin/roles',
        adminToken,
        { name: '质检员', permissions: ['conversations:read_all', 'conversations:read'] },
      );
      assert.equal(created.status, 201);
      assert.deepEqual(created.body.role.permissions, ['conversations:read', 'conversations:read_all']);
      assert.equal(
        (await call('POST', '/api/v1/admin/roles', adminToken, { name: '质检员', permissions: [] })).status,
        409,
      );
      assert.equal(
        (await call('POST', '/api/v1/admin/roles', adminToken, { name: 'x', permissions: ['root'] })).status,
        400,
      );
      const inspector = await createAccount('custom', created.body.role.id);
      const shopper = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        {
          body: {},
        },
      );
      await call('POST', `/api/v1/agent/conversations/${shopper.body.conversationId}/takeover`, adminToken);
      const conversationPath = `/api/v1/agent/conversations/${shopper.body.conversationId}`;
      assert.equal(
        (await call('GET', conversationPath, inspector.token)).status,
        200,
        'reads what an admin holds',
      );
      assert.equal(
        (await call('POST', `${conversationPath}/messages`, inspector.token, { text: '你好' })).status,
        403,
      );

      const narrowed = await call('PUT', `/api/v1/admin/roles/${created.body.role.id}`, adminToken, {
        name: '质检员',
        permissions: ['conversations:read'],
      });
      assert.equal(narrowed.status, 200);
      assert.equal((await call('GET', conversationPath, inspector.token)).status, 404, 'no longer reads all');
      const agent = await createAccount('agent');
      const given = await call<{ agent: { role: string; customRoleId: string } }>(
        'PATCH',
        `/api/v1/admin/agents/${agent.id}`,
        adminToken,
        { role: 'custom', customRoleId: created.body.role.id },
      );
      assert.deepEqual(
        [given.status, given.body.agent.role, given.body.agent.customRoleId],
        [200, 'custom', created.body.role.id],
      );
      assert.equal(
        (await call('DELETE', `/api/v1/admin/roles/${created.body.role.id}`, adminToken)).status,
        409,
      );
      assert.deepEqual(await auditActions(created.body.role.id), ['role.created', 'role.updated']);
    });

    test('a role change ends the sessions and takes the agent offline; a deactivated agent cannot sign in', async () => {
      const agent = await createAccount('agent');
      assert.equal(
        (await call('PUT', '/api/v1/agent/presence', agent.token, { presence: 'online' })).status,
        200,
      );
      const changed = await call<{ agent: { role: string; presence: string } }>(
        'PATCH',
        `/api/v1/admin/agents/${agent.id}`,
        adminToken,
        { role: 'analyst' },
      );
      assert.equal(changed.status, 200);
      assert.equal(changed.body.agent.role, 'analyst');
      assert.equal((await call('GET', '/api/v1/auth/me', agent.token)).status, 401, 'the old session ended');
      const agents = await call<{ agents: { id: string; presence: string }[] }>(
        'GET',
        '/api/v1/admin/agents',
        adminToken,
      );
      assert.equal(agents.body.agents.find((entry) => entry.id === agent.id)?.presence, 'offline');

      await call('PATCH', `/api/v1/admin/agents/${agent.id}`, adminToken, { isActive: false });
      const signIn = await requestJson(server.baseUrl, 'POST', '/api/v1/auth/login', {
        body: { email: agent.email, password: 'password-123' },
      });
      assert.equal(signIn.status, 401);
      assert.deepEqual(await auditActions(agent.id), [
        'agent.created',
        'auth.signed_in',
        'agent.access_changed',
        'agent.access_changed',
        'auth.sign_in_failed',
      ]);
    });

    test('the last active admin keeps the role; only admins manage roles', async () => {
      const me = await call<{ agent: { id: string } }>('GET', '/api/v1/auth/me', adminToken);
      const demoted = await call('PATCH', `/api/v1/admin/agents/${me.body.agent.id}`, adminToken, {
        role: 'agent',
      });
      assert.equal(demoted.status, 409);
      const supervisor = await createAccount('supervisor');
      assert.equal((await call('GET', '/api/v1/admin/roles', supervisor.token)).status, 403);
      assert.equal(
        (await call('PATCH', `/api/v1/admin/agents/${supervisor.id}`, supervisor.token, { role: 'admin' }))
          .status,
        403,
      );
    });
  });
}
