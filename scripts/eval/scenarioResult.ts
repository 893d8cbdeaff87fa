import type { Check, ConversationRecord, JudgedCheck, ScenarioExpectation } from './checks/checkTypes';
import { genericChecks, runChecks } from './checks/runChecks';
import type { Scenario } from './scenarioFile';

export interface ScenarioResult {
  scenario: Scenario;
  record: ConversationRecord;
  checks: JudgedCheck[];
  passed: boolean;
  /** False when the repository has no written expectations for this id: only the generic checks ran. */
  hasWrittenExpectations: boolean;
  notes: string | null;
}

/** Every check a scenario is judged by: the generic ones, then those written for its id. */
export function checksForScenario(scenario: Scenario, expectation: ScenarioExpectation | undefined): Check[] {
  const written = expectation?.checks ?? [];
  return [...genericChecks(scenario.turns, written), ...written];
}

export function judgeScenario(
  scenario: Scenario,
  record: ConversationRecord,
  expectation: ScenarioExpectation | undefined,
): ScenarioResult {
  const checks = runChecks(record, checksForScenario(scenario, expectation));
  return {
    scenario,
    record,
    checks,
    passed: checks.every((check) => check.passed),
    hasWrittenExpectations: expectation !== undefined,
    notes: expectation?.notes ?? null,
  };
}

const orderNumberPattern = /KF\d{12}/gi;

/** The orders a scenario touches: those the shopper names and those its expectations read. */
export function orderNumbersOf(scenario: Scenario, checks: readonly Check[]): string[] {
  const numbers = new Set(scenario.turns.flatMap((turn) => turn.match(orderNumberPattern) ?? []));
  for (const check of checks) collectOrderNumbers(check, numbers);
  return [...numbers].map((number) => number.toUpperCase());
}

function collectOrderNumbers(check: Check, numbers: Set<string>): void {
  if (check.kind === 'orderState') numbers.add(check.orderNumber);
  if (check.kind === 'anyOf') for (const inner of check.checks) collectOrderNumbers(inner, numbers);
}
