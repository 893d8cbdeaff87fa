// Retraining the intent model through the admin API, for real (a share of the shipped corpus, so it ends on a
// busy machine): a durable background job with progress, held-out accuracy of the current and new model on the
// same sentences, nothing changes until promotion, a shop example changes what the bot understands once
// promoted, roll back restores the earlier answer, a second training while one runs is refused with 409, and
// messages the bot missed are listed and leave the list once added as an example.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { builtInIntentCorpus } from '../src/modules/intents';
import { requestJson } from './helpers/http';
import { startShopperChat } from './helpers/shopChat';
import type { TestDatabase } from './helpers/testDatabase';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';

interface Version {
  id: string;
  status: string;
  progress: number;
  heldoutSize: number | null;
  accuracyBefore: number | null;
  accuracyAfter: number | null;
  active: boolean;
}
interface ClassifyBody {
  intent: { id: string };
}
interface MissesBody {
  misses: { messageId: string; text: string; intent: string }[];
}

// A made-up verb no shipped sentence has: only the shop's examples can teach it.
const taught = [
  'zorblax plimk',
  '我要zorblax plimk',
  'zorblax plimk please',
  '帮我开zorblax plimk',
  'zorblax plimk在哪',
];
const probe = '能zorblax plimk吗';

for (const target of testDatabaseTargets()) {
  const { dialect } = target;
  describe(`intent training (${dialect})`, () => {
    let server: TestServer;
    let token: string;
    let database: TestDatabase;
    before(async () => {
      database = await target.create();
      server = await startTestServer({
        dialect,
        sharedDatabaseUrl: database.url,
        seedDemo: false,
        intentCorpus: () => builtInIntentCorpus(8),
      });
      token = await server.loginAdmin();
    });
    after(async () => {
      await server.close();
      await database.drop();
    });

    const call = <Body>(method: string, path: string, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, path, { token, ...(body !== undefined && { body }) });
    const understood = async (text: string) =>
      (await call<ClassifyBody>('POST', '/api/v1/admin/intents/classify', { text })).body.intent.id;
    const version = async (id: string) =>
      (await call<{ model: Version }>('GET', `/api/v1/admin/intents/models/${id}`)).body.model;

    test('a shop example is learnt, used only once promoted, and roll back restores the earlier model', async () => {
      const before = await understood(probe);
      assert.notEqual(before, 'invoice');
      for (const text of taught)
        assert.equal((await call('POST', '/api/v1/admin/intents/invoice/examples', { text })).status, 201);

      const [started, second] = await Promise.all([
        call<{ model: Version }>('POST', '/api/v1/admin/intents/models'),
        call<{ error: { code: string } }>('POST', '/api/v1/admin/intents/models'),
      ]);
      const [accepted, refused] = started.status === 202 ? [started, second] : [second, started];
      assert.equal(accepted.status, 202);
      assert.equal(refused.status, 409);
      const modelId = (await call<{ models: Version[] }>('GET', '/api/v1/admin/intents/models')).body
        .models[0]?.id;
      assert.ok(modelId);

      const seen: number[] = [];
      await waitUntil(
        async () => {
          const current = await version(modelId);
          seen.push(current.progress);
          assert.notEqual(current.status, 'failed');
          return current.status === 'ready';
        },
        { timeoutMs: 600_000, intervalMs: 200, description: 'training finished' },
      );
      assert.ok(
        seen.every((percent, index) => percent >= 0 && percent <= 100 && percent >= (seen[index - 1] ?? 0)),
      );
      const trained = await version(modelId);
      assert.equal(trained.progress, 100);
      assert.equal(trained.active, false);
      assert.ok(trained.heldoutSize && trained.heldoutSize > 50);
      for (const accuracy of [trained.accuracyBefore, trained.accuracyAfter])
        assert.ok(accuracy !== null && accuracy > 0.3 && accuracy <= 1, `accuracy ${accuracy}`);
      assert.equal(await understood(probe), before, 'not used before promotion');

      const promoted = await call<{ model: Version }>(
        'POST',
        `/api/v1/admin/intents/models/${modelId}/promote`,
      );
      assert.equal(promoted.status, 200);
      assert.equal(promoted.body.model.active, true);
      assert.equal(await understood(probe), 'invoice');
      const listed = await call<{ activeModelId: string | null }>('GET', '/api/v1/admin/intents/models');
      assert.equal(listed.body.activeModelId, modelId);

      const rolledBack = await call<{ activeModelId: string | null }>(
        'POST',
        '/api/v1/admin/intents/models/roll-back',
      );
      assert.equal(rolledBack.status, 200);
      assert.equal(rolledBack.body.activeModelId, null);
      assert.equal(await understood(probe), before);
      assert.equal((await call('POST', '/api/v1/admin/intents/models/roll-back')).status, 409);

      // Another process of the deployment, started after the promotion, uses the promoted version.
      assert.equal((await call('POST', `/api/v1/admin/intents/models/${modelId}/promote`)).status, 200);
      const other = await startTestServer({ dialect, sharedDatabaseUrl: database.url, seedDemo: false });
      try {
        const otherToken = await other.loginAdmin();
        const classified = await requestJson<ClassifyBody>(
          other.baseUrl,
          'POST',
          '/api/v1/admin/intents/classify',
          {
            token: otherToken,
            body: { text: probe },
          },
        );
        assert.equal(classified.body.intent.id, 'invoice');
      } finally {
        await other.close();
      }
    });

    test('messages the bot missed are listed and leave the list once added as an example', async () => {
      const shopper = await startShopperChat(server.baseUrl);
      const sent = await shopper.say('qwzx plorb vemt');
      const messageId = sent.response.message.id;
      const misses = (await call<MissesBody>('GET', '/api/v1/admin/intents/misses')).body.misses;
      const missed = misses.find((miss) => miss.messageId === messageId);
      assert.ok(missed, 'the missed message is listed');
      assert.equal(missed.text, 'qwzx plorb vemt');
      const added = await call('POST', '/api/v1/admin/intents/feedback/examples', {
        text: missed.text,
        messageId,
      });
      assert.equal(added.status, 201);
      const after = (await call<MissesBody>('GET', '/api/v1/admin/intents/misses')).body.misses;
      assert.ok(!after.some((miss) => miss.messageId === messageId));
    });

    test('promoting an unknown version is a 404; the routes need bot:manage', async () => {
      assert.equal((await call('POST', '/api/v1/admin/intents/models/imd_nothing/promote')).status, 404);
      const anonymous = await requestJson(server.baseUrl, 'GET', '/api/v1/admin/intents/misses');
      assert.equal(anonymous.status, 401);
    });
  });
}
