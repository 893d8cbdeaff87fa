// The live console in headless Chromium: an agent is present only while their console is open (closing the
// tab takes them offline after the grace period, and routing passes them by), and the shopper hears that a
// person joined only once the agent opened the conversation.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import WebSocket from 'ws';
import { KefuOrdersApi, KefuServiceApi, KefuVisitorClient } from '@kefu/sdk';
import type { KefuAgentClient, OrderView } from '@kefu/sdk';
import { shopIdentitySecret, signShopCustomer } from '../../server/test/helpers/shopChat';
import { waitUntil } from '../../server/test/helpers/waitUntil';
import { sendFromWidget } from '../../widget/test/widgetBrowserKit';
import {
  browserWaitMs,
  createAccount,
  openConsole,
  screenshot,
  screenshotDirectory,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

let harness: ConsoleHarness | undefined;

before(async () => {
  if (skipReason) return;
  harness = await startConsoleHarness({
    environment: { KEFU_PRESENCE_GRACE_MS: '500', KEFU_SHOP_IDENTITY_SECRET: shopIdentitySecret },
  });
});
after(async () => harness?.close());

test(
  'the shopper hears a person joined only when the agent opens it; closing the tab takes the agent offline',
  { skip: skipReason, timeout: 240_000 },
  async () => {
    const current = requireHarness();
    const account = await createAccount(current, 'agent', '王主管');
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, account);
    const agentId = await agentIdOf(current.admin, account.email);
    await waitUntil(async () => (await presenceOf(current.admin, agentId)) === 'online', {
      timeoutMs: browserWaitMs,
      description: 'online with the console open',
    });

    const shopper = new KefuVisitorClient({
      baseUrl: current.server.baseUrl,
      name: '陈女士',
      locale: 'zh-CN',
      WebSocket,
    });
    await shopper.sendMessage('转人工');
    const conversationId = shopper.session?.conversationId ?? '';
    await waitUntil(
      async () => (await current.admin.getConversation(conversationId)).assigneeId === agentId,
      {
        timeoutMs: browserWaitMs,
        description: 'the handoff goes to the agent whose console is open',
      },
    );
    const joined = async () => (await shopper.listMessages()).some((message) => /已接入/.test(message.text));
    assert.equal(await joined(), false, 'the shopper was told before the agent looked');

    await page.locator('.inbox-row', { hasText: '陈女士' }).click();
    await waitUntil(joined, { timeoutMs: browserWaitMs, description: 'told once the agent opened it' });
    await screenshot(page, 'console-live-opened.png');
    assert.deepEqual(pageErrors, []);

    await context.close();
    await waitUntil(async () => (await presenceOf(current.admin, agentId)) === 'offline', {
      timeoutMs: browserWaitMs,
      description: 'offline once the tab is closed and the grace period passed',
    });
    const next = new KefuVisitorClient({
      baseUrl: current.server.baseUrl,
      name: '李先生',
      locale: 'zh-CN',
      WebSocket,
    });
    await next.sendMessage('转人工');
    const nextId = next.session?.conversationId ?? '';
    await waitUntil(async () => (await current.admin.getConversation(nextId)).status === 'queued', {
      timeoutMs: browserWaitMs,
      description: 'the new handoff waits in the queue',
    });
    assert.equal(
      (await current.admin.getConversation(nextId)).assigneeId,
      null,
      'assigned to an absent agent',
    );
  },
);

