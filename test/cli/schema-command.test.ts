import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDocs } from '../../scripts/generate-docs';
import { runCli } from './run-cli';

const root = join(__dirname, '..', '..');

describe('alp-workup schema', () => {
  it('prints the case and assessment JSON Schemas', async () => {
    const run = await runCli(['schema']);
    expect(run.code).toBe(0);
    const schemas = JSON.parse(run.stdout) as {
      case: { required: string[] };
      assessment: { required: string[] };
    };
    expect(schemas.case.required).toEqual(['alp']);
    expect(schemas.assessment.required).toEqual(
      expect.arrayContaining(['pattern', 'origin', 'urgent', 'derived', 'redFlags', 'findings', 'missing']),
    );
  });

  it('prints one schema when asked and refuses an unknown name', async () => {
    const run = await runCli(['schema', 'case']);
    expect(JSON.parse(run.stdout)).toEqual(
      JSON.parse(readFileSync(join(root, 'docs/case.schema.json'), 'utf8')),
    );
    const bad = await runCli(['schema', 'patient']);
    expect(bad.code).toBe(2);
  });
});

describe('generated docs', () => {
  it.each(Object.entries(generatedDocs()))(
    '%s is in sync with its source (run npm run docs)',
    (path, text) => {
      expect(readFileSync(join(root, path), 'utf8')).toBe(text);
    },
  );
});
