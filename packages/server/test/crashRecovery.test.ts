import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { Message, SendMessageResponse, VisitorSessionResponse } from '@kefu/sdk';
import { ChatCompletionsServer } from './helpers/chatCompletionsServer';
import type { ChildServer } from './helpers/childServer';
import { spawnServer } from './helpers/childServer';
import { RecordingSocket, requestJson, toWebSocketUrl } from './helpers/http';
import type { TestDatabase } from './helpers/testDatabase';
import { testDatabaseTargets } from './helpers/testDatabase';
import { testAdminEmail, testAdminPassword } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';

const children: ChildServer[] = [];
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const server of children) if (server.child.exitCode === null) server.child.kill('SIGKILL');
  for (const cleanup of cleanups) await cleanup();
});

// Two server boots and a first bot turn each: on a loaded machine that takes a while, so waits are long.
const slowMachineMs = 180_000;

const composedAnswer = '我们支持支付宝、微信支付和银行卡 [1]。';

const isBotMessageFrame = (frame: Record<string, unknown>, id?: string) =>
  frame.type === 'message.created' &&
  typeof frame.message === 'object' &&
  frame.message !== null &&
  'sender' in frame.message &&
  frame.message.sender === 'bot' &&
  (id === undefined || ('id' in frame.message && frame.message.id === id));

for (const target of testDatabaseTargets()) {
  describe(`a server killed between the shopper's message and the bot's answer (${target.dialect})`, () => {
    test(
      'after a restart the answer is given once, to the retried request and over the WebSocket',
      { timeout: 900_000 },
      async () => {
        const chat = new ChatCompletionsServer();
        const chatUrl = await chat.start();
        const database: TestDatabase | null = target.dialect === 'postgres' ? await target.create() : null;
        const dataDir = mkdtempSync(path.join(tmpdir(), 'kefu-crash-'));
        cleanups.push(async () => {
          await chat.stop();
          await database?.drop();
          rmSync(dataDir, { recursive: true, force: true });
        });
        // The same data directory (SQLite file, secret key) or database for both processes, as after a crash.
        const environment = {
          KEFU_DATA_DIR: dataDir,
          ...(database && { DATABASE_URL: database.url }),
          KEFU_ADMIN_EMAIL: testAdminEmail,
          KEFU_ADMIN_PASSWORD: testAdminPassword,
          KEFU_LLM_BASE_URL: chatUrl,
          KEFU_LLM_API_KEY: 'sk-test',
          // A dead process's job is taken over one second after its last heartbeat.
          KEFU_JOB_LEASE_MS: '1000',
          KEFU_REPLY_WAIT_MS: '120000',
        };
        chat.reply = { status: 200, content: composedAnswer };
        chat.hold();

        const first = await spawnServer(environment);
        children.push(first);
        const session = (
          await requestJson<VisitorSessionResponse>(first.baseUrl, 'POST', '/api/v1/visitor/sessions', {
            body: {},
          })
        ).body;
        const question = { text: '支持哪些付款方式？', clientMessageId: 'crash-1' };
        const unanswered = requestJson(first.baseUrl, 'POST', '/api/v1/visitor/messages', {
          token: session.token,
          body: question,
        }).then(
          () => 'answered',
          () => 'connection lost',
        );
        // The bot is phrasing its answer: the message is stored, the answer is not.
        await waitUntil(() => chat.requests.length > 0, {
          description: 'the bot asked the model',
          timeoutMs: slowMachineMs,
        });
        first.child.kill('SIGKILL');
        assert.equal(await first.exited, null);
        const askedBeforeTheCrash = chat.requests.length;
        assert.equal(await unanswered, 'connection lost');

        const second = await spawnServer(environment);
        children.push(second);
        const socket = await RecordingSocket.connect(
          toWebSocketUrl(second.baseUrl, `/api/v1/visitor/ws?token=${session.token}`),
        );
        socket.send({ type: 'ping' });
        await socket.waitFor((frame) => frame.type === 'pong', slowMachineMs);
        const retried = requestJson<SendMessageResponse>(second.baseUrl, 'POST', '/api/v1/visitor/messages', {
          token: session.token,
          body: question,
        });
        // The job of the killed process is taken over and asks the model again; now it answers.
        await waitUntil(() => chat.requests.length > askedBeforeTheCrash, {
          description: 'the job ran again',
          timeoutMs: slowMachineMs,
        });
        chat.release();

        const response = await retried;
        assert.equal(response.status, 201);
        assert.equal(response.body.message.clientMessageId, 'crash-1');
        assert.deepEqual(
          response.body.replies.map((reply) => reply.text),
          [composedAnswer],
        );
        const replyId = response.body.replies[0]?.id;
        await socket.waitFor((frame) => isBotMessageFrame(frame, replyId), slowMachineMs);

        // A later exchange: once its answer is on the socket, anything still due before it has arrived too.
        const later = await requestJson<SendMessageResponse>(
          second.baseUrl,
          'POST',
          '/api/v1/visitor/messages',
          {
            token: session.token,
            body: { text: '谢谢' },
          },
        );
        const laterReplyId = later.body.replies.at(-1)?.id;
        await socket.waitFor((frame) => isBotMessageFrame(frame, laterReplyId), slowMachineMs);
        assert.equal(
          socket.frames.filter((frame) => isBotMessageFrame(frame, replyId)).length,
          1,
          'the answer reached the socket once',
        );
        const history = await requestJson<{ messages: Message[] }>(
          second.baseUrl,
          'GET',
          '/api/v1/visitor/messages',
          { token: session.token },
        );
        assert.deepEqual(
          history.body.messages.map((message) => [message.sender, message.text]),
          [
            ['customer', question.text],
            ['bot', composedAnswer],
            ['customer', '谢谢'],
            ...later.body.replies.map((reply) => ['bot', reply.text]),
          ],
        );
        socket.close();
        second.child.kill('SIGTERM');
        assert.equal(await second.exited, 0, second.output());
      },
    );
  });
}
