// Channel accounts in the console, in headless Chromium against the real server and a loopback WeChat: an
// admin adds a WeChat Official Account, copies its callback URL, tests the connection and disables it; then an
// e-mail account against a loopback relay, and one fetching from a loopback IMAP mailbox; a Telegram bot and a Weibo account against their loopback APIs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KefuChannelAccountsApi } from '@kefu/sdk';
import type { MailboxStatus } from '@kefu/sdk';
import { testAdminPassword } from '../../server/test/helpers/testServer';
import type { SmtpSink } from '../../server/test/helpers/smtpSink';
import { startSmtpSink } from '../../server/test/helpers/smtpSink';
import { TelegramPlatform } from '../../server/test/helpers/telegramPlatform';
import { WeChatPlatform } from '../../server/test/helpers/wechatPlatform';
import { WeiboPlatform } from '../../server/test/helpers/weiboPlatform';
import type { ImapServer } from '../../server/test/helpers/imapServer';
import { startImapServer } from '../../server/test/helpers/imapServer';
import {
  browserWaitMs,
  openConsole,
  screenshot,
  signIn,
  skipReason,
  startConsoleHarness,
  type ConsoleHarness,
} from './consoleBrowser';

const appId = 'wx2c2769f8efd9abc2';
const appSecret = 'console-app-secret';
let harness: ConsoleHarness | undefined;
const platform = new WeChatPlatform(appId, appSecret);
let relay: SmtpSink | undefined;
let imap: ImapServer | undefined;
const mailboxPassword = 'console-imap-app-password';
const botToken = '7000000001:AAH-console-test-bot-token-012345';
const telegram = new TelegramPlatform(botToken);
const weibo = new WeiboPlatform('1902538057', '2.00consoleWeiboAccessToken');

before(async () => {
  if (skipReason) return;
  await platform.start();
  await telegram.start();
  await weibo.start();
  relay = await startSmtpSink();
  imap = await startImapServer({ user: 'orders@shop.test', password: mailboxPassword });
  harness = await startConsoleHarness({ seedDemo: false });
});
after(async () => {
  await harness?.close();
  if (!skipReason) await Promise.all([platform.close(), telegram.close(), weibo.close()]);
  await relay?.close();
  await imap?.close();
});

