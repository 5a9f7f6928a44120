import type { Origin } from '../../src/clinical/assessment-schema';
import type { PartialCase } from '../../src/clinical/case-schema';
import type { QuestionStepId } from '../../machines';

/**
 * What each question step is called and how it reads to a clinician. Step ids are the machine's
 * state ids (a contract with machines/); which fields a step asks comes from the machine too.
 */

export interface StepText {
  title: string;
  /** One line under the title: what is asked and why it matters. */
  intro: string;
  /** What the clinician could type instead of using the card. */
  typedExample: string;
}

export const STEP_TEXT: Record<QuestionStepId, StepText> = {
  alp: {
    title: 'ALP',
    intro: "The ALP result with your lab's upper limit of normal (ULN); never assumed across labs.",
    typedExample: 'ALP 180 U/L, ULN 120, baseline 100',
  },
  context: {
    title: 'Treatment and context',
    intro: 'Treatment and physiological causes change how a raised ALP reads.',
    typedExample: 'bortezomib week 6, steroids yes, not pregnant, fasting',
  },
  redFlags: {
    title: 'Red-flag screen',
    intro: 'Any of these now? They come before everything else.',
    typedExample: 'fever and jaundice',
  },
  liverPanel: {
    title: 'Liver panel and calcium',
    intro: "Each with your lab's ULN. They decide the pattern and screen for red flags.",
    typedExample: 'ALT 25/40, AST 22/40, bili 0.6 mg/dL (ULN 1.2), INR 1.0, Ca 2.3 mmol/L (ULN 2.6)',
  },
  origin: {
    title: 'Liver or bone?',
    intro: "GGT, 5'-nucleotidase, isoenzyme fractions or bone-specific ALP, whichever you have.",
    typedExample: 'GGT 30 ULN 60',
  },
  hepaticImaging: {
    title: 'Right upper quadrant ultrasound',
    intro: 'The first-line test for a raised ALP of hepatic origin (ACR 2023 · guideline).',
    typedExample: 'ultrasound: dilated ducts',
  },
  hepaticAma: {
    title: 'Antimitochondrial antibody',
    intro:
      'Autoimmune and infiltrative causes: primary biliary cholangitis (AMA) and AL amyloidosis (ACG 2017 · guideline).',
    typedExample: 'AMA negative',
  },
  bone: {
    title: 'Bone causes',
    intro: 'An elevated ALP in myeloma is unusual and needs a cause (Annibali 2020 · study).',
    typedExample: 'no fracture, lytic lesions yes, on zoledronic acid',
  },
};

/**
 * The intro of a step as it reads for this case. After a normal-calibre duct on ultrasound the AMA
 * question follows from the absence of dilatation; after any other finding it must not say so.
 */
export const stepIntro = (step: QuestionStepId, known: PartialCase): string =>
  step === 'hepaticAma' && known.imaging?.ultrasound === 'normal'
    ? 'No duct dilatation: test for primary biliary cholangitis (AMA) and consider infiltrative disease such as AL amyloidosis (ACG 2017 · guideline).'
    : STEP_TEXT[step].intro;

const SHARED_STEPS: readonly QuestionStepId[] = ['alp', 'context', 'redFlags', 'liverPanel', 'origin'];
const HEPATIC_STEPS: readonly QuestionStepId[] = [...SHARED_STEPS, 'hepaticImaging', 'hepaticAma'];
const BONE_STEPS: readonly QuestionStepId[] = [...SHARED_STEPS, 'bone'];
const BOTH_BRANCHES: readonly QuestionStepId[] = [...HEPATIC_STEPS, 'bone'];

/**
 * "Step N of M". The branch is not known until the origin is, so M counts the bone branch (the
 * shorter one) until a hepatic origin or a hepatic step shows the longer route. A step off the
 * origin's branch (bone questions while the origin is still open in a hepatic-looking workup)
 * counts on the route through both branches rather than as "step 0".
 */
export const stepPosition = (step: QuestionStepId, origin?: Origin): { number: number; of: number } => {
  const hepatic = origin === 'liver' || step === 'hepaticImaging' || step === 'hepaticAma';
  const preferred = hepatic ? HEPATIC_STEPS : BONE_STEPS;
  const route = preferred.includes(step) ? preferred : BOTH_BRANCHES;
  return { number: route.indexOf(step) + 1, of: route.length };
};
