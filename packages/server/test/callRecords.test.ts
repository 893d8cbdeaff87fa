// Phone calls: the call-center system's signed webhook (good, bad signature, stale, replay, malformed), the
// call in the agent's view of the customer (found by the number's blind index), and calls logged by hand.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { webhookHeaders } from '../src/modules/channels/webhook/standardWebhookSignature';
import { requestJson } from './helpers/http';
import { readRaw } from './helpers/readRaw';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

const callsKey = Buffer.from('call center webhook secret of the test!!');
const callsSecret = `whsec_${callsKey.toString('base64')}`;

interface CallView {
  id: string;
  source: string;
  direction: string;
  phone: string | null;
  durationSeconds: number;
  recordingUrl: string | null;
  transcript: string | null;
  loggedByAgentId: string | null;
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`call records (${dialect})`, () => {
    let server: TestServer;
    let agentToken: string;
    let webhookCount = 0;

    before(async () => {
      server = await startTestServer({ dialect, environment: { KEFU_CALLS_WEBHOOK_SECRET: callsSecret } });
      agentToken = await server.loginAdmin();
    });
    after(async () => server.close());

    const postCall = async (
      body: string,
      options: { key?: Buffer; id?: string; timestamp?: number } = {},
    ) => {
      webhookCount += 1;
      const id = options.id ?? `call-delivery-${dialect}-${webhookCount}`;
      const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
      const response = await fetch(`${server.baseUrl}/api/v1/calls/webhook`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...webhookHeaders(options.key ?? callsKey, { id, timestamp }, body),
        },
        body,
      });
      const answer: unknown = await response.json();
      return { status: response.status, body: answer, id };
    };
    const callBody = (overrides: object = {}) =>
      JSON.stringify({
        callId: `cc-${dialect}-${Date.now()}-${Math.random()}`,
        phone: '+86 138-0000-0101',
        direction: 'inbound',
        startedAt: '2026-12-03T09:30:00+08:00',
        durationSeconds: 184,
        recordingUrl: 'https://calls.example.com/rec/1.mp3',
        transcript: '客户询问退货进度',
        ...overrides,
      });
    const callsOf = async (customerId: string) => {
      const response = await requestJson<{ calls: CallView[] }>(
        server.baseUrl,
        'GET',
        `/api/v1/agent/customers/${customerId}/calls`,
        { token: agentToken },
      );
      assert.equal(response.status, 200);
      return response.body.calls;
    };
    const countRows = async () =>
      Number(
        (
          await server.kefu.services.database.db
            .selectFrom('call_records')
            .select((select) => select.fn.countAll().as('count'))
            .executeTakeFirstOrThrow()
        ).count,
      );
    const customerIdOf = (body: unknown): string => {
      assert.ok(typeof body === 'object' && body !== null && 'customerId' in body);
      assert.ok(typeof body.customerId === 'string');
      return body.customerId;
    };

    test("a signed call lands in the matching customer's calls, masked, sealed at rest", async () => {
      const stored = await postCall(callBody());
      assert.equal(stored.status, 201, JSON.stringify(stored.body));
      const customerId = customerIdOf(stored.body);
      const profile = await requestJson<{ customer: { phone: string; displayName: string } }>(
        server.baseUrl,
        'GET',
        `/api/v1/agent/customers/${customerId}`,
        { token: agentToken },
      );
      assert.equal(profile.body.customer.phone, '138****0101'); // the demo shop's 张伟
      const [call] = await callsOf(customerId);
      assert.deepEqual(
        { ...call, id: undefined },
        {
          id: undefined,
          customerId,
          source: 'webhook',
          direction: 'inbound',
          phone: '138****0101',
          startedAt: '2026-12-03T01:30:00.000Z',
          durationSeconds: 184,
          recordingUrl: 'https://calls.example.com/rec/1.mp3',
          transcript: '客户询问退货进度',
          loggedByAgentId: null,
        },
      );
      const raw = await readRaw(
        dialect,
        server.kefu.services.config.databaseUrl,
        'SELECT phone FROM call_records',
      );
      assert.ok(raw.length > 0 && raw.every((value) => value.startsWith('enc:v1:')));
    });

    test('a bad signature or a stale time is refused with 401 and stores nothing', async () => {
      const before = await countRows();
      const forged = await postCall(callBody(), { key: Buffer.from('not the call center secret at all!!') });
      assert.equal(forged.status, 401);
      const stale = await postCall(callBody(), { timestamp: Math.floor(Date.now() / 1000) - 3600 });
      assert.equal(stale.status, 401);
      const unsigned = await fetch(`${server.baseUrl}/api/v1/calls/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: callBody(),
      });
      assert.equal(unsigned.status, 401);
      assert.equal(await countRows(), before);
    });

    test('a replayed request, or the same call again, is refused and stored once', async () => {
      const body = callBody();
      const first = await postCall(body);
      assert.equal(first.status, 201);
      const before = await countRows();
      assert.equal((await postCall(body, { id: first.id })).status, 409);
      assert.equal((await postCall(body)).status, 409);
      assert.equal(await countRows(), before);
    });

    test('a malformed body is a 400 and stores nothing', async () => {
      const before = await countRows();
      assert.equal((await postCall('{not json')).status, 400);
      assert.equal((await postCall(callBody({ phone: 'call me' }))).status, 400);
      assert.equal((await postCall(callBody({ durationSeconds: -1 }))).status, 400);
      assert.equal((await postCall(callBody({ direction: 'sideways' }))).status, 400);
      assert.equal(await countRows(), before);
    });

    test('a number Kefu has not seen becomes a new customer holding it', async () => {
      const stored = await postCall(callBody({ phone: '13912345678', direction: 'outbound' }));
      assert.equal(stored.status, 201);
      const customerId = customerIdOf(stored.body);
      const again = await postCall(callBody({ phone: '139 1234 5678' }));
      assert.equal(customerIdOf(again.body), customerId);
      assert.equal((await callsOf(customerId)).length, 2);
    });

    test('an agent logs a call by hand; bad input is a 400; erasing the customer keeps only times and lengths', async () => {
      const stored = await postCall(callBody({ phone: '13700001111' }));
      const customerId = customerIdOf(stored.body);
      const logged = await requestJson<CallView>(
        server.baseUrl,
        'POST',
        `/api/v1/agent/customers/${customerId}/calls`,
        {
          token: agentToken,
          body: {
            direction: 'outbound',
            startedAt: '2026-12-03T10:00:00Z',
            durationSeconds: 60,
            note: '回电确认地址',
          },
        },
      );
      assert.equal(logged.status, 201, JSON.stringify(logged.body));
      assert.equal(logged.body.phone, '137****1111');
      assert.equal(logged.body.source, 'manual');
      assert.match(logged.body.loggedByAgentId ?? '', /^agt_/);
      const refused = await requestJson(
        server.baseUrl,
        'POST',
        `/api/v1/agent/customers/${customerId}/calls`,
        { token: agentToken, body: { direction: 'outbound', startedAt: 'yesterday', durationSeconds: 60 } },
      );
      assert.equal(refused.status, 400);
      assert.deepEqual(
        (await callsOf(customerId)).map((call) => call.source),
        ['manual', 'webhook'],
      );
      const erased = await requestJson(
        server.baseUrl,
        'POST',
        `/api/v1/admin/customers/${customerId}/erase`,
        {
          token: agentToken,
          body: { confirm: customerId },
        },
      );
      assert.equal(erased.status, 200, JSON.stringify(erased.body));
      assert.deepEqual(
        (await callsOf(customerId)).map((call) => [call.phone, call.transcript, call.recordingUrl]),
        [
          [null, null, null],
          [null, null, null],
        ],
      );
      const unknown = await requestJson(server.baseUrl, 'GET', '/api/v1/agent/customers/cus_nobody/calls', {
        token: agentToken,
      });
      assert.equal(unknown.status, 404);
    });
  });
}
