// Finding 3 of the security probe: no security headers, no `no-store` on the API and CORS `*` on the visitor
// API. Pages are checked in Chromium (console and widget browser suites); here the API and CORS.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { requestJson } from './helpers/http';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

describe('security headers and widget origins', () => {
  let server: TestServer;
  let adminToken: string;
  before(async () => {
    server = await startTestServer({ seedDemo: false, environment: { KEFU_TRUST_PROXY: 'true' } });
    adminToken = await server.loginAdmin();
  });
  after(async () => server.close());

  const preflight = (origin: string) =>
    fetch(`${server.baseUrl}/api/v1/visitor/messages`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });

  test('API answers are never cached, cannot be framed or sniffed, and send no Referer', async () => {
    for (const path of ['/api/v1/auth/me', '/api/v1/visitor/sessions', '/api/v1/nothing-here']) {
      const response = await fetch(`${server.baseUrl}${path}`, {
        method: path.includes('sessions') ? 'POST' : 'GET',
      });
      assert.equal(response.headers.get('cache-control'), 'no-store', path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
      assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, path);
      assert.equal(
        response.headers.get('strict-transport-security'),
        null,
        `${path}: plain HTTP gets no HSTS`,
      );
    }
  });

  test('HSTS only when the request came over TLS (here as the trusted proxy reports it)', async () => {
    const overTls = await fetch(`${server.baseUrl}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(overTls.headers.get('strict-transport-security'), 'max-age=31536000; includeSubDomains');
    const plain = await fetch(`${server.baseUrl}/healthz`);
    assert.equal(plain.headers.get('strict-transport-security'), null);
  });

  test('no site may call the visitor API from the browser until an admin adds it; the change is audited', async () => {
    const shop = 'https://shop.example.com';
    assert.equal(
      (await preflight(shop)).headers.get('access-control-allow-origin'),
      null,
      'no CORS * any more',
    );
    const invalid = await requestJson(server.baseUrl, 'PUT', '/api/v1/admin/widget/origins', {
      token: adminToken,
      body: { added: ['javascript:alert(1)'] },
    });
    assert.equal(invalid.status, 400);
    const saved = await requestJson<{ configured: string[]; added: string[] }>(
      server.baseUrl,
      'PUT',
      '/api/v1/admin/widget/origins',
      { token: adminToken, body: { added: ['https://Shop.Example.com/'] } },
    );
    assert.equal(saved.status, 200);
    assert.deepEqual(saved.body, { configured: [], added: [shop] });
    const allowed = await preflight(shop);
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), shop);
    assert.equal(allowed.headers.get('access-control-allow-credentials'), null);
    assert.equal(
      (await preflight('https://evil.example.net')).headers.get('access-control-allow-origin'),
      null,
    );
    const audit = await server.kefu.services.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'settings.widget_origins_changed')
      .execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(JSON.parse(audit[0]?.data ?? '{}'), { before: [], after: [shop] });
  });

  test('agents who may not manage channels cannot change the widget origins', async () => {
    await requestJson(server.baseUrl, 'POST', '/api/v1/admin/agents', {
      token: adminToken,
      body: { email: 'sup@kefu.test', displayName: '主管', password: 'password-123', role: 'supervisor' },
    });
    const supervisorToken = await server.login('sup@kefu.test', 'password-123');
    const refused = await requestJson(server.baseUrl, 'PUT', '/api/v1/admin/widget/origins', {
      token: supervisorToken,
      body: { added: ['https://evil.example.net'] },
    });
    assert.equal(refused.status, 403);
  });
});
