import { readFile } from 'node:fs/promises';
import { assess, validateCase } from '../clinical';
import { DEFAULT_LOOKBACK_DAYS } from '../fhir';
import { assessmentText } from './assessment-text';
import { readAll, type CliIo } from './cli-io';
import { assessFhirRecord, type FhirOptions } from './fhir-assess';

const USAGE = `Usage: alp-workup assess FILE|- [--text]
       alp-workup assess --fhir FILE|- [--text] [--now ISO-DATE] [--lookback-days N]

Assesses one case (JSON, see docs/case.schema.json) read from FILE, or from stdin with "-".
  --text               a readable summary instead of the Assessment JSON
  --fhir               FILE is FHIR R4 (a Bundle, or a JSON list of resources and Bundles):
                       the latest lab results by LOINC code, Patient, Condition and medications
                       are mapped to a case; the output adds what was used, with dates, and why
                       anything else was not
  --now ISO-DATE       the end of the look-back window (default: now)
  --lookback-days N    how old a result may be and still count (default ${DEFAULT_LOOKBACK_DAYS})
Exit codes: 0 assessed, 2 unreadable input, bad JSON, or a refused case (one line per problem).
`;

type Args =
  { ok: true; source: string; text: boolean; fhir: FhirOptions | undefined } | { ok: false; message: string };

const VALUE_OPTIONS = new Set(['--now', '--lookback-days']);

function parseArgs(argv: readonly string[], clock: () => Date): Args {
  const values = new Map<string, string>();
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (VALUE_OPTIONS.has(arg)) {
      const value = argv[i + 1];
      if (value === undefined) return { ok: false, message: `${arg} needs a value` };
      values.set(arg, value);
      i += 1;
    } else rest.push(arg);
  }
  const text = rest.includes('--text');
  const fhir = rest.includes('--fhir');
  const files = rest.filter((arg) => arg !== '--text' && arg !== '--fhir');
  const unknownOption = files.find((arg) => arg.startsWith('--'));
  if (unknownOption !== undefined) return { ok: false, message: `unknown option ${unknownOption}` };
  if (files.length !== 1 || files[0] === undefined)
    return { ok: false, message: 'give exactly one FILE, or - for stdin' };
  if (!fhir && values.size > 0) return { ok: false, message: '--now and --lookback-days go with --fhir' };
  if (!fhir) return { ok: true, source: files[0], text, fhir: undefined };
  const nowText = values.get('--now');
  const now = nowText === undefined ? clock() : new Date(nowText);
  if (Number.isNaN(now.getTime()))
    return { ok: false, message: `--now ${nowText} is not a date (e.g. 2026-12-01)` };
  const daysText = values.get('--lookback-days') ?? String(DEFAULT_LOOKBACK_DAYS);
  if (!/^\d{1,4}$/.test(daysText) || Number(daysText) < 1)
    return {
      ok: false,
      message: `--lookback-days ${daysText} must be a whole number of days from 1 to 9999`,
    };
  return { ok: true, source: files[0], text, fhir: { now, lookbackDays: Number(daysText) } };
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
  const args = parseArgs(argv, () => new Date());
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
  if (args.fhir !== undefined) return assessFhirRecord(input, args.fhir, args.text, io);
  const result = validateCase(input);
  if (!result.ok) {
    for (const problem of result.problems) io.stderr.write(`${problem.field}: ${problem.message}\n`);
    return 2;
  }
  const assessment = assess(result.value);
  io.stdout.write(args.text ? assessmentText(assessment) : `${JSON.stringify(assessment, null, 2)}\n`);
  return 0;
}
