import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { describeJobError } from './jobQueue';
import type { JobLogger } from './jobQueue';

/** ioredis options from a `redis://` or `rediss://` URL, for the connections BullMQ opens itself. */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const parsed = new URL(url);
  const database = Number(parsed.pathname.slice(1) || '0');
  return {
    host: parsed.hostname,
    port: Number(parsed.port || '6379'),
    ...(parsed.username && { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password && { password: decodeURIComponent(parsed.password) }),
    ...(Number.isInteger(database) && { db: database }),
    ...(parsed.protocol === 'rediss:' && { tls: {} }),
  };
}

export function openConnection(
  settings: { url: string; prefix: string; logger: JobLogger },
  role: string,
  overrides: RedisOptions,
): Redis {
  const connection = new Redis(settings.url, {
    lazyConnect: true,
    connectionName: `${settings.prefix}:jobs:${role}`,
    ...overrides,
  });
  // Without a listener ioredis prints every failed reconnect attempt to stderr.
  connection.on('error', (error: unknown) =>
    settings.logger.error({ err: describeJobError(error), connection: role }, 'Redis connection error'),
  );
  return connection;
}

export async function closeConnection(connection: Redis): Promise<void> {
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  try {
    await connection.quit();
  } catch {
    connection.disconnect();
  }
}

export async function waitAtMost(work: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | null = null;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([work, timeout]);
  if (timer) clearTimeout(timer);
}
