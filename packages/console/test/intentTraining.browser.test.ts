// The intent training screen in headless Chromium against the real server: a message the bot missed is added
// to an intent in one click, the intent's example count goes up, a retrain runs with a progress bar and shows
// the held-out accuracy before and after, the new version is promoted and rolled back; zh-CN then English.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KefuIntentsApi, KefuVisitorClient } from '@kefu/sdk';
import { builtInIntentCorpus } from '../../server/src/modules/intents';
import { testAdminPassword } from '../../server/test/helpers/testServer';
import {
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

const missed = 'zorblax plimk?';

let harness: ConsoleHarness | undefined;

before(async () => {
  if (!skipReason)
    harness = await startConsoleHarness({ seedDemo: false, intentCorpus: () => builtInIntentCorpus(8) });
});
after(async () => harness?.close());

test(
  'an admin adds a missed message to an intent, retrains, compares accuracy, promotes and rolls back',
  { skip: skipReason, timeout: 600_000 },
  async () => {
    const current = requireHarness();
    const shopper = new KefuVisitorClient({ baseUrl: current.server.baseUrl, locale: 'zh-CN' });
    await shopper.sendMessage(missed);
    const { context, page, pageErrors } = await openConsole(current);
    await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
    await page.getByRole('menuitem', { name: /意图训练/ }).click();

    const miss = page.locator('.intent-miss', { hasText: missed });
    await miss.waitFor();
    await miss.getByLabel('选择意图').click();
    // The picker searches display names (the list is virtual: only the visible options exist).
    await page.keyboard.type('发票');
    await page.locator('.ant-select-item-option', { hasText: '发票' }).click();
    await miss.getByRole('button', { name: /加为例句/ }).click();
    await miss.waitFor({ state: 'detached' });
    const invoiceRow = page.locator('.ant-table-row', {
      has: page.getByRole('cell', { name: '发票', exact: true }),
    });
    await invoiceRow.getByRole('cell', { name: '1', exact: true }).waitFor();
    await invoiceRow.click();
    await page.locator('.intent-examples', { hasText: missed }).waitFor();

    await page.getByRole('button', { name: /重新训练/ }).click();
    await page.getByText('新模型准确率').first().waitFor();
    const accuracy = (await page.locator('.intent-training-accuracy').textContent()) ?? '';
    assert.match(accuracy, /当前模型准确率\d+\.\d%/);
    assert.match(accuracy, /新模型准确率\d+\.\d%/);
    await page.waitForFunction(() =>
      [...document.querySelectorAll('button')].some(
        (button) => button.textContent?.replace(/\s/g, '') === '重新训练' && !button.disabled,
      ),
    );
    await screenshot(page, 'console-intent-training.png');

    await page
      .locator('.intent-training-accuracy')
      .getByRole('button', { name: /启用此版本/ })
      .click();
    await page.getByText('使用中').waitFor();
    const api = new KefuIntentsApi(current.admin);
    assert.notEqual((await api.listModels()).activeModelId, null);

    await page.getByRole('button', { name: /回滚到上一版本/ }).click();
    await page.getByText('当前使用内置模型').waitFor();
    assert.equal((await api.listModels()).activeModelId, null);

    await page.locator('.language-switch').getByText('English').click();
    await page.getByText('Messages the bot did not understand').waitFor();
    await page.getByRole('cell', { name: 'Invoice', exact: true }).waitFor();
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('harness not started');
  return harness;
}
