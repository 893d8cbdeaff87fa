// Replays shopper scenarios written outside the team (../shared/shopper-scenarios) against a fresh Kefu
// each, checks every conversation against the expectations written for it, and prints pass/fail per
// scenario and in total. A measurement: the exit code is 0 whatever the pass rate, non-zero only when the
// runner itself fails (2: bad arguments or a missing scenario file).
import { findExpectation } from './expectations';
import { printScenarioResult, printTotals, summarizeRun, writeJsonSummary } from './report';
import type { RunnerOptions } from './runnerOptions';
import { parseRunnerOptions, RunnerUsageError, usage } from './runnerOptions';
import { replayScenario } from './replayScenario';
import { findBrokenDatedFacts, scenarioAnchor, secondsBetweenMessages } from './scenarioClock';
import type { Scenario } from './scenarioFile';
import { readScenarioFile, ScenarioFileError } from './scenarioFile';
import type { ScenarioResult } from './scenarioResult';
import { checksForScenario, judgeScenario, orderNumbersOf } from './scenarioResult';

async function main(): Promise<number> {
  const options = readOptionsOrExplain();
  if (!options) return 2;
  const scenarios = readScenariosOrExplain(options);
  if (!scenarios) return 2;
  const startAt = options.startAt ?? scenarioAnchor;
  const clockLine = describeClock(startAt);
  console.log(`Scenario file: ${options.scenarioPath} (${scenarios.length} scenarios)`);
  console.log(clockLine);
  for (const broken of findBrokenDatedFacts(startAt)) console.log(`  warning: ${broken}`);
  console.log('');
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const expectation = findExpectation(scenario.id);
    const orderNumbers = orderNumbersOf(scenario, checksForScenario(scenario, expectation));
    const record = await replayScenario(scenario, { startAt, orderNumbers });
    const result = judgeScenario(scenario, record, expectation);
    printScenarioResult(result, options.verbose);
    results.push(result);
  }
  const summary = summarizeRun(results, options.scenarioPath, startAt.toISOString());
  printTotals(summary);
  if (options.jsonPath) {
    writeJsonSummary(options.jsonPath, summary);
    console.log(`JSON summary: ${options.jsonPath}`);
  }
  return 0;
}

function readOptionsOrExplain(): RunnerOptions | null {
  try {
    return parseRunnerOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof RunnerUsageError)) throw error;
    if (error.message) console.error(error.message);
    console.error(usage);
    return null;
  }
}

function readScenariosOrExplain(options: RunnerOptions): Scenario[] | null {
  let scenarios: Scenario[];
  try {
    scenarios = readScenarioFile(options.scenarioPath);
  } catch (error) {
    if (!(error instanceof ScenarioFileError)) throw error;
    console.error(error.message);
    return null;
  }
  if (!options.only) return scenarios;
  const unknown = [...options.only].filter((id) => !scenarios.some((scenario) => scenario.id === id));
  if (unknown.length) {
    console.error(`--only: no such scenario in ${options.scenarioPath}: ${unknown.join(', ')}`);
    return null;
  }
  return scenarios.filter((scenario) => options.only?.has(scenario.id));
}

function describeClock(startAt: Date): string {
  const chinaTime = startAt.toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' });
  return (
    `Clock: each conversation starts at ${startAt.toISOString()} (${chinaTime} China time), the moment at ` +
    `which the scenarios' dated facts hold for the demo shop; ${secondsBetweenMessages} s between messages. ` +
    'One fresh Kefu per scenario (throw-away SQLite, demo shop seeded at that moment).'
  );
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
