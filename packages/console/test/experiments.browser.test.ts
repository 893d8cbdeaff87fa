// The A/B test screen in headless Chromium against the real server: an admin creates an experiment on the
// "Thanks" keyword rule's reply, starts it, shoppers thank the bot, and the results table shows each variant's
// exposures, rate, interval and verdict (not enough data yet), with the chart; zh-CN then English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KefuExperimentsApi, KefuVisitorClient } from '@kefu/sdk';
import { testAdminPassword } from '../../server/test/helpers/testServer';
import {
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

let harness: ConsoleHarness | undefined;

before(async () => {
  if (!skipReason) harness = await startConsoleHarness({ seedDemo: false });
});
after(async () => harness?.close());

test(
  'an admin creates and starts an experiment on a rule’s reply and reads its results',
  { skip: skipReason, timeout: 600_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    await page.getByRole('menuitem', { name: /话术 A\/B 测试/ }).click();
    await page.getByText('还没有实验').waitFor();

    await page.getByRole('button', { name: /新建实验/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('实验名称').fill('更热情的感谢');
    await dialog.getByLabel('测试的话术').click();
    await page.keyboard.type('Thanks');
    await page.locator('.ant-select-item-option', { hasText: '关键词规则：Thanks' }).click();
    await dialog.getByText(/当前话术：不客气/).waitFor();
    await dialog.getByLabel('中文文案').fill('不用谢，期待您再次光临！');
    await dialog.getByLabel('英文文案').fill('My pleasure! Come back any time.');
    await dialog.getByRole('button', { name: /保\s?存/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.locator('.ant-table-row', { hasText: '更热情的感谢' });
    await row.getByText('草稿').waitFor();
    await row.getByRole('button', { name: /开\s?始/ }).click();
    await row.getByText('进行中').waitFor();

    const shoppers = 3;
    for (let index = 0; index < shoppers; index += 1) {
      const shopper = new KefuVisitorClient({ baseUrl: current.server.baseUrl, locale: 'zh-CN' });
      await shopper.sendMessage('谢谢');
    }
    const api = new KefuExperimentsApi(current.admin);
    const [experiment] = await api.list();
    assert.ok(experiment);
    const exposures = (await api.results(experiment.id)).variants.map((variant) => variant.exposures);
    assert.equal(
      exposures.reduce((sum, count) => sum + count, 0),
      shoppers,
    );

    await row.getByRole('button', { name: /结\s?果/ }).click();
    const results = page.getByTestId(`experiment-results-${experiment.id}`);
    await results.getByText('数据还不够（每组至少 30 个样本）').first().waitFor();
    const shown = await results
      .locator('.ant-table-row')
      .evaluateAll((rows) =>
        rows.map((element) => [...element.querySelectorAll('td')].map((cell) => cell.textContent ?? '')),
      );
    assert.deepEqual(
      shown.map((cells) => cells[0]),
      ['对照组', 'B'],
    );
    assert.deepEqual(
      shown.map((cells) => Number(cells[1])),
      exposures,
    );
    for (const cells of shown)
      assert.match(cells[5] ?? '', Number(cells[2]) > 0 ? /^\d+\.\d% – \d+\.\d%$/ : /^—$/);
    await page.getByTestId(`experiment-chart-${experiment.id}`).locator('canvas').waitFor();
    await screenshot(page, 'console-experiments.png');

    await page.locator('.language-switch').getByText('English').click();
    await results.getByText('Not enough data yet (at least 30 per variant)').first().waitFor();
    await page.getByRole('cell', { name: 'Keyword rule: Thanks', exact: true }).waitFor();
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('harness not started');
  return harness;
}
