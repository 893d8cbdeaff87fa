import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { requestJson } from './helpers/http';
import { startShopperChat } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';
import type { ReceivedWebhook } from './helpers/webhookReceiver';
import { WebhookReceiver } from './helpers/webhookReceiver';

interface SignatureVector {
  secret: string;
  id: string;
  timestamp: number;
  payload: string;
  signature: string;
}

interface WebhookView {
  id: string;
  enabled: boolean;
  pausedAt: string | null;
}

interface DeliveryView {
  id: string;
  eventType: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  statusCode: number | null;
  responseExcerpt: string | null;
}

const vector: SignatureVector = JSON.parse(
  readFileSync(new URL('./fixtures/standardWebhooks/signature-vector.json', import.meta.url), 'utf8'),
);

/**
 * The receiver's side, written from the Standard Webhooks spec (https://www.standardwebhooks.com) with
 * node:crypto alone: HMAC-SHA256 with the base64 key after `whsec_`, over `{id}.{timestamp}.{raw body}`,
 * compared with each space-separated `v1,` signature in constant time.
 */
function verifyStandardWebhook(secret: string, id: string, timestamp: string, body: string, header: string) {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = Buffer.from(
    createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64'),
  );
  return header.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    if (version !== 'v1' || !signature) return false;
    const candidate = Buffer.from(signature);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
}

function headerOf(request: ReceivedWebhook, name: string): string {
  const value = request.headers[name];
  assert.equal(typeof value, 'string', `${name} header`);
  return String(value);
}

function assertSigned(
  request: ReceivedWebhook,
  secret: string,
): { type: string; data: Record<string, unknown> } {
  const id = headerOf(request, 'webhook-id');
  const timestamp = headerOf(request, 'webhook-timestamp');
  assert.match(timestamp, /^\d{10}$/);
  assert.ok(Math.abs(Number(timestamp) - Date.now() / 1000) < 300, 'timestamp near now');
  assert.ok(
    verifyStandardWebhook(secret, id, timestamp, request.rawBody, headerOf(request, 'webhook-signature')),
  );
  assert.ok(
    !verifyStandardWebhook(
      secret,
      id,
      timestamp,
      `${request.rawBody} `,
      headerOf(request, 'webhook-signature'),
    ),
  );
  return JSON.parse(request.rawBody);
}

test('the independent verifier accepts the Standard Webhooks test vector and nothing else', () => {
  const { secret, id, timestamp, payload, signature } = vector;
  assert.ok(verifyStandardWebhook(secret, id, String(timestamp), payload, signature));
  assert.ok(verifyStandardWebhook(secret, id, String(timestamp), payload, `v1,bm9wZQ== ${signature}`));
  assert.ok(!verifyStandardWebhook(secret, id, String(timestamp + 1), payload, signature));
  assert.ok(!verifyStandardWebhook(secret, id, String(timestamp), `${payload} `, signature));
});

