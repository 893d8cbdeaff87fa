import { existsSync, readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { InputError } from './jsonl';
import { runClassify, runEval, runMatch, runSearch, runSentiment, runTrain } from './cliCommands';

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

const usage = `usage: kefu-nlu <command> [options]
  train --data train.jsonl --out model.json [--algorithm svm|softmax] [--epochs N]
  eval --model model.json --data test.jsonl
  classify [--model model.json]          stdin: {"text"} lines or plain text
  sentiment                              stdin: {"text"} lines
  match                                  stdin: {"q1","q2"} lines
  search --index docs.jsonl [--k 5]      stdin: {"id","text"} queries`;

/** Exit codes: 0 success, 2 bad input or usage (the message names the line), 1 anything else. */
export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    const { values } = parseArgs({
      args: rest,
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        model: { type: 'string' },
        index: { type: 'string' },
        k: { type: 'string' },
        algorithm: { type: 'string' },
        epochs: { type: 'string' },
      },
      strict: true,
    });
    const readStdin = () => readStream(io.stdin);
    switch (command) {
      case 'train':
        return await runTrain(
          readInputFile(values.data, '--data'),
          requireOption(values.out, '--out'),
          values,
          io,
        );
      case 'eval':
        return await runEval(
          readInputFile(values.model, '--model'),
          readInputFile(values.data, '--data'),
          io,
        );
      case 'classify':
        return await runClassify(
          values.model === undefined ? undefined : readInputFile(values.model, '--model'),
          await readStdin(),
          io,
        );
      case 'sentiment':
        return await runSentiment(await readStdin(), io);
      case 'match':
        return await runMatch(await readStdin(), io);
      case 'search':
        return await runSearch(
          readInputFile(values.index, '--index'),
          parseLimit(values.k),
          await readStdin(),
          io,
        );
      default:
        throw new InputError(command === undefined ? 'missing command' : `unknown command "${command}"`);
    }
  } catch (error) {
    const badInput =
      error instanceof InputError ||
      (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    io.stderr.write(`kefu-nlu: ${error instanceof Error ? error.message : String(error)}\n`);
    if (badInput) io.stderr.write(`${usage}\n`);
    return badInput ? 2 : 1;
  }
}

export interface InputFile {
  path: string;
  content: string;
}

function readInputFile(path: string | undefined, option: string): InputFile {
  const required = requireOption(path, option);
  if (!existsSync(required)) throw new InputError(`${option}: file not found: ${required}`);
  return { path: required, content: readFileSync(required, 'utf8') };
}

function requireOption(value: string | undefined, option: string): string {
  if (value === undefined || value === '') throw new InputError(`missing ${option}`);
  return value;
}

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 5;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1)
    throw new InputError(`--k must be a positive integer, got "${value}"`);
  return limit;
}

async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
