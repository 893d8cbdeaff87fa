import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../src/config';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { requestJson } from './helpers/http';

describe('configuration', () => {
  test('defaults: port 3000, SQLite in the data dir, a secret key generated once and kept', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kefu-config-'));
    const config = loadConfig({ KEFU_DATA_DIR: dataDir });
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, `sqlite:${path.join(dataDir, 'kefu.sqlite')}`);
    assert.equal(config.redisUrl, null);
    assert.ok(existsSync(path.join(dataDir, 'secret.key')));
    assert.equal(readFileSync(path.join(dataDir, 'secret.key'), 'utf8').trim(), config.secretKey);
    assert.equal(loadConfig({ KEFU_DATA_DIR: dataDir }).secretKey, config.secretKey);
  });

  test('invalid values fail at boot with a message naming the variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty' }),
      (error: unknown) => error instanceof ConfigError && /PORT/.test(error.message),
    );
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ KEFU_SECRET_KEY: 'short' }), /KEFU_SECRET_KEY/);
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kefu-config-'));
    const mail = { KEFU_DATA_DIR: dataDir, KEFU_ALERT_SMTP_URL: 'smtp://127.0.0.1:2525' };
    assert.throws(() => loadConfig({ ...mail, KEFU_ALERT_SMTP_URL: 'http://relay' }), /KEFU_ALERT_SMTP_URL/);
    assert.throws(() => loadConfig(mail), /KEFU_ALERT_EMAIL_FROM and KEFU_ALERT_EMAIL_TO/);
    const from = { ...mail, KEFU_ALERT_EMAIL_FROM: 'alerts@shop.example.com' };
    assert.throws(() => loadConfig({ ...from, KEFU_ALERT_EMAIL_TO: 'lead, x@y' }), /KEFU_ALERT_EMAIL_TO/);
    assert.deepEqual(
      loadConfig({ ...from, KEFU_ALERT_EMAIL_TO: 'a@shop.example.com, b@shop.example.com' }).alertEmail,
      {
        smtpUrl: 'smtp://127.0.0.1:2525',
        from: 'alerts@shop.example.com',
        to: ['a@shop.example.com', 'b@shop.example.com'],
      },
    );
    assert.equal(loadConfig({ KEFU_DATA_DIR: dataDir }).alertEmail, null);
  });
});

describe('operations endpoints', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ seedDemo: false });
  });
  after(async () => server.close());

  test('health, readiness and Prometheus metrics', async () => {
    assert.deepEqual((await requestJson(server.baseUrl, 'GET', '/healthz')).body, { status: 'ok' });
    assert.deepEqual((await requestJson(server.baseUrl, 'GET', '/readyz')).body, {
      status: 'ready',
      database: 'sqlite',
      databaseReachable: true,
      jobs: { kind: 'database', reachable: true, dead: 0 },
    });
    await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/sessions', { body: {} });
    const metrics = await fetch(`${server.baseUrl}/metrics`);
    assert.equal(metrics.status, 200);
    const text = await metrics.text();
    assert.match(
      text,
      /kefu_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/visitor\/sessions",status="201"\}/,
    );
    assert.match(text, /kefu_realtime_connections\{kind="visitor"\} 0/);
  });

  test('OpenAPI document and docs UI', async () => {
    const document = await requestJson<{ openapi: string; paths: Record<string, unknown> }>(
      server.baseUrl,
      'GET',
      '/api/openapi.json',
    );
    assert.equal(document.status, 200);
    assert.match(document.body.openapi, /^3\./);
    for (const route of [
      '/api/v1/visitor/sessions',
      '/api/v1/visitor/messages',
      '/api/v1/auth/login',
      '/api/v1/agent/conversations/{id}/takeover',
    ]) {
      assert.ok(route in document.body.paths, `${route} missing from OpenAPI`);
    }
    const docs = await fetch(`${server.baseUrl}/api/docs`);
    assert.equal(docs.status, 200);
    assert.match(await docs.text(), /swagger/i);
  });

  test('every agent and admin route refuses a request without a token before looking at its input', async () => {
    const document = await requestJson<{ paths: Record<string, Record<string, unknown>> }>(
      server.baseUrl,
      'GET',
      '/api/openapi.json',
    );
    let checked = 0;
    for (const [route, methods] of Object.entries(document.body.paths)) {
      if (!/^\/api\/v1\/(agent|admin)\//.test(route)) continue;
      for (const method of Object.keys(methods)) {
        const path = route.replace(/\{[^}]+\}/g, 'x_1');
        const response = await requestJson(
          server.baseUrl,
          method.toUpperCase(),
          path,
          method === 'get' ? {} : { rawBody: '{"not":"valid"' },
        );
        assert.equal(response.status, 401, `${method.toUpperCase()} ${path}`);
        checked += 1;
      }
    }
    assert.ok(checked > 40, `only ${checked} routes checked`);
  });

  test('unknown routes get a JSON 404', async () => {
    const response = await requestJson(server.baseUrl, 'GET', '/api/v1/nothing-here');
    assert.equal(response.status, 404);
    assert.equal(response.body.error.code, 'not_found');
  });
});

describe('cross-origin widget', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      seedDemo: false,
      environment: { KEFU_WIDGET_ORIGINS: 'https://shop.example.com' },
    });
  });
  after(async () => server.close());

  test('the visitor API answers the merchant site’s preflight; agent APIs and other sites get no CORS', async () => {
    const preflight = (path: string, origin: string) =>
      fetch(`${server.baseUrl}${path}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight('/api/v1/visitor/messages', 'https://shop.example.com');
    assert.equal(allowed.status, 204);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example.com');
    assert.match(allowed.headers.get('access-control-allow-headers') ?? '', /authorization/);
    const otherSite = await preflight('/api/v1/visitor/messages', 'https://evil.example.net');
    assert.equal(otherSite.headers.get('access-control-allow-origin'), null);
    const agentApi = await preflight('/api/v1/agent/conversations', 'https://shop.example.com');
    assert.equal(agentApi.headers.get('access-control-allow-origin'), null);
  });
});
