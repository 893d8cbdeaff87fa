// Admin screens in headless Chromium against the real server: an admin edits a keyword rule, checks it in
// the test box, and a shopper gets the new answer from the bot; accounts are created with a role.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KefuVisitorClient } from '@kefu/sdk';
import { testAdminPassword } from '../../server/test/helpers/testServer';
import {
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

const RULE_REPLY = '支持开具电子发票，请在下单时填写发票抬头，发货后 24 小时内发送到您的邮箱。';

let harness: ConsoleHarness | undefined;

before(async () => {
  if (!skipReason) harness = await startConsoleHarness();
});
after(async () => harness?.close());

test(
  'an admin edits a bot rule, the test box shows the answer and the bot answers shoppers with it',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    await page.getByRole('menuitem', { name: /机器人规则/ }).click();
    await page.getByRole('button', { name: /新建规则/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('规则名称').fill('发票');
    await dialog.getByLabel('关键词').fill('发票\n开票');
    await dialog.getByLabel('中文回复').fill('可以开发票。');
    await dialog.getByLabel('英文回复').fill('We can issue an invoice.');
    await dialog.getByLabel('优先级').fill('1');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = page
      .locator('.ant-table-row')
      .filter({ has: page.getByRole('cell', { name: '发票', exact: true }) });
    await row.waitFor();

    await row.getByRole('button', { name: '编辑 发票' }).click();
    await page.getByRole('dialog').getByLabel('中文回复').fill(RULE_REPLY);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.locator('.ant-table-row', { hasText: RULE_REPLY }).waitFor();

    await page.getByPlaceholder(/输入一句顾客可能说的话/).fill('请问可以开发票吗？');
    await page.keyboard.press('Enter');
    const result = page.getByTestId('bot-test-result');
    await result.getByText(RULE_REPLY).waitFor();
    assert.match((await result.textContent()) ?? '', /发票/);
    await screenshot(page, 'console-bot-rules.png');

    const shopper = new KefuVisitorClient({ baseUrl: current.server.baseUrl, locale: 'zh-CN' });
    const { replies } = await shopper.sendMessage('请问可以开发票吗？');
    assert.equal(replies[0]?.text, RULE_REPLY, 'the bot answers with the edited rule');
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'an admin creates a supervisor account, which is listed with its role',
  { skip: skipReason, timeout: 60_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    await page.getByRole('menuitem', { name: /客服账号/ }).click();
    await page.getByRole('button', { name: /新建账号/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('显示名称').fill('周主管');
    await dialog.getByLabel('邮箱').fill('zhou@kefu.test');
    await dialog.getByLabel('密码').fill('password-123');
    await dialog.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: '主管' }).click();
    await dialog.getByRole('button', { name: /新\s*建/ }).click();
    const row = page.locator('.ant-table-row', { hasText: 'zhou@kefu.test' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /主管/);
    await screenshot(page, 'console-agents.png');
    const created = (await current.admin.listAgents()).find((agent) => agent.email === 'zhou@kefu.test');
    assert.equal(created?.role, 'supervisor');
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('harness not started');
  return harness;
}
