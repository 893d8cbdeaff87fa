// Thousands of malformed, oversized and hostile requests (fast-check, fixed seed) against every endpoint that
// anyone, a visitor token or a signature may reach, found in Fastify's route table: no answer is a 5xx,
// nothing is stored from a request that was refused, and no object prototype is polluted.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { RegisteredRoute } from '../src/http/routeAccess';
import { signStandardWebhook } from '../src/modules/commerce/webhookSignature';
import { parseWebhookSecret, signWebhook } from '../src/modules/channels/webhook/standardWebhookSignature';
import type { HostileBody } from './helpers/hostileInputs';
import { hostileBody, hostileParam } from './helpers/hostileInputs';
import { shopWebhookSecret } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { platformSecret } from './helpers/webhookPlatform';

const seed = 20_261_203;
/**
 * Per database: about 1,500 requests on SQLite and as many on PostgreSQL, so the file stays inside the test
 * command's per-file limit on a loaded two-core machine.
 */
const runsPerRoute = 80;
/** Sign-in checks a password (argon2, bounded to one at a time): fewer runs keep the suite's time in hand. */
const runsPerSignIn = 20;

interface Attempt {
  headers: Record<string, string>;
  body: HostileBody;
  params: string[];
  signed: boolean;
  withToken: boolean;
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`fuzzing the public endpoints (${dialect})`, () => {
    let server: TestServer;
    let visitorToken: string;
    before(async () => {
      server = await startTestServer({
        dialect,
        environment: {
          KEFU_REPLY_WAIT_MS: '0',
          KEFU_COMMERCE_WEBHOOK_SECRET: shopWebhookSecret,
          KEFU_WEBHOOK_CHANNEL_SECRET: platformSecret,
          KEFU_WEBHOOK_CHANNEL_URL: 'http://127.0.0.1:9/messages',
        },
      });
      const session = await server.kefu.app.inject({
        method: 'POST',
        url: '/api/v1/visitor/sessions',
        payload: {},
      });
      visitorToken = session.json<{ token: string }>().token;
    });
    after(async () => server.close());

    test('no 5xx, nothing stored from a refused request, no prototype polluted', async (context) => {
      const routes = await publicRoutes(server, visitorToken);
      assert.ok(routes.length >= 8, `only ${routes.length} public routes found`);
      const statuses = new Map<number, number>();
      const problems: string[] = [];
      let sent = 0;
      for (const route of routes) {
        const runs = route.url.includes('/auth/') ? runsPerSignIn : runsPerRoute;
        const attempts = fc.sample(attemptFor(route), { seed: seed + hashOf(route), numRuns: runs });
        for (const attempt of attempts) {
          const before = await storeFingerprint(server);
          const response = await server.kefu.app.inject(requestOf(route, attempt, visitorToken));
          sent += 1;
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const where = `${route.method} ${route.url} (${attempt.body.kind}) → ${response.statusCode}`;
          if (response.statusCode >= 500) problems.push(`${where}: ${response.body.slice(0, 200)}`);
          if (response.statusCode >= 400 && (await storeFingerprint(server)) !== before)
            problems.push(`${where}: a refused request changed what is stored`);
          if (Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted') || 'isAdmin' in {})
            problems.push(`${where}: Object.prototype was polluted`);
        }
      }
      const summary = [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([code, count]) => `${code}×${count}`);
      context.diagnostic(
        `fuzz: ${sent} requests to ${routes.length} public routes (seed ${seed}); ${summary.join(' ')}`,
      );
      console.log(
        `fuzz: ${sent} requests to ${routes.length} public routes (seed ${seed}); ${summary.join(' ')}`,
      );
      assert.ok(sent >= 1_000);
      assert.deepEqual(problems.slice(0, 20), []);
    });
  });
}

/** Routes whose decision is public, a visitor token or a signature (the API's, not static files or docs). */
async function publicRoutes(server: TestServer, visitorToken: string): Promise<RegisteredRoute[]> {
  const candidates = server.kefu.routeAccess.routes.filter(
    (route) =>
      route.url.startsWith('/api/v1/') &&
      !['HEAD', 'OPTIONS'].includes(route.method) &&
      !route.url.includes('*'),
  );
  const found: RegisteredRoute[] = [];
  for (const route of candidates) {
    await server.kefu.app.inject({
      method: route.method,
      url: route.url.replace(/:\w+/g, 'probe'),
      headers: { authorization: `Bearer ${visitorToken}` },
    });
    const decision = server.kefu.routeAccess.decisionOf(route);
    if (decision && decision.kind !== 'agent') found.push(route);
  }
  return found;
}

