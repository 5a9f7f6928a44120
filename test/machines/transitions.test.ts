import { initialTransition } from 'xstate';
import type { PartialCase } from '../../src/clinical';
import { isKnown, isTestField } from '../../machines/case-fields';
import { currentStep } from '../../machines/current-step';
import { neededFields, nextQuestion } from '../../machines/workup-progress';
import type { WorkupSnapshot } from '../../machines/persistence';
import { isQuestionStep, QUESTION_STEP_IDS, STEP_IDS, type StepId } from '../../machines/steps';
import type { WorkupEvent } from '../../machines/workup-events';
import { workupMachine } from '../../machines/workup-machine';
import { answer, reach, send, start } from './drive';
import {
  ALP_HIGH,
  ALP_NORMAL,
  ALP_RAISED,
  AMA_NEGATIVE,
  BORTEZOMIB_CONTEXT,
  CHOLESTATIC_PANEL,
  FULL_BONE_REPORT,
  GGT_NORMAL,
  GGT_RAISED,
  NO_INFLAMMATION,
  NO_SYMPTOMS,
  NORMAL_LIVER_PANEL,
  RED_FLAG_ANSWERS,
  ULTRASOUND_DILATED,
  ULTRASOUND_NORMAL,
} from './payloads';

const redFlag = (name: string) => answer(RED_FLAG_ANSWERS[name] ?? {});

/** The event changed nothing: same state, same context (revision included). */
function expectIgnored(before: WorkupSnapshot, event: WorkupEvent): void {
  const after = send(before, event);
  expect(after.value).toBe(before.value);
  expect(after.context).toEqual(before.context);
}

describe('the start', () => {
  it('begins at the ALP question with an empty case', () => {
    const [snapshot] = initialTransition(workupMachine);
    expect(currentStep(snapshot)).toBe('alp');
    expect(snapshot.context).toEqual({
      case: {},
      answered: [],
      skipped: [],
      pending: [],
      asked: [],
      acknowledgedRedFlags: [],
      reviewing: false,
      revision: 0,
    });
  });

  it.each(STEP_IDS)('reaches %s', (step) => {
    expect(currentStep(reach(step))).toBe(step);
  });
});

describe.each(STEP_IDS)('at %s', (step) => {
  const before = reach(step);

  it('RESTART empties the case and returns to ALP, with a new revision', () => {
    const after = send(before, { type: 'RESTART' });
    expect(currentStep(after)).toBe('alp');
    expect(after.context.case).toEqual({});
    expect(after.context.answered).toEqual([]);
    expect(after.context.revision).toBe(before.context.revision + 1);
  });

  it('EDIT goes to the question asking the field, answers kept', () => {
    const after = send(before, { type: 'EDIT', field: 'ggt' });
    expect(currentStep(after)).toBe('origin');
    expect(after.context.case).toEqual(before.context.case);
    expect(after.context.revision).toBe(before.context.revision + 1);
  });

  it('EDIT of a field no question asks changes nothing', () => {
    expectIgnored(before, { type: 'EDIT', field: 'potassium' });
  });

  it('an invalid answer changes nothing', () => {
    expectIgnored(before, answer({ alt: { value: -5, unit: 'U/L', uln: 40 } }));
  });

  it('an empty answer changes nothing', () => {
    expectIgnored(before, answer({ symptoms: {} }));
  });

  if (step !== 'urgent') {
    it('ACK_RED_FLAG changes nothing without a red flag on screen', () => {
      expectIgnored(before, { type: 'ACK_RED_FLAG' });
    });
  }

  if (step !== 'awaitingResults') {
    it('RESUME changes nothing unless the workup is parked', () => {
      expectIgnored(before, { type: 'RESUME' });
    });
  }

  if (!isQuestionStep(step)) {
    it('SKIP and NOT_DONE change nothing outside a question', () => {
      expectIgnored(before, { type: 'SKIP' });
      expectIgnored(before, { type: 'NOT_DONE' });
    });
  }
});