test(
  'an agent starts a return from the orders panel, the shopper sees the return number, and a refused refund is explained in words',
  { skip: skipReason, timeout: 240_000 },
  async () => {
    const current = requireHarness();
    const account = await createAccount(current, 'agent', '林晓');
    const agentSession = await openConsole(current);
    await signIn(agentSession.page, account);
    const agentId = await agentIdOf(current.admin, account.email);
    await waitUntil(async () => (await presenceOf(current.admin, agentId)) === 'online', {
      timeoutMs: browserWaitMs,
      description: 'online',
    });

    const shopContext = await current.browser.newContext({ locale: 'zh-CN' });
    shopContext.setDefaultTimeout(browserWaitMs);
    await shopContext.addInitScript((signature) => {
      Reflect.set(window, 'Kefu', { q: [['identify', { shopCustomerId: 'cus_demo_20', signature }]] });
    }, signShopCustomer('cus_demo_20'));
    const shop = await shopContext.newPage();
    await shop.goto(`${current.server.baseUrl}/`);
    await shop.getByRole('button', { name: '打开在线客服' }).click();
    await sendFromWidget(shop, '转人工');

    const conversations = await waitForConversationOf(current.admin, agentId);
    // The widget names the signed-in shopper beside its first message: their orders show once that is linked.
    let returnable: OrderView | undefined;
    await waitUntil(
      async () => {
        const views = await new KefuOrdersApi(current.admin).listOrders(conversations);
        returnable = views.find(
          (view) =>
            view.order.status === 'delivered' &&
            view.returns.length === 0 &&
            view.order.deliveredAt !== null &&
            Date.now() - Date.parse(view.order.deliveredAt) < 6 * 24 * 3600_000,
        );
        return returnable !== undefined;
      },
      { timeoutMs: browserWaitMs, description: 'the demo customer has an order within the return window' },
    );
    assert.ok(returnable);
    const orderNumber = returnable.order.orderNumber;

    const { page } = agentSession;
    await page.goto(`${current.server.baseUrl}/console/inbox/${conversations}`);
    const entry = page.getByTestId('orders-panel').locator(`[data-order="${orderNumber}"]`);
    await entry.waitFor();
    await entry.getByRole('button', { name: /操\s*作/ }).click();
    await page.getByRole('menuitem', { name: '退货 / 换货' }).click();
    const dialog = page.getByRole('dialog', { name: '退货 / 换货' });
    await dialog.getByRole('button', { name: /确\s*认/ }).click();
    const rma = entry.locator('.order-return');
    await rma.waitFor();
    const returnNumber = ((await rma.textContent()) ?? '').trim().split(/\s+/).at(-1) ?? '';
    assert.ok(returnNumber.length > 3, 'the panel shows the new return order');
    await screenshot(page, 'console-orders-return.png');

    // Nothing has come back yet, so the shop refuses a refund: the agent reads why, in Chinese, not a code.
    await entry.getByRole('button', { name: /操\s*作/ }).click();
    await page.getByRole('menuitem', { name: '退款' }).click();
    await page
      .getByRole('dialog', { name: '确认操作' })
      .getByRole('button', { name: /确\s*认/ })
      .click();
    await page.getByText('店铺拒绝了对这个订单的此项操作：没有退回的商品').waitFor();
    assert.equal(await page.getByText(/nothing_to_refund|The shop refused/).count(), 0);

    await shop.locator('.kefu-text', { hasText: returnNumber }).waitFor();
    await shop.screenshot({ path: `${screenshotDirectory}/widget-agent-return.png` });
    await shopContext.close();
    await agentSession.context.close();
  },
);

