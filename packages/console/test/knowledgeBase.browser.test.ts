// Knowledge-base screens in headless Chromium against the real server: an admin writes and submits an FAQ
// (and cannot approve it), a supervisor approves it, the test box and a shopper get the answer; an import with
// a bad row shows the per-row error report; an agent inserts a suggested answer into the composer.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KefuVisitorClient } from '@kefu/sdk';
import type { Page } from 'playwright-core';
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

const QUESTION = '礼品包装怎么收费？';
const ANSWER = '礼品包装每件加收 5 元，下单时在备注里写上祝福语，我们会手写贺卡一同寄出。';
const admin = { email: 'admin@kefu.test', password: testAdminPassword };

let harness: ConsoleHarness | undefined;

before(async () => {
  if (!skipReason) harness = await startConsoleHarness();
});
after(async () => harness?.close());

test(
  'an admin writes and submits an FAQ, a supervisor approves it, and the bot answers shoppers with it',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const author = await openConsole(current);
    await signIn(author.page, admin);
    await openKnowledge(author.page);
    await author.page.getByRole('button', { name: /新建 FAQ/ }).click();
    const editor = author.page.locator('.kb-drawer');
    await editor.getByLabel('分类').fill('售后服务');
    const chinese = editor.getByRole('tabpanel', { name: '中文' });
    await chinese.getByLabel('标准问题').fill(QUESTION);
    await chinese.getByLabel('相似问法').fill('可以帮忙包装成礼物吗\n有礼盒包装吗');
    await chinese.getByLabel('答案').fill(ANSWER);
    await chinese.getByRole('button', { name: /添加 快捷按钮/ }).click();
    await chinese.getByPlaceholder('按钮文字').fill('转人工');
    await chinese.getByPlaceholder('点击后发送的内容').fill('转人工');
    await editor.getByRole('tab', { name: 'English' }).click();
    const english = editor.getByRole('tabpanel', { name: 'English' });
    await english.getByRole('switch', { name: '填写English' }).click();
    await english.getByLabel('标准问题').fill('How much is gift wrapping?');
    await english.getByLabel('答案').fill('Gift wrapping costs ¥5 per item, with a handwritten card.');
    await editor.getByRole('button', { name: /提交审核/ }).click();
    await author.page.getByText('已提交审核').waitFor();

    // The author may review, but not their own version: the rule is shown and approving is disabled.
    await editor.getByText('你是此版本的作者').waitFor();
    assert.equal(await editor.getByRole('button', { name: /审核通过并发布/ }).isDisabled(), true);
    await editor.getByRole('tab', { name: '中文' }).click();
    await settle(author.page);
    await screenshot(author.page, 'console-knowledge-editor.png');

    const supervisorAccount = await createAccount(current, 'supervisor', '周主管');
    const reviewer = await openConsole(current);
    await signIn(reviewer.page, supervisorAccount);
    await openKnowledge(reviewer.page);
    await reviewer.page.getByRole('tab', { name: /待审核/ }).click();
    await reviewer.page.getByRole('button', { name: `打开 ${QUESTION}` }).click();
    const review = reviewer.page.locator('.kb-drawer');
    await review.getByRole('tab', { name: '版本历史' }).click();
    await review.getByTestId('version-diff').getByText(ANSWER).waitFor();
    await settle(reviewer.page);
    await screenshot(reviewer.page, 'console-knowledge-review.png');
    await review.getByRole('button', { name: /审核通过并发布/ }).click();
    const approveDialog = reviewer.page.locator('.ant-modal');
    await approveDialog.getByLabel('审核备注（可选）').fill('内容准确，已核对运费');
    await approveDialog.getByRole('button', { name: /审核通过并发布/ }).click();
    await reviewer.page.getByText('已发布，机器人立即使用').waitFor();
    await review.getByText('线上 v1').first().waitFor();
    await review.getByRole('tab', { name: '操作记录' }).click();
    await review.locator('.kb-audit').getByText('审核通过').waitFor();
    await reviewer.page.keyboard.press('Escape');

    await reviewer.page.getByRole('tab', { name: /问答测试/ }).click();
    await reviewer.page.getByRole('textbox', { name: '问答测试' }).fill(QUESTION);
    await reviewer.page.keyboard.press('Enter');
    const result = reviewer.page.getByTestId('kb-test-result');
    await result.getByText(ANSWER).waitFor();
    assert.match((await result.textContent()) ?? '', /直接回答/);
    await settle(reviewer.page);
    await screenshot(reviewer.page, 'console-knowledge-test.png');

    const shopper = new KefuVisitorClient({ baseUrl: current.server.baseUrl, locale: 'zh-CN' });
    const { replies } = await shopper.sendMessage(QUESTION);
    assert.equal(replies[0]?.text, ANSWER, 'the shopper gets the approved answer');
    assert.deepEqual(replies[0]?.quickReplies, [{ label: '转人工', text: '转人工' }]);
    assert.deepEqual([...author.pageErrors, ...reviewer.pageErrors], []);
    await author.context.close();
    await reviewer.context.close();
  },
);

