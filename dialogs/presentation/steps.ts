import { FIELD_REGISTRY, type CaseFieldPath, type PartialCase } from '../../src/clinical';
import type { QuestionStepId, RouteChange, RoutePosition } from '../../machines';
import { joinProse } from './format';

/**
 * What each question step is called and how it reads to a clinician. Step ids are the machine's
 * state ids (a contract with machines/); which fields a step asks comes from the machine too.
 */

/** One part of a typed example and the fields it answers, so the example can leave out what is answered. */
export interface ExamplePart {
  text: string;
  answers: readonly CaseFieldPath[];
}

export interface StepText {
  title: string;
  /** One line under the title: what is asked and why it matters. */
  intro: string;
  /** What the clinician could type instead of using the card, part by part. */
  typedExample: readonly ExamplePart[];
}

const part = (text: string, ...answers: CaseFieldPath[]): ExamplePart => ({ text, answers });

export const STEP_TEXT: Record<QuestionStepId, StepText> = {
  alp: {
    title: 'ALP',
    intro: "The ALP result with your lab's upper limit of normal (ULN); never assumed across labs.",
    typedExample: [part('ALP 180 U/L, ULN 120', 'alp'), part('baseline 100', 'alpBaseline')],
  },
  context: {
    title: 'Treatment and context',
    intro: 'Treatment and physiological causes change how a raised ALP reads.',
    typedExample: [
      part('bortezomib week 6', 'therapy.agent', 'therapy.weeksOnTherapy'),
      part('steroids yes', 'therapy.steroids'),
      part('not pregnant', 'history.pregnant'),
      part('fasting', 'history.fasting'),
    ],
  },
  redFlags: {
    title: 'Red-flag screen',
    intro: 'Any of these now? They come before everything else.',
    typedExample: [part('fever and jaundice', 'symptoms.fever', 'symptoms.jaundice')],
  },
  liverPanel: {
    title: 'Liver panel and calcium',
    intro: "Each with your lab's ULN. They decide the pattern and screen for red flags.",
    typedExample: [
      part('ALT 25/40', 'alt'),
      part('AST 22/40', 'ast'),
      part('bili 0.6 mg/dL (ULN 1.2)', 'bilirubinTotal'),
      part('INR 1.0', 'inr'),
      part('Ca 2.3 mmol/L (ULN 2.6)', 'calcium'),
    ],
  },
  origin: {
    title: 'Liver or bone?',
    intro: "GGT, 5'-nucleotidase, isoenzyme fractions or bone-specific ALP, whichever you have.",
    typedExample: [part('GGT 30 ULN 60', 'ggt')],
  },
  hepaticImaging: {
    title: 'Right upper quadrant ultrasound',
    intro: 'The first-line test for a raised ALP of hepatic origin (ACR 2023 · guideline).',
    typedExample: [part('ultrasound: dilated ducts', 'imaging.ultrasound')],
  },
  hepaticAma: {
    title: 'Antimitochondrial antibody',
    intro:
      'Autoimmune and infiltrative causes: primary biliary cholangitis (AMA) and AL amyloidosis (ACG 2017 · guideline).',
    typedExample: [part('AMA negative', 'ama')],
  },
  bone: {
    title: 'Bone causes',
    intro: 'An elevated ALP in myeloma is unusual and needs a cause (Annibali 2020 · study).',
    typedExample: [
      part('no fracture', 'history.recentFracture'),
      part('lytic lesions yes', 'history.knownBoneDisease'),
      part('on zoledronic acid', 'history.bisphosphonate'),
    ],
  },
};

/**
 * The typed example for what a step still asks (issue 14: nothing answered is suggested again):
 * its parts for the `asking` fields, or else the field registry's example of the first asked value.
 * Without `asking` (back, edit: every answer on show), or when nothing is left to ask, the whole example.
 */
export const typedExample = (step: QuestionStepId, asking?: readonly string[]): string => {
  const parts = STEP_TEXT[step].typedExample;
  const whole = parts.map((entry) => entry.text).join(', ');
  if (asking === undefined) return whole;
  const covered = parts.filter((entry) => entry.answers.some((field) => asking.includes(field)));
  if (covered.length > 0) return covered.map((entry) => entry.text).join(', ');
  const registered = asking.flatMap((field) => {
    const entry = FIELD_REGISTRY[field as CaseFieldPath] as
      (typeof FIELD_REGISTRY)[CaseFieldPath] | undefined;
    return entry !== undefined && 'measure' in entry ? [entry.measure.example] : [];
  });
  return registered[0] ?? whole;
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
