import type { Facts } from '../facts';
import { FIELD_INFO, LAB_FIELDS, type LabField } from '../field-info';
import { amount } from '../format';
import type { NormalizedLab } from '../normalize';
import type { Rule } from '../rule';

const ENZYMES: readonly LabField[] = ['alp', 'alpBaseline', 'alt', 'ast', 'ggt', 'nucleotidase5'];
const BILIRUBINS: readonly LabField[] = ['bilirubinTotal', 'bilirubinDirect'];
const OTHER_CONVERTED: readonly LabField[] = ['calcium', 'albumin', 'crp'];
/** Fields read against absolute thresholds, where an assumed unit matters (enzymes are read as multiples of ULN). */
const ABSOLUTE_THRESHOLD_FIELDS: readonly LabField[] = [...BILIRUBINS, ...OTHER_CONVERTED];
const assumedUnits = (f: Facts): NormalizedLab[] =>
  present(f, ABSOLUTE_THRESHOLD_FIELDS).filter((lab) => lab.unitAssumed);

const present = (f: Facts, fields: readonly LabField[]): NormalizedLab[] =>
  fields.flatMap((field) => {
    const lab = f.labs[field];
    return lab === undefined ? [] : [lab];
  });

const converted = (f: Facts, fields: readonly LabField[]): NormalizedLab[] =>
  present(f, fields).filter((lab) => !lab.unitAssumed && lab.reportedUnit !== lab.unit);

const conversionText = (labs: NormalizedLab[]): string =>
  labs
    .map(
      (lab) =>
        `${FIELD_INFO[lab.field].label} ${amount(lab.reportedValue)} ${lab.reportedUnit} = ${amount(lab.value)} ${lab.unit}`,
    )
    .join('; ') + '.';

/** Labs given without the reporting lab's ULN, ALP first because nothing can be graded without it. */
export const labsWithoutUln = (f: Facts): NormalizedLab[] =>
  present(f, LAB_FIELDS).filter(
    (lab) => lab.uln === undefined && lab.field !== 'albumin' && lab.field !== 'alpBaseline',
  );

export const UNIT_RULES: readonly Rule[] = [
  {
    id: 'U-1',
    group: 'units',
    kind: 'interpretation',
    condition: "An enzyme (ALP, ALT, AST, GGT, 5'NT) reported in µkat/L",
    applies: (f) => converted(f, ENZYMES).length > 0,
    detail: (f) => conversionText(converted(f, ENZYMES)),
    recommendation: 'Converted to U/L (x 60); the multiple of ULN is the same in either unit.',
    why: '1 U = 1 µmol/min and 1 kat = 1 mol/s, so 1 µkat/L = 60 U/L exactly; the engine uses the exact factor rather than the rounded 0.02 some tables use, and IU/L = U/L.',
    seed: [],
    sources: ['siUnits'],
    evidence: 'guideline',
  },
  {
    id: 'U-2',
    group: 'units',
    kind: 'interpretation',
    condition: 'Bilirubin reported in µmol/L',
    applies: (f) => converted(f, BILIRUBINS).length > 0,
    detail: (f) => conversionText(converted(f, BILIRUBINS)),
    recommendation:
      'Converted to mg/dL (÷ 17.1) for the thresholds stated in mg/dL (e.g. TG18 bilirubin >= 2 mg/dL).',
    why: 'mg/dL x 17.1 = µmol/L (SI conversion tables). Multiples of ULN do not depend on the unit.',
    seed: [],
    sources: ['siUnits'],
    evidence: 'guideline',
  },
  {
    id: 'U-5',
    group: 'units',
    kind: 'interpretation',
    condition: 'Calcium in mmol/L, albumin in g/L or CRP in mg/dL',
    applies: (f) => converted(f, OTHER_CONVERTED).length > 0,
    detail: (f) => conversionText(converted(f, OTHER_CONVERTED)),
    recommendation:
      'Converted for display; the hypercalcaemia rule still compares calcium in the unit it was reported in.',
    why: 'Calcium mmol/L x 4.008 = mg/dL (mg/dL x 0.2495 = mmol/L); albumin g/L ÷ 10 = g/dL; CRP mg/dL x 10 = mg/L. IMWG states the calcium thresholds in both units and they differ slightly, so the comparison uses the reported unit.',
    seed: [],
    sources: ['siUnits', 'rajkumar2014'],
    evidence: 'guideline',
  },
  {
    id: 'U-3',
    group: 'units',
    kind: 'next-step',
    condition: 'A lab value without the reporting lab\'s ULN (for ALP: the pattern stays "undetermined")',
    applies: (f) => labsWithoutUln(f).length > 0,
    detail: (f) =>
      `No ULN given for ${labsWithoutUln(f)
        .map((lab) => FIELD_INFO[lab.field].label)
        .join(', ')}.`,
    recommendation:
      "Give the reporting lab's upper limit of normal for each value: multiples of ULN, the pattern and the grade cannot be computed without it, and no ULN is assumed.",
    why: "Reference intervals and methods differ between labs and eras (Japanese JSCC-method ALP runs numerically higher, for example), so a value is only interpretable against its own lab's ULN. Never assuming a ULN is a team convention [NV] that follows from this method drift.",
    seed: [],
    sources: ['teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'U-4',
    group: 'units',
    kind: 'caution',
    condition: 'Bilirubin, calcium, albumin or CRP given without its unit',
    applies: (f) => assumedUnits(f).length > 0,
    detail: (f) =>
      `${assumedUnits(f)
        .map((lab) => `${FIELD_INFO[lab.field].label} read as ${lab.reportedUnit}`)
        .join('; ')}.`,
    recommendation:
      'Check the unit: read in the other accepted unit, the value would cross different absolute thresholds.',
    why: 'Without a unit the engine reads each value in its conventional US unit (mg/dL for bilirubin and calcium, g/dL for albumin, mg/L for CRP). Absolute cut-offs such as bilirubin >= 2 mg/dL (TG18) or calcium > 11 mg/dL (IMWG) depend on it. Enzymes without a unit are read as U/L; their rules use multiples of the ULN, which do not depend on the unit.',
    seed: [],
    sources: ['siUnits'],
    evidence: 'expert-convention',
  },
];
