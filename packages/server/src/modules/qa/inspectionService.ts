import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { inspectTranscript, scoreFindings } from './inspectTranscript';
import type { FlagRow } from './repo';
import {
  deleteOpenFlags,
  findFlag,
  findInspection,
  insertFlags,
  listFlags,
  reviewFlagRow,
  saveInspection,
  touchInspection,
} from './repo';
import type { QaRuleSetService } from './ruleSetService';
import type { QaRules } from './rules/ruleSet';
import { isQaRuleId, qaRulesSchema } from './rules/ruleSet';
import { lastAgentId } from './rules/transcript';
import { loadInspectedConversation } from './sources/transcriptRecords';

export type FlagReview = 'open' | 'confirmed' | 'dismissed';

/**
 * Inspects every resolved conversation an agent took part in against the active rules: its score and the
 * flagged moments. Inspecting again (a reopened and re-resolved conversation, a rerun after the rules changed)
 * replaces the open flags and keeps what supervisors already confirmed or dismissed.
 */
export class InspectionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ruleSets: QaRuleSetService,
  ) {}

  /** Returns whether the conversation was inspected (bot-only and unresolved ones are not). */
  async inspectConversation(conversationId: string): Promise<boolean> {
    const record = await loadInspectedConversation(this.db, conversationId);
    if (!record || record.resolvedAt === null) return false;
    const { transcript } = record;
    if (!transcript.messages.some((message) => message.sender === 'agent')) return false;
    const ruleSet = await this.ruleSets.active();
    const findings = inspectTranscript(transcript, ruleSet.rules);
    const now = this.clock.now().toISOString();
    const resolvedAt = record.resolvedAt;
    await this.db.transaction().execute(async (trx) => {
      const reviewed = (await listFlags(trx, conversationId)).filter((flag) => flag.status !== 'open');
      const alreadyReviewed = new Set(reviewed.map((flag) => `${flag.rule}:${flag.message_id ?? ''}`));
      await deleteOpenFlags(trx, conversationId);
      const fresh: FlagRow[] = findings
        .filter((finding) => !alreadyReviewed.has(`${finding.rule}:${finding.messageId ?? ''}`))
        .map((finding) => ({
          id: newId('qaf'),
          conversation_id: conversationId,
          rule: finding.rule,
          message_id: finding.messageId,
          agent_id: finding.agentId,
          detail: finding.detail,
          status: 'open',
          review_note: null,
          reviewed_by: null,
          reviewed_at: null,
          created_at: now,
        }));
      await insertFlags(trx, fresh);
      await saveInspection(trx, {
        conversation_id: conversationId,
        agent_id: record.assigneeId ?? lastAgentId(transcript),
        rule_set_id: ruleSet.id,
        rules: JSON.stringify(ruleSet.rules),
        score: scoreOf([...reviewed, ...fresh], ruleSet.rules),
        resolved_at: resolvedAt,
        inspected_at: now,
        updated_at: now,
      });
    });
    return true;
  }

  /** A supervisor confirms or dismisses a flag (or opens it again); the score follows. */
  async reviewFlag(
    flagId: string,
    review: { status: FlagReview; note: string | null },
    reviewerId: string,
  ): Promise<{ conversationId: string }> {
    const now = this.clock.now().toISOString();
    return this.db.transaction().execute(async (trx) => {
      const flag = await findFlag(trx, flagId);
      if (!flag) throw new KefuError('qa_flag_not_found');
      const inspection = await findInspection(trx, flag.conversation_id);
      if (!inspection) throw new KefuError('qa_flag_not_found');
      await reviewFlagRow(trx, flagId, {
        status: review.status,
        review_note: review.note,
        reviewed_by: reviewerId,
        reviewed_at: now,
      });
      const rules = parseJsonColumn(inspection.rules, qaRulesSchema);
      await touchInspection(trx, flag.conversation_id, {
        score: scoreOf(await listFlags(trx, flag.conversation_id), rules),
        updated_at: now,
      });
      return { conversationId: flag.conversation_id };
    });
  }
}

/** Dismissed flags cost nothing. */
function scoreOf(flags: readonly FlagRow[], rules: QaRules): number {
  return scoreFindings(
    flags.flatMap((flag) =>
      flag.status !== 'dismissed' && isQaRuleId(flag.rule) ? [{ rule: flag.rule }] : [],
    ),
    rules,
  );
}
