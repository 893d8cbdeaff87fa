// The human-in-the-loop screens in headless Chromium against the real server (manual clock): a shopper asks for
// a person, a supervisor sees the queue and the handoff summary and transfers to an agent who sees it arrive
// live; an agent works a ticket that breaches its SLA (alert, badge, breach mark); an admin edits an SLA policy
// and a team.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import { KefuAgentClient, KefuServiceApi, KefuVisitorClient } from '@kefu/sdk';
import { ManualClock } from '../../server/src/clock';
import { testAdminPassword } from '../../server/test/helpers/testServer';
import {
  createAccount,
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  waitForFieldValue,
  type ConsoleHarness,
} from './consoleBrowser';

// A little in the past, so server times (moved by hand) and the browser's clock read naturally together.
const clock = new ManualClock(new Date(Date.now() - 2 * 60_000));
let harness: ConsoleHarness | undefined;
let adminApi: KefuServiceApi;

before(async () => {
  if (skipReason) return;
  harness = await startConsoleHarness({ clock });
  adminApi = new KefuServiceApi(harness.admin);
  // Open around the clock, and manual pull so handed-off conversations wait in the queue for the supervisor.
  const settings = await adminApi.getRoutingSettings();
  await adminApi.updateRoutingSettings({
    ...settings,
    mode: 'manual',
    businessHours: { ...settings.businessHours, enabled: false },
  });
});
after(async () => harness?.close());

test(
  'a supervisor sees a handed-off conversation in the queue with its summary and transfers it to an agent live',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const current = requireHarness();
    const agentAccount = await createAccount(current, 'agent', '林晓');
    const supervisorAccount = await createAccount(current, 'supervisor', '周主管');
    const agentSession = await openConsole(current);
    await signIn(agentSession.page, agentAccount);

    const shopper = new KefuVisitorClient({
      baseUrl: current.server.baseUrl,
      name: '陈女士',
      locale: 'zh-CN',
    });
    await shopper.sendMessage('耳机右耳没声音了，订单号 DD20251120001，可以退款吗？');
    await shopper.sendMessage('太慢了，我要转人工');
    const conversationId = shopper.session?.conversationId;
    assert.ok(conversationId);

    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, supervisorAccount);
    await page.getByRole('menuitem', { name: /排队/ }).click();
    const queueRow = page.locator('.queue-row', { hasText: '陈女士' });
    await queueRow.waitFor();
    assert.match((await queueRow.textContent()) ?? '', /#1/, 'first in the queue');
    await page.locator('.queue-sla-tag').first().waitFor();
    await settledScreenshot(page, 'console-queue.png');

    await queueRow.click();
    const panel = page.getByTestId('handoff-panel');
    await panel.waitFor();
    await panel.getByText('顾客要求转人工').waitFor();
    await panel.getByText('太慢了，我要转人工').waitFor();
    await panel
      .getByText(/DD20251120001/)
      .first()
      .waitFor();
    await panel.getByRole('combobox', { name: '优先级' }).click();
    await page.locator('.ant-select-item-option', { hasText: '紧急' }).click();
    await page.getByText('分类与优先级已更新').waitFor();
    await page.locator('.conversation-title', { hasText: '紧急' }).waitFor();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await settledScreenshot(page, 'console-handoff-summary.png');

    await page.getByRole('button', { name: '转接' }).click();
    const dialog = page.getByRole('dialog', { name: '转接会话' });
    await dialog.getByRole('combobox', { name: '转接对象' }).click();
    await page.locator('.ant-select-item-option', { hasText: '林晓' }).click();
    await dialog.getByLabel('转接说明').fill('顾客要求退款，订单 DD20251120001，请核实后处理');
    await screenshot(page, 'console-transfer-dialog.png');
    await dialog.getByRole('button', { name: /转\s*接/ }).click();
    await page.getByText('已转接').waitFor();

    const agentPage = agentSession.page;
    const arrived = agentPage.locator(`[data-conversation-id="${conversationId}"]`);
    await arrived.waitFor();
    await arrived.click();
    await agentPage.locator('.message--note', { hasText: '请核实后处理' }).waitFor();
    await agentPage.getByTestId('handoff-panel').getByText('太慢了，我要转人工').waitFor();
    await settledScreenshot(agentPage, 'console-transfer-received.png');
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(agentSession.pageErrors, []);
    await context.close();
    await agentSession.context.close();
  },
);

