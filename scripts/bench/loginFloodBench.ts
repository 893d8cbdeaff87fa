// Shoppers' message latency while sign-ins flood in (wrong passwords from rotating addresses, so lock-outs
// do not stop them early): alone, then under a flood of 8 parallel sign-ins, with KEFU_LOGIN_CONCURRENCY
// at 8 (unbounded for this flood) and at its default of 1.
//   node --import tsx scripts/bench/loginFloodBench.ts
import { randomBytes } from 'node:crypto';
import type { VisitorSessionResponse } from '@kefu/sdk';
import { requestJson } from '../../packages/server/test/helpers/http';
import { startTestServer } from '../../packages/server/test/helpers/testServer';

const messagesPerRun = 200;
const parallelSignIns = 8;

async function measure(loginConcurrency: number): Promise<void> {
  const server = await startTestServer({
    seedDemo: false,
    environment: { KEFU_TRUST_PROXY: 'true', KEFU_LOGIN_CONCURRENCY: String(loginConcurrency) },
  });
  try {
    const session = await requestJson<VisitorSessionResponse>(
      server.baseUrl,
      'POST',
      '/api/v1/visitor/sessions',
      {
        body: {},
      },
    );
    const alone = await shopperLatencies(server.baseUrl, session.body.token);
    let flooding = true;
    const flood = Array.from({ length: parallelSignIns }, async () => {
      while (flooding) await signInWrongly(server.baseUrl);
    });
    const underFlood = await shopperLatencies(server.baseUrl, session.body.token);
    flooding = false;
    await Promise.all(flood);
    console.log(
      `KEFU_LOGIN_CONCURRENCY=${loginConcurrency}: shopper message p50 ${percentile(alone, 50)} ms / p95 ${percentile(alone, 95)} ms alone; ` +
        `p50 ${percentile(underFlood, 50)} ms / p95 ${percentile(underFlood, 95)} ms under ${parallelSignIns} parallel sign-ins`,
    );
  } finally {
    await server.close();
  }
}

async function shopperLatencies(baseUrl: string, token: string): Promise<number[]> {
  const latencies: number[] = [];
  for (let index = 0; index < messagesPerRun; index += 1) {
    const started = performance.now();
    const sent = await requestJson(baseUrl, 'POST', '/api/v1/visitor/messages', {
      token,
      body: { text: '你好' },
    });
    if (sent.status !== 201) throw new Error(`message refused: ${sent.status}`);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

async function signInWrongly(baseUrl: string): Promise<void> {
  const bytes = randomBytes(3);
  await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`,
    },
    body: JSON.stringify({ email: `flood-${bytes.toString('hex')}@kefu.test`, password: 'not the password' }),
  });
}

function percentile(values: number[], rank: number): string {
  const sorted = [...values].sort((left, right) => left - right);
  const value = sorted[Math.min(sorted.length - 1, Math.floor((rank / 100) * sorted.length))] ?? 0;
  return value.toFixed(1);
}

await measure(8);
await measure(1);
