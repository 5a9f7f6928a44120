import { readFile } from 'node:fs/promises';
import { assess, validateCase } from '../clinical';
import { assessmentText } from './assessment-text';
import { readAll, type CliIo } from './cli-io';

const USAGE = `Usage: alp-workup assess FILE|- [--text]

Assesses one case (JSON, see docs/case.schema.json) read from FILE, or from stdin with "-".
  --text   a readable summary instead of the Assessment JSON
Exit codes: 0 assessed, 2 unreadable input, bad JSON, or a refused case (one line per problem).
`;

type Args = { ok: true; source: string; text: boolean } | { ok: false; message: string };

function parseArgs(argv: readonly string[]): Args {
  const text = argv.includes('--text');
  const rest = argv.filter((arg) => arg !== '--text');
  const unknownOption = rest.find((arg) => arg.startsWith('--'));
  if (unknownOption !== undefined) return { ok: false, message: `unknown option ${unknownOption}` };
  if (rest.length !== 1 || rest[0] === undefined)
    return { ok: false, message: 'give exactly one FILE, or - for stdin' };
  return { ok: true, source: rest[0], text };
}

async function readSource(
  source: string,
  io: CliIo,
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  try {
    return { ok: true, text: source === '-' ? await readAll(io.stdin) : await readFile(source, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, message: `cannot read ${source}${code ? ` (${code})` : ''}` };
  }
}

/** `alp-workup assess`: validates one case and prints its assessment; refused input is exit 2, never a stack trace. */
export async function runAssessCommand(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const args = parseArgs(argv);
  if (!args.ok) {
    io.stderr.write(`alp-workup assess: ${args.message}\n${USAGE}`);
    return 2;
  }
  const read = await readSource(args.source, io);
  if (!read.ok) {
    io.stderr.write(`input: ${read.message}\n`);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(read.text);
  } catch (error) {
    io.stderr.write(`input: not valid JSON (${(error as Error).message})\n`);
    return 2;
  }
  const result = validateCase(input);
  if (!result.ok) {
    for (const problem of result.problems) io.stderr.write(`${problem.field}: ${problem.message}\n`);
    return 2;
  }
  const assessment = assess(result.value);
  io.stdout.write(args.text ? assessmentText(assessment) : `${JSON.stringify(assessment, null, 2)}\n`);
  return 0;
}
