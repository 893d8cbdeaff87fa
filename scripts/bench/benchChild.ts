// A benchmark's server in a child process (benchServer.ts), so the load generator does not share its thread.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs `run` against a fresh server of `mode` (see benchServer.ts) and stops the server afterwards. */
export async function withBenchServer<Result>(
  mode: 'bare' | 'kefu',
  run: (baseUrl: string) => Promise<Result>,
): Promise<Result> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./benchServer.ts', import.meta.url)), mode],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  try {
    const port = await waitForReady(child);
    return await run(`http://127.0.0.1:${port}`);
  } finally {
    child.kill('SIGTERM');
  }
}

/** The port a benchServer.ts child reports once it listens. */
export function waitForReady(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /READY (\d+)/.exec(output);
      if (match?.[1]) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}
