import type { OfferRule, OfferRuleInput } from '@kefu/sdk';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import type { AuditEntry } from '../audit';
import { recordAudit } from '../audit';
import type { OfferRuleRow } from './repo';
import * as repo from './repo';
import { offerConditionsSchema, offerContentSchema } from './schemas';

/** The after-conversation offer rules admins keep; every change is audited. */
export class OfferRules {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<OfferRule[]> {
    return (await repo.listRules(this.db)).map(toOfferRule);
  }

  async listEnabled(): Promise<OfferRule[]> {
    return (await this.list()).filter((rule) => rule.enabled);
  }

  async find(ruleId: string): Promise<OfferRule | null> {
    const row = await repo.findRule(this.db, ruleId);
    return row ? toOfferRule(row) : null;
  }

  async create(input: OfferRuleInput, agentId: string): Promise<OfferRule> {
    const now = this.clock.now();
    const row: OfferRuleRow = {
      id: newId('mkr'),
      ...toColumns(input),
      created_by: agentId,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('marketing_offer_rules').values(row).execute();
      await recordAudit(trx, auditEntry('marketing.rule_created', agentId, row.id, input), now);
    });
    return toOfferRule(row);
  }

  async update(ruleId: string, change: Partial<OfferRuleInput>, agentId: string): Promise<OfferRule> {
    const now = this.clock.now();
    return this.db.transaction().execute(async (trx) => {
      const existing = await repo.findRule(trx, ruleId);
      if (!existing) throw new KefuError('offer_rule_not_found');
      const merged: OfferRuleInput = { ...toOfferRule(existing), ...change };
      const updated = await trx
        .updateTable('marketing_offer_rules')
        .set({ ...toColumns(merged), updated_at: now.toISOString() })
        .where('id', '=', ruleId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(trx, auditEntry('marketing.rule_updated', agentId, ruleId, change), now);
      return toOfferRule(updated);
    });
  }

  async remove(ruleId: string, agentId: string): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction().execute(async (trx) => {
      const deleted = await trx
        .deleteFrom('marketing_offer_rules')
        .where('id', '=', ruleId)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) === 0) throw new KefuError('offer_rule_not_found');
      await recordAudit(trx, auditEntry('marketing.rule_deleted', agentId, ruleId, {}), now);
    });
  }
}

function toColumns(input: OfferRuleInput) {
  return {
    name: input.name,
    enabled: input.enabled ? 1 : 0,
    conditions: JSON.stringify(input.conditions),
    content: JSON.stringify(input.content),
    delay_minutes: input.delayMinutes,
    cap_days: input.capDays,
  };
}

export function toOfferRule(row: OfferRuleRow): OfferRule {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled === 1,
    conditions: parseJsonColumn(row.conditions, offerConditionsSchema),
    content: parseJsonColumn(row.content, offerContentSchema),
    delayMinutes: row.delay_minutes,
    capDays: row.cap_days,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function auditEntry(action: string, agentId: string, ruleId: string, data: object): AuditEntry {
  return {
    actorType: 'agent',
    actorId: agentId,
    action,
    targetType: 'marketing_rule',
    targetId: ruleId,
    data: { ...data },
  };
}
