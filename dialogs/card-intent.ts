import type { PartialCase } from '../src/clinical';
import type { StepId } from '../machines';
import {
  cardSubmitToValues,
  CONFIRM_STEP,
  parseCardSubmit,
  RESUME_STEP,
  type CardAction,
  type CardSubmit,
} from './cards/card-submit';
import { isLabField } from './presentation/lab-text';
import type { EchoReading } from './presentation/readings-echo';
import type { CommandName } from './text';
import type { TurnIntent } from './turn-intent';

/** Buttons that only show something: they work from any card, however old. */
const READ_ONLY_ACTIONS: Partial<Record<CardAction, CommandName>> = {
  why: 'why',
  chartNote: 'chart-note',
  summary: 'summary',
  help: 'help',
};

/** Buttons that change the workup: honoured only from the card of the current step and revision. */
const CHANGING_ACTIONS: Partial<Record<CardAction, CommandName>> = {
  notDone: 'not-done',
  back: 'back',
  ack: 'acknowledged',
  edit: 'edit',
  new: 'start',
  resume: 'resume',
};

/**
 * Where the workup is; a "resume or start over" card counts as the current step while it is open,
 * and a confirmation card while its confirmation (numbered) is the one asked.
 */
export interface CardPosition {
  step: StepId;
  revision: number;
  offerOpen: boolean;
  confirmation?: number;
}

/** The lab values of a card answer, echoed like typed ones. */
const labReadings = (values: PartialCase): EchoReading[] =>
  Object.entries(values).flatMap(([field, lab]) => {
    if (!isLabField(field) || typeof lab !== 'object' || lab === null) return [];
    const { value, unit, uln } = lab as { value: number; unit?: string; uln?: number };
    return [{ field, value, ...(unit === undefined ? {} : { unit }), ...(uln === undefined ? {} : { uln }) }];
  });

const isCurrent = (submit: CardSubmit, position: CardPosition): boolean =>
  submit.step === CONFIRM_STEP
    ? submit.revision === position.confirmation
    : submit.revision === position.revision &&
      (submit.step === position.step || (position.offerOpen && submit.step === RESUME_STEP));

/**
 * Reads a card submit against where the workup is. `position` is undefined when there is no
 * workup: then only "start" and the read-only buttons mean anything.
 */
export function cardIntent(value: unknown, position: CardPosition | undefined): TurnIntent {
  const parsed = parseCardSubmit(value);
  if (!parsed.ok) return { kind: 'unrecognised', hint: parsed.problem };
  const submit = parsed.submit;
  if (submit.action === 'start') return { kind: 'command', command: 'start', fromCard: submit };
  const readOnly = READ_ONLY_ACTIONS[submit.action];
  if (readOnly) return { kind: 'command', command: readOnly, fromCard: submit };
  if (position === undefined || !isCurrent(submit, position)) return { kind: 'stale', submit };
  if (submit.action === 'confirm' || submit.action === 'keep') {
    return { kind: 'confirmation', confirmed: submit.action === 'confirm', fromCard: submit };
  }
  const changing = CHANGING_ACTIONS[submit.action];
  if (changing) {
    return {
      kind: 'command',
      command: changing,
      fromCard: submit,
      ...(submit.field === undefined ? {} : { field: submit.field }),
    };
  }
  const { values, problems } = cardSubmitToValues(submit);
  if (problems.length > 0) return { kind: 'problems', problems };
  return { kind: 'answer', values, readings: labReadings(values), answers: [], fromCard: submit };
}
