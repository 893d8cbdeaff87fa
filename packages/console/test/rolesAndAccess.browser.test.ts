// Roles in the console, in headless Chromium against the real server: an admin defines a custom role from
// named permissions and gives it to an agent; an analyst signs in to reports and sees no conversations.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KefuTrustApi } from '@kefu/sdk';
import { testAdminPassword } from '../../server/test/helpers/testServer';
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

before(async () => {
  if (!skipReason) harness = await startConsoleHarness();
});
after(async () => harness?.close());

test(
  'an admin defines a custom role from named permissions and gives it to an agent',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const current = requireHarness();
    const account = await createAccount(current, 'agent', '林质检');
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    await page.getByRole('menuitem', { name: /安全与隐私/ }).click();
    await page.getByRole('tab', { name: '角色与权限' }).click();
    await page.getByRole('button', { name: /新建角色/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('角色名称').fill('质检员');
    await dialog.getByRole('checkbox', { name: '查看全部会话' }).check();
    await dialog.getByRole('checkbox', { name: '查看会话（本人与所在团队）' }).check();
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('button', { name: '编辑 质检员' }).waitFor();
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await screenshot(page, 'console-roles.png');
    const roles = await new KefuTrustApi(current.admin).listRoles();
    const role = roles.custom.find((entry) => entry.name === '质检员');
    assert.deepEqual(role?.permissions, ['conversations:read', 'conversations:read_all']);

    await page.getByRole('menuitem', { name: /客服账号/ }).click();
    const roleOfAccount = async () =>
      (await current.admin.listAgents()).find((agent) => agent.email === account.email)?.role;
    // The agents table re-renders on live presence events; a pick lost to one is made again.
    for (let attempt = 0; attempt < 3 && (await roleOfAccount()) !== 'custom'; attempt += 1) {
      await page.getByRole('combobox', { name: '角色 林质检' }).click();
      await page.locator('.ant-select-item-option[title="质检员"]').click();
      await page
        .locator('.ant-message-notice', { hasText: '已保存' })
        .waitFor({ timeout: 15_000 })
        .catch(() => undefined);
    }
    const changed = (await current.admin.listAgents()).find((agent) => agent.email === account.email);
    assert.equal(changed?.role, 'custom');
    assert.equal(changed?.customRoleId, role?.id);
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'an analyst signs in to the reports, with no inbox and no presence to set',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const current = requireHarness();
    const analyst = await createAccount(current, 'analyst', '赵分析');
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, analyst);
    await page.getByText('满意度', { exact: false }).first().waitFor();
    assert.equal(await page.getByRole('menuitem').count(), 0, 'no navigation to conversations or settings');
    assert.equal(await page.getByRole('combobox', { name: '在线状态' }).count(), 0);
    await screenshot(page, 'console-analyst.png');
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('harness not started');
  return harness;
}
