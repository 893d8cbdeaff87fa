import { z } from 'zod';
import type { Clock } from '../../clock';
import type { Db } from '../../db/database';
import { parseJsonColumn } from '../../db/json';
import { KefuError } from '../../errors';
import { newId } from '../../ids';
import { recordAudit } from '../audit';
import { defaultBotRules } from './defaultRules';
import * as rulesRepo from './rulesRepo';
import type { BotRuleRow } from './rulesRepo';
import type { BotRule, BotRuleInput, BotRulePatch } from './schemas';
import { botRuleSchema, findInvalidRegexPatterns } from './schemas';

const cacheLifetimeMs = 10_000;

/** Keyword and greeting rules: managed by admins, matched against every customer message. */
export class BotRulesService {
  private cachedRules: { rules: BotRule[]; loadedAt: number } | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async seedDefaultRulesIfEmpty(): Promise<void> {
    if ((await rulesRepo.countBotRules(this.db)) > 0) return;
    for (const rule of defaultBotRules) await this.createRule(rule, null);
  }

  async listRules(): Promise<BotRule[]> {
    return (await rulesRepo.listBotRules(this.db)).map(toBotRule);
  }

  async createRule(input: BotRuleInput, actorId: string | null): Promise<BotRule> {
    const timestamp = this.clock.now().toISOString();
    const row: BotRuleRow = {
      id: newId('rule'),
      name: input.name,
      match_type: input.matchType,
      patterns: JSON.stringify(input.patterns),
      reply_zh: input.replyZh,
      reply_en: input.replyEn,
      action: input.action,
      priority: input.priority,
      enabled: input.enabled ? 1 : 0,
      created_at: timestamp,
      updated_at: timestamp,
    };
    await this.db.transaction().execute(async (trx) => {
      await rulesRepo.insertBotRule(trx, row);
      await recordAudit(
        trx,
        auditOf(actorId, 'bot_rule.created', row.id, { name: input.name }),
        this.clock.now(),
      );
    });
    this.cachedRules = null;
    return toBotRule(row);
  }

  async updateRule(ruleId: string, patch: BotRulePatch, actorId: string | null): Promise<BotRule> {
    const updated = await this.db.transaction().execute(async (trx) => {
      const existing = await rulesRepo.findBotRule(trx, ruleId);
      if (!existing) throw new KefuError('rule_not_found');
      assertRegexPatternsValid(
        patch.matchType ?? existing.match_type,
        patch.patterns ?? parsePatterns(existing),
      );
      if (!(patch.replyZh ?? existing.reply_zh) && !(patch.replyEn ?? existing.reply_en))
        throw new KefuError('validation_failed', 'a reply in Chinese or English is needed');
      const row = await rulesRepo.updateBotRule(trx, ruleId, {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.matchType !== undefined && { match_type: patch.matchType }),
        ...(patch.patterns !== undefined && { patterns: JSON.stringify(patch.patterns) }),
        ...(patch.replyZh !== undefined && { reply_zh: patch.replyZh }),
        ...(patch.replyEn !== undefined && { reply_en: patch.replyEn }),
        ...(patch.action !== undefined && { action: patch.action }),
        ...(patch.priority !== undefined && { priority: patch.priority }),
        ...(patch.enabled !== undefined && { enabled: patch.enabled ? 1 : 0 }),
        updated_at: this.clock.now().toISOString(),
      });
      if (!row) throw new KefuError('rule_not_found');
      await recordAudit(
        trx,
        auditOf(actorId, 'bot_rule.updated', ruleId, { changes: patch }),
        this.clock.now(),
      );
      return row;
    });
    this.cachedRules = null;
    return toBotRule(updated);
  }

  async deleteRule(ruleId: string, actorId: string | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      if (!(await rulesRepo.deleteBotRule(trx, ruleId))) throw new KefuError('rule_not_found');
      await recordAudit(trx, auditOf(actorId, 'bot_rule.deleted', ruleId), this.clock.now());
    });
    this.cachedRules = null;
  }

  /** The first enabled rule (by priority) that matches the text, or null. */
  async findMatchingRule(text: string): Promise<BotRule | null> {
    const comparable = toComparableText(text);
    for (const rule of await this.enabledRules()) {
      if (ruleMatches(rule, comparable)) return rule;
    }
    return null;
  }

  private async enabledRules(): Promise<BotRule[]> {
    const nowMs = this.clock.now().getTime();
    if (
      !this.cachedRules ||
      nowMs - this.cachedRules.loadedAt > cacheLifetimeMs ||
      nowMs < this.cachedRules.loadedAt
    ) {
      const rules = (await this.listRules()).filter((rule) => rule.enabled);
      this.cachedRules = { rules, loadedAt: nowMs };
    }
    return this.cachedRules.rules;
  }
}

export function ruleMatches(rule: BotRule, comparableText: string): boolean {
  switch (rule.matchType) {
    case 'contains':
      return rule.patterns.some((pattern) => comparableText.includes(toComparableText(pattern)));
    case 'exact':
      return rule.patterns.some(
        (pattern) => stripPunctuation(comparableText) === stripPunctuation(toComparableText(pattern)),
      );
    case 'regex':
      return rule.patterns.some((pattern) => new RegExp(pattern, 'iu').test(comparableText));
  }
}

/** Folds full-width characters and case so 'ＨＥＬＬＯ' and 'hello' match the same rule. */
export function toComparableText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function stripPunctuation(text: string): string {
  return text.replace(/[\p{P}\p{S}\s]+/gu, '');
}

function parsePatterns(row: BotRuleRow): string[] {
  return parseJsonColumn(row.patterns, z.array(z.string()));
}

function assertRegexPatternsValid(matchType: string, patterns: string[]): void {
  const problems = findInvalidRegexPatterns(matchType, patterns);
  if (problems.length > 0)
    throw new KefuError('validation_failed', problems.map((problem) => problem.message).join('; '));
}

function toBotRule(row: BotRuleRow): BotRule {
  return botRuleSchema.parse({
    id: row.id,
    name: row.name,
    matchType: row.match_type,
    patterns: parsePatterns(row),
    replyZh: row.reply_zh,
    replyEn: row.reply_en,
    action: row.action,
    priority: row.priority,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

function auditOf(actorId: string | null, action: string, ruleId: string, data?: Record<string, unknown>) {
  return {
    actorType: actorId ? ('agent' as const) : ('system' as const),
    actorId,
    action,
    targetType: 'bot_rule',
    targetId: ruleId,
    ...(data && { data }),
  };
}
