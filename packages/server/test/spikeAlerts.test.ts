// Spike alerts end to end: a week of steady questions, then an hour in which "保质期" questions about one product
// jump and a never-seen "发霉" appears about another. The durable detection job raises one alert per story with
// masked examples linking to the conversations, pushes it to supervisors' consoles (not to agents), posts it to
// the signed webhook (retried after a failure), keeps quiet while the surge lasts and raises again after the
// cool-down; supervisors acknowledge.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ManualClock } from '../src/clock';
import { requestJson, RecordingSocket, toWebSocketUrl } from './helpers/http';
import type { ModelConversation } from './helpers/historyModel';
import { newConversation } from './helpers/historyModel';
import { writeHistory } from './helpers/historyRows';
import { startLoopbackServer } from './helpers/loopbackServer';
import { startSmtpSink } from './helpers/smtpSink';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';

const noon = Date.parse('2026-03-20T04:00:00.000Z');
const webhookSecret = 'alert-webhook-secret-for-tests';
const shelfLifeTexts = ['保质期多长', '这款的保质期是多久', '保质期到什么时候', '开封后保质期多久'];

interface SpikeAlertBody {
  id: string;
  kind: string;
  topicKind: string;
  topic: string;
  topicLabel: string;
  count: number;
  status: string;
  examples: { conversationId: string; excerpt: string }[];
}

