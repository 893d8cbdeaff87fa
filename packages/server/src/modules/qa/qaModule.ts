import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import type { EventJobs } from '../../events/eventJobs';
import type { QaScoreSource } from '../analytics';
import { InspectionService } from './inspectionService';
import type { QaDirectory } from './reviewService';
import { QaReviewService } from './reviewService';
import { QaReviewScope } from './reviewScope';
import { QaRuleSetService } from './ruleSetService';

export interface QaModuleInput {
  db: Db;
  clock: Clock;
  directory: QaDirectory;
}

/** Automatic quality inspection of every agent conversation, supervisors' review, scorecards and coaching notes. */
export function createQaModule(input: QaModuleInput) {
  const { db, clock } = input;
  const ruleSets = new QaRuleSetService(db, clock);
  return {
    ruleSets,
    inspections: new InspectionService(db, clock, ruleSets),
    review: new QaReviewService(db, clock, input.directory),
    scope: new QaReviewScope(db, input.directory),
    scores: createScoreSource(db),
  };
}

export type QaModule = ReturnType<typeof createQaModule>;

/** Each resolution is inspected by a durable job, in order with the conversation's other jobs. */
export function startQaModule(module: QaModule, eventJobs: EventJobs): void {
  eventJobs.listen(
    'conversation.resolved',
    'qa.inspect_conversation',
    async ({ payload }) => {
      await module.inspections.inspectConversation(payload.conversation.id);
    },
    { orderingKey: ({ payload }) => `conversation:${payload.conversation.id}` },
  );
}

/** QA scores for the reports: by conversation, and which changed (inspected or reviewed) since a time. */
function createScoreSource(db: Db): QaScoreSource {
  return {
    scoresOf: async (conversationIds) => {
      if (conversationIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('qa_inspections')
        .select(['conversation_id', 'score'])
        .where('conversation_id', 'in', [...conversationIds])
        .execute();
      return new Map(rows.map((row) => [row.conversation_id, Number(row.score)]));
    },
    listChangedSince: async (since) => {
      const rows = await db
        .selectFrom('qa_inspections')
        .select('conversation_id')
        .where('updated_at', '>=', since)
        .execute();
      return rows.map((row) => row.conversation_id);
    },
  };
}
