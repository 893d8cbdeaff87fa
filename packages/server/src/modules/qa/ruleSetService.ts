import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import { findActiveRuleSet, updateRuleSetRules } from './repo';
import type { RuleSetRow } from './repo';
import type { QaRules } from './rules/ruleSet';
import { defaultQaRules, qaRulesSchema } from './rules/ruleSet';

export interface QaRuleSet {
  id: string;
  name: string;
  rules: QaRules;
  updatedBy: string | null;
  updatedAt: string;
}

/** The first install's rule set has a fixed id, so processes starting together create it once. */
const defaultRuleSetId = 'qars_default';

/** The active rule set: weights, limits and wording the inspections score by. */
export class QaRuleSetService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async active(): Promise<QaRuleSet> {
    const row = await findActiveRuleSet(this.db);
    if (row) return toRuleSet(row);
    const now = this.clock.now().toISOString();
    await this.db
      .insertInto('qa_rule_sets')
      .values({
        id: defaultRuleSetId,
        name: 'default',
        rules: JSON.stringify(defaultQaRules),
        is_active: 1,
        updated_by: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .execute();
    const created = await findActiveRuleSet(this.db);
    if (!created) throw new Error('the default QA rule set could not be created');
    return toRuleSet(created);
  }

  /** Replaces the active set's rules; conversations inspected from now on are scored by them. */
  async update(rules: QaRules, actorId: string): Promise<QaRuleSet> {
    const current = await this.active();
    await updateRuleSetRules(this.db, current.id, {
      rules: JSON.stringify(rules),
      updated_by: actorId,
      updated_at: this.clock.now().toISOString(),
    });
    return this.active();
  }
}

function toRuleSet(row: RuleSetRow): QaRuleSet {
  return {
    id: row.id,
    name: row.name,
    rules: parseJsonColumn(row.rules, qaRulesSchema),
    updatedBy: row.updated_by,
    updatedAt: row.updated_at,
  };
}
