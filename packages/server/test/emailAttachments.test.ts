// Files shoppers send by e-mail, through the real SMTP listener: kept when their bytes are an allowed kind and
// within the limits, downloaded by agents who may read the conversation (never shown inline), listed with the
// reason when refused, in the customer's data export, and gone after erasure.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Message } from '@kefu/sdk';
import { conversationReads } from './helpers/conversationReads';
import { requestJson, startVisitorSession } from './helpers/http';
import type { MailShopper } from './helpers/mailShopper';
import { minimalPdf, smallWorkbook, startMailShopper } from './helpers/mailShopper';
import { readTar } from './helpers/tarArchive';
import { testDatabaseTargets } from './helpers/testDatabase';
import type { TestServer } from './helpers/testServer';
import { startTestServer } from './helpers/testServer';
import { waitUntil } from './helpers/waitUntil';

const shopper = 'wang.fang@example.com';
const fileMaxBytes = 64 * 1024;

for (const { dialect } of testDatabaseTargets()) {
  describe(`e-mail attachments kept as the shopper's files (${dialect})`, () => {
    let server: TestServer;
    let adminToken: string;
    let mail: MailShopper;
    const pdf = minimalPdf();
    let workbook: Buffer;

    before(async () => {
      server = await startTestServer({
        dialect,
        environment: { KEFU_ATTACHMENT_MAX_BYTES: String(fileMaxBytes) },
      });
      adminToken = await server.loginAdmin();
      mail = await startMailShopper(server, adminToken, { shop: 'service@shop.test', shopper });
      workbook = await smallWorkbook();
    });
    after(async () => {
      await mail.close();
      await server.close();
    });

    const db = () => server.kefu.services.database.db;
    const { messagesOf } = conversationReads(() => ({ baseUrl: server.baseUrl, token: adminToken }));
    const download = (url: string, token: string | null) =>
      fetch(`${server.baseUrl}${url}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
    /** The shopper's stored message of the mail `messageId`, once it is taken in. */
    const messageOfMail = async (
      messageId: string,
    ): Promise<{ message: Message; conversationId: string }> => {
      let found: { message: Message; conversationId: string } | undefined;
      await waitUntil(
        async () => {
          const row = await db()
            .selectFrom('inbound_messages')
            .selectAll()
            .where('external_message_id', '=', messageId)
            .executeTakeFirst();
          const conversationId = row?.conversation_id ?? '';
          const message = row && (await messagesOf(conversationId)).find((m) => m.id === row.message_id);
          found = message ? { message, conversationId } : undefined;
          return found !== undefined;
        },
        { description: `the mail ${messageId} stored` },
      );
      assert.ok(found);
      return found;
    };

    test('a PDF and a spreadsheet are kept and downloaded with the same bytes; programs, disguised web pages and oversized files are listed with why', async () => {
      await mail.send({
        subject: '发票和对账单',
        messageId: '<files.1@example.com>',
        text: '附件是发票和对账单',
        attachments: [
          { filename: 'invoice.pdf', content: pdf, contentType: 'application/pdf' },
          { filename: '对账单.xlsx', content: workbook, contentType: 'application/octet-stream' },
          {
            filename: 'setup.exe',
            content: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]),
            contentType: 'application/pdf',
          },
          {
            filename: 'receipt.pdf',
            content: Buffer.from(
              '<!doctype html><html><body><script>alert(document.cookie)</script></body></html>',
            ),
            contentType: 'application/pdf',
          },
          { filename: 'scan.pdf', content: minimalPdf(fileMaxBytes), contentType: 'application/pdf' },
        ],
      });
      const { message } = await messageOfMail('<files.1@example.com>');
      assert.deepEqual(
        message.attachments.map(({ name, contentType, sizeBytes }) => ({ name, contentType, sizeBytes })),
        [
          { name: 'invoice.pdf', contentType: 'application/pdf', sizeBytes: pdf.length },
          {
            name: '对账单.xlsx',
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            sizeBytes: workbook.length,
          },
        ],
      );
      const lines = message.text.split('\n');
      assert.equal(lines[0], '附件是发票和对账单');
      assert.ok(
        lines.includes(
          '📎 setup.exe (512 B) — 未保存：不接收程序或脚本文件 / Not kept: programs and scripts are not accepted',
        ),
      );
      assert.ok(
        lines.some(
          (line) =>
            line.startsWith('📎 receipt.pdf') &&
            line.includes('Not kept: web pages and SVG/XML files are not accepted'),
        ),
      );
      assert.ok(
        lines.some(
          (line) =>
            line.startsWith('📎 scan.pdf') &&
            line.includes('文件超过大小上限（64 KB）') &&
            line.includes('Not kept: the file is larger than the limit (64 KB)'),
        ),
      );
      const stored = await db().selectFrom('uploads').select(['kind', 'file_name']).execute();
      assert.deepEqual(
        stored.map((row) => row.file_name).sort(),
        ['invoice.pdf', '对账单.xlsx'].sort(),
        'nothing refused is stored',
      );

      for (const [attachment, bytes] of [
        [message.attachments[0], pdf],
        [message.attachments[1], workbook],
      ] as const) {
        const response = await download(attachment?.url ?? '', adminToken);
        assert.equal(response.status, 200);
        assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes);
        assert.equal(response.headers.get('content-type'), attachment?.contentType);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
        assert.match(response.headers.get('content-disposition') ?? '', /^attachment; /);
        assert.ok(
          (response.headers.get('content-disposition') ?? '').includes(
            `filename*=UTF-8''${encodeURIComponent(attachment?.name ?? '')}`,
          ),
        );
      }
    });

    test('a mail of only a file, without words or subject, is kept as a message with that file', async () => {
      const csv = Buffer.from('订单号,数量\nE20240002,3\n');
      await mail.send({
        messageId: '<only-file.2@example.com>',
        attachments: [{ filename: 'orders.csv', content: csv }],
      });
      const { message } = await messageOfMail('<only-file.2@example.com>');
      assert.equal(message.text, '');
      assert.deepEqual(
        message.attachments.map(({ name, contentType }) => ({ name, contentType })),
        [{ name: 'orders.csv', contentType: 'text/csv' }],
      );
      const response = await download(message.attachments[0]?.url ?? '', adminToken);
      assert.equal(response.headers.get('content-type'), 'text/csv; charset=utf-8');
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), csv);
    });

    test('only agents who may read the conversation download its files', async () => {
      const { message, conversationId } = await messageOfMail('<files.1@example.com>');
      const url = message.attachments[0]?.url ?? '';
      assert.equal((await download(url, null)).status, 401);
      const visitor = await startVisitorSession(server.baseUrl);
      assert.equal((await download(url, visitor.token)).status, 401, 'a visitor token is not an agent’s');
      const analyst = await createAgent('analyst');
      assert.equal((await download(url, analyst)).status, 403, 'a role without conversations:read');
      const agent = await createAgent('agent');
      assert.equal((await download(url, agent)).status, 200, 'an agent sees an unassigned conversation');
      const takeover = await requestJson(
        server.baseUrl,
        'POST',
        `/api/v1/agent/conversations/${conversationId}/takeover`,
        {
          token: adminToken,
        },
      );
      assert.equal(takeover.status, 200);
      assert.equal((await download(url, agent)).status, 404, 'another agent’s conversation stays hidden');
    });

    test('the data export lists the files; erasure deletes them', async () => {
      const { message } = await messageOfMail('<files.1@example.com>');
      const customer = await db()
        .selectFrom('customer_identities')
        .select('customer_id')
        .where('external_id', '=', shopper)
        .executeTakeFirstOrThrow();
      const exported = await download(`/api/v1/admin/customers/${customer.customer_id}/export`, adminToken);
      assert.equal(exported.status, 200);
      const archive = readTar(Buffer.from(await exported.arrayBuffer()));
      const data: { files: { name: string; sizeBytes: number; file: string }[] } = JSON.parse(
        archive.get('data.json')?.toString('utf8') ?? '{}',
      );
      assert.deepEqual(
        data.files
          .map(({ name, sizeBytes }) => ({ name, sizeBytes }))
          .sort((a, b) => a.sizeBytes - b.sizeBytes),
        [
          { name: 'orders.csv', sizeBytes: 29 },
          { name: 'invoice.pdf', sizeBytes: pdf.length },
          { name: '对账单.xlsx', sizeBytes: workbook.length },
        ],
      );
      const pdfEntry = data.files.find((file) => file.name === 'invoice.pdf');
      assert.deepEqual(archive.get(pdfEntry?.file ?? ''), pdf);
      assert.match(archive.get('index.html')?.toString('utf8') ?? '', /对账单\.xlsx/);

      const storage = server.kefu.services.photoStorage;
      const storageNames = (await db().selectFrom('uploads').select('storage_name').execute()).map(
        (row) => row.storage_name,
      );
      assert.equal(storageNames.length, 3);
      assert.ok(storageNames.every((name) => existsSync(storage.pathOf(name))));
      const erased = await requestJson(
        server.baseUrl,
        'POST',
        `/api/v1/admin/customers/${customer.customer_id}/erase`,
        {
          token: adminToken,
          body: { confirm: customer.customer_id },
        },
      );
      assert.equal(erased.status, 200);
      assert.ok(
        storageNames.every((name) => !existsSync(storage.pathOf(name))),
        'the files are deleted',
      );
      assert.equal((await db().selectFrom('uploads').select('id').execute()).length, 0);
      assert.equal((await download(message.attachments[0]?.url ?? '', adminToken)).status, 404);
    });

    let agentCount = 0;
    async function createAgent(role: string): Promise<string> {
      agentCount += 1;
      const email = `files-${role}-${agentCount}@kefu.test`;
      const created = await requestJson(server.baseUrl, 'POST', '/api/v1/admin/agents', {
        token: adminToken,
        body: { email, displayName: `${role} ${agentCount}`, password: 'password-123', role },
      });
      assert.equal(created.status, 201);
      return server.login(email, 'password-123');
    }
  });
}
