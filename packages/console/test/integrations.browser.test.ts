// Outbound webhooks in the console, in headless Chromium against the real server and a loopback CRM: an admin
// creates a webhook with events chosen by name, copies the secret shown once, sends a test event, and sees it
// delivered in the delivery log; a private-network address without the admin's consent is refused in words.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, test } from 'node:test';
import { KefuWebhooksApi } from '@kefu/sdk';
import { testAdminPassword } from '../../server/test/helpers/testServer';
import { WebhookReceiver } from '../../server/test/helpers/webhookReceiver';
import {
  browserWaitMs,
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

let harness: ConsoleHarness | undefined;
const receiver = new WebhookReceiver();

before(async () => {
  if (skipReason) return;
  await receiver.start();
  harness = await startConsoleHarness({ seedDemo: false });
});
after(async () => {
  await harness?.close();
  await receiver.close();
});

test(
  'an admin creates a webhook, keeps the secret, sends a test event and sees it in the delivery log',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    await page.goto(`${current.server.baseUrl}/console/admin/integrations`);
    await page.getByRole('button', { name: /新建推送/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称').fill('店铺 CRM');
    await dialog.getByLabel('接收地址').fill(receiver.url('/crm'));
    await dialog.getByLabel('会话开始').check();
    await dialog.getByLabel('工单解决').check();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page
      .getByText(/不能推送|内网地址/)
      .first()
      .waitFor({ timeout: browserWaitMs });
    await dialog.getByRole('switch', { name: '允许内网地址' }).click();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();

    const secretBox = page.locator('.webhook-secret');
    await secretBox.waitFor({ timeout: browserWaitMs });
    const secret = (await secretBox.innerText()).trim();
    assert.match(secret, /^whsec_/);
    await page.getByRole('button', { name: '我已保存' }).click();
    const row = page.getByRole('row', { name: /店铺 CRM/ });
    await row.getByText('会话开始').waitFor();
    await row.getByText('工单解决').waitFor();
    const [webhook] = await new KefuWebhooksApi(current.admin).list();
    assert.deepEqual(webhook?.events, ['conversation.opened', 'ticket.solved']);
    assert.equal(await page.getByText(secret).count(), 0, 'the secret is gone once closed');

    await row.getByRole('button', { name: '发送测试事件' }).click();
    await row.getByRole('button', { name: '推送记录' }).click();
    const log = page.locator('.webhook-deliveries');
    await log.getByText('测试事件').waitFor({ timeout: browserWaitMs });
    await log.getByText('已送达').waitFor({ timeout: browserWaitMs });
    await log.getByRole('cell', { name: '200' }).waitFor();
    const [request] = receiver.at('/crm');
    assert.ok(request);
    const id = String(request.headers['webhook-id']);
    const timestamp = String(request.headers['webhook-timestamp']);
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key)
      .update(`${id}.${timestamp}.${request.rawBody}`)
      .digest('base64');
    assert.equal(request.headers['webhook-signature'], `v1,${expected}`);
    await screenshot(page, 'console-webhooks.png');
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('harness not started');
  return harness;
}
