// Finding 2 of the security probe: 200 wrong passwords in a row and then the right one worked, with nothing
// in the audit log; one address created 19,600 sessions a minute and one token sent 23,000 messages, all 201.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { VisitorSessionResponse } from '@kefu/sdk';
import { ManualClock } from '../src/clock';
import type { ErrorBody } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import { testRedisUrl } from './helpers/testRedis';
import type { TestServer } from './helpers/testServer';
import { startTestServer, testAdminEmail, testAdminPassword } from './helpers/testServer';

interface Reply<Body> {
  status: number;
  retryAfter: string | null;
  body: Body;
}

/** A request as if from `address` (the servers here trust X-Forwarded-For, as behind a proxy). */
async function requestFrom<Body = ErrorBody>(
  server: TestServer,
  address: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Reply<Body>> {
  const headers: Record<string, string> = { 'x-forwarded-for': address };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  const body: Body = JSON.parse(await response.text());
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
}

function assertRefused(reply: Reply<unknown>, code: string, seconds?: number): void {
  assert.equal(reply.status, 429, JSON.stringify(reply.body));
  assert.deepEqual(reply.body, {
    error: {
      code,
      message: assertString(reply.body, code),
      details: { retryAfterSeconds: Number(reply.retryAfter) },
    },
  });
  assert.ok(Number(reply.retryAfter) >= 1, 'Retry-After in whole seconds');
  if (seconds !== undefined) assert.equal(reply.retryAfter, String(seconds));
}

function assertString(body: unknown, code: string): string {
  if (typeof body === 'object' && body && 'error' in body && typeof body.error === 'object' && body.error)
    if ('message' in body.error && typeof body.error.message === 'string') return body.error.message;
  throw new Error(`no ${code} error message`);
}

function newAddress(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

for (const { dialect } of testDatabaseTargets()) {
  describe(`sign-in lock-out and audit (${dialect})`, () => {
    let server: TestServer;
    const clock = new ManualClock('2026-03-02T01:00:00.000Z');
    before(async () => {
      server = await startTestServer({
        dialect,
        clock,
        seedDemo: false,
        environment: { KEFU_TRUST_PROXY: 'true' },
      });
    });
    after(async () => server.close());

    const login = (address: string, email: string, password: string) =>
      requestFrom<{ token: string }>(server, address, 'POST', '/api/v1/auth/login', {
        body: { email, password },
      });
    const auditActions = async (since: string) =>
      (
        await server.kefu.services.database.db
          .selectFrom('audit_log')
          .select(['action', 'data'])
          .where('action', 'like', 'auth.%')
          .where('created_at', '>=', since)
          .orderBy('id')
          .execute()
      ).map((row) => ({ action: row.action, data: JSON.parse(row.data) }));

    test('five wrong passwords lock the account for a minute, then 2, then 4; every step is audited', async () => {
      const address = newAddress();
      const since = clock.now().toISOString();
      const lockAndCheck = async (expectedSeconds: number) => {
        for (let attempt = 0; attempt < 5; attempt += 1)
          assert.equal((await login(address, testAdminEmail, `wrong-${attempt}`)).status, 401);
        assertRefused(
          await login(address, testAdminEmail, testAdminPassword),
          'login_locked',
          expectedSeconds,
        );
        clock.advance(expectedSeconds * 1000 - 1000);
        assertRefused(await login(newAddress(), testAdminEmail, testAdminPassword), 'login_locked', 1);
        clock.advance(1000);
      };
      await lockAndCheck(60);
      await lockAndCheck(120);
      await lockAndCheck(240);
      assert.equal((await login(address, testAdminEmail, testAdminPassword)).status, 200);
      const actions = await auditActions(since);
      assert.equal(actions.filter((entry) => entry.action === 'auth.sign_in_failed').length, 15);
      const lockouts = actions.filter((entry) => entry.action === 'auth.locked_out');
      assert.equal(lockouts.length, 3);
      assert.equal(lockouts[0]?.data.address, address);
      assert.equal(lockouts[0]?.data.lockedKey, 'account');
      assert.equal(actions.at(-1)?.action, 'auth.signed_in');
      assert.equal(actions.at(-1)?.data.address, address);
      assert.ok(!JSON.stringify(actions).includes('wrong-'), 'no tried password is kept');
    });

    test('an address that guesses across many accounts is locked out for all of them', async () => {
      const address = newAddress();
      for (let attempt = 0; attempt < 20; attempt += 1)
        assert.equal((await login(address, `nobody-${attempt}@kefu.test`, 'guess')).status, 401);
      assertRefused(await login(address, testAdminEmail, testAdminPassword), 'login_locked', 60);
      assert.equal(
        (await login(newAddress(), testAdminEmail, testAdminPassword)).status,
        200,
        'others sign in',
      );
      clock.advance(60_000);
      assert.equal((await login(address, testAdminEmail, testAdminPassword)).status, 200);
    });

    test('a flood of sign-ins runs one password check at a time while shoppers are answered', async () => {
      const passwordWork = server.kefu.services.passwordWork;
      const flood = Array.from({ length: 8 }, (_unused, index) =>
        login(newAddress(), `flood-${index}@kefu.test`, 'not the password'),
      );
      const shopper = await requestFrom<VisitorSessionResponse>(
        server,
        newAddress(),
        'POST',
        '/api/v1/visitor/sessions',
        {
          body: {},
        },
      );
      const sent = await requestFrom(server, newAddress(), 'POST', '/api/v1/visitor/messages', {
        token: shopper.body.token,
        body: { text: '你好' },
      });
      assert.equal(sent.status, 201);
      const statuses = (await Promise.all(flood)).map((reply) => reply.status);
      assert.ok(
        statuses.every((status) => status === 401 || status === 503),
        statuses.join(),
      );
      assert.equal(passwordWork.peakRunning, 1, 'KEFU_LOGIN_CONCURRENCY=1 by default');
    });
  });

  describe(`request limits of the visitor API and sign-in (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({
        dialect,
        seedDemo: false,
        environment: {
          KEFU_TRUST_PROXY: 'true',
          KEFU_LIMIT_SESSIONS_PER_IP: '5',
          KEFU_LIMIT_SESSIONS_PER_VISITOR: '3',
          KEFU_LIMIT_MESSAGES_PER_VISITOR: '4',
          KEFU_LIMIT_MESSAGES_PER_IP: '6',
          KEFU_LIMIT_LOGINS_PER_IP: '4',
        },
      });
    });
    after(async () => server.close());

    const startSession = (address: string, token?: string) =>
      requestFrom<VisitorSessionResponse>(server, address, 'POST', '/api/v1/visitor/sessions', {
        body: {},
        ...(token && { token }),
      });
    const say = (address: string, token: string, text: string) =>
      requestFrom(server, address, 'POST', '/api/v1/visitor/messages', { token, body: { text } });
    const countRows = async (table: 'customers' | 'messages') =>
      Number(
        (
          await server.kefu.services.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('count'))
            .executeTakeFirstOrThrow()
        ).count,
      );

    test('sessions per address: the sixth in a minute is refused with Retry-After and stores nothing', async () => {
      const address = newAddress();
      for (let session = 0; session < 5; session += 1)
        assert.equal((await startSession(address)).status, 201);
      const customersBefore = await countRows('customers');
      assertRefused(await startSession(address), 'rate_limited');
      assert.equal(
        await countRows('customers'),
        customersBefore,
        'no customer or conversation for a refusal',
      );
      assert.equal((await startSession(newAddress())).status, 201, 'another address is not affected');
    });

    test('resuming with a token counts per visitor, wherever the visitor comes from', async () => {
      const first = await startSession(newAddress());
      let token = first.body.token;
      for (let resume = 0; resume < 3; resume += 1) {
        const resumed = await startSession(newAddress(), token);
        assert.equal(resumed.status, 201);
        token = resumed.body.token;
      }
      assertRefused(await startSession(newAddress(), token), 'rate_limited');
    });

    test('messages per visitor and per address: refused ones are not stored', async () => {
      const address = newAddress();
      const shopper = await startSession(address);
      for (let message = 0; message < 4; message += 1)
        assert.equal((await say(address, shopper.body.token, `第 ${message} 条`)).status, 201);
      const messagesBefore = await countRows('messages');
      assertRefused(await say(address, shopper.body.token, '太快了'), 'rate_limited');
      assert.equal(await countRows('messages'), messagesBefore);

      const neighbour = await startSession(address);
      assert.equal((await say(address, neighbour.body.token, '同一个网络')).status, 201);
      assertRefused(await say(address, neighbour.body.token, '超过地址的额度'), 'rate_limited');
      assert.equal((await say(newAddress(), neighbour.body.token, '换了网络')).status, 201);
    });

    test('sign-in attempts per address, right or wrong, are limited before any password is checked', async () => {
      const address = newAddress();
      for (let attempt = 0; attempt < 4; attempt += 1)
        assert.equal(
          (await requestFrom(server, address, 'POST', '/api/v1/auth/login', { body: { email: 'x' } })).status,
          400,
        );
      const refused = await requestFrom(server, address, 'POST', '/api/v1/auth/login', {
        body: { email: testAdminEmail, password: testAdminPassword },
      });
      assertRefused(refused, 'rate_limited');
    });
  });
}

describe('request limits are shared by every instance through Redis', { skip: redisSkipReason() }, () => {
  const servers: TestServer[] = [];
  before(async () => {
    const environment = {
      KEFU_TRUST_PROXY: 'true',
      REDIS_URL: testRedisUrl() ?? '',
      KEFU_REDIS_CHANNEL: `kefu:test:${randomBytes(6).toString('hex')}`,
      KEFU_LIMIT_SESSIONS_PER_IP: '4',
    };
    servers.push(await startTestServer({ seedDemo: false, environment }));
    servers.push(await startTestServer({ seedDemo: false, environment }));
  });
  after(async () => {
    for (const server of servers) await server.close();
  });

  test('sessions of one address are counted across two instances', async () => {
    const [first, second] = servers;
    assert.ok(first && second);
    const address = newAddress();
    for (const server of [first, second, first, second]) {
      const session = await requestFrom(server, address, 'POST', '/api/v1/visitor/sessions', { body: {} });
      assert.equal(session.status, 201);
    }
    assertRefused(
      await requestFrom(first, address, 'POST', '/api/v1/visitor/sessions', { body: {} }),
      'rate_limited',
    );
    assertRefused(
      await requestFrom(second, address, 'POST', '/api/v1/visitor/sessions', { body: {} }),
      'rate_limited',
    );
  });
});

function redisSkipReason(): string | false {
  return testRedisUrl() ? false : 'KEFU_TEST_REDIS_URL not set';
}