function attemptFor(route: RegisteredRoute): fc.Arbitrary<Attempt> {
  const params = (route.url.match(/:\w+/g) ?? []).map(() => hostileParam);
  return fc.record({
    headers: fc.dictionary(
      fc.constantFrom(
        'x-kefu-shop-identity',
        'webhook-id',
        'webhook-timestamp',
        'webhook-signature',
        'origin',
        'x-forwarded-for',
      ),
      fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('v1,AAAA', '0', '-1', '99999999999', 'null')),
      { maxKeys: 3 },
    ),
    body: hostileBody,
    params: fc.tuple(...params),
    signed: fc.boolean(),
    withToken: fc.boolean(),
  });
}

function requestOf(route: RegisteredRoute, attempt: Attempt, visitorToken: string) {
  let index = 0;
  const url = route.url.replace(/:\w+/g, () => percentEncode(attempt.params[index++] ?? ''));
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(attempt.headers))
    headers[name] = value.replace(/[^\x20-\x7e]/g, '?');
  if (attempt.body.contentType) headers['content-type'] = attempt.body.contentType;
  if (attempt.withToken) headers.authorization = `Bearer ${visitorToken}`;
  if (attempt.signed) Object.assign(headers, signatureHeaders(route, attempt.body.payload));
  const hasBody = !['GET', 'DELETE'].includes(route.method);
  return { method: route.method, url, headers, ...(hasBody && { payload: attempt.body.payload }) };
}

/** A valid signature over the hostile body, so the webhook's parsing (not only its signature check) is fuzzed. */
function signatureHeaders(route: RegisteredRoute, payload: string | Buffer): Record<string, string> {
  const id = `msg_${randomUUID()}`;
  const timestamp = Math.floor(Date.now() / 1000);
  const body = payload.toString();
  if (route.url === '/api/v1/commerce/webhook')
    return {
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signStandardWebhook(shopWebhookSecret, id, timestamp, body),
    };
  const key = parseWebhookSecret(platformSecret);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(key, { id, timestamp }, payload),
  };
}

/**
 * What requests store, as one string: rows a request writes while it is answered (not what the bot's jobs
 * write later, nor the sign-in failures and lock-outs that a refused sign-in records on purpose).
 */
async function storeFingerprint(server: TestServer): Promise<string> {
  const db = server.kefu.services.database.db;
  const counted = [
    'customers',
    'customer_identities',
    'conversations',
    'uploads',
    'inbound_messages',
    'webhook_deliveries',
    'service_settings',
  ] as const;
  const counts = await Promise.all(
    counted.map(async (table) => {
      const row = await sql<{
        count: string | number;
      }>`select count(*) as count from ${sql.table(table)}`.execute(db);
      return `${table}=${row.rows[0]?.count ?? 0}`;
    }),
  );
  const customerMessages = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('sender', '=', 'customer')
    .executeTakeFirstOrThrow();
  const ratings = await db
    .selectFrom('csat_surveys')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('responded_at', 'is not', null)
    .executeTakeFirstOrThrow();
  const orders = await db
    .selectFrom('orders')
    .select((eb) => [eb.fn.countAll().as('count'), eb.fn.max('shop_updated_at').as('latest')])
    .executeTakeFirstOrThrow();
  return [
    ...counts,
    `messages=${customerMessages.count}`,
    `ratings=${ratings.count}`,
    `orders=${orders.count}@${orders.latest ?? ''}`,
  ].join(' ');
}

/** Every byte percent-encoded (a lone surrogate becomes U+FFFD's bytes, as a browser would send it). */
function percentEncode(value: string): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

function hashOf(route: RegisteredRoute): number {
  let hash = 0;
  for (const character of `${route.method} ${route.url}`) hash = (hash * 31 + character.charCodeAt(0)) | 0;
  return Math.abs(hash);
}
