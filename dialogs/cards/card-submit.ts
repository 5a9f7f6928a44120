import { z } from 'zod';
import { PartialCaseSchema, SYMPTOMS, setValueAt, type PartialCase, type Problem } from '../../src/clinical';
import { STEP_IDS } from '../../machines';
import { fieldInputFor, type FieldInput, type LabInput } from './field-inputs';
import { quotedInput } from '../presentation/quoted-input';

/**
 * The data every Action.Submit on our cards carries. Teams and Web Chat merge it with the card's
 * inputs into `activity.value`; inputs arrive as strings (numbers too), keyed by case path.
 * `step` and `revision` let the runner ignore a click on an old card or a double click.
 */

export const CARD_ACTIONS = [
  'start',
  'resume',
  'new',
  'next',
  'notDone',
  'back',
  'none',
  'ack',
  'why',
  'edit',
  'chartNote',
  'summary',
  'help',
  'confirm',
  'keep',
] as const;
export type CardAction = (typeof CARD_ACTIONS)[number];

/** The welcome, the resume offer and the confirmations: cards outside the workup machine's steps. */
export const WELCOME_STEP = 'welcome';
export const RESUME_STEP = 'resume';
/** A confirmation card's `revision` is the session's confirmation number, not the workup's revision. */
export const CONFIRM_STEP = 'confirm';

/** The steps a card can belong to: the workup machine's, and the session's own cards. */
export const CARD_STEPS = [...STEP_IDS, WELCOME_STEP, RESUME_STEP, CONFIRM_STEP] as const;
export type CardStep = (typeof CARD_STEPS)[number];

/** Marks a submit as ours: other bots' or Teams' own card payloads share `activity.value`. */
export const CARD_SUBMIT_MARKER = 'alpWorkup';

/** The choice-set id on the "Edit an answer" card; its value is the case path to edit. */
export const EDIT_FIELD_INPUT = 'editField';

const revisionSchema = z.union([
  z.number().int().min(0),
  z
    .string()
    .regex(/^\d+$/)
    .transform((digits) => Number(digits)),
]);

export const CardSubmitDataSchema = z.object({
  [CARD_SUBMIT_MARKER]: z.literal(1),
  step: z.enum(CARD_STEPS),
  revision: revisionSchema,
  action: z.enum(CARD_ACTIONS),
  field: z.string().min(1).optional(),
});
export type CardSubmitData = z.input<typeof CardSubmitDataSchema>;

export interface CardSubmit {
  step: CardStep;
  revision: number;
  action: CardAction;
  /** The case path a button or the edit picker refers to. */
  field?: string;
  /** The card's inputs as sent, blank ones included (a blank input means "not given"). */
  inputs: Record<string, string>;
}

export type CardSubmitParse = { ok: true; submit: CardSubmit } | { ok: false; problem: string };

/** The submit data for a button: put on every Action.Submit so a click is always attributable. */
export const submitData = (
  step: CardStep,
  revision: number,
  action: CardAction,
  field?: string,
): CardSubmitData => ({
  [CARD_SUBMIT_MARKER]: 1,
  step,
  revision,
  action,
  ...(field === undefined ? {} : { field }),
});

export const parseCardSubmit = (value: unknown): CardSubmitParse => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: 'The submitted card data is not an object.' };
  }
  const parsed = CardSubmitDataSchema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join('.') || 'data').join(', ');
    return { ok: false, problem: `This is not a card from this workup (check: ${where}).` };
  }
  const contractKeys = new Set(Object.keys(CardSubmitDataSchema.shape));
  const inputs: Record<string, string> = {};
  for (const [key, raw] of Object.entries(value)) {
    if (contractKeys.has(key)) continue;
    if (typeof raw === 'string') inputs[key] = raw;
    else if (typeof raw === 'number' || typeof raw === 'boolean') inputs[key] = String(raw);
  }
  const { step, revision, action } = parsed.data;
  const field = parsed.data.field ?? nonBlank(inputs[EDIT_FIELD_INPUT]);
  return { ok: true, submit: { step, revision, action, ...(field === undefined ? {} : { field }), inputs } };
};

const nonBlank = (text: string | undefined): string | undefined => {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
};

const NUMBER_PATTERN = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/** Teams sends what the user typed; accept a decimal comma, refuse anything that is not a plain number. */
const readNumber = (raw: string): number | undefined => {
  const text = raw.trim();
  return NUMBER_PATTERN.test(text) ? Number(text.replace(',', '.')) : undefined;
};

interface Reader {
  set(path: string, value: unknown): void;
  problem(field: string, message: string): void;
}

