import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssessmentSchema } from '../../src/clinical';
import { runCli } from './run-cli';

const boneCase = {
  alp: { value: 180, unit: 'U/L', uln: 120 },
  alpBaseline: { value: 100, unit: 'U/L' },
  alt: { value: 25, unit: 'U/L', uln: 40 },
  ast: { value: 22, unit: 'U/L', uln: 40 },
  bilirubinTotal: { value: 0.6, unit: 'mg/dL', uln: 1.2 },
  ggt: { value: 30, unit: 'U/L', uln: 60 },
  therapy: { agent: 'bortezomib', weeksOnTherapy: 6, steroids: true },
};

describe('alp-workup assess', () => {
  it('prints the Assessment JSON for a case read from a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'alp-assess-'));
    const file = join(dir, 'case.json');
    writeFileSync(file, JSON.stringify(boneCase));
    const run = await runCli(['assess', file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const assessment = AssessmentSchema.parse(JSON.parse(run.stdout));
    expect(assessment).toMatchObject({ pattern: 'isolated', origin: 'bone', urgent: false });
  });

  it('reads stdin with "-" and prints a readable summary with --text', async () => {
    const run = await runCli(['assess', '-', '--text'], JSON.stringify(boneCase));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Pattern: isolated ALP elevation · Origin: bone');
    expect(run.stdout).toContain('ALP 1.5x ULN · CTCAE v5.0 grade 1 · +80% from baseline');
    expect(run.stdout).toContain('Zangari 2007');
    expect(run.stdout).toContain('not a diagnosis');
  });

  it('puts red flags first under URGENT', async () => {
    const hy = {
      alp: { value: 150, uln: 120 },
      alt: { value: 200, uln: 40 },
      ast: { value: 180, uln: 40 },
      bilirubinTotal: { value: 3, unit: 'mg/dL', uln: 1.2 },
    };
    const run = await runCli(['assess', '-', '--text'], JSON.stringify(hy));
    expect(run.code).toBe(0);
    expect(run.stdout.indexOf('URGENT')).toBeLessThan(run.stdout.indexOf('Pattern:'));
    expect(run.stdout).toContain("Hy's law");
  });

  it('refuses bad JSON with exit 2 and one line, no stack trace', async () => {
    const run = await runCli(['assess', '-'], '{"alp": ');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^input: not valid JSON/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a schema violation and an implausible value, one line per problem naming the field', async () => {
    const run = await runCli(
      ['assess', '-'],
      JSON.stringify({
        alp: { value: -5, unit: 'U/L', uln: 120 },
        ggt: { value: 30, unit: 'mg/dL' },
        inr: 'high',
      }),
    );
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^ggt\.unit: GGT unit "mg\/dL" is not accepted: use U\/L/);
    expect(lines[1]).toMatch(/^inr: INR must be a finite number \(got "high"\)/);

    const implausible = await runCli(
      ['assess', '-'],
      JSON.stringify({ alp: { value: -5, unit: 'U/L', uln: 120 } }),
    );
    expect(implausible.code).toBe(2);
    expect(implausible.stderr).toBe(
      "alp.value: ALP can't be negative: enter it as reported, e.g. ALP 180 U/L, ULN 120.\n",
    );
  });

  it('refuses a misspelt field instead of ignoring it', async () => {
    const run = await runCli(
      ['assess', '-'],
      JSON.stringify({ ...boneCase, Ggt: { value: 30, unit: 'U/L', uln: 60 } }),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('Ggt: "Ggt" is not a case field (did you mean "ggt"?).\n');
  });

  it('reports an unreadable file and wrong usage with exit 2', async () => {
    const missing = await runCli(['assess', join(tmpdir(), 'no-such-dir-alp', 'case.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^input: cannot read .*case\.json \(ENOENT\)/);
    const usage = await runCli(['assess']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('give exactly one FILE');
  });
});

describe('alp-workup', () => {
  it('lists its commands and refuses an unknown one', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('assess');
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command frobnicate');
  });
});

describe('alp-workup assess --text', () => {
  it('says the disclaimer once, at the end', async () => {
    const run = await runCli(['assess', '-', '--text'], JSON.stringify(boneCase));
    expect(run.stdout.match(/Educational decision support/g)).toHaveLength(1);
    expect(run.stdout.trimEnd().endsWith('primary sources decide.')).toBe(true);
  });
});