test(
  'an admin adds a WeChat Official Account, sees its callback URL, tests the connection and disables it',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors, dialog } = await openAddAccountDialog(current);
    await dialog.getByLabel('名称').fill('官方旗舰店公众号');
    await dialog.getByLabel('AppID（开发者ID）').fill(appId);
    await dialog.getByLabel('AppSecret（开发者密码）').fill(appSecret);
    await dialog.getByLabel('Token（令牌）').fill('spamtest');
    await dialog
      .getByLabel('EncodingAESKey（消息加解密密钥）')
      .fill('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG');
    await dialog.getByLabel('接口地址（一般无需修改）').fill(platform.baseUrl);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('cell', { name: '官方旗舰店公众号' }).waitFor({ timeout: browserWaitMs });

    const api = new KefuChannelAccountsApi(current.admin);
    const [account] = await api.list();
    assert.equal(account?.kind, 'wechat');
    assert.deepEqual(account?.settings.encryption, 'safe');
    assert.deepEqual(account?.credentialsSet, ['appSecret', 'encodingAesKey', 'token']);
    await page.getByText(`${current.server.baseUrl}${account?.callbackPath ?? ''}`).waitFor();

    await page.getByRole('button', { name: '测试连接' }).click();
    await page.locator('.ant-message-notice', { hasText: '连接成功' }).waitFor({ timeout: browserWaitMs });
    assert.equal(platform.tokensIssued, 1, 'the platform issued a token for the stored secret');
    await screenshot(page, 'console-channel-accounts.png');

    await page.getByRole('button', { name: /停\s*用/ }).click();
    await page.getByText('已停用').waitFor({ timeout: browserWaitMs });
    assert.equal((await api.list())[0]?.enabled, false);
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'an admin adds an e-mail account, sees where to deliver its mail and tests the relay',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors, dialog } = await openAddAccountDialog(current);
    await dialog.getByRole('combobox', { name: '渠道' }).click();
    await page.locator('.ant-select-item-option', { hasText: '电子邮件' }).click();
    await dialog.getByLabel('名称', { exact: true }).fill('客服邮箱');
    await dialog.getByLabel(/客服邮箱地址/).fill('Service@Shop.test');
    await dialog.getByLabel(/监听地址/).fill('127.0.0.1');
    await dialog.getByLabel(/端口/).fill('0');
    await dialog.getByLabel(/^发信服务器（/).fill(relay?.url ?? '');
    assert.equal(await dialog.getByText('消息加解密方式').count(), 0, 'no WeChat fields for e-mail');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('cell', { name: '客服邮箱', exact: true }).waitFor({ timeout: browserWaitMs });
    await page.getByText('发往 service@shop.test 的邮件投递到 SMTP 127.0.0.1:0').waitFor();

    const account = (await new KefuChannelAccountsApi(current.admin).list()).find(
      (listed) => listed.kind === 'email',
    );
    assert.equal(account?.settings.address, 'service@shop.test');
    assert.ok(current.server.kefu.services.channels.emailListeners.addressOf(account?.id ?? ''));
    await page
      .getByRole('row', { name: /客服邮箱/ })
      .getByRole('button', { name: '测试连接' })
      .click();
    await page.locator('.ant-message-notice', { hasText: '连接成功' }).waitFor({ timeout: browserWaitMs });
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'an admin adds a Telegram bot: its secrets are kept sealed, its callback URL shown with how to set the webhook, and the token tested with getMe',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors, dialog } = await openAddAccountDialog(current);
    await chooseKind(page, dialog, 'Telegram 机器人');
    await dialog.getByLabel('名称', { exact: true }).fill('Telegram 店铺机器人');
    await dialog.getByLabel(/机器人用户名/).fill('@kefu_shop_bot');
    await dialog.getByLabel(/机器人令牌/).fill(botToken);
    await dialog.getByLabel(/Webhook 密钥/).fill('console_webhook_secret_0123456789');
    await dialog.getByLabel('接口地址（一般无需修改）').fill(telegram.baseUrl);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.getByRole('row', { name: /Telegram 店铺机器人/ });
    await row.waitFor({ timeout: browserWaitMs });
    const account = (await new KefuChannelAccountsApi(current.admin).list()).find(
      (listed) => listed.kind === 'telegram',
    );
    assert.deepEqual(account?.credentialsSet, ['botToken', 'secretToken']);
    await row.getByText(`${current.server.baseUrl}${account?.callbackPath ?? ''}`).waitFor();
    // This server has no public address: the admin is told to call setWebhook with the address shown.
    await row.getByText(/请自行调用 setWebhook/).waitFor();
    await row.getByRole('button', { name: '测试连接' }).click();
    await page.locator('.ant-message-notice', { hasText: '连接成功' }).waitFor({ timeout: browserWaitMs });
    assert.equal(telegram.callsTo('getMe').length, 1);
    assert.equal(telegram.callsTo('setWebhook').length, 0, 'no webhook set without a public address');
    assert.equal(await page.getByText(botToken).count(), 0, 'the token is never shown');
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'an admin adds a Weibo account with its uid, App Secret and access token and tests the connection',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const { context, page, pageErrors, dialog } = await openAddAccountDialog(current);
    await chooseKind(page, dialog, '微博私信（粉丝服务平台）');
    await dialog.getByLabel('名称', { exact: true }).fill('官方微博');
    await dialog.getByLabel('微博账号 UID').fill('1902538057');
    await dialog.getByLabel(/App Secret/).fill('console-weibo-app-secret');
    await dialog.getByLabel(/Access Token/).fill('2.00consoleWeiboAccessToken');
    await dialog.getByLabel('接口地址（一般无需修改）').fill(weibo.baseUrl);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.getByRole('row', { name: /官方微博/ });
    await row.waitFor({ timeout: browserWaitMs });
    const account = (await new KefuChannelAccountsApi(current.admin).list()).find(
      (listed) => listed.kind === 'weibo',
    );
    assert.deepEqual(account?.credentialsSet, ['accessToken', 'appSecret']);
    await row.getByText(`${current.server.baseUrl}${account?.callbackPath ?? ''}`).waitFor();
    await row.getByRole('button', { name: '测试连接' }).click();
    await page.locator('.ant-message-notice', { hasText: '连接成功' }).waitFor({ timeout: browserWaitMs });
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

