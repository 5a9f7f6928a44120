import type { PartialCase } from '../../src/clinical';

/*
 * Representative answers, as a clinician would give them, used as the event alphabet of the
 * transition, graph and property tests. Each is valid on its own.
 */

const enzyme = (value: number, uln: number) => ({ value, unit: 'U/L' as const, uln });
const bilirubin = (value: number, uln: number) => ({ value, unit: 'mg/dL' as const, uln });

export const ALP_RAISED: PartialCase = { alp: enzyme(180, 120), alpBaseline: enzyme(100, 120) };
export const ALP_HIGH: PartialCase = { alp: enzyme(300, 120) };
export const ALP_NORMAL: PartialCase = { alp: enzyme(90, 120) };

export const BORTEZOMIB_CONTEXT: PartialCase = {
  therapy: { agent: 'bortezomib', weeksOnTherapy: 6, steroids: true, melphalan: false, newDrug: false },
  history: {
    recentFracture: false,
    knownBoneDisease: true,
    bisphosphonate: true,
    denosumabStopped: false,
    pregnant: false,
    ageYears: 67,
    fasting: true,
  },
};

export const NO_SYMPTOMS: PartialCase = {
  symptoms: {
    fever: false,
    jaundice: false,
    rightUpperQuadrantPain: false,
    newBonePain: false,
    neuroDeficit: false,
    confusion: false,
  },
};

export const NORMAL_LIVER_PANEL: PartialCase = {
  alt: enzyme(25, 40),
  ast: enzyme(22, 40),
  bilirubinTotal: bilirubin(0.6, 1.2),
  inr: 1.0,
  calcium: { value: 9.4, unit: 'mg/dL', uln: 10.5 },
};

/** With ALP 300 (2.5x ULN): R = 0.3, cholestatic, bilirubin raised. */
export const CHOLESTATIC_PANEL: PartialCase = {
  alt: enzyme(30, 40),
  ast: enzyme(35, 40),
  bilirubinTotal: bilirubin(1.75, 1.2),
};

/** TG18 A answered as absent: asked next once a raised liver test meets criterion B. */
export const NO_INFLAMMATION: PartialCase = { temperatureC: 36.8, wbc: 7.2, crp: { value: 3, unit: 'mg/L' } };

export const GGT_NORMAL: PartialCase = { ggt: enzyme(30, 60) };
export const GGT_RAISED: PartialCase = { ggt: enzyme(200, 60) };
export const ULTRASOUND_DILATED: PartialCase = { imaging: { ultrasound: 'dilated-ducts' } };
export const ULTRASOUND_NORMAL: PartialCase = { imaging: { ultrasound: 'normal' } };
export const AMA_NEGATIVE: PartialCase = { ama: 'negative' };

/** Every answer a full report could contain: a pasted report answering everything at once. */
export const FULL_BONE_REPORT: PartialCase = {
  ...ALP_RAISED,
  ...BORTEZOMIB_CONTEXT,
  ...NO_SYMPTOMS,
  ...NORMAL_LIVER_PANEL,
  ...GGT_NORMAL,
};

/** Answers that each raise one red flag, given a raised ALP. */
export const RED_FLAG_ANSWERS: Readonly<Record<string, PartialCase>> = {
  hysLaw: { alt: enzyme(200, 40), ast: enzyme(180, 40), bilirubinTotal: bilirubin(3.0, 1.2) },
  cholangitis: { symptoms: { fever: true }, temperatureC: 38.9, bilirubinTotal: bilirubin(2.4, 1.2) },
  acuteLiverFailure: { inr: 2.1, symptoms: { confusion: true } },
  hypercalcaemia: { calcium: { value: 12.6, unit: 'mg/dL', uln: 10.5 } },
  cordCompression: { symptoms: { newBonePain: true, neuroDeficit: true } },
  massiveAminotransferases: { alt: enzyme(900, 40) },
};
