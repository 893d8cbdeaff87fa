import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { requestJson } from './helpers/http';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

interface UnderstandBody {
  analysis: {
    lang: string;
    intent: { id: string; confidence: number };
    entities: { type: string; value: string; text: string }[];
    sentiment: { label: string };
  };
  matchedRule: { id: string; name: string; replyZh: string } | null;
}

let server: TestServer;
let adminToken: string;

before(async () => {
  server = await startTestServer();
  adminToken = await server.loginAdmin();
});
after(async () => server.close());

const understand = (text: unknown, token?: string) =>
  requestJson<UnderstandBody>(server.baseUrl, 'POST', '/api/v1/admin/bot/understand', {
    token,
    body: { text },
  });

test('an admin sees what the bot understands of a sentence and which rule answers it', async () => {
  const created = await requestJson<{ rule: { id: string } }>(
    server.baseUrl,
    'POST',
    '/api/v1/admin/bot/rules',
    {
      token: adminToken,
      body: {
        name: 'Invoice',
        matchType: 'contains',
        patterns: ['开发票'],
        replyZh: '可以开具电子发票。',
        replyEn: 'We issue e-invoices.',
        priority: 1,
      },
    },
  );
  assert.equal(created.status, 201);
  const response = await understand('我的订单可以开发票吗？太慢了，很生气', adminToken);
  assert.equal(response.status, 200);
  assert.equal(response.body.analysis.lang.startsWith('zh'), true);
  assert.equal(typeof response.body.analysis.intent.id, 'string');
  assert.equal(response.body.matchedRule?.id, created.body.rule.id);
  assert.equal(response.body.matchedRule?.replyZh, '可以开具电子发票。');

  const unmatched = await understand('qwerty zxcv', adminToken);
  assert.equal(unmatched.status, 200);
  assert.equal(unmatched.body.matchedRule, null);
});

test('the understanding endpoint needs an admin and valid text', async () => {
  assert.equal((await understand('你好')).status, 401);
  assert.equal((await understand('', adminToken)).status, 400);
  const agentCreated = await requestJson(server.baseUrl, 'POST', '/api/v1/admin/agents', {
    token: adminToken,
    body: { email: 'plain@kefu.test', displayName: 'Plain', password: 'password-123', role: 'agent' },
  });
  assert.equal(agentCreated.status, 201);
  const agentToken = await server.login('plain@kefu.test', 'password-123');
  assert.equal((await understand('你好', agentToken)).status, 403);
});
