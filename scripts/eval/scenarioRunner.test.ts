import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import type { Check } from './checks/checkTypes';
import { devExpectations } from './expectations/dev';
import { replayScenario } from './replayScenario';
import { findBrokenDatedFacts, scenarioAnchor } from './scenarioClock';
import { readScenarioFile, ScenarioFileError } from './scenarioFile';
import { judgeScenario } from './scenarioResult';

const workDir = mkdtempSync(path.join(tmpdir(), 'kefu-scenario-runner-test-'));
after(() => rmSync(workDir, { recursive: true, force: true }));

function writeScenarios(name: string, lines: string[]): string {
  const filePath = path.join(workDir, name);
  writeFileSync(filePath, `${lines.join('\n')}\n`);
  return filePath;
}

describe('scenario files', () => {
  it('says plainly when the file is missing or a line is wrong', () => {
    assert.throws(() => readScenarioFile(path.join(workDir, 'absent.jsonl')), ScenarioFileError);
    const badLine = writeScenarios('bad.jsonl', ['{"id": "a", "lang": "fr", "turns": ["bonjour"]}']);
    assert.throws(() => readScenarioFile(badLine), /bad\.jsonl:1: lang/);
  });

  it('reads scenarios with optional page, tags and observation', () => {
    const filePath = writeScenarios('ok.jsonl', [
      '{"id": "x-1", "lang": "zh-Hant", "turns": ["哈囉"], "expect": "greets", "page": {"productId": "prod_02"}}',
      '',
      '{"id": "x-2", "lang": "en", "turns": ["hi"], "observed_2026_12": {"verdict": "PASS", "why": "ok"}}',
    ]);
    const scenarios = readScenarioFile(filePath);
    assert.deepEqual(
      scenarios.map((scenario) => [
        scenario.id,
        scenario.page?.productId,
        scenario.observed_2026_12?.verdict,
      ]),
      [
        ['x-1', 'prod_02', undefined],
        ['x-2', undefined, 'PASS'],
      ],
    );
  });
});

describe('the pinned clock', () => {
  it('makes the dated facts of the scenarios true, and a day later does not', () => {
    assert.deepEqual(findBrokenDatedFacts(scenarioAnchor), []);
    assert.notDeepEqual(findBrokenDatedFacts(new Date(scenarioAnchor.getTime() + 86_400_000)), []);
  });
});

describe('written expectations', () => {
  it('use patterns without the global or sticky flag (they would remember where they stopped)', () => {
    const patterns: RegExp[] = [];
    const collect = (check: Check): void => {
      if (check.kind === 'mentions' || check.kind === 'avoids' || check.kind === 'summaryAvoids')
        patterns.push(check.pattern);
      if (check.kind === 'anyOf') check.checks.forEach(collect);
    };
    Object.values(devExpectations).forEach((expectation) => expectation.checks.forEach(collect));
    assert.ok(patterns.length > 50);
    assert.deepEqual(patterns.filter((pattern) => pattern.global || pattern.sticky).map(String), []);
  });
});

describe('replaying a scenario', () => {
  it('records each turn, the conversation state and the orders named, on a Kefu of its own', async () => {
    const [scenario] = readScenarioFile(
      writeScenarios('replay.jsonl', ['{"id": "r-1", "lang": "zh-CN", "turns": ["你好", "KF202611010021"]}']),
    );
    assert.ok(scenario);
    const record = await replayScenario(scenario, {
      startAt: scenarioAnchor,
      orderNumbers: ['KF202611010021'],
    });
    assert.deepEqual(
      record.turns.map((turn) => turn.shopper),
      ['你好', 'KF202611010021'],
    );
    assert.ok((record.turns[0]?.replies.length ?? 0) > 0, 'the greeting gets a reply');
    assert.equal(record.orders.KF202611010021?.status, 'shipped');
    assert.ok(['bot', 'queued', 'assigned', 'resolved', 'closed'].includes(record.status));
    const result = judgeScenario(scenario, record, undefined);
    assert.equal(result.hasWrittenExpectations, false);
    assert.deepEqual(
      result.checks.map((check) => check.kind),
      ['languageAndScript', 'slotNotAskedAgain'],
    );
  });
});
