import type { Redis } from 'ioredis';

/** How long a member whose job never appeared blocks its key (an enqueue that died between its two steps). */
const orphanAgeMs = 60_000;

export type JobStateLookup = (jobId: string) => Promise<'missing' | 'finished' | 'unfinished'>;

/**
 * Orders BullMQ jobs that share an ordering key (BullMQ itself runs jobs side by side). Each key is a sorted set
 * of job ids scored by enqueue time, added before the job itself (ZADD NX: a repeated enqueue keeps its place);
 * only the first member may run, and a finished job leaves the set.
 */
export class RedisOrdering {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly jobState: JobStateLookup,
  ) {}

  async join(orderingKey: string, jobId: string, enqueuedAtMs: number): Promise<void> {
    await this.redis.zadd(this.key(orderingKey), 'NX', enqueuedAtMs, jobId);
  }

  /** True when `jobId` is first in line; drops members left behind by finished or never-added jobs. */
  async isFirst(orderingKey: string, jobId: string, nowMs: number): Promise<boolean> {
    for (;;) {
      const head = await this.redis.zrange(this.key(orderingKey), 0, 0, 'WITHSCORES');
      const [headId, headScore] = head;
      if (headId === undefined || headId === jobId) return true;
      const state = await this.jobState(headId);
      const orphaned = state === 'missing' && nowMs - Number(headScore) > orphanAgeMs;
      if (state !== 'finished' && !orphaned) return false;
      await this.redis.zrem(this.key(orderingKey), headId);
    }
  }

  /** Leaves the line; returns the id of the job now first in line, if any. */
  async leave(orderingKey: string, jobId: string): Promise<string | null> {
    await this.redis.zrem(this.key(orderingKey), jobId);
    const [next] = await this.redis.zrange(this.key(orderingKey), 0, 0);
    return next ?? null;
  }

  private key(orderingKey: string): string {
    return `${this.keyPrefix}:ordering:${orderingKey}`;
  }
}
