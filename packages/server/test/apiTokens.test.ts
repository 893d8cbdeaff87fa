// API tokens for integrations: created with a subset of the creator's permissions, the secret shown once and
// stored only as a hash, requests acting with exactly the token's scopes, revocation, expiry, a per-token
// request limit, and an audit entry for every request made with a token.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../src/clock';
import { requestJson } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';

interface TokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  lastUsedAt: string | null;
  revokedAt: string | null;
}
interface Created {
  token: TokenView;
  secret: string;
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`API tokens (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    const clock = new ManualClock('2026-03-02T08:00:00.000Z');
    before(async () => {
      server = await startTestServer({ dialect, seedDemo: false, clock });
      adminToken = await server.loginAdmin();
    });
    after(async () => server.close());

    const call = <Body>(method: string, path: string, token: string, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, path, { token, body });
    const createToken = (body: unknown, token = adminToken) =>
      call<Created>('POST', '/api/v1/admin/api-tokens', token, body);
    const auditOf = (tokenId: string) =>
      server.kefu.services.database.db
        .selectFrom('audit_log')
        .select(['action', 'actor_type', 'actor_id', 'data'])
        .where('target_id', '=', tokenId)
        .orderBy('sequence')
        .execute();

    test('a token acts with exactly its scopes; the secret is shown once and stored only as a hash', async () => {
      const created = await createToken({ name: '订单同步', scopes: ['conversations:read'] });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      const { token, secret } = created.body;
      assert.match(secret, /^kefupat_[0-9a-z]{26}_[A-Za-z0-9_-]{43}$/);
      assert.ok(secret.startsWith(token.prefix));
      const stored = await server.kefu.services.database.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', token.id)
        .executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(stored).includes(secret.slice(token.prefix.length)), 'secret stored');

      assert.equal((await call('GET', '/api/v1/agent/conversations', secret)).status, 200);
      const refused = await call<{ error: { code: string } }>('GET', '/api/v1/admin/roles', secret);
      assert.equal(refused.status, 403);
      assert.equal((await call('GET', '/api/v1/admin/api-tokens', secret)).status, 403);
      assert.equal((await createToken({ name: 'escalate', scopes: [] }, secret)).status, 403);
      const ownProfile = await call<{ error: { code: string } }>('GET', '/api/v1/auth/me', secret);
      assert.equal(ownProfile.status, 403);
      assert.equal(ownProfile.body.error.code, 'api_token_not_allowed');
      assert.equal((await call('GET', '/api/v1/agent/conversations', `${secret.slice(0, -1)}x`)).status, 401);

      const listed = await call<{ tokens: TokenView[] }>('GET', '/api/v1/admin/api-tokens', adminToken);
      const shown = listed.body.tokens.find((candidate) => candidate.id === token.id);
      assert.equal(shown?.lastUsedAt, clock.now().toISOString());
      assert.ok(!JSON.stringify(listed.body).includes(secret), 'the list shows the secret');

      // Every request with the token is in the audit log, refused ones included.
      await waitUntil(async () => (await auditOf(token.id)).length >= 6, {
        description: 'token uses audited',
      });
      const entries = await auditOf(token.id);
      assert.equal(entries[0]?.action, 'api_token.created');
      const uses = entries.filter((entry) => entry.action === 'api_token.used');
      assert.ok(uses.every((entry) => entry.actor_type === 'api_token' && entry.actor_id === token.id));
      const statuses = uses
        .map((entry) => JSON.parse(entry.data))
        .map((data) => `${data.route} ${data.status}`);
      assert.ok(statuses.includes('/api/v1/agent/conversations 200'), statuses.join());
      assert.ok(statuses.includes('/api/v1/admin/roles 403'), statuses.join());
    });

    test('a token cannot get permissions its creator lacks, nor an expiry in the past', async () => {
      const tokenOfAdmin = await createToken({ name: 'reports', scopes: ['reports:read', 'tokens:manage'] });
      assert.equal(tokenOfAdmin.status, 201);
      // A token scoped to manage tokens may make tokens, but only within its own scopes.
      const wider = await createToken(
        { name: 'wider', scopes: ['customers:export'] },
        tokenOfAdmin.body.secret,
      );
      assert.equal(wider.status, 403);
      assert.equal(
        (await createToken({ name: 'narrower', scopes: ['reports:read'] }, tokenOfAdmin.body.secret)).status,
        201,
      );
      const past = await createToken({ name: 'old', scopes: [], expiresAt: '2020-01-01T00:00:00Z' });
      assert.equal(past.status, 400);
      const unknownScope = await createToken({ name: 'odd', scopes: ['root:everything'] });
      assert.equal(unknownScope.status, 400);
    });

    test('a revoked or expired token is refused at once', async () => {
      const expiring = await createToken({
        name: 'weekly export',
        scopes: ['reports:read'],
        expiresAt: new Date(clock.now().getTime() + 60 * 60_000).toISOString(),
      });
      assert.equal(expiring.status, 201);
      assert.equal((await call('GET', '/api/v1/agent/conversations', expiring.body.secret)).status, 403);
      clock.advance(61 * 60_000);
      assert.equal((await call('GET', '/api/v1/agent/conversations', expiring.body.secret)).status, 401);

      const revocable = await createToken({ name: 'crm', scopes: ['conversations:read'] });
      assert.equal((await call('GET', '/api/v1/agent/conversations', revocable.body.secret)).status, 200);
      const revoked = await call<{ token: TokenView }>(
        'POST',
        `/api/v1/admin/api-tokens/${revocable.body.token.id}/revoke`,
        adminToken,
      );
      assert.equal(revoked.status, 200);
      assert.ok(revoked.body.token.revokedAt);
      assert.equal((await call('GET', '/api/v1/agent/conversations', revocable.body.secret)).status, 401);
      const actions = (await auditOf(revocable.body.token.id)).map((entry) => entry.action);
      assert.ok(actions.includes('api_token.revoked'));
      assert.equal(
        (await call('POST', '/api/v1/admin/api-tokens/tok_unknown/revoke', adminToken)).status,
        404,
      );
    });

    test('a token loses what its creator loses', async () => {
      const created = await call<{ agent: { id: string } }>('POST', '/api/v1/admin/agents', adminToken, {
        email: 'lead@tokens.test',
        displayName: 'Lead',
        password: 'password-123',
        role: 'admin',
      });
      const leadToken = await server.login('lead@tokens.test', 'password-123');
      const token = await createToken(
        { name: 'lead sync', scopes: ['conversations:read', 'audit:read'] },
        leadToken,
      );
      assert.equal(token.status, 201);
      assert.equal((await call('GET', '/api/v1/admin/audit', token.body.secret)).status, 200);
      const demoted = await call('PATCH', `/api/v1/admin/agents/${created.body.agent.id}`, adminToken, {
        role: 'agent',
      });
      assert.equal(demoted.status, 200, JSON.stringify(demoted.body));
      assert.equal((await call('GET', '/api/v1/admin/audit', token.body.secret)).status, 403);
      assert.equal((await call('GET', '/api/v1/agent/conversations', token.body.secret)).status, 200);
    });
  });
}

describe('API token request limit', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seedDemo: false, environment: { KEFU_LIMIT_API_TOKEN_REQUESTS: '3' } });
  });
  after(async () => server.close());

  test('a token past its requests per minute gets 429 with Retry-After; console sessions are not counted', async () => {
    const adminToken = await server.loginAdmin();
    const created = await requestJson<Created>(server.baseUrl, 'POST', '/api/v1/admin/api-tokens', {
      token: adminToken,
      body: { name: 'busy', scopes: ['conversations:read'] },
    });
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) {
      const response = await fetch(`${server.baseUrl}/api/v1/agent/conversations`, {
        headers: { authorization: `Bearer ${created.body.secret}` },
      });
      statuses.push(response.status);
      if (response.status === 429) assert.ok(Number(response.headers.get('retry-after')) > 0);
    }
    assert.deepEqual(statuses, [200, 200, 200, 429]);
    for (let index = 0; index < 4; index += 1) {
      const response = await requestJson(server.baseUrl, 'GET', '/api/v1/agent/conversations', {
        token: adminToken,
      });
      assert.equal(response.status, 200);
    }
  });
});