for (const target of testDatabaseTargets()) {
  describe(`spike alerts (${target.dialect})`, () => {
    const clock = new ManualClock(new Date(noon));
    const webhookAnswers = [503];
    const webhook = startLoopbackServer(() => ({ status: webhookAnswers.shift() ?? 204 }));
    const mail = startSmtpSink();
    let server: TestServer;
    let adminToken: string;
    let supervisor: RecordingSocket;
    let agent: RecordingSocket;
    let supervisorToken: string;
    let agentToken: string;
    let shelfLifeProduct = '';
    let breadProduct = '';
    let sequence = 0;

    before(async () => {
      server = await startTestServer({
        dialect: target.dialect,
        clock,
        environment: {
          KEFU_ALERT_WEBHOOK_URL: `${(await webhook).baseUrl}/alerts`,
          KEFU_ALERT_WEBHOOK_SECRET: webhookSecret,
          KEFU_PUBLIC_URL: 'https://kefu.example.com',
          KEFU_ALERT_SMTP_URL: (await mail).url,
          KEFU_ALERT_EMAIL_FROM: 'alerts@shop.example.com',
          KEFU_ALERT_EMAIL_TO: 'lead@shop.example.com, qa@shop.example.com',
        },
      });
      adminToken = await server.loginAdmin();
      supervisorToken = await createAccount('supervisor');
      agentToken = await createAccount('agent');
      supervisor = await RecordingSocket.connect(wsUrl(supervisorToken));
      agent = await RecordingSocket.connect(wsUrl(agentToken));
      const products = await server.kefu.services.database.db
        .selectFrom('products')
        .select('id')
        .limit(2)
        .execute();
      shelfLifeProduct = products[0]?.id ?? '';
      breadProduct = products[1]?.id ?? '';
      const history: ModelConversation[] = [];
      for (let day = 1; day <= 7; day++) {
        const windowStart = noon - day * 86_400_000 - 3_600_000;
        for (let index = 0; index < 3; index++)
          history.push(
            conversation(
              windowStart,
              shelfLifeTexts[(day + index) % 4] ?? '',
              'product_inquiry',
              shelfLifeProduct,
            ),
          );
        for (let index = 0; index < 8; index++)
          history.push(conversation(windowStart, '我的快递到哪了', 'order_tracking', null));
      }
      history.push(...currentHour(noon));
      await writeHistory(server.kefu.services.database.db, history);
    });
    after(async () => {
      supervisor?.close();
      agent?.close();
      await server?.close();
      await (await webhook).close();
      await (await mail).close();
    });

    const wsUrl = (token: string) => toWebSocketUrl(server.baseUrl, `/api/v1/agent/ws?token=${token}`);
    const call = <Body>(method: string, path: string, token = adminToken) =>
      requestJson<Body>(server.baseUrl, method, path, { token });
    async function createAccount(role: 'supervisor' | 'agent'): Promise<string> {
      const email = `${role}-spikes@kefu.test`;
      await requestJson(server.baseUrl, 'POST', '/api/v1/admin/agents', {
        token: adminToken,
        body: { email, displayName: role === 'agent' ? '小李' : '周主管', password: 'password-123', role },
      });
      return server.login(email, 'password-123');
    }
    function conversation(
      windowStart: number,
      text: string,
      intent: string,
      productId: string | null,
    ): ModelConversation {
      sequence += 1;
      const at = windowStart + ((sequence * 7_919) % 3_300) * 1000;
      const started = newConversation({
        id: `conv_spike${String(sequence).padStart(5, '0')}`,
        customerId: `cus_spike${sequence}`,
        channel: 'web',
        createdAt: at,
        pageProductId: productId,
      });
      started.messages.push({
        sender: 'customer',
        senderId: null,
        isPrivate: false,
        text,
        at: at + 1000,
        intent,
        sentiment: 'neutral',
      });
      return started;
    }
    function currentHour(end: number): ModelConversation[] {
      const windowStart = end - 3_600_000;
      return [
        ...Array.from({ length: 16 }, (_, index) =>
          conversation(
            windowStart,
            index === 0 ? '请问保质期多久，我的电话是 138 1234 5678' : (shelfLifeTexts[index % 4] ?? ''),
            'product_inquiry',
            shelfLifeProduct,
          ),
        ),
        ...Array.from({ length: 8 }, () =>
          conversation(windowStart, '我的快递到哪了', 'order_tracking', null),
        ),
        ...Array.from({ length: 6 }, (_, index) =>
          conversation(
            windowStart,
            index % 2 ? '面包发霉了怎么办' : '收到的面包发霉了',
            'complaint',
            breadProduct,
          ),
        ),
      ];
    }
    async function detectNow(key: string): Promise<void> {
      const jobs = server.kefu.services.jobs;
      const jobId = await jobs.enqueue({ name: 'analytics.detect_spikes', payload: {}, idempotencyKey: key });
      await jobs.runNow([jobId]);
      assert.equal((await jobs.find(jobId))?.status, 'completed');
    }
    const listAlerts = async (query = '') =>
      (await call<{ alerts: SpikeAlertBody[] }>('GET', `/api/v1/reports/alerts?${query}`)).body.alerts;
    /** A pong proves every frame sent before it has arrived. */
    async function drain(socket: RecordingSocket): Promise<void> {
      const pongs = socket.frames.filter((frame) => frame.type === 'pong').length;
      socket.send({ type: 'ping' });
      await socket.waitFor(
        () => socket.frames.filter((frame) => frame.type === 'pong').length > pongs,
        15_000,
      );
    }
    const spikeFrames = (socket: RecordingSocket) =>
      socket.frames.filter((frame) => frame.type === 'analytics.spike_alert');

    test('the surge and the new topic each raise one alert with masked examples; steady topics raise none', async () => {
      await detectNow('first');
      const alerts = await listAlerts();
      const shelfLife = alerts.find((alert) => alert.topic === `${shelfLifeProduct}|保质期`);
      assert.equal(shelfLife?.kind, 'surge');
      assert.equal(shelfLife?.count, 16);
      assert.match(shelfLife?.topicLabel ?? '', / · 保质期/);
      assert.doesNotMatch(shelfLife?.topicLabel ?? '', /^prd_|^p\d/, 'the product by its name');
      assert.equal(shelfLife?.examples.length, 5);
      const mould = alerts.find(
        (alert) => alert.topicKind === 'product_keyword' && alert.topic.startsWith(breadProduct),
      );
      assert.equal(mould?.kind, 'new_topic');
      assert.match(mould?.topicLabel ?? '', /发霉/);
      assert.match(mould?.topicLabel ?? '', /面包/, 'the keywords of one story are one alert');
      assert.equal(alerts.filter((alert) => alert.topic.startsWith(breadProduct)).length, 1);
      for (const steady of ['order_tracking', 'logistics', '快递', '保质期', shelfLifeProduct])
        assert.ok(!alerts.some((alert) => alert.topic === steady), `${steady} raised no alert`);
      const excerpts = alerts.flatMap((alert) => alert.examples.map((example) => example.excerpt)).join('\n');
      assert.doesNotMatch(excerpts, /138|5678/, 'phone numbers are masked');
      const conversations = await server.kefu.services.database.db
        .selectFrom('conversations')
        .select('id')
        .where('id', 'in', shelfLife?.examples.map((example) => example.conversationId) ?? [])
        .execute();
      assert.equal(conversations.length, 5, 'examples link to real conversations');
    });

    test('supervisors are told in the console, agents are not, and the webhook gets each alert signed', async () => {
      const alerts = await listAlerts();
      await supervisor.waitFor(() => spikeFrames(supervisor).length >= alerts.length, 15_000);
      const frame = spikeFrames(supervisor).find((candidate) => JSON.stringify(candidate).includes('保质期'));
      assert.ok(frame, 'the surge reached the supervisor');
      await drain(agent);
      assert.equal(spikeFrames(agent).length, 0);

      const requests = (await webhook).requests;
      assert.ok(requests.length >= 1, 'the first delivery was tried at once');
      clock.advance(5_000);
      await waitUntil(() => requests.length >= alerts.length + 1, {
        timeoutMs: 30_000,
        description: 'retried delivery',
      });
      for (const request of requests) {
        const id = String(request.headers['webhook-id']);
        const timestamp = String(request.headers['webhook-timestamp']);
        const signature = createHmac('sha256', webhookSecret)
          .update(`${id}.${timestamp}.${request.body}`)
          .digest('base64');
        assert.equal(request.headers['webhook-signature'], `v1,${signature}`);
      }
      const delivered = requests.map((request) => JSON.parse(request.body));
      assert.ok(
        delivered.some((body) => body.links?.[0]?.startsWith('https://kefu.example.com/console/inbox/conv_')),
      );

      const { messages } = await mail;
      await waitUntil(() => messages.length >= alerts.length, {
        timeoutMs: 30_000,
        description: 'one e-mail per alert',
      });
      const alertIds = messages.map((message) => /^X-Kefu-Alert-Id: (\S+)/im.exec(message.data)?.[1]);
      assert.deepEqual(alertIds.sort(), alerts.map((alert) => alert.id).sort(), 'each alert once');
      for (const message of messages) {
        assert.equal(message.from, 'alerts@shop.example.com');
        assert.deepEqual(message.to, ['lead@shop.example.com', 'qa@shop.example.com']);
      }
      const surge = messages.map((message) => mailText(message.data)).find((text) => text.includes('保质期'));
      assert.ok(surge, 'the surge was e-mailed');
      assert.match(surge, /Example conversations:\nhttps:\/\/kefu\.example\.com\/console\/inbox\/conv_/);
    });

    test('while the surge lasts no new alert is raised; after the cool-down it is raised again', async () => {
      const before = (await listAlerts()).length;
      const framesBefore = spikeFrames(supervisor).length;
      clock.advance(10 * 60_000);
      await detectNow('ten-minutes-later');
      assert.equal((await listAlerts()).length, before);
      await drain(supervisor);
      assert.equal(spikeFrames(supervisor).length, framesBefore, 'nothing new announced');

      clock.set(new Date(noon + 7 * 3_600_000));
      await writeHistory(server.kefu.services.database.db, currentHour(noon + 7 * 3_600_000).slice(0, 16));
      await detectNow('after-cool-down');
      const shelfLife = (await listAlerts()).filter((alert) => alert.topic === `${shelfLifeProduct}|保质期`);
      assert.equal(shelfLife.length, 2, 'a second alert after six quiet hours');
    });

    test('supervisors acknowledge alerts; agents may not read or acknowledge them', async () => {
      const [latest] = await listAlerts();
      assert.ok(latest);
      assert.equal((await call('GET', '/api/v1/reports/alerts', agentToken)).status, 403);
      assert.equal(
        (await call('POST', `/api/v1/reports/alerts/${latest.id}/acknowledge`, agentToken)).status,
        403,
      );
      const acknowledged = await call<{ alert: SpikeAlertBody }>(
        'POST',
        `/api/v1/reports/alerts/${latest.id}/acknowledge`,
        supervisorToken,
      );
      assert.equal(acknowledged.status, 200);
      assert.equal(acknowledged.body.alert.status, 'acknowledged');
      assert.ok(!(await listAlerts('status=open')).some((alert) => alert.id === latest.id));
      assert.equal((await call('POST', '/api/v1/reports/alerts/alr_missing/acknowledge')).status, 404);
      assert.equal((await call('GET', '/api/v1/reports/alerts?status=closed')).status, 400);
    });
  });
}

/** The text of a single-part message as a mail client shows it (quoted-printable or base64 undone). */
function mailText(data: string): string {
  const split = data.indexOf('\r\n\r\n');
  const head = data.slice(0, split);
  const body = data.slice(split + 4);
  if (/^Content-Transfer-Encoding: base64/im.test(head))
    return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  const bytes = body
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8').replace(/\r\n/g, '\n');
}
