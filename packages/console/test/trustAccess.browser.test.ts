// Access in the console, in headless Chromium against the real server: an admin makes an API token whose
// secret is shown once and revokes it; an agent turns on two-step verification and signs in with a code; an
// admin exports and erases a shopper from the customer view.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KefuVisitorClient } from '@kefu/sdk';
import { Secret, TOTP } from 'otpauth';
import { testAdminPassword } from '../../server/test/helpers/testServer';
import { waitUntil } from '../../server/test/helpers/waitUntil';
import {
  browserWaitMs,
  confirmPopup,
  createAccount,
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

let harness: ConsoleHarness | undefined;

before(async () => {
  if (!skipReason) harness = await startConsoleHarness();
});
after(async () => harness?.close());

test(
  'an admin creates an API token, sees its secret once, and revokes it',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    // The admin's header holds more screens than fit; the tab has its own address.
    await page.goto(`${current.server.baseUrl}/console/admin/security/tokens`);
    await page.getByRole('button', { name: /新建令牌/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建令牌' });
    await dialog.getByLabel('名称').fill('ERP 同步');
    await dialog.getByRole('checkbox', { name: '查看会话（本人与所在团队）' }).check();
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    const secretText = page.locator('.api-token-secret');
    await secretText.waitFor();
    const secret = (await secretText.innerText()).trim();
    assert.match(secret, /^kefupat_/);
    await screenshot(page, 'console-api-token-secret.png');
    const useToken = async () =>
      (
        await fetch(`${current.server.baseUrl}/api/v1/agent/conversations`, {
          headers: { authorization: `Bearer ${secret}` },
        })
      ).status;
    assert.equal(await useToken(), 200);

    await page.getByRole('button', { name: /完\s*成/ }).click();
    await secretText.waitFor({ state: 'detached' });
    const row = page.locator('.ant-list-item', { hasText: 'ERP 同步' });
    await row.getByText('查看会话（本人与所在团队）').waitFor();
    assert.ok(!(await page.content()).includes(secret), 'the secret is not shown again');
    await page.reload();
    await row.getByText('有效').waitFor();
    assert.ok(!(await page.content()).includes(secret), 'the secret is not shown after a reload');

    await row.getByRole('button', { name: /撤销 ERP 同步/ }).click();
    await confirmPopup(page, /撤\s*销/);
    await row.getByText('已撤销').waitFor();
    assert.equal(await useToken(), 401);
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'an agent turns on two-step verification and signs in with a code after a wrong one',
  { skip: skipReason, timeout: 240_000 },
  async () => {
    const current = requireHarness();
    const account = await createAccount(current, 'agent', '孙二步');
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, account);
    await page.getByRole('button', { name: '两步验证设置' }).click();
    await page.getByRole('button', { name: /开始设置/ }).click();
    await page.getByRole('img', { name: '两步验证' }).waitFor();
    const secret = (await page.locator('.two-factor-secret').innerText()).trim();
    const codeNow = () => TOTP.generate({ secret: Secret.fromBase32(secret) });
    const stepNow = () => TOTP.counter();
    const confirmedStep = stepNow();
    await page.getByLabel('6 位动态码').fill(codeNow());
    await page.getByRole('button', { name: /验证并开启/ }).click();
    const recoveryCodes = page.locator('.ant-modal .ant-list-item');
    await recoveryCodes.first().waitFor();
    assert.equal(await recoveryCodes.count(), 10);
    await screenshot(page, 'console-two-factor-recovery-codes.png');
    await page.getByRole('button', { name: /完\s*成/ }).click();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('邮箱').fill(account.email);
    await page.getByLabel('密码').fill(account.password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const codeField = page.getByLabel('6 位动态码');
    await codeField.fill('000000');
    await page.getByRole('button', { name: /验\s*证/ }).click();
    await page.getByText('验证码不正确，请重试；多次错误将暂时锁定登录').waitFor();
    // The code that turned it on cannot sign in again: wait for the app's next code.
    await waitUntil(() => stepNow() > confirmedStep, { timeoutMs: browserWaitMs, intervalMs: 250 });
    await codeField.fill(codeNow());
    await page.getByRole('button', { name: /验\s*证/ }).click();
    await page.locator('.shell-header').waitFor();
    await screenshot(page, 'console-two-factor-signed-in.png');
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'an admin exports and erases a shopper from the customer view',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const shopper = new KefuVisitorClient({
      baseUrl: current.server.baseUrl,
      name: '周女士',
      locale: 'zh-CN',
    });
    await shopper.sendMessage('我要转人工，帮我删除我的资料');
    const session = await shopper.startSession();
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    await page.getByRole('menuitem', { name: /会话/ }).click();
    await page.locator('[data-tab="all"]').click();
    await page.locator('.inbox-row', { hasText: '周女士' }).click();
    const rights = page.getByRole('region', { name: '顾客数据权利' });
    const download = page.waitForEvent('download');
    await rights.getByRole('button', { name: /导出全部数据/ }).click();
    assert.equal((await download).suggestedFilename(), `customer-${session.customerId}.tar`);

    await rights.getByRole('button', { name: /删除顾客数据/ }).click();
    const dialog = page.getByRole('dialog', { name: '删除此顾客的个人数据' });
    const confirm = dialog.getByRole('button', { name: /确认删除/ });
    assert.equal(await confirm.isDisabled(), true, 'erasing waits for the typed id');
    await dialog.getByRole('textbox').fill(session.customerId);
    await confirm.click();
    await page.locator('.ant-message-notice', { hasText: '已删除' }).waitFor();
    await screenshot(page, 'console-shopper-erased.png');
    const audited = await current.server.kefu.services.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', session.customerId)
      .execute();
    const actions = audited.map((entry) => entry.action);
    assert.ok(actions.includes('customer.exported') && actions.includes('customer.erased'), actions.join());
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('harness not started');
  return harness;
}
