import type {
  Check,
  CheckResult,
  ConversationRecord,
  JudgedCheck,
  Priority,
  ReplyRecord,
  SlotName,
  TurnScope,
} from './checkTypes';
import { priorityOrder } from './checkTypes';
import { checkLanguageAndScript } from './languageCheck';
import { checkOrderState } from './orderStateCheck';
import { checkSlotNotAskedAgain, findGivenSlots, findSlotRequests } from './slotQuestions';
import { apologyPattern, quote } from './textPatterns';

/**
 * The checks that hold for every scenario, written or not: replies in the conversation's language and
 * script, and no question for an order number or phone tail the shopper already gave.
 */
export function genericChecks(shopperTurns: readonly string[], written: readonly Check[]): Check[] {
  const writtenSlots = new Set(
    written.flatMap((check) => (check.kind === 'slotNotAskedAgain' ? [check.slot] : [])),
  );
  const slotChecks: Check[] = findGivenSlots(shopperTurns)
    .filter((given) => !writtenSlots.has(given.slot))
    .map((given) => ({ kind: 'slotNotAskedAgain', ...given }));
  return [{ kind: 'languageAndScript' }, ...slotChecks];
}

export function runChecks(record: ConversationRecord, checks: readonly Check[]): JudgedCheck[] {
  return checks.map((check) => ({ kind: check.kind, ...runCheck(record, check) }));
}

export function runCheck(record: ConversationRecord, check: Check): CheckResult {
  switch (check.kind) {
    case 'languageAndScript':
      return checkLanguageAndScript(record);
    case 'mentions':
      return checkMentions(record, check.scope, check.pattern, check.what);
    case 'avoids':
      return checkAvoids(record, check.scope, check.pattern, check.what);
    case 'asksFor':
      return checkAsksFor(record, check.slot, check.scope);
    case 'slotNotAskedAgain':
      return checkSlotNotAskedAgain(record, check.slot, check.givenAt, check.value);
    case 'handoff':
      return checkHandoff(record, check.expected);
    case 'minimumPriority':
      return checkMinimumPriority(record, check.level);
    case 'noApology':
      return checkNoApology(record, check.turns);
    case 'offersButtons': {
      const passed = repliesIn(record, check.scope).some((reply) => reply.quickReplies.length > 0);
      return { label: `offers buttons (${scopeName(check.scope)})`, passed, detail: 'no quick replies' };
    }
    case 'orderState':
      return checkOrderState(record, check);
    case 'summaryAvoids':
      return checkSummaryAvoids(record, check.pattern, check.what);
    case 'anyOf': {
      const results = check.checks.map((inner) => runCheck(record, inner));
      const passed = results.some((result) => result.passed);
      return { label: check.what, passed, detail: results.map((result) => result.detail).join(' / ') };
    }
  }
}

function checkAsksFor(record: ConversationRecord, slot: SlotName, scope: TurnScope): CheckResult {
  const passed = repliesIn(record, scope).some((reply) => findSlotRequests(reply.text, slot).length > 0);
  return { label: `asks for ${slot} (${scopeName(scope)})`, passed, detail: 'no such question' };
}

function checkMinimumPriority(record: ConversationRecord, level: Priority): CheckResult {
  const passed = priorityOrder.indexOf(record.priority) >= priorityOrder.indexOf(level);
  return { label: `priority at least ${level}`, passed, detail: `priority ${record.priority}` };
}

function checkSummaryAvoids(record: ConversationRecord, pattern: RegExp, what: string): CheckResult {
  const match = record.summary?.match(pattern);
  return {
    label: `handoff summary: ${what}`,
    passed: !match,
    detail: `summary has ${quote(match?.[0] ?? '')}`,
  };
}

function checkMentions(
  record: ConversationRecord,
  scope: TurnScope,
  pattern: RegExp,
  what: string,
): CheckResult {
  const passed = repliesIn(record, scope).some((reply) => pattern.test(reply.text));
  const label = `says ${what} (${scopeName(scope)})`;
  return { label, passed, detail: passed ? '' : `no reply matches ${pattern.source}` };
}

function checkAvoids(
  record: ConversationRecord,
  scope: TurnScope,
  pattern: RegExp,
  what: string,
): CheckResult {
  const label = `does not say ${what} (${scopeName(scope)})`;
  for (const reply of repliesIn(record, scope)) {
    const match = reply.text.match(pattern);
    if (match) return { label, passed: false, detail: `found "${match[0]}" in ${quote(reply.text)}` };
  }
  return { label, passed: true, detail: '' };
}

function checkHandoff(record: ConversationRecord, expected: boolean): CheckResult {
  return {
    label: expected ? 'hands off to a person' : 'does not hand off',
    passed: record.handedOff === expected,
    detail: `status ${record.status}${record.handedOff ? ', handed off' : ''}`,
  };
}

function checkNoApology(record: ConversationRecord, turns: readonly number[]): CheckResult {
  const label = `no apology on neutral turns ${turns.join(',')}`;
  for (const turnNumber of turns) {
    for (const reply of record.turns[turnNumber - 1]?.replies ?? []) {
      if (apologyPattern.test(reply.text))
        return { label, passed: false, detail: `turn ${turnNumber}: ${quote(reply.text)}` };
    }
  }
  return { label, passed: true, detail: '' };
}

function repliesIn(record: ConversationRecord, scope: TurnScope): ReplyRecord[] {
  if (scope === 'any') return record.turns.flatMap((turn) => turn.replies);
  const turnNumber = scope === 'last' ? record.turns.length : scope;
  return record.turns[turnNumber - 1]?.replies ?? [];
}

function scopeName(scope: TurnScope): string {
  if (scope === 'any') return 'any turn';
  if (scope === 'last') return 'last turn';
  return `turn ${scope}`;
}
