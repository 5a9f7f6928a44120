import type { Facts } from '../facts';
import { FIELD_INFO, LAB_FIELDS, type LabField } from '../field-info';
import { amount, inUnit, labAmount } from '../format';
import type { NormalizedLab } from '../normalize';
import type { Rule } from '../rule';
import {
  ALBUMIN_FACTORS,
  BILIRUBIN_FACTORS,
  CALCIUM_FACTORS,
  CRP_FACTORS,
  ENZYME_FACTORS,
  type UnitFactors,
} from '../units';
import { ulnsNeededForRedFlags } from '../uln-needed';
import { COMMON_ULN_CEILINGS } from '../uln-ceilings';

/** The labs the field registry converts with one unit table, in the case schema's order. */
const convertedWith = (factors: UnitFactors): readonly LabField[] =>
  LAB_FIELDS.filter((field) => FIELD_INFO[field].factors === factors);
const ENZYMES = convertedWith(ENZYME_FACTORS);
const BILIRUBINS = convertedWith(BILIRUBIN_FACTORS);
const OTHER_CONVERTED = [CALCIUM_FACTORS, ALBUMIN_FACTORS, CRP_FACTORS].flatMap(convertedWith);
/** Fields read against absolute thresholds, where an assumed unit matters (enzymes are read as multiples of ULN). */
const ABSOLUTE_THRESHOLD_FIELDS: readonly LabField[] = [...BILIRUBINS, ...OTHER_CONVERTED];
const assumedUnits = (f: Facts): NormalizedLab[] =>
  present(f, ABSOLUTE_THRESHOLD_FIELDS).filter((lab) => lab.unitAssumed);

const present = (f: Facts, fields: readonly LabField[]): NormalizedLab[] =>
  fields.flatMap((field) => {
    const lab = f.labs[field];
    return lab === undefined ? [] : [lab];
  });

/** Another spelling of the same unit is no conversion: "ALP 412 IU/L = 412 U/L. Converted (x 60)" reads as an error. */
const SAME_UNIT: Readonly<Record<string, string>> = { 'IU/L': 'U/L' };

const converted = (f: Facts, fields: readonly LabField[]): NormalizedLab[] =>
  present(f, fields).filter(
    (lab) => !lab.unitAssumed && (SAME_UNIT[lab.reportedUnit] ?? lab.reportedUnit) !== lab.unit,
  );

const conversionText = (labs: NormalizedLab[]): string =>
  labs
    .map(
      (lab) =>
        `${FIELD_INFO[lab.field].label} ${amount(lab.reportedValue)} ${lab.reportedUnit} = ${inUnit(lab.value, lab.unit)} ${lab.unit}`,
    )
    .join('; ') + '.';

/**
 * Labs read against a ULN that have none: albumin has no ULN rule, the baseline borrows the current
 * report's, and CRP is read against TG18's absolute 1 mg/dL, so asking its ULN changes nothing
 * (decision 19).
 */
const READ_WITHOUT_ULN: readonly LabField[] = ['albumin', 'alpBaseline', 'crp'];

/** Labs given without the reporting lab's ULN, ALP first because nothing can be graded without it. */
export const labsWithoutUln = (f: Facts): NormalizedLab[] =>
  present(f, LAB_FIELDS).filter((lab) => lab.uln === undefined && !READ_WITHOUT_ULN.includes(lab.field));

const ceilingText = Object.entries(COMMON_ULN_CEILINGS)
  .map(
    ([field, uln]) =>
      `${FIELD_INFO[field as LabField].label} ${uln} ${FIELD_INFO[field as LabField].canonicalUnit}`,
  )
  .join(', ');

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
      "Give the reporting lab's upper limit of normal for each value: the rules read these values as multiples of their ULN, and the workup assumes none (the red-flag screen alone tests a missing ULN against a common ceiling).",
    why: `Reference intervals and methods differ between labs and eras (Japanese JSCC-method ALP runs numerically higher, for example), so a value is only interpretable against its own lab's ULN. Never assuming a ULN is a team convention [NV] that follows from this method drift. Changed in content 1.1.0: the red flags read a missing ULN as the highest common one (${ceilingText}; decision 11), and a CRP ULN is no longer asked, since TG18 reads CRP against an absolute 1 mg/dL (decision 19).`,
    seed: [],
    sources: ['teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'U-6',
    group: 'units',
    kind: 'next-step',
    condition: `A lab without its ULN that raises no red flag as it stands (ALT, AST, total bilirubin and ALP read against the common ceilings: ${ceilingText}) but would against the lowest ULN real labs report`,
    applies: (f) => ulnsNeededForRedFlags(f).length > 0,
    detail: (f) =>
      ulnsNeededForRedFlags(f)
        .map((need) => {
          const lab = f.labs[need.field];
          const value = lab === undefined ? '' : ` ${labAmount(lab)} ${lab.unit}`;
          return `${FIELD_INFO[need.field].label}${value} has no ULN: needed to rule out ${need.flags.join(' and ')}.`;
        })
        .join(' '),
    recommendation:
      "Give these ULNs first: against the highest common ULN the value does not raise the flag, but against your lab's ULN it might.",
    why: `Decision 11: a missing ULN never silences a red flag. A value above the threshold even against the highest ULN adult labs commonly report (${ceilingText}; team convention [NV]) raises the flag itself; below that ceiling the lab's own ULN decides, so it is asked for first, naming the flag. New in content 1.1.0.`,
    seed: [],
    sources: ['teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'U-7',
    group: 'units',
    kind: 'next-step',
    condition: 'Calcium given without albumin',
    applies: (f) => f.derived.calcium !== undefined && !f.derived.calcium.corrected,
    detail: (f) =>
      `Calcium ${amount(f.derived.calcium?.value ?? 0)} ${f.derived.calcium?.unit ?? ''} is uncorrected.`,
    recommendation:
      'Give albumin: the hypercalcaemia rule reads corrected calcium, and a low albumin hides a raised ionised calcium. Until then the uncorrected value is used.',
    why: 'Corrected calcium = calcium + 0.02 x (40 - albumin g/L) in mmol/L, or + 0.8 x (4.0 - albumin g/dL) in mg/dL (Payne, read second-hand [P]); IMWG 2014 thresholds are applied to it. Decision 17: calcium is called corrected only when albumin is known. New in content 1.1.0: before, an uncorrected calcium was labelled corrected.',
    seed: [],
    sources: ['rajkumar2014', 'teamConvention'],
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
