import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export interface RunnerOptions {
  scenarioPath: string;
  only: Set<string> | null;
  verbose: boolean;
  jsonPath: string | null;
  /** Overrides the pinned clock (ISO-8601), e.g. to try another moment against the demo data. */
  startAt: Date | null;
}

export class RunnerUsageError extends Error {}

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
const defaultScenarioPath = path.resolve(repositoryRoot, '../shared/shopper-scenarios/dev.jsonl');

export const usage = `Usage: npm run eval:scenarios [-- path/to/scenarios.jsonl] [--only id,id] [--verbose] [--json out.json] [--now ISO-time]
  default file: ${defaultScenarioPath}`;

/** Parses the command line; relative paths are taken from where npm was started (INIT_CWD). */
export function parseRunnerOptions(argv: readonly string[]): RunnerOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        only: { type: 'string' },
        verbose: { type: 'boolean', short: 'v', default: false },
        json: { type: 'string' },
        now: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new RunnerUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) throw new RunnerUsageError('');
  if (positionals.length > 1)
    throw new RunnerUsageError(`One scenario file at a time, got ${positionals.length}`);
  const workingDirectory = process.env.INIT_CWD ?? process.cwd();
  const positional = positionals[0];
  return {
    scenarioPath: positional ? path.resolve(workingDirectory, positional) : defaultScenarioPath,
    only: values.only
      ? new Set(
          values.only
            .split(',')
            .map((id) => id.trim())
            .filter(Boolean),
        )
      : null,
    verbose: values.verbose,
    jsonPath: values.json ? path.resolve(workingDirectory, values.json) : null,
    startAt: values.now ? parseMoment(values.now) : null,
  };
}

function parseMoment(text: string): Date {
  const moment = new Date(text);
  if (Number.isNaN(moment.getTime())) throw new RunnerUsageError(`--now: not a date: ${text}`);
  return moment;
}
