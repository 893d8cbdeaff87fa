import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { VisitorSessionResponse } from '@kefu/sdk';
import pg from 'pg';
import { requestJson } from './helpers/http';
import {
  setDatabaseAcceptsConnections,
  terminateDatabaseConnections,
  terminateLockWaiters,
  testDatabaseTargets,
} from './helpers/testDatabase';
import type { TestDatabase } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';

for (const target of testDatabaseTargets().filter((candidate) => candidate.dialect === 'postgres')) {
  describe('PostgreSQL outages while serving', () => {
    let database: TestDatabase;
    let server: TestServer;
    let adminToken: string;
    before(async () => {
      database = await target.create();
      server = await startTestServer({
        dialect: 'postgres',
        seedDemo: false,
        sharedDatabaseUrl: database.url,
      });
      adminToken = await server.loginAdmin();
    });
    after(async () => {
      await setDatabaseAcceptsConnections(database.url, true);
      await server.close();
      await database.drop();
    });
    const listConversations = () =>
      requestJson(server.baseUrl, 'GET', '/api/v1/agent/conversations', { token: adminToken });
    const startSession = () =>
      requestJson<VisitorSessionResponse>(server.baseUrl, 'POST', '/api/v1/visitor/sessions', { body: {} });

    test('while the database refuses connections requests get 503 database_unavailable; then they recover', async () => {
      assert.equal((await listConversations()).status, 200);
      await setDatabaseAcceptsConnections(database.url, false);
      assert.ok((await terminateDatabaseConnections(database.url)) >= 1, 'the server held no connection');

      for (const response of [await listConversations(), await startSession()]) {
        assert.equal(response.status, 503, JSON.stringify(response.body));
        if (typeof response.body === 'object' && 'error' in response.body)
          assert.equal(response.body.error.code, 'database_unavailable');
        else assert.fail('no error body');
      }
      const readiness = await requestJson<{ status: string; databaseReachable: boolean }>(
        server.baseUrl,
        'GET',
        '/readyz',
      );
      assert.equal(readiness.status, 503);
      assert.equal(readiness.body.databaseReachable, false);
      assert.equal((await requestJson(server.baseUrl, 'GET', '/healthz')).status, 200);

      await setDatabaseAcceptsConnections(database.url, true);
      assert.equal((await listConversations()).status, 200);
      assert.equal((await startSession()).status, 201);
      assert.equal((await requestJson(server.baseUrl, 'GET', '/readyz')).status, 200);
    });

    test('connections ended mid-run: each request answers 503 or succeeds, and later ones succeed', async () => {
      const session = await startSession();
      assert.equal(session.status, 201);
      const inFlight = Array.from({ length: 12 }, (_unused, index) =>
        index % 2 === 0
          ? startSession()
          : requestJson(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
              token: session.body.token,
              body: { text: `你好 ${index}` },
            }),
      );
      const [, ...responses] = await Promise.all([terminateDatabaseConnections(database.url), ...inFlight]);
      for (const response of responses)
        assert.ok(
          [201, 503].includes(response.status),
          `${response.status} ${JSON.stringify(response.body)}`,
        );
      for (let round = 0; round < 3; round += 1) {
        assert.equal((await startSession()).status, 201);
        assert.equal((await listConversations()).status, 200);
      }
    });
    test('a query cut off mid-run answers 503 database_unavailable, and the same process serves the next ones', async () => {
      assert.equal((await listConversations()).status, 200);
      // Holding the conversations table makes the next listing wait inside PostgreSQL, on a server connection.
      const locker = new pg.Client({ connectionString: database.url });
      locker.on('error', () => undefined);
      try {
        await locker.connect();
        await locker.query('begin');
        await locker.query('lock table conversations in access exclusive mode');
        let answered = false;
        const waiting = listConversations().finally(() => {
          answered = true;
        });
        // Background work may wait on the same lock; every waiter is cut off until the listing has its answer.
        await waitUntil(
          async () => {
            await terminateLockWaiters(database.url);
            return answered;
          },
          { description: 'the listing waits for the lock and is cut off', timeoutMs: 60_000 },
        );
        const cutOff = await waiting;
        assert.equal(cutOff.status, 503, JSON.stringify(cutOff.body));
        if (typeof cutOff.body === 'object' && 'error' in cutOff.body)
          assert.equal(cutOff.body.error.code, 'database_unavailable');
        else assert.fail('no error body');
        await locker.query('rollback');
      } finally {
        await locker.end().catch(() => undefined);
      }
      for (let round = 0; round < 3; round += 1) {
        assert.equal((await listConversations()).status, 200);
        assert.equal((await startSession()).status, 201);
      }
      assert.equal((await requestJson(server.baseUrl, 'GET', '/readyz')).status, 200);
    });
  });
}
