import type { PartialCase } from '../../src/clinical';
import type { QuestionStepId, RouteChange, RoutePosition } from '../../machines';
import { joinProse } from './format';

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

/** "Step 3 of 6 · Red-flag screen": the position is the machine's route, never a list kept here. */
export const stepHeading = (step: QuestionStepId, position: RoutePosition): string =>
  `Step ${position.number} of ${position.of} · ${STEP_TEXT[step].title}`;

const stepTitles = (steps: readonly QuestionStepId[]): string =>
  joinProse(steps.map((step) => STEP_TEXT[step].title.toLowerCase()));

/** Said on the card after an answer that changed which questions the workup asks, so a new total is explained. */
export const routeChangeLine = (change: RouteChange, position: RoutePosition): string => {
  const parts = [
    ...(change.added.length > 0 ? [`it adds ${stepTitles(change.added)}`] : []),
    ...(change.dropped.length > 0 ? [`${stepTitles(change.dropped)} no longer needed`] : []),
  ];
  return `That answer changed the route (${parts.join('; ')}): ${position.of} steps now.`;
};