describe('BACK', () => {
  const PREVIOUS: ReadonlyArray<[StepId, StepId]> = [
    ['redFlags', 'alp'],
    ['liverPanel', 'redFlags'],
    ['context', 'liverPanel'],
    ['origin', 'context'],
    ['bone', 'origin'],
    ['assessment', 'bone'],
    ['hepaticImaging', 'redFlags'],
    ['hepaticAma', 'hepaticImaging'],
    ['awaitingResults', 'hepaticImaging'],
    ['urgent', 'alp'],
  ];

  it.each(PREVIOUS)('from %s returns to %s with the answers kept', (step, previous) => {
    const before = reach(step);
    const after = send(before, { type: 'BACK' });
    expect(currentStep(after)).toBe(previous);
    expect(after.context.case).toEqual(before.context.case);
    expect(after.context.answered).not.toContain(previous);
  });

  it('changes nothing at the first question', () => {
    expectIgnored(reach('alp'), { type: 'BACK' });
  });

  it('walks back question by question and forward again with the same answers', () => {
    const atBone = reach('bone');
    const backAtContext = send(atBone, { type: 'BACK' }, { type: 'BACK' });
    expect(currentStep(backAtContext)).toBe('context');
    const forward = send(backAtContext, answer({ history: { fasting: true } }), answer(GGT_NORMAL));
    expect(currentStep(forward)).toBe('bone');
    expect(forward.context.case).toEqual(atBone.context.case);
  });
});