const readLab = (input: LabInput, inputs: Record<string, string>, read: Reader): void => {
  const rawValue = nonBlank(inputs[`${input.path}.value`]);
  const rawUln = input.hasUln ? nonBlank(inputs[`${input.path}.uln`]) : undefined;
  if (rawValue === undefined) {
    if (rawUln !== undefined) {
      read.problem(
        input.path,
        `${input.label}: the ULN is filled in but the value is empty. Enter the value too.`,
      );
    }
    return;
  }
  const value = readNumber(rawValue);
  if (value === undefined) {
    read.problem(
      input.path,
      `${input.label} must be a number, for example 180 (got ${quotedInput(rawValue)}).`,
    );
    return;
  }
  read.set(`${input.path}.value`, value);
  const unitSource = input.unitFrom ?? input.path;
  const unit = nonBlank(inputs[`${unitSource}.unit`]);
  if (unit !== undefined) {
    const accepted = fieldInputFor(unitSource);
    if (accepted?.kind === 'lab' && !accepted.units.includes(unit)) {
      read.problem(
        input.path,
        `${input.label}: unit ${quotedInput(unit)} is not accepted; use ${accepted.units.join(' or ')}.`,
      );
      return;
    }
    read.set(`${input.path}.unit`, unit);
  }
  if (rawUln === undefined) return;
  const uln = readNumber(rawUln);
  if (uln === undefined) {
    read.problem(
      input.path,
      `${input.label}: the ULN must be a number, for example 120 (got ${quotedInput(rawUln)}).`,
    );
    return;
  }
  read.set(`${input.path}.uln`, uln);
};

const readSymptoms = (submit: CardSubmit, read: Reader): void => {
  const raw = submit.inputs['symptoms'];
  if (submit.action === 'none') {
    for (const symptom of SYMPTOMS) read.set(`symptoms.${symptom}`, false);
    return;
  }
  if (raw === undefined || submit.action !== 'next') return;
  const ticked = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
  const unknown = ticked.filter((symptom) => !(SYMPTOMS as readonly string[]).includes(symptom));
  if (unknown.length > 0) {
    read.problem(
      'symptoms',
      `Unknown symptom ${quotedInput(unknown.join(', '))}; choose from the list on the card.`,
    );
    return;
  }
  // The clinician went through the whole list: an unticked box is an answer ("no"), not a gap.
  for (const symptom of SYMPTOMS) read.set(`symptoms.${symptom}`, ticked.includes(symptom));
};

const readField = (input: FieldInput, submit: CardSubmit, read: Reader): void => {
  if (input.kind === 'lab') return readLab(input, submit.inputs, read);
  if (input.kind === 'symptoms') return readSymptoms(submit, read);
  const raw = nonBlank(submit.inputs[input.path]);
  if (raw === undefined) return;
  if (input.kind === 'number') {
    const value = readNumber(raw);
    if (value === undefined)
      read.problem(input.path, `${input.label} must be a number (got ${quotedInput(raw)}).`);
    else read.set(input.path, value);
    return;
  }
  if (input.kind === 'yesNo') {
    if (raw === 'yes' || raw === 'no') read.set(input.path, raw === 'yes');
    else if (raw !== 'unknown')
      read.problem(input.path, `${input.label} takes yes, no or unknown (got ${quotedInput(raw)}).`);
    return;
  }
  if (input.choices.some((choice) => choice.value === raw)) read.set(input.path, raw);
  else {
    const accepted = input.choices.map((choice) => choice.title).join(', ');
    read.problem(input.path, `${input.label}: ${quotedInput(raw)} is not one of ${accepted}.`);
  }
};

/**
 * Reads a submit's inputs into case values. Only syntax is checked here (numbers, units, choices);
 * ranges and plausibility are the engine's `checkPartialCase`, which the runner applies to the result.
 * Back, not-done and the other navigation buttons carry no answer, so they yield no values.
 */
export const cardSubmitToValues = (submit: CardSubmit): { values: PartialCase; problems: Problem[] } => {
  if (submit.action !== 'next' && submit.action !== 'none') return { values: {}, problems: [] };
  const draft: Record<string, unknown> = {};
  const problems: Problem[] = [];
  const reader: Reader = {
    set: (path, value) => setValueAt(draft, path, value),
    problem: (field, message) => problems.push({ field, message }),
  };
  const seen = new Set<FieldInput>();
  const keys =
    submit.action === 'none' ? ['symptoms', ...Object.keys(submit.inputs)] : Object.keys(submit.inputs);
  for (const key of keys) {
    const input = fieldInputFor(key);
    if (input === undefined || seen.has(input)) continue;
    seen.add(input);
    readField(input, submit, reader);
  }
  // The inputs were read against the card's own choices; this catches a card out of step with the case schema.
  const typed = PartialCaseSchema.safeParse(draft);
  if (!typed.success) {
    const fields = typed.error.issues.map((issue) => issue.path.join('.'));
    return {
      values: {},
      problems: [
        ...problems,
        ...fields.map((field) => ({
          field,
          message: `${field}: this card sent a value the workup does not accept.`,
        })),
      ],
    };
  }
  return { values: typed.data, problems };
};
