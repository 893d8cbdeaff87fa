import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

// One shopper scenario per JSONL line, in the format of ../shared/shopper-scenarios (see its README).
// Unknown fields are kept out of the way rather than refused, so later sets with extra notes still load.

export const scenarioLanguageSchema = z.enum(['zh-CN', 'zh-Hant', 'en']);
export type ScenarioLanguage = z.infer<typeof scenarioLanguageSchema>;

export const verdictSchema = z.enum(['PASS', 'PARTIAL', 'FAIL']);
export type Verdict = z.infer<typeof verdictSchema>;

const scenarioSchema = z.object({
  id: z.string().min(1),
  lang: scenarioLanguageSchema,
  turns: z.array(z.string().min(1)).min(1),
  expect: z.string().default(''),
  tags: z.array(z.string()).default([]),
  page: z.object({ url: z.string().optional(), productId: z.string().optional() }).optional(),
  observed_2026_12: z.object({ verdict: verdictSchema, why: z.string().default('') }).optional(),
});
export type Scenario = z.infer<typeof scenarioSchema>;

/** A missing or unreadable scenario file: the runner says so plainly and exits with code 2. */
export class ScenarioFileError extends Error {}

export function readScenarioFile(filePath: string): Scenario[] {
  if (!existsSync(filePath))
    throw new ScenarioFileError(
      `Scenario file not found: ${filePath}\nPass the file: npm run eval:scenarios -- path/to/scenarios.jsonl`,
    );
  const lines = readFileSync(filePath, 'utf8').split('\n');
  const scenarios: Scenario[] = [];
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    scenarios.push(parseScenarioLine(line, `${filePath}:${index + 1}`));
  }
  if (scenarios.length === 0) throw new ScenarioFileError(`No scenarios in ${filePath}`);
  const seen = new Set<string>();
  for (const scenario of scenarios) {
    if (seen.has(scenario.id))
      throw new ScenarioFileError(`Duplicate scenario id ${scenario.id} in ${filePath}`);
    seen.add(scenario.id);
  }
  return scenarios;
}

function parseScenarioLine(line: string, where: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new ScenarioFileError(`${where}: not valid JSON`);
  }
  const parsed = scenarioSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ScenarioFileError(`${where}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The visitor session locale for a scenario language (the widget's `data-locale` values). */
export function sessionLocaleOf(language: ScenarioLanguage): 'zh-CN' | 'zh-TW' | 'en' {
  if (language === 'zh-Hant') return 'zh-TW';
  return language;
}
