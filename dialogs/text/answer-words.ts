import { z } from 'zod';
import { CaseSchema, SYMPTOM_FIELDS, setValueAt, type PartialCase } from '../../src/clinical';
import type { AnswerReading } from './reading';
import { readAma } from './words/ama-words';
import { readHistory } from './words/history-words';
import { readSymptoms } from './words/symptom-words';
import { readTherapy } from './words/therapy-words';
import { readUltrasound } from './words/ultrasound-words';
import { readYesNo } from './words/yes-no';

export interface AnswerWords {
  values: PartialCase;
  answers: AnswerReading[];
  /** The clinician said they do not know ("not sure", "unknown", "n/a") the asked-for answer. */
  unknown: boolean;
  /** A bare "yes" with several yes/no questions open: which one it answers cannot be told. */
  yesToWhich: boolean;
  /** A bare "no" or "none" where no question is yes or no: nothing of what is asked is at hand. */
  noneAsked: boolean;
}

const unwrap = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;

/** Case paths whose answer is yes or no, read from the schema so new fields are covered. */
const BOOLEAN_FIELDS: ReadonlySet<string> = new Set(
  Object.entries(CaseSchema.shape).flatMap(([key, schema]) => {
    const inner = unwrap(schema);
    if (inner instanceof z.ZodBoolean) return [key];
    if (!(inner instanceof z.ZodObject)) return [];
    return Object.entries(inner.shape as Record<string, z.ZodType>)
      .filter(([, child]) => unwrap(child) instanceof z.ZodBoolean)
      .map(([child]) => `${key}.${child}`);
  }),
);

/** "N/A" to "are you pregnant?" means no (a man, a postmenopausal woman); elsewhere it means unknown. */
const NOT_APPLICABLE = /^\s*(?:n\/?a|not applicable)\s*[.!]?\s*$/i;

type BareAnswer = Omit<AnswerWords, 'values'>;

const NOTHING: BareAnswer = { answers: [], unknown: false, yesToWhich: false, noneAsked: false };

/**
 * A bare yes/no. With one yes/no question open it answers that one. With several open, "no" (or
 * "none") answers each of them no, as a clinician means it when the card lists them; a bare "yes"
 * cannot say which it is for.
 */
function bareAnswer(text: string, expecting: readonly string[]): BareAnswer {
  const source = text.trim();
  const open = expecting.filter(
    (field) => BOOLEAN_FIELDS.has(field) && !(SYMPTOM_FIELDS as readonly string[]).includes(field),
  );
  const [only] = open;
  if (open.length === 1 && only === 'history.pregnant' && NOT_APPLICABLE.test(text)) {
    return { ...NOTHING, answers: [{ field: only, answer: false, source }] };
  }
  const reply = readYesNo(text);
  if (reply === undefined) return NOTHING;
  if (reply === 'unknown') return { ...NOTHING, unknown: true };
  if (open.length === 0) return reply === 'no' ? { ...NOTHING, noneAsked: true } : NOTHING;
  if (reply === 'no') return { ...NOTHING, answers: open.map((field) => ({ field, answer: false, source })) };
  if (open.length > 1 || only === undefined) return { ...NOTHING, yesToWhich: true };
  return { ...NOTHING, answers: [{ field: only, answer: true, source }] };
}

/**
 * Non-numeric answers in words, given the case fields the current question asks for. Every
 * answer is reported in `answers` so the conversation can echo what it understood.
 */
export function parseAnswerWords(text: string, expecting: readonly string[]): AnswerWords {
  const named = [
    ...readSymptoms(text, expecting),
    ...readUltrasound(text, expecting),
    ...readAma(text, expecting),
    ...readTherapy(text, expecting),
    ...readHistory(text, expecting),
  ];
  const bare = named.length === 0 ? bareAnswer(text, expecting) : NOTHING;
  const answers = [...named, ...bare.answers];
  const values: Record<string, unknown> = {};
  for (const answer of answers) setValueAt(values, answer.field, answer.answer);
  return { ...bare, values: values as PartialCase, answers };
}