test(
  'an agent opens a ticket, moves it along, comments, and sees it breach its SLA live',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const current = requireHarness();
    await adminApi.createSlaPolicy({
      name: '紧急工单',
      position: 1,
      matchPriority: 'urgent',
      matchCategory: null,
      matchChannel: null,
      firstResponseMinutes: 1,
      nextResponseMinutes: null,
      resolutionMinutes: 240,
      warningMinutes: 0,
      businessHoursOnly: false,
      enabled: true,
    });
    const account = await createAccount(current, 'agent', '王磊');
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, account);
    await page.getByRole('menuitem', { name: /工单/ }).click();
    await page.getByRole('button', { name: /新建工单/ }).click();
    const dialog = page.getByRole('dialog', { name: '新建工单' });
    await dialog.getByLabel('标题').fill('快递显示签收但顾客未收到');
    await dialog.getByLabel('描述').fill('顾客陈女士反映包裹显示已签收，本人未收到，需联系快递核实并补发。');
    await dialog.getByLabel('优先级').click();
    await page.locator('.ant-select-item-option', { hasText: '紧急' }).click();
    await dialog.getByLabel('分类').fill('配送问题');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('订单号').fill('DD20251120001');
    await dialog.getByRole('button', { name: /新\s*建/ }).click();

    await page.getByTestId('ticket-status').filter({ hasText: '待处理' }).waitFor();
    await page.getByRole('button', { name: '等待顾客' }).click();
    await page.getByTestId('ticket-status').filter({ hasText: '等待顾客' }).waitFor();
    await page.getByRole('textbox', { name: '备注与回复' }).fill('已联系顺丰核实，等待回复');
    await page.getByRole('button', { name: /发\s*送/ }).click();
    await page.locator('.ticket-comment--internal', { hasText: '已联系顺丰核实' }).waitFor();

    clock.advance(3 * 60_000);
    const evaluation = await adminApi.evaluateSla();
    assert.ok(evaluation.breaches >= 1);
    await page.locator('.ant-notification-notice', { hasText: '快递显示签收但顾客未收到' }).waitFor();
    await page.getByTestId('sla-breached').waitFor();
    await page
      .locator('.shell-tools .ant-badge', { has: page.getByTestId('sla-alert-bell') })
      .locator('.ant-badge-count')
      .waitFor();
    await page.locator('.ticket-history', { hasText: '更改了状态' }).waitFor();
    await settledScreenshot(page, 'console-ticket-breached.png');

    await page.getByTestId('sla-alert-bell').click();
    await page.getByRole('button', { name: '查看超时工单' }).click();
    const overdueRow = page.locator('.ticket-row--overdue', { hasText: '快递显示签收但顾客未收到' });
    await overdueRow.waitFor();
    await settledScreenshot(page, 'console-tickets-overdue.png');

    await overdueRow.click();
    await page.getByRole('button', { name: /^解\s*决$/ }).click();
    await page.getByTestId('ticket-status').filter({ hasText: '已解决' }).waitFor();
    await page.getByRole('button', { name: '重新打开' }).click();
    await page.getByTestId('ticket-status').filter({ hasText: '待处理' }).waitFor();
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'an admin edits an SLA policy and a team in the service settings',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const current = requireHarness();
    const member = await createAccount(current, 'agent', '刘洋');
    await seedSatisfaction(current);
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    await page.getByRole('menuitem', { name: /服务设置/ }).click();

    await page.getByRole('button', { name: /新建策略/ }).click();
    let dialog = page.getByRole('dialog', { name: '新建策略' });
    await dialog.getByLabel('策略名称').fill('VIP 高优先级');
    await dialog.getByLabel('匹配顺序').fill('10');
    await dialog.getByLabel('首次响应（分钟）').fill('10');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const policyRow = page.locator('.ant-table-row', { hasText: 'VIP 高优先级' });
    await policyRow.waitFor();
    await policyRow.getByRole('button', { name: '编辑 VIP 高优先级' }).click();
    dialog = page.getByRole('dialog', { name: '编辑策略' });
    await waitForFieldValue(dialog.getByLabel('策略名称'), 'VIP 高优先级');
    await dialog.getByLabel('首次响应（分钟）').fill('5');
    await dialog.getByLabel('解决（分钟）').fill('480');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page
      .locator('.ant-table-row', { hasText: 'VIP 高优先级' })
      .filter({ hasText: '480 分钟' })
      .waitFor();
    const policies = await adminApi.listSlaPolicies();
    const edited = policies.find((policy) => policy.name === 'VIP 高优先级');
    assert.equal(edited?.firstResponseMinutes, 5);
    assert.equal(edited.resolutionMinutes, 480);
    await settledScreenshot(page, 'console-sla-policies.png');

    await page.getByRole('tab', { name: '小组与技能' }).click();
    await page.getByRole('button', { name: /新建小组/ }).click();
    dialog = page.getByRole('dialog', { name: '新建小组' });
    await dialog.getByLabel('小组名称').fill('售后组');
    await dialog.getByLabel('成员').click();
    await page.locator('.ant-select-item-option', { hasText: '刘洋' }).click();
    await dialog.getByLabel('小组名称').click();
    await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('button', { name: '编辑 售后组' }).click();
    dialog = page.getByRole('dialog', { name: '编辑小组' });
    await waitForFieldValue(dialog.getByLabel('小组名称'), '售后组');
    await dialog.getByLabel('小组名称').fill('售后一组');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page
      .locator('.ant-table-row', { hasText: '刘洋' })
      .filter({ has: page.getByRole('button', { name: '编辑 售后一组' }) })
      .waitFor();
    const teams = await adminApi.listTeams();
    assert.ok(teams.some((team) => team.name === '售后一组' && team.memberIds.length === 1));
    assert.ok(member.email);
    await settledScreenshot(page, 'console-teams.png');

    await page.getByRole('tab', { name: '分配规则' }).click();
    await page.getByText('老顾客优先分给上次的坐席').waitFor();
    await settledScreenshot(page, 'console-routing-settings.png');
    await page.getByRole('tab', { name: '转人工触发' }).click();
    await page.getByText('大额退款').waitFor();
    await settledScreenshot(page, 'console-handoff-settings.png');
    await page.getByRole('tab', { name: '满意度' }).click();
    await page.locator('.csat-distribution').waitFor();
    await settledScreenshot(page, 'console-csat.png');
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

