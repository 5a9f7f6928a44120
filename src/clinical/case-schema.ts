import { z } from 'zod';

/**
 * The case: what the clinician has told us. Every field but `alp` is optional, and an absent
 * field means "not known", never "normal". Field names are a public contract shared by the
 * API, the CLI and the conversation; add fields, never rename them.
 */

export const ENZYME_UNITS = ['U/L', 'IU/L', 'ukat/L', 'µkat/L', 'μkat/L'] as const;
export const BILIRUBIN_UNITS = ['mg/dL', 'umol/L', 'µmol/L', 'μmol/L'] as const;
export const CALCIUM_UNITS = ['mg/dL', 'mmol/L'] as const;
export const ALBUMIN_UNITS = ['g/dL', 'g/L'] as const;
export const CRP_UNITS = ['mg/L', 'mg/dL'] as const;
export const BONE_ALP_UNITS = ['ug/L', 'µg/L', 'μg/L', 'U/L'] as const;

/** A lab result as reported: the value, its unit and the reporting lab's upper limit of normal (same unit). */
const labValue = <const U extends readonly [string, ...string[]]>(units: U) =>
  z.object({
    value: z.number(),
    unit: z.enum(units).optional(),
    uln: z.number().optional(),
  });

export const EnzymeValueSchema = labValue(ENZYME_UNITS);
export const BilirubinValueSchema = labValue(BILIRUBIN_UNITS);
export const CalciumValueSchema = labValue(CALCIUM_UNITS);
export const AlbuminValueSchema = z.object({ value: z.number(), unit: z.enum(ALBUMIN_UNITS).optional() });
export const CrpValueSchema = labValue(CRP_UNITS);
export const BoneAlpValueSchema = labValue(BONE_ALP_UNITS);

export const THERAPY_AGENTS = ['bortezomib', 'carfilzomib', 'ixazomib', 'other', 'none'] as const;
export const ULTRASOUND_RESULTS = [
  'normal',
  'dilated-ducts',
  'cbd-stone',
  'focal-lesions',
  'diffuse-infiltration',
  'hepatomegaly',
] as const;

/** Recorded sex, asked with the age; today only pregnancy depends on it (product decision 12). */
export const SEXES = ['female', 'male', 'not-stated'] as const;

export const TherapySchema = z.object({
  agent: z.enum(THERAPY_AGENTS).optional(),
  weeksOnTherapy: z.number().optional(),
  steroids: z.boolean().optional(),
  /** Melphalan-prednisone with bortezomib (VMP, the VISTA regimen). */
  melphalan: z.boolean().optional(),
  /** A drug started recently enough to be a suspect for liver injury. */
  newDrug: z.boolean().optional(),
});

export const HistorySchema = z.object({
  recentFracture: z.boolean().optional(),
  knownBoneDisease: z.boolean().optional(),
  bisphosphonate: z.boolean().optional(),
  denosumabStopped: z.boolean().optional(),
  sex: z.enum(SEXES).optional(),
  pregnant: z.boolean().optional(),
  pregnancyTrimester: z.number().optional(),
  ageYears: z.number().optional(),
  fasting: z.boolean().optional(),
  alcohol: z.boolean().optional(),
  enzymeInducingDrugs: z.boolean().optional(),
  amyloidosis: z.boolean().optional(),
  heartFailure: z.boolean().optional(),
  renalImpairment: z.boolean().optional(),
  liverSpanCm: z.number().optional(),
  persistentElevation: z.boolean().optional(),
});

export const SymptomsSchema = z.object({
  fever: z.boolean().optional(),
  jaundice: z.boolean().optional(),
  rightUpperQuadrantPain: z.boolean().optional(),
  newBonePain: z.boolean().optional(),
  neuroDeficit: z.boolean().optional(),
  confusion: z.boolean().optional(),
});

export const IsoenzymesSchema = z.object({
  bonePercent: z.number().optional(),
  liverPercent: z.number().optional(),
  intestinalPercent: z.number().optional(),
  placentalPercent: z.number().optional(),
});

export const ImagingSchema = z.object({
  ultrasound: z.enum(ULTRASOUND_RESULTS).optional(),
});

export const CaseSchema = z.object({
  alp: EnzymeValueSchema,
  alpBaseline: EnzymeValueSchema.optional(),
  alt: EnzymeValueSchema.optional(),
  ast: EnzymeValueSchema.optional(),
  ggt: EnzymeValueSchema.optional(),
  nucleotidase5: EnzymeValueSchema.optional(),
  bilirubinTotal: BilirubinValueSchema.optional(),
  bilirubinDirect: BilirubinValueSchema.optional(),
  calcium: CalciumValueSchema.optional(),
  albumin: AlbuminValueSchema.optional(),
  inr: z.number().optional(),
  temperatureC: z.number().optional(),
  /** White cell count, x10^9/L (the same number as x10^3/µL). */
  wbc: z.number().optional(),
  crp: CrpValueSchema.optional(),
  boneSpecificAlp: BoneAlpValueSchema.optional(),
  isoenzymes: IsoenzymesSchema.optional(),
  /** Residual ALP activity after heat inactivation (56 °C, 10 min), percent. */
  heatStableAlpPercent: z.number().optional(),
  therapy: TherapySchema.optional(),
  history: HistorySchema.optional(),
  symptoms: SymptomsSchema.optional(),
  imaging: ImagingSchema.optional(),
  ama: z.enum(['positive', 'negative']).optional(),
});

export type Case = z.infer<typeof CaseSchema>;
export type EnzymeValue = z.infer<typeof EnzymeValueSchema>;
export type BilirubinValue = z.infer<typeof BilirubinValueSchema>;
export type Therapy = z.infer<typeof TherapySchema>;
export type History = z.infer<typeof HistorySchema>;
export type Symptoms = z.infer<typeof SymptomsSchema>;
export type Sex = (typeof SEXES)[number];
export type TherapyAgent = (typeof THERAPY_AGENTS)[number];
export type UltrasoundResult = (typeof ULTRASOUND_RESULTS)[number];

/** A partial case: what the conversation has collected so far, before ALP itself may be known. */
export const PartialCaseSchema = CaseSchema.partial();
export type PartialCase = z.infer<typeof PartialCaseSchema>;
