// The insight screens in headless Chromium against the real server with a month of generated history: the
// dashboard's figures equal the API's for the same filter, charts draw named series, the export downloads the
// filtered conversations, a spike alert pops up live and links to its conversations, a supervisor reviews a
// quality inspection; English texts; agents do not see the screens. Screenshots for the README.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { KefuInsightApi, KefuServiceApi } from '@kefu/sdk';
import type { Page } from 'playwright-core';
import { generateHistory, newConversation } from '../../server/test/helpers/historyModel';
import type { ModelConversation } from '../../server/test/helpers/historyModel';
import { writeHistory } from '../../server/test/helpers/historyRows';
import {
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
let supervisor = { email: '', password: '' };
let shelfLifeProduct = '';

before(async () => {
  if (skipReason) return;
  harness = await startConsoleHarness();
  const { services } = harness.server.kefu;
  supervisor = await createAccount(harness, 'supervisor', '周主管');
  const agentIds: string[] = [];
  for (const name of ['王芳', '李娜', '陈晨', 'Sam']) {
    const account = await createAccount(harness, 'agent', name);
    const listed = (await harness.admin.listAgents()).find((agent) => agent.email === account.email);
    if (listed) agentIds.push(listed.id);
  }
  const serviceApi = new KefuServiceApi(harness.admin);
  const teams = [
    await serviceApi.createTeam({ name: '售前组', memberIds: agentIds.slice(0, 2) }),
    await serviceApi.createTeam({ name: '售后组', memberIds: agentIds.slice(2) }),
  ];
  const products = await services.database.db
    .selectFrom('products')
    .select(['id', 'name_zh'])
    .where((eb) =>
      eb.or(
        ['防晒霜', '精华液', '坚果', '牛肉干', '蓝牙耳机', '充电器', '空气炸锅'].map((name) =>
          eb('name_zh', 'like', `%${name}%`),
        ),
      ),
    )
    .execute();
  shelfLifeProduct = products.find((product) => product.name_zh.includes('防晒霜'))?.id ?? '';
  const now = Date.now();
  const history = generateHistory(
    {
      start: now - 30 * 86_400_000,
      days: 29,
      customers: 1_800,
      agentIds,
      teamIds: teams.map((team) => team.id),
      productIds: products.map((product) => product.id),
    },
    3_000,
    7,
  );
  await writeHistory(services.database.db, history);
  const inspected = history.filter(
    (conversation) =>
      conversation.resolvedAt !== null && conversation.messages.some((message) => message.sender === 'agent'),
  );
  for (const conversation of inspected.slice(-300))
    await services.qa.inspections.inspectConversation(conversation.id);
  await services.analytics.refresher.refresh();
});
after(async () => harness?.close());

test(
  'the dashboard shows the API’s figures, draws named charts, filters by channel and exports the rows',
  { skip: skipReason, timeout: 240_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors } = await openConsole(current, { width: 1440, height: 900 });
    await signIn(page, supervisor);
    await page.getByRole('menuitem', { name: /数据洞察/ }).click();
    await page.getByTestId('dashboard').waitFor();
    const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    const range = (await page.getByTestId('dashboard').getAttribute('data-range'))?.split('/') ?? [];
    const api = new KefuInsightApi(current.admin);
    const filter = { from: range[0], to: range[1], timeZone, locale: 'zh-CN' as const };
    const expected = await api.getDashboard(filter);
    await assertKpi(page, 'conversations', String(expected.overview.conversations));
    await assertKpi(page, 'containment', percent(expected.overview.containmentRate));
    await page.locator('[data-testid="chart-volume"] canvas').first().waitFor();
    const categories = await page.getByTestId('chart-categories').getAttribute('aria-label');
    for (const category of expected.topics.categories.slice(0, 3))
      assert.ok(categories?.includes(category.label));
    const agentsTable = page.getByTestId('agents-table');
    await agentsTable.getByText('王芳').waitFor();
    const text = (await page.locator('.insight-page').textContent()) ?? '';
    assert.doesNotMatch(
      text,
      /order_tracking|product_inquiry|logistics|customer_request|pre_sales/,
      'names, not codes',
    );
    await screenshot(page, 'console-insight-dashboard.png');
    // The whole dashboard in one picture: the page, not its scroll box, holds the content for a moment.
    const unscrolled = await page.addStyleTag({
      content:
        '.shell, .shell-content, .insight-page { height: auto !important; overflow: visible !important; }',
    });
    await page.getByTestId('chart-sla').locator('canvas').waitFor();
    await page.screenshot({
      path: join(screenshotDirectory, 'console-insight-dashboard-full.png'),
      fullPage: true,
    });
    await unscrolled.evaluate((element) => element.parentNode?.removeChild(element));

    await page.getByRole('combobox', { name: '全部渠道' }).click();
    await page.locator('.ant-select-item-option[title="微信"]').click();
    const wechat = await api.getDashboard({ ...filter, channel: 'wechat' });
    await assertKpi(page, 'conversations', String(wechat.overview.conversations));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出 CSV/ }).click();
    const file = await (await download).path();
    const lines = (await readFile(file, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(lines.length - 1, wechat.overview.conversations, 'one row per filtered conversation');
    assert.match(lines[0] ?? '', /^会话 ID,开始时间,渠道/);
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'a spike alert pops up live for the supervisor and lists its example conversations',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors } = await openConsole(current, { width: 1440, height: 900 });
    await signIn(page, supervisor);
    await page.getByRole('menuitem', { name: /数据洞察/ }).click();
    await page.getByRole('tab', { name: '异动预警' }).click();
    await page
      .getByText(/暂无预警|话题/)
      .first()
      .waitFor();
    const { services } = current.server.kefu;
    const surge = surgeInTheLastHour();
    await writeHistory(services.database.db, surge);
    // Written with past times, after the last refresh: brought in by id rather than by change time.
    await services.analytics.refresher.refreshConversations(surge.map((conversation) => conversation.id));
    const raised = await services.analytics.spikes.detect();
    assert.ok(
      raised.some((alert) => alert.topicLabel['zh-CN'].includes('保质期')),
      JSON.stringify(raised),
    );
    const notification = page.locator('.ant-notification-notice', { hasText: '保质期' });
    await notification.waitFor();
    const alert = page
      .getByTestId('spike-alert')
      .filter({ has: page.locator('.insight-alert-topic', { hasText: '保质期' }) });
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /激增[\s\S]*近 1 小时 20 个会话/);
    await screenshot(page, 'console-insight-alerts.png');
    await alert.getByRole('button', { name: /标记已处理/ }).click();
    await alert.getByText('已处理').waitFor();
    await alert.getByRole('link').first().click();
    await page.waitForURL(/\/console\/inbox\/conv_/);
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'a supervisor reviews an inspection: dismissing a flag raises the score; a coaching note is kept',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors } = await openConsole(current, { width: 1440, height: 900 });
    await signIn(page, supervisor);
    await page.goto(`${current.server.baseUrl}/console/insight/quality`);
    await page.getByTestId('scorecards-table').getByText('王芳').waitFor();
    await page.getByTestId('inspections-table').getByRole('button', { name: '复核' }).first().click();
    const detail = page.getByTestId('inspection-detail');
    await detail.waitFor();
    const scoreBefore = await scoreOf(page);
    const flag = detail.getByTestId('qa-flag').first();
    await flag.getByRole('button', { name: /驳\s*回/ }).click();
    await flag.getByText('已驳回').waitFor();
    await page.waitForFunction((before) => {
      const tag = document.querySelector('[data-testid="inspection-score"]');
      return tag !== null && Number(/\d+/.exec(tag.textContent ?? '')?.[0]) > before;
    }, scoreBefore);
    await detail.getByPlaceholder(/给 .* 的辅导建议/).fill('先安抚情绪，再给解决方案。');
    await detail.getByRole('button', { name: '添加辅导记录' }).click();
    await detail.getByText('先安抚情绪，再给解决方案。').waitFor();
    await screenshot(page, 'console-insight-quality.png');
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'in English the dashboard reads in English; agents see no insight screens',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors } = await openConsole(current, { width: 1440, height: 900 });
    await signIn(page, supervisor);
    await page.locator('.language-switch').getByText('English').click();
    await page.getByRole('menuitem', { name: /Insight/ }).click();
    await page.getByTestId('kpi-containment').getByText('Bot containment').waitFor();
    const categories = await page.getByTestId('chart-categories').getAttribute('aria-label');
    assert.match(categories ?? '', /Logistics|Refunds|Pre-sales/);
    await screenshot(page, 'console-insight-dashboard-en.png');
    await context.close();

    const agent = await createAccount(current, 'agent', '小赵');
    const agentView = await openConsole(current);
    await signIn(agentView.page, agent);
    assert.equal(await agentView.page.getByRole('menuitem', { name: /数据洞察/ }).count(), 0);
    await agentView.page.goto(`${current.server.baseUrl}/console/insight`);
    await agentView.page.locator('.shell-header').waitFor();
    assert.equal(await agentView.page.getByTestId('dashboard').count(), 0);
    assert.deepEqual([...pageErrors, ...agentView.pageErrors], []);
    await agentView.context.close();
  },
);

async function assertKpi(page: Page, key: string, value: string): Promise<void> {
  await page.getByTestId(`kpi-${key}`).locator('.ant-statistic-content', { hasText: value }).waitFor();
}

async function scoreOf(page: Page): Promise<number> {
  return Number(/\d+/.exec((await page.getByTestId('inspection-score').textContent()) ?? '')?.[0]);
}

function percent(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** 20 questions about one product's shelf life in the last hour. */
function surgeInTheLastHour(): ModelConversation[] {
  const now = Date.now();
  return Array.from({ length: 20 }, (_, index) => {
    const at = now - 50 * 60_000 + index * 120_000;
    const conversation = newConversation({
      id: `conv_surge${String(index).padStart(3, '0')}`,
      customerId: `cus_surge${index}`,
      channel: 'web',
      createdAt: at,
      pageProductId: shelfLifeProduct,
    });
    conversation.messages.push({
      sender: 'customer',
      senderId: null,
      isPrivate: false,
      text: ['这款的保质期是多久', '保质期多长', '开封后保质期多久', '保质期到什么时候'][index % 4] ?? '',
      at: at + 1000,
      intent: 'product_inquiry',
      sentiment: 'neutral',
    });
    return conversation;
  });
}

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('harness not started');
  return harness;
}