/** Two resolved conversations rated by their shoppers, so the CSAT overview has something to show. */
async function seedSatisfaction(current: ConsoleHarness): Promise<void> {
  const agentAccount = await createAccount(current, 'agent', '孙悦');
  const agent = new KefuAgentClient({ baseUrl: current.server.baseUrl, WebSocket });
  await agent.login(agentAccount.email, agentAccount.password);
  await agent.setPresence('online');
  const ratings: [number, string][] = [
    [5, '客服很耐心，问题很快解决了'],
    [4, '处理得不错，就是等了一会儿'],
  ];
  for (const [rating, comment] of ratings) {
    const shopper = new KefuVisitorClient({ baseUrl: current.server.baseUrl, locale: 'zh-CN' });
    await shopper.sendMessage('转人工');
    const conversationId = shopper.session?.conversationId;
    assert.ok(conversationId);
    await agent.takeOver(conversationId);
    await agent.sendMessage(conversationId, { text: '您好，已为您处理。' });
    await agent.resolve(conversationId);
    await postCsat(current, shopper, rating, comment);
  }
  await agent.setPresence('offline');
}

async function postCsat(
  current: ConsoleHarness,
  shopper: KefuVisitorClient,
  rating: number,
  comment: string,
): Promise<void> {
  const token = shopper.session?.token;
  assert.ok(token);
  const response = await fetch(`${current.server.baseUrl}/api/v1/visitor/csat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ rating, comment }),
  });
  assert.equal(response.status, 200, await response.text());
}

const transientOverlays = '.ant-message-notice, .ant-modal-wrap, .ant-select-dropdown, .ant-popover';

/** Screenshots once toasts, dialogs, dropdowns and popovers have gone (notifications stay: they are the proof). */
async function settledScreenshot(page: Page, name: string): Promise<void> {
  // A function with only anonymous inner arrows: tsx would wrap named inner helpers in `__name`, unknown in
  // the page, and a string would be evaluated as code, which the console's Content-Security-Policy forbids.
  await page.waitForFunction(
    (selector) =>
      !Array.from(document.querySelectorAll(selector)).some(
        (element) =>
          element instanceof HTMLElement &&
          element.offsetParent !== null &&
          getComputedStyle(element).opacity !== '0',
      ),
    transientOverlays,
  );
  await screenshot(page, name);
}

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('harness not started');
  return harness;
}
