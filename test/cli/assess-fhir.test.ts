import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssessmentSchema, CaseSchema } from '../../src/clinical';
import { bortezomibWeek6, NOW } from '../fhir/support/myeloma-bundles';
import { runCli } from './run-cli';

const ghp = join(__dirname, '..', 'fhir', 'fixtures', 'hl7', 'Bundle-ghp.json');

function bortezomibFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'alp-fhir-')), 'bundle.json');
  writeFileSync(file, JSON.stringify(bortezomibWeek6()));
  return file;
}

describe('alp-workup assess --fhir', () => {
  it("assesses HL7's general health panel: the case, the assessment and what the record gave", async () => {
    const run = await runCli(['assess', '--fhir', ghp, '--now', '2015-08-20']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { case: unknown; assessment: unknown; record: { used: string[] } };
    expect(CaseSchema.parse(out.case).alp).toEqual({ value: 108, unit: 'U/L', uln: 115 });
    expect(AssessmentSchema.parse(out.assessment).derived.alpXUln).toBe(0.94);
    expect(out.record.used).toContain(
      'ALP 108 U/L (ULN 115 U/L), 2015-08-16 (date of its panel) [Observation/o12]',
    );
  });

  it('prints the values used with their dates, what was not used, then the assessment, with --text', async () => {
    const run = await runCli(['assess', '--fhir', bortezomibFile(), '--text', '--now', NOW.toISOString()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('From the record (latest within 30 days of 2026-11-30):');
    expect(run.stdout).toContain(
      'ALP 190 U/L (ULN 120 U/L), 2026-11-29 (date of its panel) [Observation/mm-b-alp]',
    );
    expect(run.stdout).toContain('LOINC 14629-0 with unit "nmol/mL" is not used');
    expect(run.stdout).toContain('On bortezomib since 2026-10-19');
    expect(run.stdout).toContain('Origin: bone');
  });

  it('refuses a record with no ALP in the window, naming the result and why (exit 2)', async () => {
    const run = await runCli(['assess', '--fhir', ghp, '--now', '2016-06-01']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      'alp: No usable ALP (LOINC 6768-6) within the last 30 days: Observation/o12 (2015-08-16): older than the 30-day window',
    );
  });

  it('reads the window length, and refuses a bad one or a bad date by name', async () => {
    expect(
      (await runCli(['assess', '--fhir', ghp, '--now', '2016-01-01', '--lookback-days', '200'])).code,
    ).toBe(0);
    const badDays = await runCli(['assess', '--fhir', ghp, '--lookback-days', 'x']);
    expect(badDays.code).toBe(2);
    expect(badDays.stderr).toContain('--lookback-days x must be a whole number of days');
    const badNow = await runCli(['assess', '--fhir', ghp, '--now', 'yesterday']);
    expect(badNow.stderr).toContain('--now yesterday is not a date');
    const withoutFhir = await runCli(['assess', ghp, '--now', '2016-01-01']);
    expect(withoutFhir.stderr).toContain('--now and --lookback-days go with --fhir');
  });
});
