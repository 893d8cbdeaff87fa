import { checkClosing, checkGreeting } from './rules/courtesyRules';
import { checkIgnoredAnger, checkNegativeEnd, checkNoSolution } from './rules/outcomeRules';
import type { QaRuleId, QaRules } from './rules/ruleSet';
import { qaRuleIds } from './rules/ruleSet';
import { checkLongSilence, checkResponseTime } from './rules/timingRules';
import type { RuleFinding, Transcript } from './rules/transcript';
import { checkForbiddenWords, checkPersonalData, checkUnkeepablePromises } from './rules/wordingRules';

const checks: Record<QaRuleId, (transcript: Transcript, rules: QaRules) => RuleFinding[]> = {
  greeting: (transcript, rules) => checkGreeting(transcript, rules.greeting),
  closing: (transcript, rules) => checkClosing(transcript, rules.closing),
  response_time: (transcript, rules) =>
    checkResponseTime(
      transcript,
      rules.response_time,
      rules.long_silence.enabled ? rules.long_silence.seconds : null,
    ),
  long_silence: (transcript, rules) => checkLongSilence(transcript, rules.long_silence),
  forbidden_words: (transcript, rules) => checkForbiddenWords(transcript, rules.forbidden_words),
  unkeepable_promise: (transcript, rules) => checkUnkeepablePromises(transcript, rules.unkeepable_promise),
  personal_data: (transcript) => checkPersonalData(transcript),
  no_solution: (transcript, rules) => checkNoSolution(transcript, rules.no_solution),
  ignored_anger: (transcript, rules) => checkIgnoredAnger(transcript, rules.ignored_anger),
  negative_end: (transcript) => checkNegativeEnd(transcript),
};

/** Every enabled rule over the transcript: the flagged moments, in rule order. */
export function inspectTranscript(transcript: Transcript, rules: QaRules): RuleFinding[] {
  return qaRuleIds.flatMap((ruleId) => (rules[ruleId].enabled ? checks[ruleId](transcript, rules) : []));
}

/** 100 minus each rule's points (weight per counted moment, at most its maximum); never below 0. */
export function scoreFindings(findings: readonly { rule: QaRuleId }[], rules: QaRules): number {
  const counts = new Map<QaRuleId, number>();
  for (const finding of findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  let deducted = 0;
  for (const [ruleId, count] of counts)
    deducted += Math.min(rules[ruleId].maxPoints, rules[ruleId].weight * count);
  return Math.max(0, 100 - deducted);
}