describe('ANSWER', () => {
  it('records the answer, marks the question gone through and moves to the next needed one', () => {
    const after = send(start(), answer(ALP_RAISED));
    expect(currentStep(after)).toBe('redFlags');
    expect(after.context.case).toEqual(ALP_RAISED);
    expect(after.context.answered).toEqual(['alp']);
    expect(after.context.revision).toBe(1);
  });

  it('follows the bone branch: red flags, liver panel, context, origin, bone, assessment', () => {
    const steps = [
      answer(ALP_RAISED),
      answer(NO_SYMPTOMS),
      answer({
        alt: { value: 25, unit: 'U/L', uln: 40 },
        ast: { value: 22, unit: 'U/L', uln: 40 },
        bilirubinTotal: { value: 0.6, unit: 'mg/dL', uln: 1.2 },
        calcium: { value: 9.4, unit: 'mg/dL', uln: 10.5 },
        albumin: { value: 4.0, unit: 'g/dL' },
      }),
      answer(BORTEZOMIB_CONTEXT),
      answer(GGT_NORMAL),
      answer({ history: { renalImpairment: false } }),
    ];
    const visited = steps.reduce<WorkupSnapshot[]>(
      (trail, event) => [...trail, send(trail.at(-1) ?? start(), event)],
      [],
    );
    expect(visited.map(currentStep)).toEqual([
      'redFlags',
      'liverPanel',
      'context',
      'origin',
      'bone',
      'assessment',
    ]);
  });

  it('follows the hepatic branch: a raised GGT leads to the ultrasound, a normal one to AMA', () => {
    const atRedFlagLabs = send(reach('origin'), answer(GGT_RAISED));
    // GGT above 1.5x ULN meets TG18 criterion B: the inflammation values (A) are asked next.
    expect(currentStep(atRedFlagLabs)).toBe('redFlags');
    const atImaging = send(atRedFlagLabs, answer(NO_INFLAMMATION));
    expect(currentStep(atImaging)).toBe('hepaticImaging');
    expect(currentStep(send(atImaging, answer(ULTRASOUND_NORMAL)))).toBe('hepaticAma');
    expect(currentStep(send(atImaging, answer(ULTRASOUND_NORMAL), answer(AMA_NEGATIVE)))).toBe('assessment');
  });

  it('asks no AMA when the ultrasound shows dilated ducts', () => {
    const after = send(reach('hepaticImaging'), answer(ULTRASOUND_DILATED));
    expect(currentStep(after)).toBe('assessment');
  });

  it('skips every question a pasted report already answered', () => {
    const report = {
      ...FULL_BONE_REPORT,
      albumin: { value: 4.0, unit: 'g/dL' as const },
      history: { ...FULL_BONE_REPORT.history, renalImpairment: false },
    };
    const after = send(start(), answer(report));
    expect(currentStep(after)).toBe('assessment');
    expect(after.context.answered).toEqual(['alp']);
  });

  it('keeps a value for another question but asks the one on screen again', () => {
    const before = reach('liverPanel');
    const after = send(before, answer(GGT_NORMAL));
    expect(currentStep(after)).toBe('liverPanel');
    expect(after.context.case.ggt).toEqual(GGT_NORMAL.ggt);
    expect(after.context.answered).toEqual(before.context.answered);
    expect(after.context.revision).toBe(before.context.revision + 1);
  });

  it('stays at ALP while ALP itself is unknown', () => {
    const after = send(start(), answer({ alt: { value: 25, unit: 'U/L', uln: 40 } }));
    expect(currentStep(after)).toBe('alp');
    expect(after.context.case.alt).toEqual({ value: 25, unit: 'U/L', uln: 40 });
  });

  it('asks for the lab ULN when ALP arrives without one', () => {
    const pasted = send(reach('liverPanel'), { type: 'EDIT', field: 'alp' }, answer({ alp: { value: 180 } }));
    expect(currentStep(pasted)).toBe('alp');
    const fresh = send(start(), answer({ ggt: { value: 30, uln: 60 }, alp: { value: 180 } }));
    expect(currentStep(fresh)).toBe('alp');
  });

  it('at the assessment, records the new value and shows the assessment again', () => {
    const before = reach('assessment');
    const after = send(before, answer({ alt: { value: 30, unit: 'U/L', uln: 40 } }));
    expect(currentStep(after)).toBe('assessment');
    expect(after.context.case.alt).toEqual({ value: 30, unit: 'U/L', uln: 40 });
  });

  it('in awaiting results, continues the workup from the result', () => {
    const after = send(reach('awaitingResults'), answer(ULTRASOUND_NORMAL));
    expect(currentStep(after)).toBe('hepaticAma');
    expect(after.context.pending).toEqual([]);
  });

  it('leaves the ALP question for the red-flag screen when ALP is normal and nothing else matters', () => {
    const after = send(start(), answer(ALP_NORMAL));
    expect(currentStep(after)).not.toBe('alp');
    expect(after.context.answered).toEqual(['alp']);
  });
});

describe('branches', () => {
  const visited = (answers: PartialCase[]): StepId[] => {
    let snapshot = start();
    const steps: StepId[] = [];
    for (const values of answers) {
      snapshot = send(snapshot, answer(values));
      steps.push(currentStep(snapshot));
    }
    for (let guard = 0; guard < 12 && isQuestionStep(currentStep(snapshot)); guard += 1) {
      snapshot = send(snapshot, { type: 'SKIP' });
      steps.push(currentStep(snapshot));
    }
    return steps;
  };

  it('asks no bone questions once the origin is hepatic', () => {
    const steps = visited([ALP_HIGH, NO_SYMPTOMS, CHOLESTATIC_PANEL, GGT_RAISED, ULTRASOUND_DILATED]);
    expect(steps).not.toContain('bone');
    expect(steps).not.toContain('hepaticAma');
    expect(steps.at(-1)).toBe('assessment');
  });

  it('asks AMA and infiltration only after an ultrasound without obstruction', () => {
    const steps = visited([ALP_HIGH, NO_SYMPTOMS, CHOLESTATIC_PANEL, GGT_RAISED]);
    expect(steps.indexOf('hepaticImaging')).toBeGreaterThanOrEqual(0);
    expect(steps.slice(0, steps.indexOf('hepaticImaging'))).not.toContain('hepaticAma');
    expect(visited([ALP_HIGH, NO_SYMPTOMS, CHOLESTATIC_PANEL, GGT_RAISED, ULTRASOUND_NORMAL])).toContain(
      'hepaticAma',
    );
  });

  it('asks no liver imaging once the origin is bone', () => {
    const steps = visited([ALP_RAISED, BORTEZOMIB_CONTEXT, NO_SYMPTOMS, NORMAL_LIVER_PANEL, GGT_NORMAL]);
    expect(steps).not.toContain('hepaticImaging');
    expect(steps).not.toContain('hepaticAma');
    expect(steps.at(-1)).toBe('assessment');
  });
});

