import { z } from 'zod';
import { channelKindSchema } from '../../channelKinds';
import type { JobQueue } from '../../jobs/jobQueue';
import type { ChannelAccounts } from './accounts/channelAccounts';
import type { PullAnnouncement } from './channelAdapter';
import type { IngestDependencies } from './ingestInboundMessage';
import { ingestInboundMessage } from './ingestInboundMessage';

export const pullJobName = 'channels.pull_messages';

const pullJobSchema = z.object({
  kind: channelKindSchema,
  accountId: z.string(),
  token: z.string(),
  scope: z.string().nullable(),
});

type PullJob = z.infer<typeof pullJobSchema>;

/** Enough batches for one announcement; a longer backlog continues with the next announcement. */
const maxBatchesPerAnnouncement = 20;

export interface PullDependencies {
  jobs: JobQueue;
  accounts: ChannelAccounts;
  ingest: IngestDependencies;
}

/**
 * A platform announced waiting messages (WeCom kf): one durable job per announcement, one at a time per
 * account, pulls from the stored cursor, stores each message through the one ingest (keyed by the platform's
 * id, so a batch pulled twice stores nothing twice) and saves the cursor after each batch.
 */
export function registerPullJob(dependencies: PullDependencies): void {
  dependencies.jobs.register(pullJobName, {
    schema: pullJobSchema,
    run: (job) => pullAnnouncedMessages(dependencies, job),
  });
}

export async function enqueuePull(
  jobs: JobQueue,
  target: { kind: PullJob['kind']; accountId: string },
  announcement: PullAnnouncement,
): Promise<string> {
  return jobs.enqueue({
    name: pullJobName,
    payload: { ...target, token: announcement.token, scope: announcement.scope },
    idempotencyKey: `pull:${target.accountId}:${announcement.token}`,
    orderingKey: `pull:${target.accountId}`,
  });
}

async function pullAnnouncedMessages(dependencies: PullDependencies, job: PullJob): Promise<void> {
  const { accounts } = dependencies;
  const adapter = await accounts.adapterFor(job.kind, job.accountId);
  if (!adapter?.puller) return;
  for (let batchNumber = 0; batchNumber < maxBatchesPerAnnouncement; batchNumber += 1) {
    const cursor = await accounts.readCursor(job.accountId);
    const batch = await adapter.puller.pull({ token: job.token, scope: job.scope }, cursor);
    for (const message of batch.messages) await ingestInboundMessage(dependencies.ingest, message);
    await accounts.saveCursor(job.accountId, batch.nextCursor);
    if (!batch.hasMore) return;
  }
}
