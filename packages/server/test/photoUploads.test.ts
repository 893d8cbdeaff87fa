import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Message, SendMessageResponse, VisitorSessionResponse } from '@kefu/sdk';
import { BotPipeline } from '../src/modules/bot/pipeline';
import type { BotTurn } from '../src/modules/bot/pipeline';
import { localizeReply } from '../src/replyLocale';
import { answerCustomerMessage } from '../src/modules/channels/answerCustomerMessage';
import type { ErrorBody } from './helpers/http';
import { requestJson } from './helpers/http';
import { photoBytes, readUploadId, uploadFile } from './helpers/photos';
import { shopIdentitySecret, startShopperChat } from './helpers/shopChat';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';

const maxBytes = 4096;

for (const { dialect } of testDatabaseTargets()) {
  describe(`photo uploads (${dialect})`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({
        dialect,
        environment: {
          KEFU_UPLOAD_MAX_BYTES: String(maxBytes),
          KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret,
        },
      });
    });
    after(async () => server.close());

    const startSession = async (locale = 'zh-CN') => {
      const response = await requestJson<VisitorSessionResponse>(
        server.baseUrl,
        'POST',
        '/api/v1/visitor/sessions',
        { body: { locale } },
      );
      assert.equal(response.status, 201);
      return response.body;
    };
    const upload = async (token: string, bytes: Buffer, name = 'photo.png', type = 'image/png') =>
      readUploadId((await uploadFile(server.baseUrl, token, { bytes, name, type })).body);
    const send = (token: string, body: object) =>
      requestJson<SendMessageResponse>(server.baseUrl, 'POST', '/api/v1/visitor/messages', { token, body });
    const storedFiles = () => readdirSync(path.join(server.kefu.services.config.dataDir, 'uploads'));
    const countUploads = async () =>
      (await server.kefu.services.database.db.selectFrom('uploads').select('id').execute()).length;
    const countMessages = async (token: string) =>
      (
        await requestJson<{ messages: Message[] }>(server.baseUrl, 'GET', '/api/v1/visitor/messages', {
          token,
        })
      ).body.messages.length;

    test('the type comes from the bytes, whatever the name and declared type say', async () => {
      const { token } = await startSession();
      for (const [format, bytes] of Object.entries(photoBytes)) {
        const response = await uploadFile(server.baseUrl, token, {
          bytes,
          name: 'notes.txt',
          type: 'text/plain',
        });
        assert.equal(response.status, 201, format);
        const expected = format === 'jpeg' ? 'image/jpeg' : `image/${format}`;
        assert.equal(Reflect.get(Reflect.get(Object(response.body), 'upload'), 'contentType'), expected);
      }
      for (const name of storedFiles()) {
        assert.match(name, /^[0-9a-f]{36}$/, 'random names without the sender’s name or extension');
        const mode = statSync(path.join(server.kefu.services.config.dataDir, 'uploads', name)).mode & 0o777;
        assert.equal(mode, 0o600, 'owner read/write only, never executable');
      }
    });

    test('a script dressed as a photo, an oversized photo and a non-upload are refused, storing nothing', async () => {
      const { token } = await startSession();
      const uploadsBefore = await countUploads();
      const filesBefore = storedFiles().length;
      const script = Buffer.from('#!/bin/sh\necho owned\n<script>alert(1)</script>');
      const disguised = await uploadFile(server.baseUrl, token, {
        bytes: script,
        name: 'cat.jpg',
        type: 'image/jpeg',
      });
      assert.equal(disguised.status, 415);
      assert.equal(readErrorCode(disguised.body), 'upload_type_unsupported');
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
      assert.equal(
        (await uploadFile(server.baseUrl, token, { bytes: svg, name: 'a.svg', type: 'image/svg+xml' }))
          .status,
        415,
      );
      const oversized = Buffer.concat([photoBytes.png, Buffer.alloc(maxBytes)]);
      const tooLarge = await uploadFile(server.baseUrl, token, {
        bytes: oversized,
        name: 'big.png',
        type: 'image/png',
      });
      assert.equal(tooLarge.status, 413);
      assert.equal(readErrorCode(tooLarge.body), 'upload_too_large');
      assert.deepEqual(Reflect.get(Reflect.get(Object(tooLarge.body), 'error'), 'details'), { maxBytes });
      const wrongField = await uploadFile(
        server.baseUrl,
        token,
        { bytes: photoBytes.png, name: 'a.png', type: 'image/png' },
        'photo',
      );
      assert.equal(wrongField.status, 400);
      const json = await requestJson(server.baseUrl, 'POST', '/api/v1/visitor/uploads', {
        token,
        body: { file: 'x' },
      });
      assert.equal(json.status, 400);
      assert.equal(
        (await uploadFile(server.baseUrl, null, { bytes: photoBytes.png, name: 'a.png', type: 'image/png' }))
          .status,
        401,
      );
      assert.equal(await countUploads(), uploadsBefore);
      assert.equal(storedFiles().length, filesBefore);
    });

    test('a photo without words is acknowledged in the conversation’s language and reaches the agent', async () => {
      const shopper = await startSession();
      const uploadId = await upload(shopper.token, photoBytes.png);
      const sent = await send(shopper.token, { attachments: [uploadId], clientMessageId: 'photo-1' });
      assert.equal(sent.status, 201);
      assert.equal(sent.body.message.text, '');
      const [attachment] = sent.body.message.attachments;
      assert.deepEqual(attachment, {
        name: 'photo.png',
        url: `/api/v1/visitor/uploads/${uploadId}`,
        contentType: 'image/png',
        sizeBytes: photoBytes.png.length,
        uploadId,
      });
      assert.equal(sent.body.replies.length, 1);
      assert.match(sent.body.replies[0]?.text ?? '', /收到您的照片.*发生了什么/s);
      assert.ok((sent.body.replies[0]?.quickReplies.length ?? 0) >= 2);
      const again = await send(shopper.token, { attachments: [uploadId], clientMessageId: 'photo-1' });
      assert.equal(again.body.message.id, sent.body.message.id, 'a retry returns the stored message');

      const mine = await fetch(`${server.baseUrl}${attachment?.url}`, { headers: bearer(shopper.token) });
      assert.equal(mine.status, 200);
      assert.equal(mine.headers.get('content-type'), 'image/png');
      assert.equal(mine.headers.get('x-content-type-options'), 'nosniff');
      assert.match(mine.headers.get('content-disposition') ?? '', /^inline/);
      assert.deepEqual(Buffer.from(await mine.arrayBuffer()), photoBytes.png);
      const stranger = await startSession();
      assert.equal(
        (await fetch(`${server.baseUrl}${attachment?.url}`, { headers: bearer(stranger.token) })).status,
        404,
      );
      assert.equal((await fetch(`${server.baseUrl}${attachment?.url}`)).status, 401);

      const adminToken = await server.loginAdmin();
      const agentView = await requestJson<{ messages: Message[] }>(
        server.baseUrl,
        'GET',
        `/api/v1/agent/conversations/${shopper.conversationId}/messages`,
        { token: adminToken },
      );
      const agentUrl = agentView.body.messages.find((message) => message.id === sent.body.message.id)
        ?.attachments[0]?.url;
      assert.equal(agentUrl, `/api/v1/agent/uploads/${uploadId}`);
      const asAdmin = await fetch(`${server.baseUrl}${agentUrl}`, { headers: bearer(adminToken) });
      assert.equal(asAdmin.status, 200);
      assert.equal(asAdmin.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(
        (await fetch(`${server.baseUrl}${agentUrl}`, { headers: bearer(shopper.token) })).status,
        401,
      );

      const english = await startSession('en');
      const englishPhoto = await upload(english.token, photoBytes.jpeg, 'p.jpg', 'image/jpeg');
      const acknowledged = await send(english.token, { attachments: [englishPhoto] });
      assert.match(acknowledged.body.replies[0]?.text ?? '', /got your photo.*What happened/s);
    });

    test('a photo the damage question asked for goes to that flow, which moves on to the remedy', async () => {
      const shopper = await startShopperChat(server.baseUrl, { shopCustomerId: 'cus_demo_06' });
      assert.match((await shopper.say('KF202611010029 收到的碗碎了')).text, /照片/);
      const uploadId = await upload(shopper.session.token, photoBytes.jpeg, 'bowl.jpg', 'image/jpeg');
      const sent = await send(shopper.session.token, { attachments: [uploadId] });
      const answer = sent.body.replies.map((reply) => reply.text).join('\n');
      assert.match(answer, /收到照片了.*补发新的.*退货退款/s);
      assert.doesNotMatch(answer, /发生了什么/, 'not asked again what happened');
    });

    test('an agent sees a photo only in a conversation they may see; unsent photos are the shopper’s alone', async () => {
      const adminToken = await server.loginAdmin();
      const created = await requestJson(server.baseUrl, 'POST', '/api/v1/admin/agents', {
        token: adminToken,
        body: {
          email: 'photo.agent@kefu.test',
          displayName: '小李',
          password: 'photo-agent-pass',
          role: 'agent',
        },
      });
      assert.equal(created.status, 201);
      const agentToken = await server.login('photo.agent@kefu.test', 'photo-agent-pass');
      const shopper = await startSession();
      const unsent = await upload(shopper.token, photoBytes.gif, 'x.gif', 'image/gif');
      assert.equal(
        (await fetch(`${server.baseUrl}/api/v1/agent/uploads/${unsent}`, { headers: bearer(adminToken) }))
          .status,
        404,
      );
      const sentPhoto = await upload(shopper.token, photoBytes.webp, 'x.webp', 'image/webp');
      assert.equal((await send(shopper.token, { text: '碗碎了', attachments: [sentPhoto] })).status, 201);
      const photoPath = `/api/v1/agent/uploads/${sentPhoto}`;
      assert.equal(
        (await fetch(`${server.baseUrl}${photoPath}`, { headers: bearer(agentToken) })).status,
        200,
      );
      const takeover = await requestJson(
        server.baseUrl,
        'POST',
        `/api/v1/agent/conversations/${shopper.conversationId}/takeover`,
        { token: adminToken, body: {} },
      );
      assert.equal(takeover.status, 200);
      assert.equal(
        (await fetch(`${server.baseUrl}${photoPath}`, { headers: bearer(agentToken) })).status,
        404,
      );
      assert.equal(
        (await fetch(`${server.baseUrl}${photoPath}`, { headers: bearer(adminToken) })).status,
        200,
      );
    });

    test('foreign, unknown, reused or malformed photo ids are refused and nothing is stored', async () => {
      const owner = await startSession();
      const other = await startSession();
      const ownersPhoto = await upload(owner.token, photoBytes.png);
      const before = await countMessages(other.token);
      const refusals: [object, number, string][] = [
        [{ text: '看看', attachments: [ownersPhoto] }, 400, 'attachment_invalid'],
        [{ attachments: ['upl_01nonexistent'] }, 400, 'attachment_invalid'],
        [{ attachments: ['../../etc/passwd'] }, 400, 'validation_failed'],
        [{ attachments: [] }, 400, 'validation_failed'],
        [{}, 400, 'validation_failed'],
      ];
      for (const [body, status, code] of refusals) {
        const response = await requestJson<ErrorBody>(server.baseUrl, 'POST', '/api/v1/visitor/messages', {
          token: other.token,
          body,
        });
        assert.equal(response.status, status, JSON.stringify(body));
        assert.equal(response.body.error.code, code);
      }
      assert.equal(await countMessages(other.token), before);
      assert.equal((await send(owner.token, { attachments: [ownersPhoto] })).status, 201);
      const ownerCount = await countMessages(owner.token);
      const reused = await send(owner.token, { text: '再发一次', attachments: [ownersPhoto] });
      assert.equal(reused.status, 400);
      assert.equal(await countMessages(owner.token), ownerCount);
    });

    test('the bot’s turn carries the photos sent with the words', async () => {
      const shopper = await startSession();
      const uploadId = await upload(shopper.token, photoBytes.png);
      const turns: BotTurn[] = [];
      const recordingBot = new BotPipeline(
        [
          {
            name: 'recording',
            handle: async (turn) => {
              turns.push(turn);
              return { stage: 'recording', replies: [{ text: '好的', quickReplies: [] }], handoff: null };
            },
          },
        ],
        localizeReply,
      );
      // Stored as the ingest stores it, then answered by the job's use-case with the recording bot.
      const { conversations, understander, clock, unitOfWork } = server.kefu.services;
      const stored = await unitOfWork.run((context) =>
        conversations.appendCustomerMessage(context, shopper.customerId, 'web', {
          text: '盘子碎了',
          analysis: JSON.stringify({ ...understander.understand('盘子碎了', clock.now()), answeredBy: null }),
          uploadIds: [uploadId],
        }),
      );
      await answerCustomerMessage({ ...server.kefu.services, bot: recordingBot }, stored.message.id);
      assert.deepEqual(turns[0]?.attachments, [
        { kind: 'image', url: `/api/v1/visitor/uploads/${uploadId}` },
      ]);
      assert.equal(turns[0]?.text, '盘子碎了');
    });
  });
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

function readErrorCode(body: unknown): unknown {
  const error = typeof body === 'object' && body !== null ? Reflect.get(body, 'error') : undefined;
  return typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
}
