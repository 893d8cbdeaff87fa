import { writeFileSync } from 'node:fs';
import type { ScenarioLanguage, Verdict } from './scenarioFile';
import type { ScenarioResult } from './scenarioResult';

const languages: readonly ScenarioLanguage[] = ['zh-CN', 'zh-Hant', 'en'];
const verdicts: readonly Verdict[] = ['PASS', 'PARTIAL', 'FAIL'];

export function printScenarioResult(result: ScenarioResult, verbose: boolean): void {
  const { scenario } = result;
  const marker = result.hasWrittenExpectations ? '' : ' (generic checks only: no written expectations)';
  const observed = scenario.observed_2026_12 ? ` [observed ${scenario.observed_2026_12.verdict}]` : '';
  console.log(`${result.passed ? 'PASS' : 'FAIL'} ${scenario.id} (${scenario.lang})${observed}${marker}`);
  for (const check of result.checks.filter((candidate) => !candidate.passed))
    console.log(`     ✗ ${check.label}: ${check.detail}`);
  if (!verbose) return;
  console.log(`     expect: ${scenario.expect}`);
  const observation = scenario.observed_2026_12;
  if (observation) console.log(`     observed 2026-12: ${observation.verdict}: ${observation.why}`);
  if (result.notes) console.log(`     note: ${result.notes}`);
  for (const [index, turn] of result.record.turns.entries()) {
    console.log(`     ${index + 1}> ${turn.shopper}`);
    for (const reply of turn.replies) {
      const buttons = reply.quickReplies.length ? `  [${reply.quickReplies.join(' | ')}]` : '';
      console.log(`        ${reply.sender}: ${reply.text.replace(/\n/g, '\n          ')}${buttons}`);
    }
  }
  const { status, priority, handedOff } = result.record;
  console.log(`     → status ${status}, priority ${priority}${handedOff ? ', handed off' : ''}`);
}

export interface Totals {
  passed: number;
  total: number;
}

export interface RunSummary {
  scenarioFile: string;
  clock: string;
  overall: Totals;
  byLanguage: Record<string, Totals>;
  /** For each verdict recorded in observed_2026_12: how many of those scenarios pass here. */
  byObservedVerdict: Record<string, Totals>;
  observedPassRate: Totals;
  /** observed_2026_12 PASS verdicts per language, to read next to byLanguage. */
  observedPassByLanguage: Record<string, Totals>;
  failedChecksByKind: Record<string, number>;
  scenarios: {
    id: string;
    lang: string;
    passed: boolean;
    observed: string | null;
    writtenExpectations: boolean;
    failedChecks: { label: string; detail: string }[];
    status: string;
    priority: string;
    handedOff: boolean;
    turns: { shopper: string; replies: { sender: string; text: string; quickReplies: string[] }[] }[];
  }[];
}

export function summarizeRun(
  results: readonly ScenarioResult[],
  scenarioFile: string,
  clock: string,
): RunSummary {
  const byLanguage: Record<string, Totals> = {};
  for (const language of languages)
    byLanguage[language] = count(results.filter((r) => r.scenario.lang === language));
  const byObservedVerdict: Record<string, Totals> = {};
  for (const verdict of verdicts)
    byObservedVerdict[verdict] = count(
      results.filter((r) => r.scenario.observed_2026_12?.verdict === verdict),
    );
  const withObserved = results.filter((r) => r.scenario.observed_2026_12);
  const observedPassByLanguage: Record<string, Totals> = {};
  for (const language of languages)
    observedPassByLanguage[language] = countObservedPasses(
      withObserved.filter((r) => r.scenario.lang === language),
    );
  const failedChecksByKind: Record<string, number> = {};
  for (const result of results)
    for (const check of result.checks.filter((candidate) => !candidate.passed)) {
      failedChecksByKind[check.kind] = (failedChecksByKind[check.kind] ?? 0) + 1;
    }
  return {
    scenarioFile,
    clock,
    overall: count(results),
    byLanguage,
    byObservedVerdict,
    observedPassRate: countObservedPasses(withObserved),
    observedPassByLanguage,
    failedChecksByKind,
    scenarios: results.map(toScenarioSummary),
  };
}

export function printTotals(summary: RunSummary): void {
  console.log('');
  console.log(`Scenarios passed: ${formatTotals(summary.overall)}`);
  console.log(
    `By language: ${languages.map((language) => `${language} ${formatTotals(summary.byLanguage[language])}`).join(', ')}`,
  );
  if (summary.observedPassRate.total > 0) {
    console.log(
      `Observed in 2026-12 (observed_2026_12): PASS ${formatTotals(summary.observedPassRate)}; ` +
        `passing here by observed verdict: ${verdicts
          .map((verdict) => `${verdict} ${formatTotals(summary.byObservedVerdict[verdict])}`)
          .join(', ')}`,
    );
    console.log(
      `Observed PASS by language: ${languages
        .map((language) => `${language} ${formatTotals(summary.observedPassByLanguage[language])}`)
        .join(', ')}`,
    );
  }
  const kinds = Object.entries(summary.failedChecksByKind).sort((left, right) => right[1] - left[1]);
  if (kinds.length)
    console.log(`Failed checks by kind: ${kinds.map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
}

export function writeJsonSummary(filePath: string, summary: RunSummary): void {
  writeFileSync(filePath, `${JSON.stringify(summary, null, 2)}\n`);
}

function toScenarioSummary(result: ScenarioResult): RunSummary['scenarios'][number] {
  return {
    id: result.scenario.id,
    lang: result.scenario.lang,
    passed: result.passed,
    observed: result.scenario.observed_2026_12?.verdict ?? null,
    writtenExpectations: result.hasWrittenExpectations,
    failedChecks: result.checks
      .filter((check) => !check.passed)
      .map((check) => ({ label: check.label, detail: check.detail })),
    status: result.record.status,
    priority: result.record.priority,
    handedOff: result.record.handedOff,
    turns: result.record.turns,
  };
}

function countObservedPasses(results: readonly ScenarioResult[]): Totals {
  const passed = results.filter((result) => result.scenario.observed_2026_12?.verdict === 'PASS').length;
  return { passed, total: results.length };
}

function count(results: readonly ScenarioResult[]): Totals {
  return { passed: results.filter((result) => result.passed).length, total: results.length };
}

function formatTotals(totals: Totals | undefined): string {
  if (!totals || totals.total === 0) return '0/0';
  return `${totals.passed}/${totals.total} (${Math.round((100 * totals.passed) / totals.total)} %)`;
}
