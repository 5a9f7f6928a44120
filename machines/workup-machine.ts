import { assign, setup } from 'xstate';
import { QUESTION_STEP_IDS, STEP_IDS, stepForField, type QuestionStepId, type StepId } from './steps';
import { freshContext, type WorkupContext } from './workup-context';
import type { WorkupEvent } from './workup-events';
import { afterImport, caseAfterImport } from './record-import';
import { destinationOf, nextQuestion, notDoneOutcome, previousQuestion } from './workup-progress';
import {
  afterAcknowledge,
  afterAnswer,
  afterBack,
  afterNotDone,
  afterSkip,
  caseAfterAnswer,
} from './workup-updates';

/**
 * The workup as a statechart. It holds no text and sends nothing: `dialogs/` turns each state into
 * a question and each reply into one of these events. Every accepted change passes through the
 * transient `routing` state, which asks the engine where the workup should go next.
 */
const workupSetup = setup({
  types: {
    context: {} as WorkupContext,
    events: {} as WorkupEvent,
  },
  guards: {
    isAcceptableAnswer: ({ context, event }) =>
      event.type === 'ANSWER' && caseAfterAnswer(context, event.values) !== undefined,
    isAcceptableImport: ({ context, event }) =>
      event.type === 'IMPORT_RECORD' && caseAfterImport(context, event.imported) !== undefined,
    routesTo: ({ context }, params: { step: StepId }) => context.route === params.step,
    hasAlp: ({ context }) => context.case.alp !== undefined,
    // A pending test parks the workup only when nothing else can be asked meanwhile: a missing
    // INR must not hold back the ultrasound question.
    parksForResults: ({ context, event }, params: { step: QuestionStepId }) =>
      event.type === 'NOT_DONE' &&
      notDoneOutcome(context, params.step, event.fields).pending.length > 0 &&
      nextQuestion({ ...context, ...afterNotDone(context, params.step, event.fields) }) === undefined,
    canResume: ({ context }) => destinationOf(context) !== 'awaitingResults',
    isBackTo: ({ context }, params: { from: StepId; to: QuestionStepId }) =>
      previousQuestion(context, params.from) === params.to,
    isEditOf: ({ event }, params: { step: QuestionStepId }) =>
      event.type === 'EDIT' && stepForField(event.field) === params.step,
  },
  actions: {
    recordAnswer: assign(({ context, event }, params: { step: StepId }) =>
      event.type === 'ANSWER' ? afterAnswer(context, event.values, params.step) : {},
    ),
    recordImport: assign(({ context, event }) =>
      event.type === 'IMPORT_RECORD' ? afterImport(context, event.imported) : {},
    ),
    recordSkip: assign(({ context }, params: { step: QuestionStepId }) => afterSkip(context, params.step)),
    recordNotDone: assign(({ context, event }, params: { step: QuestionStepId }) =>
      afterNotDone(context, params.step, event.type === 'NOT_DONE' ? event.fields : undefined),
    ),
    acknowledgeRedFlags: assign(({ context }) => afterAcknowledge(context)),
    returnTo: assign(({ context }, params: { step: QuestionStepId }) => afterBack(context, params.step)),
    markReviewing: assign({ reviewing: true }),
    // Worked out once on entering `routing`, for all of its transitions to read, and gone on leaving it.
    findRoute: assign(({ context }) => ({ route: destinationOf(context) })),
    forgetRoute: assign({ route: undefined }),
    startOver: assign(({ context }) => freshContext(context.revision)),
    bumpRevision: assign(({ context }) => ({ revision: context.revision + 1 })),
  },
});

const answer = (step: StepId) => ({
  guard: 'isAcceptableAnswer' as const,
  target: 'routing',
  actions: [{ type: 'recordAnswer' as const, params: { step } }, 'bumpRevision' as const],
});

/** An import from the record is taken at any step; where the workup goes next is routing's to say. */
const importRecord = {
  guard: 'isAcceptableImport' as const,
  target: 'routing',
  actions: ['recordImport' as const, 'bumpRevision' as const],
};

