import { FIELD_INFO, type LabField } from '../clinical';

export const LOINC_SYSTEM = 'http://loinc.org';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';

/** Case fields a FHIR Observation can fill: the labs with a ULN, and the bare numbers. */
export type MappedLab = Exclude<LabField, 'alpBaseline'>;
export type MappedScalar = 'inr' | 'wbc' | 'isoenzymes.bonePercent';
export type MappedField = MappedLab | MappedScalar;

export interface Analyte {
  /** LOINC codes that report this analyte; the first is the one a suggested order uses. */
  loinc: readonly [string, ...string[]];
  /** The LOINC display name of the first code, for a suggested order. */
  display: string;
}

/**
 * LOINC codes per analyte. More than one code per analyte is the norm: mass and molar forms
 * (bilirubin, calcium), a high-sensitivity assay (CRP), the INR by two methods. Of the ALP
 * isoenzyme fractions only the bone fraction in percent (15013-6) is mapped: liver ALP is
 * reported as two fractions (liver 1 and 2) that the case's single liver percent does not hold.
 */
export const ANALYTES = {
  alp: { loinc: ['6768-6'], display: 'Alkaline phosphatase [Enzymatic activity/volume] in Serum or Plasma' },
  alt: {
    loinc: ['1742-6'],
    display: 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
  },
  ast: {
    loinc: ['1920-8'],
    display: 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma',
  },
  ggt: {
    loinc: ['2324-2'],
    display: 'Gamma glutamyl transferase [Enzymatic activity/volume] in Serum or Plasma',
  },
  bilirubinTotal: {
    loinc: ['1975-2', '14631-6'],
    display: 'Bilirubin.total [Mass/volume] in Serum or Plasma',
  },
  bilirubinDirect: {
    loinc: ['1968-7', '14629-0'],
    display: 'Bilirubin.direct [Mass/volume] in Serum or Plasma',
  },
  nucleotidase5: {
    loinc: ['1690-7'],
    display: "5'-Nucleotidase [Enzymatic activity/volume] in Serum or Plasma",
  },
  boneSpecificAlp: {
    loinc: ['17838-4'],
    display: 'Alkaline phosphatase.bone [Mass/volume] in Serum or Plasma',
  },
  calcium: { loinc: ['17861-6', '2000-8', '49765-1'], display: 'Calcium [Mass/volume] in Serum or Plasma' },
  albumin: { loinc: ['1751-7'], display: 'Albumin [Mass/volume] in Serum or Plasma' },
  crp: { loinc: ['1988-5', '30522-7'], display: 'C reactive protein [Mass/volume] in Serum or Plasma' },
  inr: { loinc: ['6301-6', '34714-6'], display: 'INR in Platelet poor plasma by Coagulation assay' },
  wbc: { loinc: ['6690-2'], display: 'Leukocytes [#/volume] in Blood by Automated count' },
  'isoenzymes.bonePercent': {
    loinc: ['15013-6'],
    display: 'Alkaline phosphatase.bone/Alkaline phosphatase.total in Serum or Plasma',
  },
} as const satisfies Record<MappedField, Analyte>;

export const MAPPED_FIELDS = Object.keys(ANALYTES) as MappedField[];

const FIELD_BY_LOINC: ReadonlyMap<string, MappedField> = new Map(
  MAPPED_FIELDS.flatMap((field) => ANALYTES[field].loinc.map((code) => [code, field] as const)),
);

/** Every LOINC code we read, for the prefetch template and the fallback search. */
export const ALL_LOINC_CODES: readonly string[] = [...FIELD_BY_LOINC.keys()];

export function fieldOfLoinc(code: string): MappedField | undefined {
  return FIELD_BY_LOINC.get(code);
}

export const fieldLabel = (field: MappedField): string => FIELD_INFO[field].label;

const isLab = (field: MappedField): field is MappedLab => FIELD_INFO[field].isLab;

/** Fields whose case value carries the reporting lab's ULN (albumin's does not: its low end is what matters). */
export const hasUln = (field: MappedField): boolean => isLab(field) && field !== 'albumin';

/** The unit to show a value in: the engine's spelling for labs, its canonical unit for bare numbers. */
export const shownUnit = (field: MappedField, unit: string | undefined): string =>
  unit ?? FIELD_INFO[field].canonicalUnit;

/**
 * UCUM spellings that are the same unit as one the engine accepts under another name. Not a
 * conversion: the engine's own factors (src/clinical/units.ts) do every conversion; this only
 * says that UCUM's `[IU]/L` is the engine's `IU/L`, and that a white cell count in 10*3/uL is
 * the same number as in 10*9/L, the engine's unit.
 */
const UCUM_SPELLINGS: Readonly<Record<string, string>> = { '[IU]/L': 'IU/L' };
const WBC_UNITS = new Set(['10*9/L', '10*3/uL', '10^9/L', 'x10*9/L', 'x10^9/L', 'x10*3/uL', '10*3/mm3']);
const INR_UNITS = new Set(['', '1', '{INR}', '{ratio}', 'INR', 'ratio']);

export type UnitCheck = { ok: true; unit?: string } | { ok: false; message: string };

/**
 * The engine's spelling of a reported unit for a field, or a refusal naming the LOINC code and
 * the unit. A lab without a unit is refused too: the engine would assume its canonical unit,
 * and a record from an EHR must say what it measured in.
 */
export function caseUnit(field: MappedField, loinc: string, reported: string | undefined): UnitCheck {
  const unit = reported?.trim();
  if (field === 'inr') {
    return INR_UNITS.has(unit ?? '')
      ? { ok: true }
      : refuse(loinc, unit, 'the INR is a ratio without a unit');
  }
  if (field === 'wbc') {
    return unit !== undefined && WBC_UNITS.has(unit)
      ? { ok: true }
      : refuse(loinc, unit, '10*9/L or 10*3/uL');
  }
  if (field === 'isoenzymes.bonePercent') {
    return unit === '%' ? { ok: true } : refuse(loinc, unit, '%');
  }
  const accepted = FIELD_INFO[field].units;
  if (unit === undefined || unit === '') return refuse(loinc, unit, accepted.join(', '));
  const spelled = UCUM_SPELLINGS[unit] ?? unit;
  return isLab(field) && accepted.includes(spelled)
    ? { ok: true, unit: spelled }
    : refuse(loinc, unit, accepted.join(', '));
}

function refuse(loinc: string, unit: string | undefined, expected: string): UnitCheck {
  const what = unit === undefined || unit === '' ? 'no unit' : `unit "${unit}"`;
  return { ok: false, message: `LOINC ${loinc} with ${what} is not used: expected ${expected}` };
}
