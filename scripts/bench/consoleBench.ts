// `npm run bench` (part): the agent console's build size and its first load in headless Chromium over
// loopback with a cold cache (a fresh browser context per run), against the full app in a child process.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { waitForReady } from './benchChild';

const distDirectory = fileURLToPath(new URL('../../packages/console/dist/', import.meta.url));
const chromiumPath = process.env.KEFU_TEST_CHROMIUM ?? '/usr/bin/chromium';
const runs = Number(process.env.BENCH_CONSOLE_RUNS ?? 7);
const goalMs = 1500;
const adminPassword = 'bench-password-1';

interface LoadSample {
  readyMs: number;
  firstContentfulPaintMs: number;
  transferredBytes: number;
}

async function main(): Promise<void> {
  if (!existsSync(join(distDirectory, 'index.html'))) throw new Error('console not built: npm run build:web');
  console.log('\nKefu agent console');
  printBuildSize();
  if (!existsSync(chromiumPath)) {
    console.log(`  first load: skipped (no Chromium at ${chromiumPath})`);
    return;
  }
  const server = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./benchServer.ts', import.meta.url)), 'kefu'],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const baseUrl = `http://127.0.0.1:${await waitForReady(server)}`;
    const token = await signIn(baseUrl);
    await measureFirstLoad(browser, baseUrl, null); // warms the server process, not the browser cache
    const loginSamples = await repeat(() => measureFirstLoad(browser, baseUrl, null));
    const inboxSamples = await repeat(() => measureFirstLoad(browser, baseUrl, token));
    console.log(
      `  first load, Chromium ${browser.version()}, loopback, cold cache (new context each run), ${runs} runs:`,
    );
    console.log('| page | median ready ms | max ready ms | median FCP ms | transferred KiB | goal |');
    console.log('| --- | ---: | ---: | ---: | ---: | --- |');
    printRow('sign-in page (/console/)', loginSamples);
    printRow('inbox, signed in, live socket open', inboxSamples);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

function printBuildSize(): void {
  const assetsDirectory = join(distDirectory, 'assets');
  const files = readdirSync(assetsDirectory).map((name) => {
    const content = readFileSync(join(assetsDirectory, name));
    return { name, bytes: statSync(join(assetsDirectory, name)).size, gzipBytes: gzipSync(content).length };
  });
  const indexHtml = readFileSync(join(distDirectory, 'index.html'), 'utf8');
  const initial = files.filter((file) => indexHtml.includes(`assets/${file.name}`));
  const sum = (list: typeof files, key: 'bytes' | 'gzipBytes') =>
    (list.reduce((total, file) => total + file[key], 0) / 1024).toFixed(0);
  console.log(
    `  build: ${files.length} files, ${sum(files, 'bytes')} KiB (${sum(files, 'gzipBytes')} KiB gzip); ` +
      `loaded first: ${initial.length} files, ${sum(initial, 'bytes')} KiB (${sum(initial, 'gzipBytes')} KiB gzip)`,
  );
}

async function measureFirstLoad(
  browser: Browser,
  baseUrl: string,
  token: string | null,
): Promise<LoadSample> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  if (token) {
    const session = JSON.stringify({
      token,
      agent: { id: 'bench', email: 'admin@kefu.local', displayName: 'Admin', role: 'admin' },
    });
    await context.addInitScript({
      content: `sessionStorage.setItem('kefu.console.session', ${JSON.stringify(session)});`,
    });
  }
  const page = await context.newPage();
  let transferredBytes = 0;
  page.on('response', (response) => {
    void response.body().then(
      (body) => (transferredBytes += body.length),
      () => undefined,
    );
  });
  const started = Date.now();
  await page.goto(`${baseUrl}/console/${token ? 'inbox' : ''}`);
  await page
    .locator(token ? '.connection-status[data-state="open"]' : '.login-card button[type="submit"]')
    .waitFor();
  const readyMs = Date.now() - started;
  const firstContentfulPaintMs = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
  );
  await context.close();
  return { readyMs, firstContentfulPaintMs, transferredBytes };
}

async function repeat(measure: () => Promise<LoadSample>): Promise<LoadSample[]> {
  const samples: LoadSample[] = [];
  for (let run = 0; run < runs; run += 1) samples.push(await measure());
  return samples;
}

function printRow(name: string, samples: LoadSample[]): void {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const ready = median(samples.map((sample) => sample.readyMs));
  const maximum = Math.max(...samples.map((sample) => sample.readyMs));
  const paint = median(samples.map((sample) => sample.firstContentfulPaintMs));
  const kibibytes = median(samples.map((sample) => sample.transferredBytes)) / 1024;
  const verdict = ready < goalMs ? `< ${goalMs} ms ✓` : `over ${goalMs} ms ✗`;
  console.log(
    `| ${name} | ${ready} | ${maximum} | ${paint.toFixed(0)} | ${kibibytes.toFixed(0)} | ${verdict} |`,
  );
}

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@kefu.local', password: adminPassword }),
  });
  const body: unknown = await response.json();
  const token = typeof body === 'object' && body !== null ? Reflect.get(body, 'token') : undefined;
  if (typeof token !== 'string') throw new Error(`sign-in failed: ${response.status}`);
  return token;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
