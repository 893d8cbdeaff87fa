import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { EventJobs } from '../../events/eventJobs';
import * as experimentsRepo from './repo';

/**
 * Outcomes of exposed conversations, each recorded by a durable job (once per event, across processes, not lost
 * on a crash), and each written at most once per exposure: the first handoff, the first reply, the first rating.
 */
export function listenForExperimentOutcomes(eventJobs: EventJobs, db: Db, clock: Clock): void {
  eventJobs.listen('conversation.handed_off', 'experiments.record_handoff', async ({ payload }) =>
    experimentsRepo.markHandedOff(db, payload.conversation.id, clock.now().toISOString()),
  );
  eventJobs.listen('message.received', 'experiments.record_reply', async ({ payload }) =>
    experimentsRepo.markReplied(db, payload.conversationId, payload.messageId, clock.now().toISOString()),
  );
  eventJobs.listen('csat.submitted', 'experiments.record_rating', async ({ payload }) =>
    experimentsRepo.markRated(db, payload.conversationId, payload.rating),
  );
}
