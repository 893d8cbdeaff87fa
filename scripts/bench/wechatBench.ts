// `npm run bench` (WeChat part): inbound WeChat Official Account XML messages per second including the
// bot's reply. Kefu runs in a child process on the embedded default; this process plays WeChat: it pushes
// signed XML to the account's callback URL and stands in for api.weixin.qq.com (token and customer-service
// send APIs) on loopback. A message counts when its reply has reached the follower: in the push's response
// (a passive reply, within KEFU_WECHAT_PASSIVE_WAIT_MS) or, after `success`, through the customer-service API.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { WeChatPlatform, signWeChatPush, weChatXml } from '../../packages/server/test/helpers/wechatPlatform';
import { readWeChatXml } from '../../packages/server/src/modules/channels/wechat/wechatXml';
import { withBenchServer } from './benchChild';

const shoppers = Number(process.env.BENCH_WECHAT_SHOPPERS ?? 16);
const messagesPerShopper = Number(process.env.BENCH_WECHAT_MESSAGES ?? 30);
const passiveWaitMs = Number(process.env.KEFU_WECHAT_PASSIVE_WAIT_MS ?? 4000);
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
  passiveRepliedMs: number[];
  apiRepliedMs: number[];
}

async function main(): Promise<void> {
  const platform = new WeChatPlatform(appId, appSecret);
  await platform.start();
  try {
    const loadAtStart = loadavg()[0] ?? 0;
    await withBenchServer('kefu', async (baseUrl) => {
      const callbackPath = await createAccount(baseUrl, platform.baseUrl);
      const replies = new ReplyWaiters(platform);
      const warm = await runShoppers(baseUrl, callbackPath, replies, 'warm', 1);
      const started = performance.now();
      const timings = await runShoppers(baseUrl, callbackPath, replies, 'run', messagesPerShopper);
      report(timings, (performance.now() - started) / 1000, loadAtStart);
      // Once every passive answer's delivery job has run too (after the wait): no answer went twice.
      await new Promise((resolve) => setTimeout(resolve, passiveWaitMs + 2_000));
      const apiSends = platform.callsTo('/cgi-bin/message/custom/send').length;
      const expected = warm.apiRepliedMs.length + timings.apiRepliedMs.length;
      if (apiSends !== expected)
        throw new Error(`${apiSends} customer-service sends for ${expected} answers not given passively`);
      console.log(`  checked: ${apiSends} customer-service sends, one per answer not given passively`);
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
  const timings: Timings = { acknowledgedMs: [], repliedMs: [], passiveRepliedMs: [], apiRepliedMs: [] };
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
        const body = await response.text();
        if (response.status !== 200) throw new Error(`push answered ${response.status}`);
        const acknowledgedMs = performance.now() - started;
        timings.acknowledgedMs.push(acknowledgedMs);
        if (body !== 'success') {
          // The passive reply: the answer is in the response (encrypted in safe mode), nothing follows.
          if (!readWeChatXml(body)[encryption === 'safe' ? 'Encrypt' : 'Content'])
            throw new Error('the push was answered with neither `success` nor a passive reply');
          replies.forget(openId);
          timings.passiveRepliedMs.push(acknowledgedMs);
          timings.repliedMs.push(acknowledgedMs);
          continue;
        }
        await replied;
        const repliedMs = performance.now() - started;
        timings.apiRepliedMs.push(repliedMs);
        timings.repliedMs.push(repliedMs);
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

  /** The follower's answer came passively: no send to wait for. */
  forget(openId: string): void {
    this.waiting.delete(openId);
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

function report(timings: Timings, seconds: number, loadAtStart: number): void {
  const total = timings.repliedMs.length;
  const spread = (values: number[]) =>
    `p50 ${percentile(values, 0.5).toFixed(1)} ms, p99 ${percentile(values, 0.99).toFixed(1)} ms`;
  console.log('\nWeChat Official Account channel (scripts/bench/wechatBench.ts)');
  console.log(
    `  machine: ${cpus().length} cores ${cpus()[0]?.model.trim() ?? ''}, Node ${process.version}, load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0]?.toFixed(1) ?? '?'} at the end; Kefu in a child process on the embedded default (SQLite WAL, in-process bus, passive wait ${passiveWaitMs} ms), loopback WeChat in this process`,
  );
  console.log(
    `  load: ${shoppers} followers each pushing ${messagesPerShopper} ${encryption}-mode text messages one after another (a push, then the bot's answer in its response or through the customer-service API after "success"), after a warm-up round`,
  );
  console.log(
    `  ${(total / seconds).toFixed(0)} messages/s including the bot's reply (${total} messages in ${seconds.toFixed(1)} s)`,
  );
  console.log(
    `  answers: ${timings.passiveRepliedMs.length} passive (in the push's response), ${timings.apiRepliedMs.length} through the customer-service API; none twice`,
  );
  console.log(
    `  push answered: ${spread(timings.acknowledgedMs)}; answer at the follower: ${spread(timings.repliedMs)}`,
  );
  if (timings.passiveRepliedMs.length > 0)
    console.log(`  passive answers: ${spread(timings.passiveRepliedMs)}`);
  if (timings.apiRepliedMs.length > 0) console.log(`  API answers: ${spread(timings.apiRepliedMs)}`);
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
