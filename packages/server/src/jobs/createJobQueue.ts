import type { Clock } from '../clock';
import type { KefuConfig } from '../config';
import type { KefuDatabase } from '../db/database';
import { DatabaseJobQueue } from './databaseJobQueue';
import type { JobLogger, JobQueue, JobQueueOptions } from './jobQueue';
import { RedisJobQueue } from './redisJobQueue';

export interface JobQueueDependencies {
  config: KefuConfig;
  database: KefuDatabase;
  clock: Clock;
  logger: JobLogger;
  options?: Partial<JobQueueOptions>;
}

/**
 * BullMQ on Redis when REDIS_URL is set (scale-out), else the table in Kefu's own database. BullMQ's keys
 * live under `<KEFU_REDIS_CHANNEL>:jobs`, so deployments sharing one Redis stay apart as their events do.
 */
export async function createJobQueue(dependencies: JobQueueDependencies): Promise<JobQueue> {
  const { config, database, clock, logger, options } = dependencies;
  if (config.redisUrl)
    return RedisJobQueue.connect({
      url: config.redisUrl,
      prefix: `${config.redisChannel}:jobs`,
      clock,
      logger,
      ...(options && { options }),
    });
  return new DatabaseJobQueue({
    db: database.db,
    dialect: database.dialect,
    clock,
    logger,
    ...(options && { options }),
  });
}
