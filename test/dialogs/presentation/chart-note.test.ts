import { findingsOf } from '../../../dialogs/presentation/assessment-lines';
import { CHART_NOTE_WIDTH, chartNote } from '../../../dialogs/presentation/chart-note';
import { BIBLIOGRAPHY } from '../../../src/clinical';
import {
  assessed,
  EXAMPLE_A_BONE_ON_BORTEZOMIB,
  EXAMPLE_B_CHOLESTATIC_SI_UNITS,
  EXAMPLE_C_HYS_LAW,
} from './example-cases';

/** The note's logical lines: its hard wrap undone (a continuation line starts with two spaces). */
const unwrapped = (note: string): string => note.replace(/\n {2}/g, ' ');

describe('chartNote', () => {
  it('golden: example A, bone branch on bortezomib', () => {
    const { known, assessment } = assessed(EXAMPLE_A_BONE_ON_BORTEZOMIB);
    // The clinical sentences are the engine's; the note's own lines are fixed here word for word.
    const texts = (kind: Parameters<typeof findingsOf>[1]) => findingsOf(assessment, kind).map((f) => f.text);
    const plan = texts('next-step').map((text, index) => `${index + 1}. ${text}`);
    const expected = [
      `ALP workup (multiple myeloma), content ${assessment.contentVersion}`,
      'Inputs: ALP 180 U/L (ULN 120; 1.5x; baseline 100, +80%); ALT 25 U/L (ULN 40; 0.6x); AST 22 U/L (ULN 40; 0.6x); GGT 30 U/L (ULN 60; 0.5x); total bilirubin 0.6 mg/dL (ULN 1.2; 0.5x).',
      'Bortezomib week 6, with steroids.',
      'Symptoms: none of the red-flag symptoms.',
      'Recent fracture or vertebroplasty: no; pregnancy: no; fasting sample: yes.',
      'No red flags.',
      'Pattern: isolated ALP elevation; origin: bone origin likely (GGT 0.5x ULN, normal); CTCAE v5.0 grade 1 (against the ULN).',
      `Interpretation: ${texts('interpretation').join(' ')}`,
      `Cautions: ${texts('caution').join(' ')}`,
      `Plan: ${plan.join('; ')}`,
      `Monitoring: ${texts('monitoring').join(' ')}`,
    ];
    const note = chartNote(known, assessment);
    const lines = unwrapped(note).split('\n');
    expect(lines.slice(0, expected.length)).toEqual(expected);
    expect(lines[expected.length]).toBe('Sources:');
    expect(lines[lines.length - 1]).toBe(assessment.disclaimer);
  });

  it.each([
    ['A', EXAMPLE_A_BONE_ON_BORTEZOMIB],
    ['B', EXAMPLE_B_CHOLESTATIC_SI_UNITS],
    ['C', EXAMPLE_C_HYS_LAW],
  ] as const)('example %s: every line fits 80 columns, broken at spaces only', (_name, example) => {
    const { known, assessment } = assessed(example);
    const note = chartNote(known, assessment);
    const tooWide = note
      .split('\n')
      .filter((line) => line.length > CHART_NOTE_WIDTH && line.trim().includes(' '));
    expect(tooWide).toEqual([]);
    expect(note.split(/\s+/).join(' ')).toBe(unwrapped(note).split(/\s+/).join(' '));
    expect(unwrapped(note)).toContain(assessment.disclaimer);
  });

  it('cites every source in full, once, with DOI or PMID where the bibliography has one', () => {
    const { known, assessment } = assessed(EXAMPLE_A_BONE_ON_BORTEZOMIB);
    const note = unwrapped(chartNote(known, assessment));
    const cited = new Set(
      assessment.findings.flatMap((finding) => finding.sources.map((source) => source.id)),
    );
    expect(cited.size).toBeGreaterThan(3);
    for (const id of cited) {
      const reference = BIBLIOGRAPHY[id as keyof typeof BIBLIOGRAPHY];
      expect(note.split(reference.citation)).toHaveLength(2);
      if (reference.doi) expect(note).toContain(`doi:${reference.doi}`);
      if (reference.pmid) expect(note).toContain(`PMID ${reference.pmid}`);
    }
    expect(note).toContain('Zangari M, et al.');
  });

  it('keeps SI inputs as reported and shows what they convert to', () => {
    const { known, assessment } = assessed(EXAMPLE_B_CHOLESTATIC_SI_UNITS);
    const note = unwrapped(chartNote(known, assessment));
    expect(note).toContain('ALP 5 µkat/L = 300 U/L (ULN 2.2; 2.3x)');
    expect(note).toContain('total bilirubin 30 µmol/L = 1.8 mg/dL (ULN 21; 1.4x)');
    expect(note).toContain('Pattern: cholestatic pattern; origin: hepatic origin (GGT 3.3x ULN, raised)');
  });

  it('records red flags with their rule ids', () => {
    const { known, assessment } = assessed(EXAMPLE_C_HYS_LAW);
    const note = unwrapped(chartNote(known, assessment));
    const flag = assessment.redFlags[0];
    expect(flag).toBeDefined();
    expect(note).toContain(`Red flags: ${flag?.text} (${flag?.id})`);
    expect(note).not.toContain('No red flags.');
  });

  it('is plain text: no markdown a record system would show literally', () => {
    const { known, assessment } = assessed(EXAMPLE_A_BONE_ON_BORTEZOMIB);
    expect(chartNote(known, assessment)).not.toMatch(/\*\*|_\(|`/);
  });
});