for (const { dialect } of testDatabaseTargets()) {
  describe(`outbound webhooks to a loopback CRM (${dialect})`, () => {
    const receiver = new WebhookReceiver();
    const logLines: string[] = [];
    let server: TestServer;
    let token: string;
    before(async () => {
      await receiver.start();
      server = await startTestServer({
        dialect,
        logLines,
        environment: {
          KEFU_WEBHOOK_RETRY_BASE_MS: '300',
          KEFU_WEBHOOK_MAX_ATTEMPTS: '3',
          KEFU_WEBHOOK_PAUSE_AFTER: '3',
        },
        jobOptions: { pollIntervalMs: 20 },
      });
      token = await server.loginAdmin();
    });
    after(async () => {
      await server.close();
      await receiver.close();
    });

    const api = <Body>(method: string, path: string, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, `/api/v1/admin/webhooks${path}`, {
        token,
        ...(body !== undefined && { body }),
      });
    const createWebhook = async (path: string, events: string[], enabled = true) => {
      const created = await api<{ webhook: WebhookView; secret: string }>('POST', '', {
        name: `CRM ${path}`,
        url: receiver.url(path),
        events,
        enabled,
        allowPrivateNetwork: true,
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body;
    };
    const deliveriesOf = async (webhookId: string) => {
      const log = await api<{ deliveries: DeliveryView[] }>('GET', `/${webhookId}/deliveries`);
      assert.equal(log.status, 200);
      return log.body.deliveries;
    };
    const waitForDelivery = async (webhookId: string, status: DeliveryView['status'], count = 1) => {
      let found: DeliveryView[] = [];
      await waitUntil(
        async () => {
          found = (await deliveriesOf(webhookId)).filter((delivery) => delivery.status === status);
          return found.length >= count;
        },
        { timeoutMs: 30_000, description: `${count} ${status} deliveries of ${webhookId}` },
      );
      return found;
    };

    test('targets on private networks, plain http elsewhere and bad URLs are refused', async () => {
      for (const [url, allowPrivateNetwork] of [
        [receiver.url('/x'), false],
        ['https://10.1.2.3/hook', false],
        ['https://169.254.169.254/latest/meta-data', false],
        ['https://[::1]/hook', false],
        ['https://localhost/hook', false],
        ['http://crm.example.com/hook', true],
        ['ftp://crm.example.com/hook', true],
        ['https://user:pw@crm.example.com/hook', true],
      ] as const) {
        const refused = await api<{ error: { code: string } }>('POST', '', {
          name: 'CRM',
          url,
          events: ['ticket.created'],
          allowPrivateNetwork,
        });
        assert.equal(refused.status, 400, url);
        assert.equal(refused.body.error.code, 'webhook_target_refused', url);
      }
      const unknownEvent = await api('POST', '', {
        name: 'CRM',
        url: receiver.url('/x'),
        events: ['customer.created'],
        allowPrivateNetwork: true,
      });
      assert.equal(unknownEvent.status, 400);
      const listed = await api<{ webhooks: WebhookView[] }>('GET', '');
      assert.equal(listed.body.webhooks.length, 0, 'nothing stored for refused requests');
    });

    test('a conversation and its messages arrive once each, signed, with ids and no contact details', async () => {
      const { webhook, secret } = await createWebhook('/crm', ['conversation.opened', 'message.created']);
      assert.match(secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
      const chat = await startShopperChat(server.baseUrl);
      await chat.say('你好，支持哪些付款方式？');
      let delivered: DeliveryView[] = [];
      await waitUntil(
        async () => {
          delivered = await deliveriesOf(webhook.id);
          return delivered.length >= 3 && delivered.every((delivery) => delivery.status === 'delivered');
        },
        { timeoutMs: 30_000, description: 'the opening, the question and the answer delivered' },
      );
      const bodies = receiver.at('/crm').map((request) => assertSigned(request, secret));
      const opened = bodies.filter((body) => body.type === 'conversation.opened');
      assert.equal(opened.length, 1);
      const conversationId = opened[0]?.data.conversationId;
      assert.equal(typeof conversationId, 'string');
      assert.equal(opened[0]?.data.customerId, chat.session.customerId);
      const messages = bodies.filter((body) => body.type === 'message.created');
      const shopperMessage = messages.find((body) => body.data.sender === 'shopper');
      assert.equal(shopperMessage?.data.text, '你好，支持哪些付款方式？');
      assert.equal(shopperMessage?.data.conversationId, conversationId);
      assert.ok(
        messages.some((body) => body.data.sender === 'bot'),
        'the bot answer is sent too',
      );
      const ids = receiver.at('/crm').map((request) => headerOf(request, 'webhook-id'));
      assert.equal(new Set(ids).size, ids.length, 'every delivery once');
      assert.deepEqual(
        new Set(ids),
        new Set((await deliveriesOf(webhook.id)).map((delivery) => delivery.id)),
      );
      assert.ok(delivered.every((delivery) => delivery.attempts === 1 && delivery.statusCode === 200));

      // The same event fanned out again (a second process, a repeated job) delivers nothing new.
      const before = receiver.at('/crm').length;
      const jobs = server.kefu.services.jobs;
      const outboxRows = await server.kefu.services.database.db
        .selectFrom('outbox_events')
        .selectAll()
        .where('name', 'in', ['conversation.created', 'message.created'])
        .execute();
      for (const row of outboxRows) {
        const jobId = await jobs.enqueue({
          name: `event:integrations.webhooks.${row.name}`,
          payload: {
            id: row.id,
            name: row.name,
            payload: JSON.parse(row.payload),
            occurredAt: row.created_at,
          },
          idempotencyKey: `replayed:${row.id}`,
        });
        await jobs.runNow([jobId]);
        const job = await jobs.find(jobId);
        assert.equal(job?.status, 'completed');
      }
      const after = await deliveriesOf(webhook.id);
      assert.equal(after.length, delivered.length);
      assert.ok(after.every((delivery) => delivery.status === 'delivered' && delivery.attempts === 1));
      assert.equal(receiver.at('/crm').length, before);
    });

    test('a 5xx is retried after the back-off and a Retry-After is honoured, then delivered', async () => {
      const { webhook, secret } = await createWebhook('/flaky', ['ticket.created']);
      receiver.script('/flaky', [
        { status: 500, body: 'down' },
        { status: 503, headers: { 'retry-after': '1' }, body: 'busy' },
        { status: 200, body: 'thanks' },
      ]);
      const test = await api<{ delivery: DeliveryView }>('POST', `/${webhook.id}/test`);
      assert.equal(test.status, 202);
      const [delivery] = await waitForDelivery(webhook.id, 'delivered');
      assert.equal(delivery?.attempts, 3);
      assert.equal(delivery?.responseExcerpt, 'thanks');
      const requests = receiver.at('/flaky');
      assert.equal(requests.length, 3);
      assert.equal(new Set(requests.map((request) => headerOf(request, 'webhook-id'))).size, 1);
      for (const request of requests) assert.equal(assertSigned(request, secret).type, 'webhook.test');
      const [first, second, third] = requests.map((request) => request.receivedAt);
      assert.ok(first !== undefined && second !== undefined && third !== undefined);
      assert.ok(second - first >= 300, 'waited at least the base back-off');
      assert.ok(third - second >= 1000, 'waited at least the Retry-After');
    });

    test('410 and 400 fail at once without a retry; redeliver sends the same delivery again', async () => {
      const { webhook, secret } = await createWebhook('/gone', ['ticket.created']);
      receiver.script('/gone', [
        { status: 410, body: 'gone' },
        { status: 400, body: 'bad' },
      ]);
      assert.equal((await api('POST', `/${webhook.id}/test`)).status, 202);
      await waitForDelivery(webhook.id, 'failed', 1);
      assert.equal((await api('POST', `/${webhook.id}/test`)).status, 202);
      const failed = await waitForDelivery(webhook.id, 'failed', 2);
      assert.deepEqual(failed.map((delivery) => [delivery.attempts, delivery.statusCode]).sort(), [
        [1, 400],
        [1, 410],
      ]);
      assert.equal(receiver.at('/gone').length, 2);
      const gone = failed.find((delivery) => delivery.statusCode === 410);
      assert.ok(gone);
      const redelivered = await api<{ delivery: DeliveryView }>(
        'POST',
        `/${webhook.id}/deliveries/${gone.id}/redeliver`,
      );
      assert.equal(redelivered.status, 202);
      await waitUntil(
        async () =>
          (await deliveriesOf(webhook.id)).some((row) => row.id === gone.id && row.status === 'delivered'),
        { timeoutMs: 30_000 },
      );
      const again = receiver.at('/gone')[2];
      assert.ok(again);
      assert.equal(headerOf(again, 'webhook-id'), gone.id);
      assertSigned(again, secret);
      const row = (await deliveriesOf(webhook.id)).find((candidate) => candidate.id === gone.id);
      assert.deepEqual([row?.attempts, row?.statusCode], [2, 200]);
      const pending = await api('POST', `/${webhook.id}/deliveries/nope/redeliver`);
      assert.equal(pending.status, 404);
    });

    test('a disabled webhook gets nothing while an enabled one gets the event', async () => {
      const enabled = await createWebhook('/on', ['conversation.opened']);
      const disabled = await createWebhook('/off', ['conversation.opened'], false);
      const chat = await startShopperChat(server.baseUrl);
      await chat.say('在吗');
      await waitForDelivery(enabled.webhook.id, 'delivered', 1);
      assert.deepEqual(await deliveriesOf(disabled.webhook.id), []);
      assert.equal(receiver.at('/off').length, 0);
    });

    test('a webhook that keeps failing is paused, audited, and resumes when enabled again', async () => {
      const { webhook } = await createWebhook('/broken', ['conversation.opened']);
      receiver.script(
        '/broken',
        Array.from({ length: 10 }, () => ({ status: 404, body: 'no such hook' })),
      );
      for (let index = 0; index < 3; index += 1) await (await startShopperChat(server.baseUrl)).say('你好');
      await waitUntil(
        async () => {
          const listed = await api<{ webhooks: WebhookView[] }>('GET', '');
          return listed.body.webhooks.some((entry) => entry.id === webhook.id && entry.pausedAt !== null);
        },
        { timeoutMs: 30_000, description: 'paused' },
      );
      const pauses = async () =>
        (
          await server.kefu.services.database.db
            .selectFrom('audit_log')
            .select('action')
            .where('target_id', '=', webhook.id)
            .execute()
        )
          .map((entry) => entry.action)
          .filter((action) => action === 'webhook.paused');
      // The delivery job marks the webhook paused first and writes the audit entry just after.
      await waitUntil(async () => (await pauses()).length > 0, {
        timeoutMs: 30_000,
        description: 'the pause audited',
      });
      assert.deepEqual(await pauses(), ['webhook.paused']);
      const resumed = await api<{ webhook: WebhookView }>('PATCH', `/${webhook.id}`, { enabled: true });
      assert.equal(resumed.body.webhook.pausedAt, null);
    });

    test('the bot cancelling an order is sent as an order action by the bot', async () => {
      const { webhook, secret } = await createWebhook('/orders', ['order.action_taken']);
      const shopper = await startShopperChat(server.baseUrl);
      assert.match((await shopper.say('Please cancel my order KF202611010013')).text, /last 4 digits/);
      await shopper.say('2020');
      assert.match((await shopper.say('yes')).text, /has been cancelled/);
      await waitForDelivery(webhook.id, 'delivered');
      const [request] = receiver.at('/orders');
      assert.ok(request);
      const body = assertSigned(request, secret);
      assert.equal(body.type, 'order.action_taken');
      assert.deepEqual(
        { ...body.data, conversationId: typeof body.data.conversationId },
        {
          orderNumber: 'KF202611010013',
          action: 'cancelled',
          actorType: 'bot',
          agentId: null,
          conversationId: 'string',
          customerId: shopper.session.customerId,
        },
      );
    });

    test('the signing secret is shown once: never in reads, the audit log, the stored row or the logs', async () => {
      const { webhook, secret } = await createWebhook('/secret', ['csat.submitted']);
      receiver.script('/secret', [{ status: 500, body: `echo ${secret}` }]);
      await api('POST', `/${webhook.id}/test`);
      await waitForDelivery(webhook.id, 'delivered');
      const key = secret.slice('whsec_'.length);
      const reads = [
        await api('GET', ''),
        await api('GET', `/${webhook.id}/deliveries`),
        await api('PATCH', `/${webhook.id}`, { name: 'CRM renamed' }),
      ];
      for (const read of reads) assert.ok(!JSON.stringify(read.body).includes(key));
      const [stored] = await server.kefu.services.database.db
        .selectFrom('webhook_subscriptions')
        .select('secret')
        .where('id', '=', webhook.id)
        .execute();
      assert.match(stored?.secret ?? '', /^enc:v1:/);
      const audit = await server.kefu.services.database.db.selectFrom('audit_log').select('data').execute();
      assert.ok(audit.every((entry) => !entry.data.includes(key)));
      assert.ok(logLines.length > 0, 'the logs were captured');
      assert.ok(logLines.every((line) => !line.includes(key)));
    });
  });
}
