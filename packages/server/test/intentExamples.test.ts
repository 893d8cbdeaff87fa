// A shop's own intent examples through the admin API, stored in the database: listed per intent, added,
// edited (text or intent), removed; a shopper message the bot missed is added with its message id; unknown
// intents, duplicates and empty text are refused and change nothing; only bot:manage may use it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { requestJson } from './helpers/http';
import { knowledgeClient } from './helpers/knowledge';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

interface ExampleBody {
  example: { id: string; intent: string; text: string; source: string; messageId: string | null };
}
interface IntentsBody {
  intents: { id: string; examples: { id: string; text: string; source: string }[] }[];
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`intent examples (${dialect})`, () => {
    let server: TestServer;
    let token: string;
    before(async () => {
      server = await startTestServer({ dialect, seedDemo: false });
      token = await server.loginAdmin();
    });
    after(async () => server.close());

    const call = <Body>(method: string, path: string, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, path, { token, ...(body !== undefined && { body }) });
    const examplesOf = async (intent: string) =>
      (await call<IntentsBody>('GET', '/api/v1/admin/intents')).body.intents.find(
        (entry) => entry.id === intent,
      )?.examples ?? [];

    test('examples are added, edited, moved and removed, and listed under their intent', async () => {
      const listed = await call<IntentsBody>('GET', '/api/v1/admin/intents');
      assert.equal(listed.status, 200);
      assert.ok(listed.body.intents.some((intent) => intent.id === 'urge_shipment'));
      const added = await call<ExampleBody>('POST', '/api/v1/admin/intents/urge_shipment/examples', {
        text: '  咋还不发货  ',
      });
      assert.equal(added.status, 201);
      assert.equal(added.body.example.text, '咋还不发货');
      assert.equal(added.body.example.source, 'merchant');
      assert.deepEqual(
        (await examplesOf('urge_shipment')).map((example) => example.text),
        ['咋还不发货'],
      );

      const id = added.body.example.id;
      const edited = await call<ExampleBody>('PATCH', `/api/v1/admin/intents/examples/${id}`, {
        text: '怎么还不发货呀',
      });
      assert.equal(edited.body.example.text, '怎么还不发货呀');
      const moved = await call<ExampleBody>('PATCH', `/api/v1/admin/intents/examples/${id}`, {
        intent: 'order_tracking',
      });
      assert.equal(moved.body.example.intent, 'order_tracking');
      assert.deepEqual(await examplesOf('urge_shipment'), []);
      assert.equal((await examplesOf('order_tracking')).length, 1);

      assert.equal((await call('DELETE', `/api/v1/admin/intents/examples/${id}`)).status, 204);
      assert.deepEqual(await examplesOf('order_tracking'), []);
      assert.equal((await call('DELETE', `/api/v1/admin/intents/examples/${id}`)).status, 404);
    });

    test('a missed shopper message is added as an example with its message id', async () => {
      const added = await call<ExampleBody>('POST', '/api/v1/admin/intents/invoice/examples', {
        text: '能给我开个票不',
        messageId: 'msg_missed_1',
      });
      assert.equal(added.status, 201);
      assert.equal(added.body.example.source, 'missed_message');
      assert.equal(added.body.example.messageId, 'msg_missed_1');
    });

    test('unknown intents, duplicates and empty text are refused and nothing changes', async () => {
      assert.equal(
        (await call('POST', '/api/v1/admin/intents/no_such_intent/examples', { text: '你好' })).status,
        404,
      );
      assert.equal(
        (await call('POST', '/api/v1/admin/intents/refund/examples', { text: '   ' })).status,
        400,
      );
      assert.equal(
        (await call('POST', '/api/v1/admin/intents/refund/examples', { text: '退钱' })).status,
        201,
      );
      assert.equal(
        (await call('POST', '/api/v1/admin/intents/refund/examples', { text: '退钱' })).status,
        409,
      );
      const other = await call<ExampleBody>('POST', '/api/v1/admin/intents/refund/examples', {
        text: '钱退我',
      });
      const clash = await call('PATCH', `/api/v1/admin/intents/examples/${other.body.example.id}`, {
        text: '退钱',
      });
      assert.equal(clash.status, 409);
      assert.deepEqual(
        (await examplesOf('refund')).map((example) => example.text).sort(),
        ['退钱', '钱退我'].sort(),
      );
    });

    test('agents and supervisors may not change intent examples', async () => {
      const knowledge = knowledgeClient(server);
      for (const role of ['agent', 'supervisor'] as const) {
        const account = await knowledge.createAgent(token, role);
        const response = await requestJson(server.baseUrl, 'POST', '/api/v1/admin/intents/refund/examples', {
          token: account.token,
          body: { text: '我要退款' },
        });
        assert.equal(response.status, 403);
      }
    });
  });
}
