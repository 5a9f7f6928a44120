import { CASE_FIELD_PATHS } from '../../../src/clinical';
import { originLine, runningInterpretation } from '../../../dialogs/presentation/assessment-lines';
import { fieldName, fieldNames } from '../../../dialogs/presentation/field-names';
import { HELP_TEXT, TERMS_TEXT } from '../../../dialogs/presentation/help-text';
import { missingFieldsLine } from '../../../dialogs/presentation/missing-fields';
import { plainWhy } from '../../../dialogs/presentation/plain-why';
import { whyText } from '../../../dialogs/presentation/why-text';
import {
  assessed,
  EXAMPLE_A_BONE_ON_BORTEZOMIB,
  EXAMPLE_B_CHOLESTATIC_SI_UNITS,
  EXAMPLE_C_HYS_LAW,
} from './example-cases';

describe('runningInterpretation', () => {
  it.each([
    [
      { alp: { value: 300, unit: 'U/L', uln: 120 } },
      'Pattern not yet determined, 2.5x ULN (CTCAE v5 grade 1); origin not yet known.',
    ],
    [
      {
        alp: { value: 300, unit: 'U/L', uln: 120 },
        alt: { value: 20, uln: 40 },
        ast: { value: 20, uln: 40 },
        bilirubinTotal: { value: 0.5, unit: 'mg/dL', uln: 1.2 },
      },
      'Isolated ALP elevation, 2.5x ULN (CTCAE v5 grade 1); origin not yet known.',
    ],
    [
      EXAMPLE_A_BONE_ON_BORTEZOMIB,
      'Isolated ALP elevation, 1.5x ULN (CTCAE v5 grade 1); bone origin likely.',
    ],
    [EXAMPLE_B_CHOLESTATIC_SI_UNITS, 'Cholestatic pattern, 2.3x ULN (CTCAE v5 grade 1); hepatic origin.'],
    [EXAMPLE_C_HYS_LAW, 'Mixed pattern, 1.3x ULN (CTCAE v5 grade 1); origin not yet known; red flag found.'],
    [
      { alp: { value: 100, unit: 'U/L', uln: 120 } },
      'ALP within normal limits, 0.8x ULN; origin not yet known.',
    ],
  ])('one line after an answer (%#)', (input, line) => {
    expect(runningInterpretation(assessed(input).assessment)).toBe(line);
  });

  it('asks for the ULN rather than inventing a multiple', () => {
    expect(runningInterpretation(assessed({ alp: { value: 300, unit: 'U/L' } }).assessment)).not.toMatch(
      /\dx ULN/,
    );
  });
});

describe('originLine', () => {
  it('names each marker that informed the origin', () => {
    const { assessment } = assessed({
      ...EXAMPLE_A_BONE_ON_BORTEZOMIB,
      nucleotidase5: { value: 8, unit: 'U/L', uln: 11 },
    });
    expect(originLine(assessment)).toBe(
      "Bone origin likely (GGT 0.5x ULN, normal; 5'-nucleotidase 0.7x ULN, normal)",
    );
  });

  it('shows no marker while the origin is undetermined', () => {
    expect(originLine(assessed({ alp: { value: 300, unit: 'U/L', uln: 120 } }).assessment)).toBe(
      'Origin not yet known',
    );
  });
});

describe('whyText', () => {
  it('gives each conclusion its reasoning in plain language, its source and evidence level', () => {
    const { assessment } = assessed(EXAMPLE_A_BONE_ON_BORTEZOMIB);
    const text = whyText(assessment);
    for (const finding of assessment.findings.filter((f) => f.text !== assessment.disclaimer)) {
      expect(text).toContain(finding.text);
      expect(text).toContain(`Why: ${plainWhy(finding.why)}`);
      expect(text).not.toContain(`rule ${finding.id}`);
    }
    // Rule ids and source-article statement numbers are in the assessment's sources, not here.
    expect(text).not.toContain('source-article statement');
    expect(text).toContain('VGPR');
    expect(text).toContain('· study');
  });

  it('narrows to one rule on request and says so when the rule did not fire', () => {
    const { assessment } = assessed(EXAMPLE_A_BONE_ON_BORTEZOMIB);
    expect(whyText(assessment, 'B-1')).toContain('ALP +80% from baseline at week 6 of bortezomib');
    expect(whyText(assessment, 'B-1')).not.toContain('GGT 0.5x ULN');
    expect(whyText(assessment, 'R-01')).toBe(
      'No conclusion from rule R-01 in this workup. Say "why" for all of them.',
    );
  });

  it('puts red flags first', () => {
    const { assessment } = assessed(EXAMPLE_C_HYS_LAW);
    const flag = assessment.redFlags[0];
    expect(whyText(assessment).split('\n')[1]).toBe(`- ${flag?.text}`);
  });
});

describe('field names', () => {
  it.each([
    ['ggt', 'GGT'],
    ['imaging.ultrasound', 'right upper quadrant ultrasound'],
    ['alp.uln', "your lab's ALP ULN"],
    ['ggt.uln', "your lab's GGT ULN"],
    ['alt.value', 'ALT'],
    ['symptoms.fever', 'the red-flag symptoms'],
    ['isoenzymes.bonePercent', 'bone ALP fraction'],
  ])('%s reads as "%s"', (path, name) => {
    expect(fieldName(path)).toBe(name);
  });

  it.each(CASE_FIELD_PATHS)('%s has a name of its own', (path) => {
    // A path leaking into prose shows as a dot or camelCase ("history.ageYears").
    expect(fieldName(path)).not.toMatch(/\.|[a-z][A-Z]/);
  });

  it('collapses the symptom paths into one name', () => {
    expect(fieldNames(['symptoms.fever', 'symptoms.jaundice', 'ggt'])).toEqual([
      'the red-flag symptoms',
      'GGT',
    ]);
  });

  it('lists what would change the conclusion, most useful first, at most four', () => {
    expect(missingFieldsLine(['ggt', 'symptoms.fever', 'ama', 'alpBaseline', 'inr'])).toBe(
      'GGT, the red-flag symptoms, antimitochondrial antibody (AMA) and baseline ALP.',
    );
    expect(missingFieldsLine([])).toBeUndefined();
  });
});

describe('help and terms', () => {
  it.each([
    'help',
    'start',
    'back',
    'edit [test]',
    'skip',
    'summary',
    'why',
    'chart note',
    'restart',
    'cancel',
    'terms',
    'forget me',
  ])('help names the "%s" command', (command) => {
    expect(HELP_TEXT).toContain(`- ${command}`);
  });

  it('states the scope and the data use', () => {
    expect(HELP_TEXT).toContain('not a diagnosis');
    expect(TERMS_TEXT).toContain('not a diagnosis');
    expect(TERMS_TEXT).toContain('"forget me" deletes your workups');
  });
});
