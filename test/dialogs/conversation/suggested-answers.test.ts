import { QUESTION_STEP_IDS, STEP_IDS, isQuestionStep, neededFields, type StepId } from '../../../machines';
import { fieldInputFor } from '../../../dialogs/cards/field-inputs';
import { hintForStep } from '../../../dialogs/text';
import { runTurn } from '../../../dialogs/turn-runner';
import { contextOf, loadWorkup, stepOf, type WorkupSession } from '../../../dialogs/workup-session';

/**
 * Every answer a prompt suggests works where it is suggested. For each step of the machine the
 * real conversation is driven there, the suggestions are read from what the bot says at that step
 * (the card's text and the step's hint: every quoted reply and every "yes / no / not known"
 * option), and each one is sent from that point: it must be accepted with the meaning a clinician
 * gives it, never answered with the "enter it like this" hint or a refusal.
 */

const NOW = '2026-12-01T10:00:00.000Z';

const ALP = 'ALP 300 U/L ULN 120';
const CONTEXT =
  'bortezomib week 6, steroids yes, no melphalan, no new drug, no fracture, male, age 67, fasting';
const NO_RED_FLAGS = 'none of these';
const NORMAL_PANEL = 'ALT 30/40, AST 35/40, bili 0.6 mg/dL (ULN 1.2), INR 1.0, Ca 2.3 mmol/L (ULN 2.6)';
const HEPATIC = 'GGT 200 ULN 60, no alcohol, no enzyme-inducing drugs';

/** How the conversation reaches each step; typed against the machine's step list, so a new step needs a route here. */
const REACH = {
  alp: ['start'],
  redFlags: ['start', ALP],
  liverPanel: ['start', ALP, NO_RED_FLAGS],
  context: ['start', ALP, NO_RED_FLAGS, NORMAL_PANEL],
  origin: ['start', ALP, NO_RED_FLAGS, NORMAL_PANEL, CONTEXT],
  hepaticImaging: ['start', ALP, NO_RED_FLAGS, NORMAL_PANEL, CONTEXT, HEPATIC],
  hepaticAma: ['start', ALP, NO_RED_FLAGS, NORMAL_PANEL, CONTEXT, HEPATIC, 'ultrasound normal'],
  bone: ['start', ALP, NO_RED_FLAGS, NORMAL_PANEL, CONTEXT, 'GGT 30 ULN 60'],
  urgent: ['start', ALP, 'fever'],
  awaitingResults: ['start', ALP, NO_RED_FLAGS, NORMAL_PANEL, CONTEXT, HEPATIC, 'not done yet'],
  assessment: [
    'start',
    ALP,
    NO_RED_FLAGS,
    NORMAL_PANEL,
    CONTEXT,
    HEPATIC,
    'ultrasound normal',
    'AMA negative, no amyloidosis, no heart failure',
  ],
} satisfies Record<StepId, readonly string[]>;

interface Turned {
  before: WorkupSession;
  after: WorkupSession;
  said: string;
}

const sessionOf = (state: unknown): WorkupSession => {
  const loaded = loadWorkup(state, { now: NOW });
  if (loaded.kind !== 'active') throw new Error(`no active workup (${loaded.kind})`);
  return loaded.session;
};

/** Plays the route to `step` and returns what was stored and what the last turn said. */
function reach(step: StepId): { state: unknown; said: string } {
  let state: unknown;
  let said = '';
  for (const text of REACH[step]) {
    const result = runTurn(state, { text, now: NOW, supportsCardUpdate: false });
    state = result.state;
    said = result.replies.map((reply) => reply.text).join('\n');
  }
  expect({ step, reached: stepOf(sessionOf(state)) }).toEqual({ step, reached: step });
  return { state, said };
}

function send(step: StepId, text: string): Turned {
  const { state } = reach(step);
  const result = runTurn(state, { text, now: NOW, supportsCardUpdate: false });
  return {
    before: sessionOf(state),
    after: sessionOf(result.state),
    said: result.replies.map((reply) => reply.text).join('\n'),
  };
}