describe('red flags', () => {
  it.each(Object.keys(RED_FLAG_ANSWERS))(
    '%s interrupts at once and ACK continues where the workup was going',
    (name) => {
      const atContext = reach('context');
      const interrupted = send(atContext, redFlag(name));
      expect(currentStep(interrupted)).toBe('urgent');
      const acknowledged = send(interrupted, { type: 'ACK_RED_FLAG' });
      expect(acknowledged.context.acknowledgedRedFlags.length).toBeGreaterThan(0);
      // The red-flag screen and the liver panel were gone through: the workup goes on from the
      // context, unless the flag's own values made an inflammation value needed (asked next).
      expect(['context', 'redFlags', 'liverPanel']).toContain(currentStep(acknowledged));
    },
  );

  it('asks the red-flag screen before the treatment context, whatever the liver tests', () => {
    const combined = send(
      start(),
      answer({
        alp: { value: 300, unit: 'U/L', uln: 120 },
        alt: { value: 30, unit: 'U/L', uln: 40 },
        ast: { value: 35, unit: 'U/L', uln: 40 },
        bilirubinTotal: { value: 1.75, unit: 'mg/dL', uln: 1.2 },
      }),
    );
    expect(currentStep(combined)).toBe('redFlags');
    expect(currentStep(send(start(), answer(ALP_RAISED)))).toBe('redFlags');
  });

  it('interrupts again for a new red flag, but not for one already acknowledged', () => {
    const acknowledged = send(reach('urgent'), { type: 'ACK_RED_FLAG' });
    expect(currentStep(send(acknowledged, answer({ history: { ageYears: 70 } })))).toBe('redFlags');
    expect(currentStep(send(acknowledged, redFlag('hypercalcaemia')))).toBe('urgent');
  });

  it('interrupts the assessment and returns to it after the acknowledgment', () => {
    const interrupted = send(reach('assessment'), redFlag('cordCompression'));
    expect(currentStep(interrupted)).toBe('urgent');
    expect(currentStep(send(interrupted, { type: 'ACK_RED_FLAG' }))).toBe('assessment');
  });

  it('leaves the urgent state when a corrected value removes the red flag', () => {
    const corrected = send(
      reach('urgent'),
      answer({ alt: { value: 20, unit: 'U/L', uln: 40 }, ast: { value: 22, unit: 'U/L', uln: 40 } }),
    );
    expect(currentStep(corrected)).toBe('redFlags');
    expect(corrected.context.acknowledgedRedFlags).toEqual([]);
  });

  it('goes through the urgent state before the assessment when a pasted report raises one', () => {
    const report = { ...FULL_BONE_REPORT, ...RED_FLAG_ANSWERS.hypercalcaemia };
    expect(currentStep(send(start(), answer(report)))).toBe('urgent');
  });
});