test(
  'an admin sets up an e-mail account fetching from an IMAP mailbox; a wrong password shows as the account’s problem',
  { skip: skipReason, timeout: 180_000 },
  async () => {
    const current = requireHarness();
    const mailbox = requireImap();
    mailbox.deliver('From: a@example.com\r\nSubject: hi\r\nMessage-ID: <console.1@example.com>\r\n\r\nhello');
    const { context, page, pageErrors, dialog } = await openAddAccountDialog(current);
    await chooseKind(page, dialog, '电子邮件');
    await dialog.getByLabel('名称', { exact: true }).fill('企业邮箱');
    await dialog.getByLabel(/客服邮箱地址/).fill('orders@shop.test');
    await dialog.getByText(/从已有邮箱收取（IMAP/).click();
    assert.equal(await dialog.getByLabel(/监听地址/).count(), 0, 'no listener fields for IMAP');
    await dialog.getByLabel(/IMAP 服务器/).fill('127.0.0.1');
    await dialog.getByLabel(/IMAP 端口/).fill(String(mailbox.port));
    await dialog.locator('.ant-form-item', { hasText: 'SSL/TLS 加密连接' }).getByText('否').click();
    await dialog.getByLabel(/邮箱账号/).fill(mailbox.user);
    await dialog.getByLabel(/邮箱密码或客户端专用密码/).fill('wrong-password');
    await dialog.getByLabel(/^发信服务器（/).fill(relay?.url ?? '');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const row = page.getByRole('row', { name: /企业邮箱/ });
    await row.waitFor({ timeout: browserWaitMs });
    await row
      .getByText(`从 IMAP 127.0.0.1:${mailbox.port} 的 INBOX 收取发往 orders@shop.test 的邮件`)
      .waitFor();
    await row.getByRole('button', { name: '测试连接' }).click();
    await page
      .locator('.ant-message-notice', { hasText: '连接失败：用户名或密码错误' })
      .waitFor({ timeout: browserWaitMs });

    const api = new KefuChannelAccountsApi(current.admin);
    const account = (await api.list()).find((listed) => listed.settings.inbound === 'imap');
    assert.equal(account?.settings.imapTls, false);
    assert.deepEqual(account?.credentialsSet, ['imapPassword']);
    await waitForMailbox(api, account?.id ?? '', (status) => status?.problem === 'auth_failed');
    await page.getByRole('tab', { name: '网站接入' }).click();
    await page.getByRole('tab', { name: '渠道账号' }).click();
    await row.getByText(/收信失败：用户名或密码错误/).waitFor({ timeout: browserWaitMs });

    await row.getByRole('button', { name: /编\s*辑/ }).click();
    await dialog.getByLabel(/邮箱密码或客户端专用密码/).fill(mailboxPassword);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await waitForMailbox(api, account?.id ?? '', (status) => status?.problem === null);
    await row.getByRole('button', { name: '测试连接' }).click();
    await page
      .locator('.ant-message-notice', { hasText: '文件夹中有 1 封邮件' })
      .waitFor({ timeout: browserWaitMs });
    assert.equal(await page.getByText(mailboxPassword).count(), 0, 'the password is never shown');
    assert.deepEqual(pageErrors, []);
    await context.close();
  },
);

/** Waits until the account's mailbox status, as the admin API lists it, is as wanted. */
async function waitForMailbox(
  api: KefuChannelAccountsApi,
  accountId: string,
  wanted: (status: MailboxStatus | null | undefined) => boolean,
) {
  const deadline = Date.now() + browserWaitMs;
  while (!wanted((await api.list()).find((listed) => listed.id === accountId)?.mailbox)) {
    if (Date.now() > deadline) throw new Error('the mailbox status did not come in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function requireImap(): ImapServer {
  if (!imap) throw new Error('IMAP server not started');
  return imap;
}

/** Picks the kind of account in the dialog's 渠道 list. */
async function chooseKind(
  page: Awaited<ReturnType<typeof openAddAccountDialog>>['page'],
  dialog: Awaited<ReturnType<typeof openAddAccountDialog>>['dialog'],
  label: string,
) {
  await dialog.getByRole('combobox', { name: '渠道' }).click();
  await page.locator('.ant-select-item-option', { hasText: label }).click();
}

/** Signs the admin in and opens 安全与隐私 → 渠道账号 → 添加渠道账号. */
async function openAddAccountDialog(current: ConsoleHarness) {
  // Wide enough for the whole header menu: narrower, 安全与隐私 folds into its overflow.
  const opened = await openConsole(current, { width: 1920, height: 1000 });
  const { page } = opened;
  await signIn(page, { email: 'admin@kefu.test', password: testAdminPassword });
  await page.getByRole('menuitem', { name: /安全与隐私/ }).click();
  await page.getByRole('tab', { name: '渠道账号' }).click();
  await page.getByRole('button', { name: /添加渠道账号/ }).click();
  return { ...opened, dialog: page.getByRole('dialog') };
}

function requireHarness(): ConsoleHarness {
  if (!harness) throw new Error('harness not started');
  return harness;
}