/** What the prompt at a step offers to type: quoted replies and the options of each yes/no line. */
function suggestionsAt(step: StepId): string[] {
  const shown = `${reach(step).said}\n${hintForStep(step)}`;
  // Quotes on the lines that offer something to type; the assessment also quotes its sources.
  const offering = shown.split('\n').filter((line) => /e\.g\.|for example|\bsay\b|\btype\b/i.test(line));
  const quoted = offering.flatMap((line) => [...line.matchAll(/"([^"]+)"/g)].map((match) => match[1] ?? ''));
  const options = [...shown.matchAll(/\? (yes \/ no \/ not known)/g)].flatMap((match) =>
    (match[1] ?? '').split(' / '),
  );
  // "edit [test]" names the form of a command, not a reply; the example beside it ("edit ALT") is one.
  return [...new Set([...quoted, ...options])].filter((phrase) => !phrase.includes('['));
}

/** The answers the issue names, at every question step whether or not its prompt says them. */
const CLINICIAN_WORDS = ['no', 'none', 'not sure', "I don't know", 'skip', 'not done yet'];

const caseOf = (session: WorkupSession): string => JSON.stringify(contextOf(session).case);
const readPath = (session: WorkupSession, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node as Record<string, unknown> | undefined)?.[key],
      contextOf(session).case,
    );

const openOf = (session: WorkupSession, step: StepId): readonly string[] =>
  isQuestionStep(step) ? neededFields(contextOf(session), step) : [];
const yesNoOpen = (session: WorkupSession, step: StepId): string[] =>
  openOf(session, step).filter((field) => {
    const kind = fieldInputFor(field)?.kind;
    return kind === 'yesNo' || kind === 'symptoms';
  });

const ALP_NEEDED = 'The ALP result is needed before anything else';
const NOT_UNDERSTOOD = (step: StepId): string[] => [
  hintForStep(step),
  'Nothing was changed',
  'That changes nothing',
  'There is nothing to skip here',
  'There is no test to mark as not done here',
];
const YES_TO_WHICH = 'Yes to which question?';

const movedOn = ({ before, after }: Turned): boolean =>
  stepOf(after) !== stepOf(before) || contextOf(after).skipped.length > contextOf(before).skipped.length;

/** The meaning a clinician gives each kind of reply, checked on the workup the turn left. */
type MeaningCheck = (turned: Turned, step: StepId) => boolean;

type Meaning =
  | 'yes'
  | 'no'
  | 'unknown'
  | 'notDone'
  | 'back'
  | 'acknowledged'
  | 'resume'
  | 'help'
  | 'why'
  | 'chartNote'
  | 'edit'
  | 'newWorkup'
  | 'values';

const MEANINGS: Record<Meaning, MeaningCheck> = {
  /** "no", "none": every yes/no question open is answered no; where none is open, nothing asked is done yet. */
  no: (turned: Turned, step: StepId) => {
    const open = yesNoOpen(turned.before, step);
    if (open.length === 0) return MEANINGS.notDone(turned, step);
    return open.every((field) => readPath(turned.after, field) === false);
  },
  /** "yes": answers the one yes/no question open; with several, the bot asks which, changing nothing. */
  yes: (turned: Turned, step: StepId) => {
    const open = yesNoOpen(turned.before, step);
    if (open.length > 1) {
      return turned.said.includes(YES_TO_WHICH) && caseOf(turned.after) === caseOf(turned.before);
    }
    return open.every((field) => readPath(turned.after, field) === true) || MEANINGS.values(turned, step);
  },
  /** "not sure", "I don't know", "skip": the question is left unanswered and the workup goes on. */
  unknown: (turned: Turned) => caseOf(turned.after) === caseOf(turned.before) && movedOn(turned),
  /** "not done yet": the tests asked go on the list to order, or the question is left for now. */
  notDone: (turned: Turned, step: StepId) => {
    const pending: readonly string[] = contextOf(turned.after).pending;
    const tests = openOf(turned.before, step).filter(
      (field) => yesNoOpen(turned.before, step).indexOf(field) < 0,
    );
    return tests.some((field) => pending.includes(field)) || movedOn(turned);
  },
  back: ({ before, after }: Turned) => {
    const from = stepOf(before);
    const to = stepOf(after);
    const order: readonly string[] = QUESTION_STEP_IDS;
    return isQuestionStep(to) && (!isQuestionStep(from) || order.indexOf(to) < order.indexOf(from));
  },
  acknowledged: ({ after }: Turned) => stepOf(after) !== 'urgent',
  resume: ({ after }: Turned) => stepOf(after) !== 'awaitingResults',
  help: ({ said }: Turned) => said.includes('Commands:'),
  why: ({ said }: Turned) => said.length > 0,
  chartNote: ({ said }: Turned) => said.includes('ALP'),
  edit: ({ after }: Turned) => isQuestionStep(stepOf(after)),
  newWorkup: ({ after, said }: Turned) => stepOf(after) === 'alp' || said.includes('start over'),
  /** A typed example: its values are read and kept. */
  values: ({ before, after, said }: Turned) => caseOf(after) !== caseOf(before) && said.includes('I read'),
};

