import { initialTransition, transition } from 'xstate';
import type { PartialCase } from '../../src/clinical';
import { advanceWorkup, startWorkup, type AppliedEvent } from '../../machines/apply-event';
import { restoreWorkup, type PersistedWorkup, type WorkupSnapshot } from '../../machines/persistence';
import type { StepId } from '../../machines/steps';
import type { AnswerEvent, WorkupEvent } from '../../machines/workup-events';
import { workupMachine } from '../../machines/workup-machine';
import {
  ALP_RAISED,
  BORTEZOMIB_CONTEXT,
  GGT_NORMAL,
  GGT_RAISED,
  NORMAL_LIVER_PANEL,
  NO_INFLAMMATION,
  NO_SYMPTOMS,
  RED_FLAG_ANSWERS,
  ULTRASOUND_NORMAL,
} from './payloads';

export const answer = (values: PartialCase): AnswerEvent => ({ type: 'ANSWER', values });

export function start(): WorkupSnapshot {
  return initialTransition(workupMachine)[0];
}

export function send(snapshot: WorkupSnapshot, ...events: readonly WorkupEvent[]): WorkupSnapshot {
  return events.reduce((current, event) => transition(workupMachine, current, event)[0], snapshot);
}

const TO_ORIGIN: WorkupEvent[] = [
  answer(ALP_RAISED),
  answer(NO_SYMPTOMS),
  answer(NORMAL_LIVER_PANEL),
  answer(BORTEZOMIB_CONTEXT),
];

/** A way to every step: the bone branch of example A, its hepatic variant, a red flag, a pause. */
export const ROUTE_TO: Readonly<Record<StepId, readonly WorkupEvent[]>> = {
  alp: [],
  redFlags: [answer(ALP_RAISED)],
  liverPanel: [answer(ALP_RAISED), answer(NO_SYMPTOMS)],
  context: [answer(ALP_RAISED), answer(NO_SYMPTOMS), answer(NORMAL_LIVER_PANEL)],
  origin: TO_ORIGIN,
  bone: [...TO_ORIGIN, answer(GGT_NORMAL)],
  assessment: [...TO_ORIGIN, answer(GGT_NORMAL), answer({ history: { renalImpairment: false } })],
  hepaticImaging: [...TO_ORIGIN, answer(GGT_RAISED), answer(NO_INFLAMMATION)],
  hepaticAma: [...TO_ORIGIN, answer(GGT_RAISED), answer(NO_INFLAMMATION), answer(ULTRASOUND_NORMAL)],
  urgent: [answer(ALP_RAISED), answer(RED_FLAG_ANSWERS.hysLaw ?? {})],
  awaitingResults: [...TO_ORIGIN, answer(GGT_RAISED), answer(NO_INFLAMMATION), { type: 'NOT_DONE' }],
};

export function reach(step: StepId): WorkupSnapshot {
  return send(start(), ...ROUTE_TO[step]);
}

/** One turn as the conversation takes it: restore what was stored (or start a workup), then advance it. */
export function applyStored(persisted: PersistedWorkup | undefined, event: WorkupEvent): AppliedEvent {
  if (persisted === undefined) return advanceWorkup(startWorkup(), event);
  const restored = restoreWorkup(persisted);
  if (!restored.ok) throw new Error(`The stored workup was not restored: ${restored.reason}`);
  return advanceWorkup(restored.snapshot, event);
}
