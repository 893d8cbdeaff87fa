import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { KefuError } from '../errors';

export interface RequestLimitStoreOptions {
  /** Counters in Redis, shared by every process of the deployment; null: in this process's memory. */
  redisUrl: string | null;
  /** Separates deployments that share one Redis. */
  nameSpace: string;
  logger: FastifyBaseLogger;
}

/**
 * Registers @fastify/rate-limit with no global limit: each route names its own limits with `limitRequests`.
 * A Redis outage lets requests through (logged) rather than refusing every shopper.
 */
export async function registerRequestLimits(
  app: FastifyInstance,
  options: RequestLimitStoreOptions,
): Promise<void> {
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, {
        connectionName: `${options.nameSpace}limits`,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
      })
    : null;
  redis?.on('error', (error: Error) =>
    options.logger.warn({ err: error.message }, 'request limits: Redis error'),
  );
  await app.register(fastifyRateLimit, {
    global: false,
    skipOnError: true,
    nameSpace: options.nameSpace,
    ...(redis && { redis }),
  });
  if (redis) app.addHook('onClose', async () => void (await redis.quit().catch(() => undefined)));
}

export interface RequestLimit {
  /** Names the counter: two limits on one route count separately. */
  name: string;
  max: number;
  windowMs: number;
  /** Whose requests are counted together; null: this limit does not apply to the request. */
  keyOf(request: FastifyRequest): string | null;
}

/**
 * A hook that counts the request against `limit` and refuses it with 429 `rate_limited` and `Retry-After`
 * once the window's budget is spent. Several may guard one route (per address and per visitor).
 */
export function limitRequests(app: FastifyInstance, limit: RequestLimit) {
  const check = app.createRateLimit({
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (request) => `${limit.name}:${limit.keyOf(request) ?? ''}`,
  });
  return async function enforceRequestLimit(request: FastifyRequest): Promise<void> {
    if (limit.keyOf(request) === null) return;
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    const seconds = Math.max(1, result.ttlInSeconds);
    // The error handler turns `retryAfterSeconds` into the Retry-After header.
    throw new KefuError('rate_limited', `Too many requests; try again in ${seconds} s`, {
      retryAfterSeconds: seconds,
    });
  };
}

/**
 * The address limits count: the client's, or the one a trusted proxy reports (KEFU_TRUST_PROXY); an IPv6
 * address counts by its /64, which one subscriber usually holds whole.
 */
export function clientAddressOf(request: FastifyRequest): string {
  return normalizeIP(request.ip, 64);
}
