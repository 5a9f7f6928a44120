import { assess, validateCase, type Assessment, type Case } from '../../../src/clinical';

/** The cases of /work/shared/conversation-examples.md, through the real engine. */

export const EXAMPLE_A_BONE_ON_BORTEZOMIB = {
  alp: { value: 180, unit: 'U/L', uln: 120 },
  alpBaseline: { value: 100, unit: 'U/L' },
  alt: { value: 25, unit: 'U/L', uln: 40 },
  ast: { value: 22, unit: 'U/L', uln: 40 },
  bilirubinTotal: { value: 0.6, unit: 'mg/dL', uln: 1.2 },
  ggt: { value: 30, unit: 'U/L', uln: 60 },
  therapy: { agent: 'bortezomib', weeksOnTherapy: 6, steroids: true },
  history: { recentFracture: false, pregnant: false, fasting: true },
  symptoms: {
    fever: false,
    jaundice: false,
    rightUpperQuadrantPain: false,
    newBonePain: false,
    neuroDeficit: false,
    confusion: false,
  },
};

export const EXAMPLE_B_CHOLESTATIC_SI_UNITS = {
  alp: { value: 5, unit: 'ukat/L', uln: 2.2 },
  alt: { value: 30, uln: 40 },
  ast: { value: 35, uln: 40 },
  bilirubinTotal: { value: 30, unit: 'umol/L', uln: 21 },
  ggt: { value: 200, uln: 60 },
};

export const EXAMPLE_C_HYS_LAW = {
  alp: { value: 150, uln: 120 },
  alt: { value: 200, uln: 40 },
  ast: { value: 180, uln: 40 },
  bilirubinTotal: { value: 3, unit: 'mg/dL', uln: 1.2 },
};

export const assessed = (input: unknown): { known: Case; assessment: Assessment } => {
  const validated = validateCase(input);
  if (!validated.ok) throw new Error(`example case refused: ${JSON.stringify(validated.problems)}`);
  return { known: validated.value, assessment: assess(validated.value) };
};
