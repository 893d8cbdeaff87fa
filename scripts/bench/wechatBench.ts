// `npm run bench` (WeChat part): inbound WeChat Official Account XML messages per second including the
// bot's reply. Kefu runs in a child process on the embedded default; this process plays WeChat: it pushes
// signed XML to the account's callback URL and stands in for api.weixin.qq.com (token and customer-service
// send APIs) on loopback. A message counts when its reply has reached the loopback WeChat.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { WeChatPlatform, signWeChatPush, weChatXml } from '../../packages/server/test/helpers/wechatPlatform';
import { withBenchServer } from './benchChild';

const shoppers = Number(process.env.BENCH_WECHAT_SHOPPERS ?? 16);
const messagesPerShopper = Number(process.env.BENCH_WECHAT_MESSAGES ?? 30);
const encryption = process.env.BENCH_WECHAT_MODE === 'plain' ? 'plain' : 'safe';
const appId = 'wxbench000000000';
const appSecret = 'bench-app-secret';
const token = 'benchToken';
const encodingAesKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const questions = [
  '支持哪些付款方式？',
  '多久发货？',
  '怎么开发票？',
  '你好',
  '运费怎么算',
  '可以开增值税发票吗',
];

interface Timings {
  acknowledgedMs: number[];
  repliedMs: number[];
}

async function main(): Promise<void> {
  const platform = new WeChatPlatform(appId, appSecret);
  await platform.start();
  try {
    await withBenchServer('kefu', async (baseUrl) => {
      const callbackPath = await createAccount(baseUrl, platform.baseUrl);
      const replies = new ReplyWaiters(platform);
      await runShoppers(baseUrl, callbackPath, replies, 'warm', 1);
      const started = performance.now();
      const timings = await runShoppers(baseUrl, callbackPath, replies, 'run', messagesPerShopper);
      report(timings, (performance.now() - started) / 1000);
    });
  } finally {
    await platform.close();
  }
}

async function runShoppers(
  baseUrl: string,
  callbackPath: string,
  replies: ReplyWaiters,
  round: string,
  count: number,
): Promise<Timings> {
  const timings: Timings = { acknowledgedMs: [], repliedMs: [] };
  await Promise.all(
    Array.from({ length: shoppers }, async (_, shopper) => {
      const openId = `o_bench_${round}_${shopper}`;
      for (let index = 0; index < count; index += 1) {
        const replied = replies.next(openId);
        const started = performance.now();
        const xml = weChatXml({
          ToUserName: 'gh_bench',
          FromUserName: openId,
          CreateTime: Math.floor(Date.now() / 1000),
          MsgType: 'text',
          Content: questions[(shopper + index) % questions.length] ?? '你好',
          MsgId: `${round}${shopper}${String(index).padStart(6, '0')}`,
        });
        const signed = signWeChatPush(xml, {
          token,
          ...(encryption === 'safe' && { encryption: { encodingAesKey, receiverId: appId } }),
        });
        const response = await fetch(`${baseUrl}${callbackPath}?${signed.query}`, {
          method: 'POST',
          body: signed.body,
        });
        if ((await response.text()) !== 'success') throw new Error(`push answered ${response.status}`);
        timings.acknowledgedMs.push(performance.now() - started);
        await replied;
        timings.repliedMs.push(performance.now() - started);
      }
    }),
  );
  return timings;
}

/** Resolves, per follower, when the next customer-service message to them reaches the loopback WeChat. */
class ReplyWaiters {
  private readonly waiting = new Map<string, () => void>();

  constructor(platform: WeChatPlatform) {
    platform.onCall = (call) => {
      const openId = typeof call.body.touser === 'string' ? call.body.touser : '';
      const resolve = this.waiting.get(openId);
      this.waiting.delete(openId);
      resolve?.();
    };
  }

  next(openId: string): Promise<void> {
    return new Promise((resolve) => this.waiting.set(openId, resolve));
  }
}

async function createAccount(baseUrl: string, platformUrl: string): Promise<string> {
  const login = await postJson(baseUrl, '/api/v1/auth/login', null, {
    email: 'admin@kefu.local',
    password: 'bench-password-1',
  });
  const adminToken = typeof login.token === 'string' ? login.token : '';
  const created = await postJson(baseUrl, '/api/v1/admin/channel-accounts', adminToken, {
    kind: 'wechat',
    name: 'bench',
    settings: { appId, encryption, apiBaseUrl: platformUrl },
    credentials: { appSecret, token, encodingAesKey },
  });
  const account = created.account;
  if (
    !account ||
    typeof account !== 'object' ||
    !('callbackPath' in account) ||
    typeof account.callbackPath !== 'string'
  )
    throw new Error('the account was not created');
  return account.callbackPath;
}

async function postJson(
  baseUrl: string,
  path: string,
  bearer: string | null,
  body: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (!response.ok || !answer || typeof answer !== 'object')
    throw new Error(`${path} answered ${response.status}`);
  return { ...answer };
}

function report(timings: Timings, seconds: number): void {
  const total = timings.repliedMs.length;
  console.log('\nWeChat Official Account channel (scripts/bench/wechatBench.ts)');
  console.log(
    `  machine: ${cpus().length} cores ${cpus()[0]?.model.trim() ?? ''}, Node ${process.version}, load average ${loadavg()[0]?.toFixed(1) ?? '?'} at the end; Kefu in a child process on the embedded default (SQLite WAL, in-process bus), loopback WeChat in this process`,
  );
  console.log(
    `  load: ${shoppers} followers each pushing ${messagesPerShopper} ${encryption}-mode text messages one after another (a push, its "success", then the bot's reply through the customer-service API), after a warm-up round`,
  );
  console.log(
    `  ${(total / seconds).toFixed(0)} messages/s including the bot's reply (${total} messages in ${seconds.toFixed(1)} s)`,
  );
  console.log(
    `  push answered ("success"): p50 ${percentile(timings.acknowledgedMs, 0.5).toFixed(1)} ms, p99 ${percentile(timings.acknowledgedMs, 0.99).toFixed(1)} ms; reply at WeChat: p50 ${percentile(timings.repliedMs, 0.5).toFixed(1)} ms, p99 ${percentile(timings.repliedMs, 0.99).toFixed(1)} ms`,
  );
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
