import { randomBytes } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { ManualClock } from '../../src/clock';
import type { KefuDatabase } from '../../src/db/database';
import { openDatabase } from '../../src/db/database';
import { DatabaseJobQueue } from '../../src/jobs/databaseJobQueue';
import type { JobLogger, JobQueue, JobQueueOptions } from '../../src/jobs/jobQueue';
import { claimDueJobs } from '../../src/jobs/jobsRepo';
import { RedisJobQueue } from '../../src/jobs/redisJobQueue';
import { testDatabaseTargets } from './testDatabase';
import { testRedisUrl } from './testRedis';

/** Queues on one backend that share their jobs, as the processes of one deployment do. */
export interface JobQueueDeployment {
  clock: ManualClock;
  /** A queue as one process would have it (register the same jobs on each). */
  openQueue(options?: Partial<JobQueueOptions>): Promise<JobQueue>;
  /** Lets `ms` pass for due times: the clock moves (table) or delayed jobs are promoted (BullMQ's own time). */
  passTime(ms: number): Promise<void>;
  /** Takes the job as a process would that then dies mid-run, never finishing or renewing it. */
  takeJobAndDie(jobId: string): Promise<void>;
  close(): Promise<void>;
}

export interface JobQueueTarget {
  label: string;
  deploy(): Promise<JobQueueDeployment>;
}

export const testQueueOptions: Partial<JobQueueOptions> = {
  retry: { baseDelayMs: 1_000, maxDelayMs: 60_000 },
  maxAttempts: 3,
  concurrency: 4,
  leaseMs: 1_000,
  pollIntervalMs: 20,
  stopGraceMs: 5_000,
};

export const silentJobLogger: JobLogger = { warn: () => undefined, error: () => undefined };

/** The table queue on every test database, and BullMQ when a Redis server is given. */
export function jobQueueTargets(): JobQueueTarget[] {
  const targets: JobQueueTarget[] = testDatabaseTargets().map((target) => ({
    label: `table on ${target.dialect}`,
    deploy: async () => {
      const testDatabase = await target.create();
      const databases: KefuDatabase[] = [];
      const queues: JobQueue[] = [];
      const clock = new ManualClock();
      const first = await openDatabase(testDatabase.url);
      databases.push(first);
      return {
        clock,
        openQueue: async (options = {}) => {
          const database = await openDatabase(testDatabase.url);
          databases.push(database);
          const queue = new DatabaseJobQueue({
            db: database.db,
            dialect: database.dialect,
            clock,
            logger: silentJobLogger,
            options: { ...testQueueOptions, ...options },
          });
          queues.push(queue);
          return queue;
        },
        passTime: async (ms) => clock.advance(ms),
        takeJobAndDie: async (jobId) => {
          const [claimed] = await claimDueJobs(first.db, {
            dialect: first.dialect,
            now: clock.now(),
            owner: 'a-process-that-died',
            leaseExpiresAt: new Date(clock.now().getTime() + (testQueueOptions.leaseMs ?? 0)),
            limit: 1,
            ids: [jobId],
          });
          if (!claimed) throw new Error(`job ${jobId} could not be claimed`);
        },
        close: async () => {
          for (const queue of queues) await queue.stop();
          for (const database of databases) await database.close();
          await testDatabase.drop();
        },
      };
    },
  }));
  const redisUrl = testRedisUrl();
  if (redisUrl) targets.push({ label: 'BullMQ on Redis', deploy: () => deployOnRedis(redisUrl) });
  return targets;
}

async function deployOnRedis(url: string): Promise<JobQueueDeployment> {
  const prefix = `kefu-test-${randomBytes(6).toString('hex')}`;
  const clock = new ManualClock();
  const queues: RedisJobQueue[] = [];
  const admin = new Redis(url, { maxRetriesPerRequest: null });
  const adminQueue = new Queue('kefu-jobs', { connection: admin, prefix });
  const deadWorkerConnections: Redis[] = [];
  return {
    clock,
    openQueue: async (options = {}) => {
      const queue = await RedisJobQueue.connect({
        url,
        prefix,
        clock,
        logger: silentJobLogger,
        options: { ...testQueueOptions, ...options },
      });
      queues.push(queue);
      return queue;
    },
    passTime: async () => {
      // BullMQ keeps delays on Redis time; promoting the delayed jobs stands for the time passing.
      for (const job of await adminQueue.getDelayed()) await job.promote().catch(() => undefined);
    },
    takeJobAndDie: async (jobId) => {
      let taken!: () => void;
      const tookIt = new Promise<void>((resolve) => {
        taken = resolve;
      });
      const connection = admin.duplicate();
      deadWorkerConnections.push(connection);
      const worker = new Worker(
        'kefu-jobs',
        async (job) => {
          if (job.id === jobId) taken();
          await new Promise(() => undefined);
        },
        // No stalled check of its own: its first one would hold the check off for its default interval.
        { connection, prefix, lockDuration: testQueueOptions.leaseMs ?? 1_000, skipStalledCheck: true },
      );
      await tookIt;
      // Dies: its lock is no longer renewed, as when the process is killed.
      await worker.close(true);
    },
    close: async () => {
      for (const queue of queues) await queue.stop();
      await adminQueue.close();
      for (const connection of deadWorkerConnections) connection.disconnect();
      await admin.quit();
    },
  };
}
