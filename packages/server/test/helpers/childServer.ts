import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const mainScript = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

export interface ChildServer {
  child: ChildProcess;
  baseUrl: string;
  /** Resolves with the exit code (null when ended by a signal). */
  exited: Promise<number | null>;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
}

/**
 * Starts Kefu as `npm start` does (`node --import tsx packages/server/src/main.ts`) in its own process, on a
 * random loopback port, and resolves once it listens. `environment` is its whole configuration.
 */
export async function spawnServer(environment: Record<string, string>): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', mainScript], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(printed);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${printed}`)));
  });
  const baseUrl = await listening;
  return { child, baseUrl, exited, output: () => printed };
}
