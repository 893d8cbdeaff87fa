// Masking for roles that may not reveal, reveals and exports audited, the audit log's hash chain, and a
// shopper's rights: everything held about them in one archive, and erasure.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { VisitorSessionResponse } from '@kefu/sdk';
import { requestJson } from './helpers/http';
import { photoBytes, readUploadId, uploadFile } from './helpers/photos';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { readTar } from './helpers/tarArchive';
import { startTestServer } from './helpers/testServer';

interface Profile {
  customer: {
    id: string;
    displayName: string | null;
    email: string | null;
    phone: string | null;
    masked: boolean;
  };
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`customer privacy (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    let agentToken: string;
    let demoCustomerId: string;
    before(async () => {
      server = await startTestServer({ dialect });
      adminToken = await server.loginAdmin();
      await requestJson(server.baseUrl, 'POST', '/api/v1/admin/agents', {
        token: adminToken,
        body: { email: 'agent@privacy.test', displayName: '小王', password: 'password-123', role: 'agent' },
      });
      agentToken = await server.login('agent@privacy.test', 'password-123');
      const demo = await server.kefu.services.database.db
        .selectFrom('customers')
        .select('id')
        .where('shop_customer_id', '=', 'cus_demo_01')
        .executeTakeFirstOrThrow();
      demoCustomerId = demo.id;
    });
    after(async () => server.close());

    const call = <Body>(method: string, path: string, token: string, body?: unknown) =>
      requestJson<Body>(server.baseUrl, method, path, { token, body });
    const auditOf = async (action: string) =>
      (
        await call<{
          entries: { action: string; actorId: string; targetId: string; data: Record<string, unknown> }[];
        }>('GET', `/api/v1/admin/audit?action=${action}`, adminToken)
      ).body.entries;

    test('an agent sees 138****0101; a role that may reveal sees the number, and the reveal is audited', async () => {
      const masked = await call<Profile>('GET', `/api/v1/agent/customers/${demoCustomerId}`, adminToken);
      assert.equal(masked.status, 200);
      assert.deepEqual(
        {
          phone: masked.body.customer.phone,
          email: masked.body.customer.email,
          masked: masked.body.customer.masked,
        },
        { phone: '138****0101', email: 'z***@example.com', masked: true },
      );
      assert.equal(
        (await call('POST', `/api/v1/agent/customers/${demoCustomerId}/reveal`, agentToken)).status,
        403,
      );
      const revealed = await call<Profile>(
        'POST',
        `/api/v1/agent/customers/${demoCustomerId}/reveal`,
        adminToken,
      );
      assert.deepEqual(
        { phone: revealed.body.customer.phone, masked: revealed.body.customer.masked },
        { phone: '13800000101', masked: false },
      );
      const reveals = await auditOf('customer.revealed');
      assert.equal(reveals.length, 1);
      assert.equal(reveals[0]?.targetId, demoCustomerId);
      assert.ok(
        !JSON.stringify(reveals).includes('13800000101'),
        'the audit names what was revealed, not its value',
      );
    });

    test('a shopper’s data comes out as one archive (JSON, a readable page, photos) and is then erased', async () => {
      const session = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        {
          body: { name: '李女士' },
        },
      );
      const token = session.body.token;
      const customerId = session.body.customerId;
      const uploaded = await uploadFile(server.baseUrl, token, {
        bytes: photoBytes.png,
        name: 'cup.png',
        type: 'image/png',
      });
      const photo = { id: readUploadId(uploaded.body) };
      await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
        token,
        body: { text: '杯子碎了，电话 13700000001', attachments: [photo.id] },
      });
      assert.equal(
        (await call('GET', `/api/v1/admin/customers/${customerId}/export`, agentToken)).status,
        403,
      );
      const exported = await fetch(`${server.baseUrl}/api/v1/admin/customers/${customerId}/export`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      assert.equal(exported.status, 200);
      assert.equal(exported.headers.get('content-type'), 'application/x-tar');
      const files = readTar(Buffer.from(await exported.arrayBuffer()));
      assert.deepEqual([...files.keys()].slice(0, 2), ['data.json', 'index.html']);
      const data: { customer: { displayName: string }; conversations: { messages: { text: string }[] }[] } =
        JSON.parse(files.get('data.json')?.toString('utf8') ?? '{}');
      assert.equal(data.customer.displayName, '李女士');
      assert.ok(data.conversations[0]?.messages.some((message) => message.text.includes('13700000001')));
      assert.match(files.get('index.html')?.toString('utf8') ?? '', /李女士/);
      assert.ok(
        [...files.keys()].some((name) => name.startsWith('photos/upl_')),
        'the photo is in the archive',
      );

      const refused = await call('POST', `/api/v1/admin/customers/${customerId}/erase`, adminToken, {
        confirm: 'no',
      });
      assert.equal(refused.status, 400);
      const erased = await call<{ erased: Record<string, number> }>(
        'POST',
        `/api/v1/admin/customers/${customerId}/erase`,
        adminToken,
        { confirm: customerId },
      );
      assert.equal(erased.status, 200);
      assert.equal(erased.body.erased.photos, 1);
      const messages = await requestJson<{ messages: { sender: string; text: string }[] }>(
        server.baseUrl,
        'GET',
        `/api/v1/agent/conversations/${session.body.conversationId}/messages`,
        { token: adminToken },
      );
      const fromShopper = messages.body.messages.filter((message) => message.sender === 'customer');
      assert.ok(fromShopper.every((message) => message.text === '[已删除 / erased]'));
      assert.ok(!JSON.stringify(messages.body).includes('13700000001'));
      const profile = await call<Profile>('POST', `/api/v1/agent/customers/${customerId}/reveal`, adminToken);
      assert.equal(profile.body.customer.displayName, null);
      const photoAfter = await fetch(`${server.baseUrl}/api/v1/agent/uploads/${photo.id}`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      assert.equal(photoAfter.status, 404);
      assert.equal((await auditOf('customer.exported')).length, 1);
      assert.equal((await auditOf('customer.erased'))[0]?.targetId, customerId);
    });

    test('the audit log is hash-chained: the check passes, and fails at an entry changed behind its back', async () => {
      const verified = await call<{ entries: number; valid: boolean }>(
        'GET',
        '/api/v1/admin/audit/verify',
        adminToken,
      );
      assert.equal(verified.body.valid, true);
      assert.ok(verified.body.entries >= 5);
      const csv = await fetch(
        `${server.baseUrl}/api/v1/admin/audit/export?format=csv&action=auth.signed_in`,
        {
          headers: { authorization: `Bearer ${adminToken}` },
        },
      );
      const bytes = Buffer.from(await csv.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so spreadsheets read UTF-8');
      const text = bytes.subarray(3).toString('utf8');
      assert.match(text, /^sequence,createdAt,actorType/);
      assert.equal(text.trim().split('\r\n').length - 1, 2, 'two sign-ins: the admin and the agent');
      assert.equal((await auditOf('audit.exported')).length, 1);
      assert.equal((await call('GET', '/api/v1/admin/audit', agentToken)).status, 403);

      const db = server.kefu.services.database.db;
      const victim = await db
        .selectFrom('audit_log')
        .select(['id', 'sequence'])
        .where('action', '=', 'customer.revealed')
        .executeTakeFirstOrThrow();
      await db
        .updateTable('audit_log')
        .set({ actor_id: 'agt_someone_else' })
        .where('id', '=', victim.id)
        .execute();
      const broken = await call<{ valid: boolean; firstBrokenSequence: number }>(
        'GET',
        '/api/v1/admin/audit/verify',
        adminToken,
      );
      assert.deepEqual(broken.body, {
        ...broken.body,
        valid: false,
        firstBrokenSequence: Number(victim.sequence),
      });
    });

    test('the archive holds the shopper’s phone calls and app push registrations (token by its end only); erasure removes them', async () => {
      const pushToken = 'fcm-registration-token-of-the-test-device-7Qx9';
      const session = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        { body: { name: '周先生', channel: 'app' } },
      );
      const customerId = session.body.customerId;
      const registered = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/push-registrations', {
        token: session.body.token,
        body: { token: pushToken, platform: 'android' },
      });
      assert.equal(registered.status, 204);
      const logged = await call('POST', `/api/v1/agent/customers/${customerId}/calls`, adminToken, {
        direction: 'inbound',
        phone: '13600000002',
        startedAt: '2026-03-02T08:00:00.000Z',
        durationSeconds: 95,
        note: 'internal: asked for a refund twice',
      });
      assert.equal(logged.status, 201);
      const exported = await fetch(`${server.baseUrl}/api/v1/admin/customers/${customerId}/export`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      assert.equal(exported.status, 200);
      const files = readTar(Buffer.from(await exported.arrayBuffer()));
      const json = files.get('data.json')?.toString('utf8') ?? '{}';
      const data: {
        calls: { direction: string; durationSeconds: number; phone: string | null; transcript: null }[];
        pushRegistrations: { platform: string; tokenEnding: string; registeredAt: string }[];
      } = JSON.parse(json);
      assert.deepEqual(
        data.calls.map(({ direction, durationSeconds, phone, transcript }) => ({
          direction,
          durationSeconds,
          phone,
          transcript,
        })),
        [{ direction: 'inbound', durationSeconds: 95, phone: '13600000002', transcript: null }],
      );
      assert.equal(data.pushRegistrations.length, 1);
      assert.equal(data.pushRegistrations[0]?.platform, 'android');
      assert.equal(data.pushRegistrations[0]?.tokenEnding, '…7Qx9');
      assert.match(data.pushRegistrations[0]?.registeredAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
      const page = files.get('index.html')?.toString('utf8') ?? '';
      for (const text of [json, page]) {
        assert.ok(!text.includes(pushToken), 'the push token is a credential and stays out');
        assert.ok(!text.includes('refund twice'), 'the agent’s note on the call stays out');
      }
      assert.match(page, /电话 \/ Phone calls<\/h2><ul><li>[^<]*95 秒/);
      assert.match(page, /android …7Qx9/);

      const erased = await call('POST', `/api/v1/admin/customers/${customerId}/erase`, adminToken, {
        confirm: customerId,
      });
      assert.equal(erased.status, 200);
      const db = server.kefu.services.database.db;
      const registrations = await db
        .selectFrom('push_registrations')
        .select('id')
        .where('customer_id', '=', customerId)
        .execute();
      assert.equal(registrations.length, 0, 'the push token is deleted');
      const calls = await db
        .selectFrom('call_records')
        .select(['phone', 'transcript', 'duration_seconds'])
        .where('customer_id', '=', customerId)
        .execute();
      assert.deepEqual(calls, [{ phone: '', transcript: null, duration_seconds: 95 }]);
      const after = await fetch(`${server.baseUrl}/api/v1/admin/customers/${customerId}/export`, {
        headers: { authorization: `Bearer ${adminToken}` },
      });
      const left = JSON.parse(
        readTar(Buffer.from(await after.arrayBuffer()))
          .get('data.json')
          ?.toString() ?? '{}',
      );
      assert.deepEqual(left.pushRegistrations, []);
      assert.deepEqual(
        left.calls.map((kept: { phone: string | null }) => kept.phone),
        [null],
      );
    });
  });
}