describe('SKIP', () => {
  it('moves on and never asks the skipped fields again', () => {
    const after = send(reach('context'), { type: 'SKIP' });
    expect(currentStep(after)).toBe('origin');
    expect(after.context.skipped).toEqual(expect.arrayContaining(['therapy.agent', 'history.fasting']));
    expect(after.context.answered).toEqual(['alp', 'redFlags', 'liverPanel', 'context']);
  });

  it('cannot skip ALP itself', () => {
    expectIgnored(start(), { type: 'SKIP' });
  });

  it('skips an origin question and later asks the next one the case needs', () => {
    const cholestatic = send(start(), answer(ALP_HIGH), answer(NO_SYMPTOMS), answer(CHOLESTATIC_PANEL));
    // The raised bilirubin makes the INR decide a red flag: it is asked next, before the context.
    expect(currentStep(cholestatic)).toBe('liverPanel');
    expect(neededFields(cholestatic.context, 'liverPanel')).toContain('inr');
    const atContext = send(cholestatic, answer({ inr: 1.0 }));
    expect(currentStep(atContext)).toBe('context');
    const atOrigin = send(atContext, { type: 'SKIP' });
    expect(currentStep(atOrigin)).toBe('origin');
    const skipped = send(atOrigin, { type: 'SKIP' });
    expect(skipped.context.skipped).toContain('ggt');
    expect(currentStep(skipped)).not.toBe('origin');
  });
});

describe('NOT_DONE', () => {
  it('parks the workup for a test it needs and lists it', () => {
    const after = send(reach('hepaticImaging'), { type: 'NOT_DONE' });
    expect(currentStep(after)).toBe('awaitingResults');
    expect(after.context.pending).toEqual(['imaging.ultrasound']);
  });

  it('parks for the named tests only', () => {
    const after = send(reach('origin'), { type: 'NOT_DONE', fields: ['ggt'] });
    expect(currentStep(after)).toBe('awaitingResults');
    expect(after.context.pending).toEqual(['ggt']);
  });

  it('just moves on for items that are not tests', () => {
    const after = send(reach('context'), { type: 'NOT_DONE' });
    expect(currentStep(after)).toBe('origin');
    expect(after.context.pending).toEqual([]);
    expect(after.context.skipped).toContain('history.fasting');
  });

  it('parks for ALP itself and does not resume without it', () => {
    const parked = send(start(), { type: 'NOT_DONE' });
    expect(currentStep(parked)).toBe('awaitingResults');
    expect(parked.context.pending).toEqual(['alp']);
    expectIgnored(parked, { type: 'RESUME' });
    expect(currentStep(send(parked, answer(ALP_RAISED)))).toBe('redFlags');
  });

  it('RESUME continues without the pending test, which stays listed', () => {
    const resumed = send(reach('awaitingResults'), { type: 'RESUME' });
    expect(currentStep(resumed)).toBe('assessment');
    expect(resumed.context.pending).toEqual(['imaging.ultrasound']);
  });
});

describe('EDIT', () => {
  it('from the assessment, returns to the assessment after the answer', () => {
    const editing = send(reach('assessment'), { type: 'EDIT', field: 'ggt' });
    expect(currentStep(editing)).toBe('origin');
    const edited = send(editing, answer({ ggt: { value: 45, unit: 'U/L', uln: 60 } }));
    expect(currentStep(edited)).toBe('assessment');
    expect(edited.context.case.ggt).toEqual({ value: 45, unit: 'U/L', uln: 60 });
  });

  it('mid-workup, continues where the workup was going', () => {
    const edited = send(
      reach('liverPanel'),
      { type: 'EDIT', field: 'alp' },
      answer({ alp: { value: 170, unit: 'U/L', uln: 120 } }),
    );
    expect(currentStep(edited)).toBe('liverPanel');
    expect(isKnown(edited.context.case, 'alpBaseline')).toBe(true);
  });
});

describe('a lab without its ULN', () => {
  it('is asked again until the ULN comes or the clinician skips it', () => {
    const withoutUln = send(start(), answer({ alp: { value: 180, unit: 'U/L' } }));
    expect(currentStep(withoutUln)).toBe('alp');
    expect(currentStep(send(withoutUln, answer({ alp: { value: 180, unit: 'U/L', uln: 120 } })))).toBe(
      'redFlags',
    );
    const skipped = send(withoutUln, { type: 'SKIP' });
    expect(currentStep(skipped)).toBe('redFlags');
    expect(skipped.context.skipped).toContain('alp');
  });

  it('is not parked as a test to order by "not done yet"', () => {
    const withoutUln = send(reach('origin'), answer({ ggt: { value: 30, unit: 'U/L' } }));
    expect(currentStep(withoutUln)).toBe('origin');
    const after = send(withoutUln, { type: 'NOT_DONE', fields: ['ggt'] });
    expect(after.context.pending).toEqual([]);
    expect(after.context.skipped).toContain('ggt');
    expect(currentStep(after)).not.toBe('origin');
  });
});