test(
  'a canned reply one agent shares with the team is used by a teammate, filled in for the shopper',
  { skip: skipReason, timeout: 240_000 },
  async () => {
    const current = requireHarness();
    const writerAccount = await createAccount(current, 'agent', '周写');
    const userAccount = await createAccount(current, 'agent', '吴用');
    const writerId = await agentIdOf(current.admin, writerAccount.email);
    const userId = await agentIdOf(current.admin, userAccount.email);
    await new KefuServiceApi(current.admin).createTeam({ name: '售后组', memberIds: [writerId, userId] });

    const writer = await openConsole(current);
    await signIn(writer.page, writerAccount);
    await writer.page.goto(`${current.server.baseUrl}/console/settings/canned`);
    const form = writer.page.locator('.canned-form');
    await form.getByRole('combobox').first().click();
    await writer.page.locator('.ant-select-item-option', { hasText: '团队' }).click();
    await form.getByRole('combobox', { name: '选择团队' }).click();
    await writer.page.locator('.ant-select-item-option', { hasText: '售后组' }).click();
    await form.getByLabel('分类').fill('问候');
    await form.getByLabel('快捷指令').fill('greet');
    await form.getByLabel('回复内容').fill('{{customer.name}}您好，这边帮您处理');
    await form.getByRole('button', { name: '添加快捷回复' }).click();
    await writer.page.locator('.ant-table-row', { hasText: '/greet' }).waitFor();
    await screenshot(writer.page, 'console-canned-team.png');
    await writer.context.close();
    await waitUntil(async () => (await presenceOf(current.admin, writerId)) === 'offline', {
      timeoutMs: browserWaitMs,
      description: 'the writer has gone',
    });

    const user = await openConsole(current);
    await signIn(user.page, userAccount);
    await waitUntil(async () => (await presenceOf(current.admin, userId)) === 'online', {
      timeoutMs: browserWaitMs,
      description: 'the teammate is online',
    });
    const shopper = new KefuVisitorClient({
      baseUrl: current.server.baseUrl,
      name: '赵女士',
      locale: 'zh-CN',
      WebSocket,
    });
    await shopper.sendMessage('转人工');
    const conversationId = await waitForConversationOf(current.admin, userId);
    await user.page.goto(`${current.server.baseUrl}/console/inbox/${conversationId}`);
    const composer = user.page.getByRole('textbox', { name: '回复' });
    await composer.fill('/gre');
    await user.page.getByRole('option', { name: /\/greet/ }).waitFor();
    await composer.press('Enter');
    await waitUntil(async () => (await composer.inputValue()) === '赵女士您好，这边帮您处理', {
      timeoutMs: browserWaitMs,
      description: 'the variables are filled in',
    });
    await composer.press('Enter');
    await waitUntil(
      async () =>
        (await shopper.listMessages()).some((message) => message.text === '赵女士您好，这边帮您处理'),
      { timeoutMs: browserWaitMs, description: 'the shopper receives it' },
    );
    await user.context.close();
  },
);

test(
  'a new agent starts from the common shop replies in one click, and adding them again duplicates nothing',
  { skip: skipReason, timeout: 240_000 },
  async () => {
    const current = requireHarness();
    const account = await createAccount(current, 'agent', '郑新');
    const session = await openConsole(current);
    await signIn(session.page, account);
    const { page } = session;
    await page.goto(`${current.server.baseUrl}/console/settings/canned`);
    const rows = page.locator('.ant-table-row');
    await page.getByText('还没有快捷回复').waitFor();
    await page
      .locator('.ant-empty')
      .getByRole('button', { name: /添加常用电商话术/ })
      .click();
    await page.locator('.ant-table-row', { hasText: '/refund' }).waitFor();
    assert.equal(await rows.count(), 12);
    assert.ok(await page.locator('.ant-table-row', { hasText: '原路退回' }).count(), 'the Chinese set');

    await page
      .locator('.canned-tools')
      .getByRole('button', { name: /添加常用电商话术/ })
      .click();
    await page.getByText('已导入 0 条，跳过 12 条').waitFor();
    assert.equal(await rows.count(), 12, 'shortcuts already there are skipped');
    await session.context.close();
  },
);

async function waitForConversationOf(admin: KefuAgentClient, agentId: string): Promise<string> {
  let found: string | null = null;
  await waitUntil(
    async () => {
      const listed = await admin.listConversations({ assignee: agentId, status: ['assigned'] });
      found = listed[0]?.id ?? null;
      return found !== null;
    },
    { timeoutMs: browserWaitMs, description: 'the handoff reaches the agent' },
  );
  assert.ok(found);
  return found;
}

async function agentIdOf(admin: KefuAgentClient, email: string): Promise<string> {
  const agent = (await admin.listAgents()).find((candidate) => candidate.email === email);
  assert.ok(agent);
  return agent.id;
}

async function presenceOf(admin: KefuAgentClient, agentId: string): Promise<string | undefined> {
  return (await admin.listAgents()).find((agent) => agent.id === agentId)?.presence;
}

function requireHarness(): ConsoleHarness {
  assert.ok(harness, 'the harness starts before the tests');
  return harness;
}
