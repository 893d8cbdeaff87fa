import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { VisitorSessionResponse } from '@kefu/sdk';
import pg from 'pg';
import type { ChildServer } from './helpers/childServer';
import { spawnServer } from './helpers/childServer';
import { RecordingSocket, requestJson, toWebSocketUrl } from './helpers/http';
import { testDatabaseTargets } from './helpers/testDatabase';
import { testAdminEmail, testAdminPassword } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';

const children: ChildServer[] = [];
const directories: string[] = [];
after(() => {
  for (const server of children) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function serverEnvironment(databaseUrl: string | null, extra: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kefu-shutdown-'));
  directories.push(dataDir);
  return {
    KEFU_DATA_DIR: dataDir,
    ...(databaseUrl && { DATABASE_URL: databaseUrl }),
    KEFU_ADMIN_EMAIL: testAdminEmail,
    KEFU_ADMIN_PASSWORD: testAdminPassword,
    KEFU_SEED_DEMO: 'false',
    ...extra,
  };
}

async function start(environment: Record<string, string>): Promise<ChildServer> {
  const server = await spawnServer(environment);
  children.push(server);
  return server;
}

/** Resolves with the close code the server sent. */
function closeCodeOf(socket: RecordingSocket): Promise<number> {
  return new Promise((resolve) => socket.socket.once('close', (code) => resolve(code)));
}

async function startConversation(baseUrl: string) {
  const session = await requestJson<VisitorSessionResponse>(baseUrl, 'POST', '/api/v1/visitor/sessions', {
    body: {},
  });
  assert.equal(session.status, 201);
  const said = await requestJson(baseUrl, 'POST', '/api/v1/visitor/messages', {
    token: session.body.token,
    body: { text: '你好' },
  });
  assert.equal(said.status, 201);
  return session.body;
}

describe('graceful shutdown of a server process (SQLite)', () => {
  test('SIGTERM: WebSockets close with 1012 (reconnect), the process exits 0, the next one serves', async () => {
    const environment = serverEnvironment(null);
    const first = await start(environment);
    const session = await startConversation(first.baseUrl);
    const socket = await RecordingSocket.connect(
      toWebSocketUrl(first.baseUrl, `/api/v1/visitor/ws?token=${session.token}`),
    );
    const closed = closeCodeOf(socket);
    first.child.kill('SIGTERM');
    assert.equal(await closed, 1012);
    assert.equal(await first.exited, 0, first.output());

    const second = await start(environment);
    const history = await requestJson<{ messages: unknown[] }>(
      second.baseUrl,
      'GET',
      '/api/v1/visitor/messages',
      {
        token: session.token,
      },
    );
    assert.equal(history.status, 200);
    assert.ok(history.body.messages.length >= 1);
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0, second.output());
  });
});

for (const target of testDatabaseTargets().filter((candidate) => candidate.dialect === 'postgres')) {
  describe('graceful shutdown with a job in flight (PostgreSQL)', () => {
    test('a job still running after the grace period is handed back and the next process runs it', async () => {
      const database = await target.create();
      const locker = new pg.Client({ connectionString: database.url });
      locker.on('error', () => undefined);
      try {
        const environment = serverEnvironment(database.url, { KEFU_SHUTDOWN_GRACE_MS: '300' });
        const first = await start(environment);
        const session = await startConversation(first.baseUrl);
        const login = await requestJson<{ token: string }>(first.baseUrl, 'POST', '/api/v1/auth/login', {
          body: { email: testAdminEmail, password: testAdminPassword },
        });
        const agentToken = login.body.token;
        const conversationPath = `/api/v1/agent/conversations/${session.conversationId}`;
        assert.equal(
          (await requestJson(first.baseUrl, 'POST', `${conversationPath}/takeover`, { token: agentToken }))
            .status,
          200,
        );
        const socket = await RecordingSocket.connect(
          toWebSocketUrl(first.baseUrl, `/api/v1/visitor/ws?token=${session.token}`),
        );
        const closed = closeCodeOf(socket);

        // Holding the survey table makes the rating request that follows a resolution wait: a job in flight.
        await locker.connect();
        await locker.query('begin');
        await locker.query('lock table csat_surveys in exclusive mode');
        const resolving = requestJson(first.baseUrl, 'POST', `${conversationPath}/resolve`, {
          token: agentToken,
        });
        const surveyJob = () =>
          locker.query<{ status: string; attempts: number }>(
            "select status, attempts from jobs where name = 'event:csat.request_rating'",
          );
        await waitUntil(async () => (await surveyJob()).rows[0]?.status === 'running');

        first.child.kill('SIGTERM');
        await waitUntil(async () => (await surveyJob()).rows[0]?.status === 'pending');
        assert.equal((await surveyJob()).rows[0]?.attempts, 0, 'the interrupted run is not counted');
        assert.equal(await closed, 1012);
        await locker.query('commit');
        assert.equal((await resolving).status, 200, 'the request in flight was answered');
        assert.equal(await first.exited, 0, first.output());

        const second = await start(environment);
        await waitUntil(async () => (await surveyJob()).rows[0]?.status === 'completed');
        assert.equal((await surveyJob()).rows[0]?.attempts, 1);
        const surveys = await locker.query('select id from csat_surveys where conversation_id = $1', [
          session.conversationId,
        ]);
        assert.equal(surveys.rows.length, 1, 'one survey, however often the job ran');
        second.child.kill('SIGTERM');
        assert.equal(await second.exited, 0, second.output());
      } finally {
        await locker.end().catch(() => undefined);
        await database.drop();
      }
    });
  });
}
