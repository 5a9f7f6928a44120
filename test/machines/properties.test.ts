import fc from 'fast-check';
import { CASE_FIELD_PATHS, checkPartialCase } from '../../src/clinical';
import type { PartialCase } from '../../src/clinical';
import { transition } from 'xstate';
import { advanceWorkup, startWorkup, type AppliedEvent } from '../../machines/apply-event';
import { persistWorkup } from '../../machines/persistence';
import { workupMachine } from '../../machines/workup-machine';
import { applyStored } from './drive';
import { fieldsAnsweredBy, isKnown } from '../../machines/case-fields';
import { STEP_IDS } from '../../machines/steps';
import { WorkupContextSchema } from '../../machines/workup-context';
import type { WorkupEvent } from '../../machines/workup-events';
import {
  ALP_HIGH,
  ALP_NORMAL,
  ALP_RAISED,
  AMA_NEGATIVE,
  BORTEZOMIB_CONTEXT,
  CHOLESTATIC_PANEL,
  GGT_NORMAL,
  GGT_RAISED,
  NORMAL_LIVER_PANEL,
  NO_SYMPTOMS,
  RED_FLAG_ANSWERS,
  ULTRASOUND_DILATED,
  ULTRASOUND_NORMAL,
} from './payloads';

const ANSWERS: PartialCase[] = [
  ALP_RAISED,
  ALP_HIGH,
  ALP_NORMAL,
  { alp: { value: 180 } },
  BORTEZOMIB_CONTEXT,
  NO_SYMPTOMS,
  NORMAL_LIVER_PANEL,
  CHOLESTATIC_PANEL,
  GGT_NORMAL,
  GGT_RAISED,
  { ggt: { value: 45 } },
  ULTRASOUND_NORMAL,
  ULTRASOUND_DILATED,
  AMA_NEGATIVE,
  { history: { renalImpairment: false, amyloidosis: false } },
  ...Object.values(RED_FLAG_ANSWERS),
];

/** Answers the machine must refuse: they are in the alphabet to prove they change nothing. */
const REFUSED_ANSWERS = [
  { alp: { value: -5, unit: 'U/L', uln: 120 } },
  { alt: { value: Number.NaN, uln: 40 } },
  { symptoms: {} },
  { ggt: { value: 30, unit: 'furlongs' } },
] as unknown as PartialCase[];

const eventArbitrary: fc.Arbitrary<WorkupEvent> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(...ANSWERS).map((values): WorkupEvent => ({ type: 'ANSWER', values })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...REFUSED_ANSWERS).map((values): WorkupEvent => ({ type: 'ANSWER', values })),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom<WorkupEvent>(
      { type: 'SKIP' },
      { type: 'NOT_DONE' },
      { type: 'BACK' },
      { type: 'RESUME' },
      { type: 'ACK_RED_FLAG' },
      { type: 'RESTART' },
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .subarray([...CASE_FIELD_PATHS, 'potassium'], { maxLength: 3 })
      .map((fields): WorkupEvent => ({ type: 'NOT_DONE', fields })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...CASE_FIELD_PATHS, 'alp.uln', 'isoenzymes', 'potassium')
      .map((field): WorkupEvent => ({ type: 'EDIT', field })),
  },
);

/** Fields whose value an event may change: only an answer naming them. */
function fieldsChangedBy(event: WorkupEvent): readonly string[] {
  return event.type === 'ANSWER' ? fieldsAnsweredBy(event.values) : [];
}

const valueOf = (values: PartialCase, field: string): unknown =>
  field
    .split('.')
    .reduce<unknown>((current, key) => (current as Record<string, unknown> | undefined)?.[key], values);

describe('any sequence of events', () => {
  it('never throws, keeps the context valid and never loses an answer except by answering it again or restarting', () => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { maxLength: 20 }), (events) => {
        let turn: AppliedEvent | undefined;
        for (const event of events) {
          const before = turn;
          turn = applyStored(before?.persisted, event);
          const { context } = turn.snapshot;

          expect(STEP_IDS).toContain(turn.snapshot.value);
          expect(WorkupContextSchema.safeParse(context).success).toBe(true);
          expect(checkPartialCase(context.case).ok).toBe(true);
          expect(context.pending.filter((field) => isKnown(context.case, field))).toEqual([]);

          const previous = before?.snapshot.context;
          if (previous === undefined) continue;
          expect(context.revision - previous.revision).toBe(turn.changed ? 1 : 0);
          if (event.type === 'RESTART') continue;
          const changeable = fieldsChangedBy(event);
          for (const field of CASE_FIELD_PATHS) {
            if (!isKnown(previous.case, field) || changeable.includes(field)) continue;
            expect([field, valueOf(context.case, field)]).toEqual([field, valueOf(previous.case, field)]);
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('advances exactly as the transition() of XState does, on one reused inert scope', () => {
    fc.assert(
      fc.property(fc.array(eventArbitrary, { maxLength: 20 }), (events) => {
        let snapshot = startWorkup();
        for (const event of events) {
          const ours = advanceWorkup(snapshot, event);
          const [theirs] = transition(workupMachine, snapshot, event);
          expect(persistWorkup(ours.snapshot)).toEqual(persistWorkup(theirs));
          expect(ours.snapshot.status).toBe(theirs.status);
          snapshot = ours.snapshot;
        }
      }),
      { numRuns: 80 },
    );
  });
});
