// Files a shopper mailed to the shop show on their message as download chips (type icon, name, size); the agent
// downloads them with their own token and gets the same bytes. Headless Chromium against the real server, the
// mail sent through Kefu's real SMTP listener.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { MailShopper } from '../../server/test/helpers/mailShopper';
import { minimalPdf, smallWorkbook, startMailShopper } from '../../server/test/helpers/mailShopper';
import { waitUntil } from '../../server/test/helpers/waitUntil';
import {
  createAccount,
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

let harness: ConsoleHarness | undefined;
let mail: MailShopper | undefined;

before(async () => {
  if (skipReason) return;
  harness = await startConsoleHarness();
  const adminToken = await harness.server.loginAdmin();
  mail = await startMailShopper(harness.server, adminToken, {
    shop: 'service@shop.test',
    shopper: 'zhao.min@example.com',
  });
});
after(async () => {
  await mail?.close();
  await harness?.close();
});

test(
  'an agent sees the mailed PDF and spreadsheet as chips and downloads the PDF',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    assert.ok(harness && mail, 'the console harness and the shopper’s mail started');
    const pdf = minimalPdf();
    const workbook = await smallWorkbook();
    await mail.send({
      subject: '发票',
      messageId: '<browser-files.1@example.com>',
      text: '请查收发票和对账单',
      attachments: [
        { filename: 'invoice.pdf', content: pdf, contentType: 'application/pdf' },
        { filename: '对账单.xlsx', content: workbook },
      ],
    });
    const db = harness.server.kefu.services.database.db;
    let conversationId = '';
    await waitUntil(
      async () => {
        const row = await db
          .selectFrom('inbound_messages')
          .select('conversation_id')
          .where('external_message_id', '=', '<browser-files.1@example.com>')
          .executeTakeFirst();
        conversationId = row?.conversation_id ?? '';
        return conversationId !== '';
      },
      { description: 'the mail stored' },
    );
    const account = await createAccount(harness, 'supervisor', '孙主管');
    const { context, page, pageErrors } = await openConsole(harness, { width: 1280, height: 900 });
    await signIn(page, account);
    await page.goto(`${harness.server.baseUrl}/console/inbox/${conversationId}`);
    const pdfChip = page.locator('.message--customer .message-file__chip', { hasText: 'invoice.pdf' });
    await pdfChip.waitFor();
    assert.equal((await pdfChip.locator('.message-file__size').textContent()) ?? '', `${pdf.length} B`);
    assert.equal(await pdfChip.locator('.anticon-file-pdf').count(), 1, 'the PDF icon');
    const sheetChip = page.locator('.message--customer .message-file__chip', { hasText: '对账单.xlsx' });
    assert.equal(await sheetChip.locator('.anticon-file-excel').count(), 1, 'the spreadsheet icon');
    await screenshot(page, 'console-mail-files.png');

    const [download] = await Promise.all([page.waitForEvent('download'), pdfChip.click()]);
    assert.equal(download.suggestedFilename(), 'invoice.pdf');
    assert.deepEqual(await readFile(await download.path()), pdf);
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);
