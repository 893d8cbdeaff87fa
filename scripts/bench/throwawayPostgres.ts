// A throw-away PostgreSQL server for benchmarks, as `npm run test:all` starts one for the suites: a fresh
// cluster in a temporary directory on a free loopback port, stopped and removed afterwards.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface ThrowawayPostgres {
  url: string;
  version: string;
  stop(): void;
}

/** Null when no PostgreSQL binaries are installed. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres | null> {
  const bin = findPostgresBin();
  if (!bin) return null;
  const directory = mkdtempSync(path.join(tmpdir(), 'kefu-bench-pg-'));
  const data = path.join(directory, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const postgresUser = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const postgresGroup = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(directory, Number(postgresUser), Number(postgresGroup));
  }
  const run = (command: string, args: string[]) => {
    const [file, fullArgs] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
      : [command, args];
    const result = spawnSync(file, fullArgs, { stdio: ['ignore', 'ignore', 'pipe'] });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr.toString()}`);
  };
  const port = await freePort();
  run(path.join(bin, 'initdb'), ['-D', data, '-U', 'kefu', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  run(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    path.join(directory, 'server.log'),
    '-w',
    '-o',
    `-h 127.0.0.1 -p ${port} -k ${directory} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB`,
    'start',
  ]);
  const version = execFileSync(path.join(bin, 'postgres'), ['--version']).toString().trim();
  return {
    url: `postgres://kefu@127.0.0.1:${port}/postgres`,
    version,
    stop: () => {
      run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

function findPostgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((left, right) => Number(left) - Number(right));
  const latest = versions[versions.length - 1];
  return latest && existsSync(path.join(root, latest, 'bin', 'initdb'))
    ? path.join(root, latest, 'bin')
    : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = address && typeof address === 'object' ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
