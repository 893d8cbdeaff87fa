import { z } from 'zod';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { JobQueue } from '../../jobs/jobQueue';
import { recordAudit } from '../audit';
import { encryptStoredPersonalData } from './encryptStoredPersonalData';
import type { FieldCipher } from './fieldCipher';
import { purgeOldTranscripts } from './transcriptRetention';

export interface PrivacyJobDependencies {
  db: Db;
  jobs: JobQueue;
  cipher: FieldCipher;
  clock: Clock;
  /** Transcripts of conversations closed longer ago than this are purged; null keeps them. */
  transcriptRetentionDays: number | null;
  logger: { info(details: object, message: string): void };
}

const rotationJob = 'privacy.reencrypt';
const retentionJob = 'privacy.retention';
const day = 24 * 60 * 60 * 1000;

/**
 * The durable jobs of personal data: re-encryption under the current key (after a rotation, and of rows from
 * before encryption), queued at every start; and the retention sweep, which runs once a day and queues the next.
 */
export async function startPrivacyJobs(dependencies: PrivacyJobDependencies): Promise<void> {
  const { db, jobs, cipher, clock, logger } = dependencies;
  jobs.register(rotationJob, {
    schema: z.object({ keyId: z.string() }),
    run: async () => {
      const rewritten = await encryptStoredPersonalData(db, cipher);
      if (rewritten > 0)
        logger.info({ rows: rewritten, keyId: cipher.currentKeyId }, 'personal data re-encrypted');
    },
  });
  const now = clock.now();
  await jobs.enqueue({
    name: rotationJob,
    payload: { keyId: cipher.currentKeyId },
    idempotencyKey: `${rotationJob}:${cipher.currentKeyId}:${now.toISOString()}`,
  });
  const retentionDays = dependencies.transcriptRetentionDays;
  if (retentionDays === null) return;
  const scheduleSweep = (runAt: Date) =>
    jobs.enqueue({
      name: retentionJob,
      payload: {},
      idempotencyKey: `${retentionJob}:${runAt.toISOString().slice(0, 10)}`,
      runAt,
    });
  jobs.register(retentionJob, {
    schema: z.object({}),
    run: async () => {
      const sweptAt = clock.now();
      const purged = await purgeOldTranscripts(db, new Date(sweptAt.getTime() - retentionDays * day));
      if (purged.conversations > 0)
        await recordAudit(
          db,
          {
            actorType: 'system',
            actorId: null,
            action: 'transcripts.purged',
            targetType: 'conversation',
            targetId: null,
            data: { ...purged, retentionDays },
          },
          sweptAt,
        );
      await scheduleSweep(new Date(sweptAt.getTime() + day));
    },
  });
  await scheduleSweep(now);
}