test(
  'an import with a bad row shows the progress and the per-row error report; the gaps list what the bot missed',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const current = requireHarness();
    const shopper = new KefuVisitorClient({ baseUrl: current.server.baseUrl, locale: 'zh-CN' });
    await shopper.sendMessage('你们招不招兼职');
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, admin);
    await openKnowledge(page);
    await page.getByRole('tab', { name: /导入/ }).click();
    await page
      .getByLabel('文件内容')
      .fill(
        [
          'kind,category,question_zh,answer_zh,question_en,answer_en',
          'faq,物流,周末发货吗？,周末正常发货，节假日另行通知。,Do you ship on weekends?,Yes, we ship on weekends.',
          'faq,物流,,这一行缺少标准问题,,',
          'faq,物流,可以寄到香港吗？,可以，香港地区运费 30 元，3-5 天送达。,,',
        ].join('\n'),
      );
    await page.getByRole('button', { name: /开始导入/ }).click();
    const job = page.getByTestId('import-job');
    await job.getByText('导入完成：成功 2 条，失败 1 行').waitFor();
    const errorRow = job.locator('.kb-import-errors .ant-table-row');
    assert.equal(await errorRow.count(), 1);
    assert.match((await errorRow.first().textContent()) ?? '', /^2/);
    await settle(page);
    await screenshot(page, 'console-knowledge-import.png');

    await page.getByRole('tab', { name: /条目/ }).click();
    await page.getByRole('searchbox', { name: '搜索标题、问题或答案' }).fill('周末发货');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '打开 周末发货吗？' }).waitFor();
    await page.getByRole('tab', { name: /知识缺口/ }).click();
    const gapRow = page.locator('.ant-table-row', { hasText: '兼职' });
    await gapRow.waitFor();
    await settle(page);
    await screenshot(page, 'console-knowledge-gaps.png');
    await gapRow.getByRole('button', { name: /生成 FAQ 草稿/ }).click();
    await page.locator('.kb-drawer').getByText('草稿', { exact: false }).first().waitFor();
    assert.match(
      (await page.locator('.kb-drawer').getByLabel('相似问法').first().inputValue()) +
        (await page.locator('.kb-drawer').getByLabel('标准问题').first().inputValue()),
      /兼职/,
    );
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'an agent sees suggested answers for the shopper’s question and inserts one into the reply box',
  { skip: skipReason, timeout: 120_000 },
  async () => {
    const current = requireHarness();
    const shopper = new KefuVisitorClient({ baseUrl: current.server.baseUrl, locale: 'zh-CN' });
    await shopper.sendMessage('退货的运费谁来承担？');
    const conversationId = shopper.session?.conversationId;
    assert.ok(conversationId);
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, admin);
    await page.goto(`${current.server.baseUrl}/console/inbox/${conversationId}`);
    const panel = page.getByRole('region', { name: '建议回答' });
    const insert = panel.getByRole('button', { name: /^插入/ }).first();
    await insert.waitFor();
    const suggestion = (await panel.locator('.suggested-answer-body').first().textContent()) ?? '';
    await insert.click();
    await settle(page);
    const composerText = await page.locator('#composer-input').inputValue();
    assert.ok(composerText.length > 0 && suggestion.startsWith(composerText.slice(0, 10)));
    await screenshot(page, 'console-suggested-answers.png');
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

/** Through the navigation; on a narrow header the entry sits in the menu's overflow (…) pop-up. */
async function openKnowledge(page: Page): Promise<void> {
  const menuItem = page.getByRole('menuitem', { name: /知识库/ });
  if (!(await menuItem.isVisible())) await page.locator('.shell-menu .ant-menu-overflow-item-rest').hover();
  await menuItem.click();
  await page.locator('.kb-page .ant-table-row').first().waitFor();
}

/** Lets Ant Design's transitions (progress bars, fades, toasts) finish before a screenshot. */
async function settle(page: Page): Promise<void> {
  await page
    .locator('.ant-message-notice')
    .waitFor({ state: 'detached', timeout: 5_000 })
    .catch(() => undefined);
  await page.waitForTimeout(600);
}

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('harness not started');
  return harness;
}