const WORD_MEANINGS: Readonly<Record<string, Meaning>> = {
  yes: 'yes',
  no: 'no',
  none: 'no',
  'none of these': 'no',
  'not sure': 'unknown',
  'not known': 'unknown',
  "i don't know": 'unknown',
  skip: 'unknown',
  'not done yet': 'notDone',
  back: 'back',
  acknowledged: 'acknowledged',
  resume: 'resume',
  help: 'help',
  why: 'why',
  'chart note': 'chartNote',
  'edit alt': 'edit',
  new: 'newWorkup',
  start: 'newWorkup',
};

const meaningOf = (phrase: string): Meaning => WORD_MEANINGS[phrase.toLowerCase()] ?? 'values';

const cases: [StepId, string][] = STEP_IDS.flatMap((step) => {
  const words = isQuestionStep(step) ? CLINICIAN_WORDS : [];
  return [...new Set([...suggestionsAt(step), ...words])].map((phrase): [StepId, string] => [step, phrase]);
});

describe('every suggested answer at every step', () => {
  it('finds suggestions at every step, from what the bot says there', () => {
    for (const step of STEP_IDS)
      expect({ step, suggested: suggestionsAt(step).length > 0 }).toEqual({ step, suggested: true });
  });

  it.each(cases)('at %s, "%s" is accepted with its meaning', (step, phrase) => {
    const turned = send(step, phrase);
    const meaning = meaningOf(phrase);
    const refusals = NOT_UNDERSTOOD(step).filter((refusal) => turned.said.includes(refusal));
    if (step === 'alp' && meaning === 'unknown') {
      // The one answer the workup cannot do without: it says so and stays on the question.
      expect({ phrase, said: turned.said.includes(ALP_NEEDED), step: stepOf(turned.after) }).toEqual({
        phrase,
        said: true,
        step: 'alp',
      });
      return;
    }
    expect({ phrase, meaning, refusals, holds: MEANINGS[meaning](turned, step) }).toEqual({
      phrase,
      meaning,
      refusals: [],
      holds: true,
    });
  });
});

describe('a bare ULN completes the value just asked', () => {
  const play = (texts: readonly string[]): { session: WorkupSession; said: string } => {
    let state: unknown;
    let said = '';
    for (const text of texts) {
      const result = runTurn(state, { text, now: NOW, supportsCardUpdate: false });
      state = result.state;
      said = result.replies.map((reply) => reply.text).join('\n');
    }
    return { session: sessionOf(state), said };
  };

  it('"ULN 2.2" after "ALP 5 µkat/L" is the ALP\'s ULN, and the workup moves on', () => {
    const { session, said } = play(['start', 'ALP 5 µkat/L', 'ULN 2.2']);
    expect(contextOf(session).case.alp).toEqual({ value: 5, unit: 'µkat/L', uln: 2.2 });
    expect(stepOf(session)).toBe('redFlags');
    expect(said).toContain('I read: ALP 5 µkat/L');
  });

  it('a ULN in another unit than the value is refused, naming both, and nothing is lost', () => {
    const { session, said } = play(['start', 'ALP 5 µkat/L', 'ULN 120 U/L']);
    expect(said).toContain('the value is in µkat/L but the ULN in U/L');
    expect(contextOf(session).case.alp).toEqual({ value: 5, unit: 'µkat/L' });
  });

  it('with two values waiting for a ULN it asks which test the ULN is for', () => {
    const { session, said } = play(['start', ALP, NO_RED_FLAGS, 'ALT 35 U/L, AST 30 U/L', 'ULN 40']);
    expect(said).toContain('Which test is that ULN for?');
    expect(contextOf(session).case.alt).toEqual({ value: 35, unit: 'U/L' });
  });
});
