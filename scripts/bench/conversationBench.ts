// Conversation benchmark (part of `npm run bench`): multi-turn shopper conversations against the demo shop,
// each with its expected outcome — resolved by the bot, or handed to a person. Runs the real app (SQLite,
// manual clock) in this process and talks to it over loopback HTTP like the widget does. Prints the share
// fully resolved among those a bot should resolve, correct handoffs among the rest, and per-turn latency.
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../packages/server/src/app';
import { ManualClock } from '../../packages/server/src/clock';
import { loadConfig } from '../../packages/server/src/config';
import { loadTestingLimitsEnvironment } from '../../packages/server/src/http/abuseLimitsConfig';

interface Turn {
  say: string;
  /** Regular expression the bot's replies (joined) must match. */
  expect?: string;
}

interface BenchConversation {
  id: string;
  lang: 'zh' | 'zh-Hant' | 'en';
  /** Signed-in shop customer, or null for a guest. */
  shopper: string | null;
  expect: 'resolved' | 'handoff';
  turns: Turn[];
}

const dataPath = fileURLToPath(
  new URL('../../packages/server/bench-data/conversations.jsonl', import.meta.url),
);
const identitySecret = 'bench-shop-identity-secret-0123456789';

async function main(): Promise<void> {
  const conversations = readFileSync(dataPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line): BenchConversation => JSON.parse(line));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kefu-conversation-bench-'));
  const config = loadConfig({
    KEFU_DATA_DIR: dataDir,
    KEFU_ADMIN_PASSWORD: 'bench password 123',
    LOG_LEVEL: 'silent',
    KEFU_SHOP_IDENTITY_SECRET: identitySecret,
    ...loadTestingLimitsEnvironment,
  });
  const kefu = await buildApp(config, { logger: false, clock: new ManualClock(), routingTimers: false });
  await kefu.app.listen({ port: 0, host: '127.0.0.1' });
  const address = kefu.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const latencies: number[] = [];
  const results: {
    conversation: BenchConversation;
    outcome: 'resolved' | 'handoff' | 'failed';
    problem: string | null;
  }[] = [];
  try {
    for (const conversation of conversations) {
      const result = await runConversation(baseUrl, conversation, latencies);
      results.push({ conversation, ...result });
      // Each conversation starts clean: the harness closes what the shopper left open.
      await kefu.services.database.db
        .updateTable('conversations')
        .set({ status: 'closed', bot_state: '{}' })
        .where('status', '!=', 'closed')
        .execute();
    }
  } finally {
    await kefu.app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  report(results, latencies);
}

async function runConversation(baseUrl: string, conversation: BenchConversation, latencies: number[]) {
  const identity = conversation.shopper
    ? {
        shopCustomerId: conversation.shopper,
        signature: createHmac('sha256', identitySecret).update(conversation.shopper).digest('hex'),
      }
    : undefined;
  const locale = conversation.lang === 'en' ? 'en' : conversation.lang === 'zh-Hant' ? 'zh-TW' : 'zh-CN';
  const session = await postJson(baseUrl, '/api/v1/visitor/sessions', {
    locale,
    ...(identity && { identity }),
  });
  const token = typeof session.token === 'string' ? session.token : '';
  let problem: string | null = null;
  for (const [index, turn] of conversation.turns.entries()) {
    const started = performance.now();
    const sent = await postJson(baseUrl, '/api/v1/visitor/messages', { text: turn.say }, token);
    latencies.push(performance.now() - started);
    const replies = Array.isArray(sent.replies) ? sent.replies : [];
    const text = replies
      .map((reply: unknown) =>
        reply && typeof reply === 'object' && 'text' in reply ? String(reply.text) : '',
      )
      .join('\n');
    if (turn.expect && !new RegExp(turn.expect, 'i').test(text) && !problem)
      problem = `turn ${index + 1} "${turn.say}": expected /${turn.expect}/, got "${text.slice(0, 120).replaceAll('\n', ' ')}"`;
  }
  // Resuming needs the session's token (a bare visitor id would start a new visitor).
  const status = await postJson(
    baseUrl,
    '/api/v1/visitor/sessions',
    { ...(identity && { identity }) },
    String(session.token),
  );
  const handedOff = status.status === 'queued' || status.status === 'assigned';
  const outcome: 'resolved' | 'handoff' | 'failed' = problem ? 'failed' : handedOff ? 'handoff' : 'resolved';
  return { outcome, problem };
}

function report(
  results: { conversation: BenchConversation; outcome: string; problem: string | null }[],
  latencies: number[],
): void {
  const resolvable = results.filter((result) => result.conversation.expect === 'resolved');
  const handoffs = results.filter((result) => result.conversation.expect === 'handoff');
  const resolved = resolvable.filter((result) => result.outcome === 'resolved').length;
  const correctHandoffs = handoffs.filter((result) => result.outcome === 'handoff').length;
  const byLanguage = new Map<string, { total: number; correct: number }>();
  for (const result of results) {
    const entry = byLanguage.get(result.conversation.lang) ?? { total: 0, correct: 0 };
    entry.total += 1;
    if (result.outcome === result.conversation.expect) entry.correct += 1;
    byLanguage.set(result.conversation.lang, entry);
  }
  const sorted = [...latencies].sort((left, right) => left - right);
  const percentile = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
  console.log(
    `\n## Conversations (${results.length} multi-turn shopper conversations, ${latencies.length} turns, demo shop, builtin connector)`,
  );
  console.log(
    `node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, SQLite, one conversation at a time over loopback HTTP, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  console.log(
    `fully resolved by the bot: ${resolved}/${resolvable.length} = ${(resolved / Math.max(1, resolvable.length)).toFixed(2)} (goal ≥ 0.70)`,
  );
  console.log(
    `correct handoff: ${correctHandoffs}/${handoffs.length} = ${(correctHandoffs / Math.max(1, handoffs.length)).toFixed(2)}`,
  );
  console.log(
    `by language (outcome as expected): ${[...byLanguage].map(([lang, entry]) => `${lang} ${entry.correct}/${entry.total}`).join(', ')}`,
  );
  console.log(
    `per-turn latency: p50 ${percentile(0.5).toFixed(1)} ms, p99 ${percentile(0.99).toFixed(1)} ms, max ${(sorted.at(-1) ?? 0).toFixed(1)} ms`,
  );
  const misses = results.filter((result) => result.outcome !== result.conversation.expect);
  for (const miss of misses.slice(0, 15))
    console.log(
      `  miss ${miss.conversation.id} (expected ${miss.conversation.expect}, got ${miss.outcome})${miss.problem ? `: ${miss.problem}` : ''}`,
    );
}

async function postJson(
  baseUrl: string,
  route: string,
  body: unknown,
  token?: string,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  const parsed: unknown = await response.json();
  return parsed && typeof parsed === 'object' ? { ...parsed } : {};
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