describe.each(QUESTION_STEP_IDS.filter((step) => step !== 'alp'))('leaving %s without an answer', (step) => {
  const before = reach(step);

  it('SKIP goes on to another step and marks the question gone through', () => {
    const after = send(before, { type: 'SKIP' });
    expect(currentStep(after)).not.toBe(step);
    expect(after.context.answered.at(-1)).toBe(step);
    expect(after.context.revision).toBe(before.context.revision + 1);
  });

  it('NOT_DONE records the tests to order and parks only when nothing else can be asked meanwhile', () => {
    const after = send(before, { type: 'NOT_DONE' });
    expect(after.context.answered.at(-1)).toBe(step);
    expect(after.context.pending.filter((field) => !isTestField(field))).toEqual([]);
    const meanwhile = nextQuestion(after.context);
    if (currentStep(after) === 'awaitingResults') {
      expect(after.context.pending.length).toBeGreaterThan(0);
      expect(meanwhile).toBeUndefined();
    } else {
      expect(currentStep(after)).toBe(meanwhile ?? 'assessment');
    }
  });
});

describe('pregnancy (decision 12) and values a rule comes to need', () => {
  const atContext = () => reach('context');

  it('holds pregnancy back while the sex and the age are still to be asked', () => {
    expect(neededFields(atContext().context, 'context')).toEqual(
      expect.arrayContaining(['history.sex', 'history.ageYears']),
    );
    expect(neededFields(atContext().context, 'context')).not.toContain('history.pregnant');
  });

  it('never asks a man or a 68-year-old whether they are pregnant', () => {
    for (const history of [
      { sex: 'male' as const, ageYears: 40 },
      { sex: 'female' as const, ageYears: 68 },
    ]) {
      const after = send(atContext(), answer({ therapy: { agent: 'none' }, history }));
      expect(currentStep(after)).not.toBe('context');
      expect(after.context.case.history?.pregnant).toBeUndefined();
    }
  });

  it('asks a woman of 30 about pregnancy next, then the trimester next', () => {
    const woman = send(
      atContext(),
      answer({ therapy: { agent: 'none' }, history: { sex: 'female', ageYears: 30 } }),
    );
    expect(currentStep(woman)).toBe('context');
    expect(neededFields(woman.context, 'context')).toContain('history.pregnant');
    const pregnant = send(woman, answer({ history: { pregnant: true } }));
    expect(currentStep(pregnant)).toBe('context');
    expect(neededFields(pregnant.context, 'context')).toContain('history.pregnancyTrimester');
    expect(currentStep(send(pregnant, answer({ history: { pregnancyTrimester: 2 } })))).not.toBe('context');
  });

  it('asks the INR next once a raised bilirubin makes it decide a red flag', () => {
    const raised = send(
      start(),
      answer(ALP_RAISED),
      answer(NO_SYMPTOMS),
      answer({
        alt: { value: 25, unit: 'U/L', uln: 40 },
        ast: { value: 22, unit: 'U/L', uln: 40 },
        bilirubinTotal: { value: 1.5, unit: 'mg/dL', uln: 1.2 },
        calcium: { value: 9.4, unit: 'mg/dL', uln: 10.5 },
        albumin: { value: 4.0, unit: 'g/dL' },
      }),
    );
    expect(currentStep(raised)).toBe('liverPanel');
    expect(neededFields(raised.context, 'liverPanel')).toContain('inr');
  });
});
