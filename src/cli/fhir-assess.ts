import { assess } from '../clinical';
import { caseFromFhir, mappingLines, type MappingOptions } from '../fhir';
import { assessmentText } from './assessment-text';
import type { CliIo } from './cli-io';

export type FhirOptions = Required<MappingOptions>;

const section = (title: string, lines: readonly string[]): string =>
  lines.length === 0 ? '' : `${title}\n${lines.map((line) => `  - ${line}`).join('\n')}\n`;

/**
 * `assess --fhir`: maps a FHIR record to a case, then assesses it as any other case. What was
 * used and what was not is printed either way, so a refusal still shows what the record held.
 */
export function assessFhirRecord(input: unknown, options: FhirOptions, text: boolean, io: CliIo): number {
  const result = caseFromFhir(input, options);
  const lines = mappingLines(result.mapping);
  if (!result.ok) {
    for (const problem of result.problems) io.stderr.write(`${problem.field}: ${problem.message}\n`);
    io.stderr.write(section('Not used:', lines.notUsed));
    return 2;
  }
  const assessment = assess(result.case);
  if (text) {
    io.stdout.write(
      [
        section(
          `From the record (latest within ${options.lookbackDays} days of ${options.now.toISOString().slice(0, 10)}):`,
          lines.used,
        ),
        section('Not used:', lines.notUsed),
        section('Record:', lines.context),
        assessmentText(assessment),
      ]
        .filter((part) => part !== '')
        .join('\n'),
    );
  } else {
    io.stdout.write(`${JSON.stringify({ case: result.case, assessment, record: lines }, null, 2)}\n`);
  }
  return 0;
}