const back = (from: StepId) =>
  QUESTION_STEP_IDS.map((to) => ({
    guard: { type: 'isBackTo' as const, params: { from, to } },
    target: to,
    actions: [{ type: 'returnTo' as const, params: { step: to } }, 'bumpRevision' as const],
  }));

const edit = QUESTION_STEP_IDS.map((step) => ({
  guard: { type: 'isEditOf' as const, params: { step } },
  target: step,
  actions: ['bumpRevision' as const],
}));

const restart = { target: 'alp', actions: ['startOver' as const, 'bumpRevision' as const] };

/** BACK, EDIT, RESTART and an import from the record work the same from every state. */
const navigation = (from: StepId) => ({
  BACK: back(from),
  EDIT: edit,
  RESTART: restart,
  IMPORT_RECORD: importRecord,
});

/** Every question can be skipped or left for later except ALP itself, without which nothing can be assessed. */
const alpFirst = (step: QuestionStepId) => (step === 'alp' ? { guard: 'hasAlp' as const } : {});

const question = (step: QuestionStepId, description: string) => ({
  description,
  on: {
    ANSWER: answer(step),
    SKIP: {
      ...alpFirst(step),
      target: 'routing',
      actions: [{ type: 'recordSkip' as const, params: { step } }, 'bumpRevision' as const],
    },
    NOT_DONE: [
      {
        guard: { type: 'parksForResults' as const, params: { step } },
        target: 'awaitingResults',
        actions: [{ type: 'recordNotDone' as const, params: { step } }, 'bumpRevision' as const],
      },
      {
        ...alpFirst(step),
        target: 'routing',
        actions: [{ type: 'recordNotDone' as const, params: { step } }, 'bumpRevision' as const],
      },
    ],
    ...navigation(step),
  },
});

export const workupMachine = workupSetup.createMachine({
  id: 'alpWorkup',
  initial: 'alp',
  context: freshContext(0),
  states: {
    alp: question('alp', "ALP with its unit and the lab's ULN, optional baseline ALP"),
    context: question(
      'context',
      'Treatment and weeks on it, steroids, fracture, bone therapy, pregnancy, age, fasting',
    ),
    redFlags: question(
      'redFlags',
      'Fever, jaundice, right upper quadrant pain, new bone pain, neurological deficit, confusion',
    ),
    liverPanel: question('liverPanel', 'ALT, AST, bilirubin, INR, calcium, which set the pattern'),
    origin: question(
      'origin',
      'GGT, 5-nucleotidase, isoenzymes or bone-specific ALP, which tell liver from bone',
    ),
    hepaticImaging: question('hepaticImaging', 'Right upper quadrant ultrasound'),
    hepaticAma: question('hepaticAma', 'AMA, amyloidosis, persistence of the elevation'),
    bone: question(
      'bone',
      'Fracture, known bone disease, bone-targeted therapy, baseline for a proteasome-inhibitor rise',
    ),
    urgent: {
      description: 'A red flag, shown at once, acknowledged to continue',
      on: {
        ANSWER: answer('urgent'),
        ACK_RED_FLAG: { target: 'routing', actions: ['acknowledgeRedFlags', 'bumpRevision'] },
        ...navigation('urgent'),
      },
    },
    awaitingResults: {
      description: 'Parked until the tests not done yet come back',
      on: {
        ANSWER: answer('awaitingResults'),
        RESUME: { guard: 'canResume', target: 'routing', actions: ['bumpRevision'] },
        ...navigation('awaitingResults'),
      },
    },
    assessment: {
      description: "The engine's sourced conclusion, every answer stays editable",
      entry: 'markReviewing',
      on: {
        ANSWER: answer('assessment'),
        ...navigation('assessment'),
      },
    },
    routing: {
      description: 'Transient, asks the engine where the workup goes next',
      entry: 'findRoute',
      exit: 'forgetRoute',
      always: [
        ...STEP_IDS.filter((step) => step !== 'assessment').map((step) => ({
          guard: { type: 'routesTo' as const, params: { step } },
          target: step,
        })),
        { target: 'assessment' },
      ],
    },
  },
});

export type WorkupMachine = typeof workupMachine;
