import { z } from 'zod';
import { CaseSchema, type PartialCase } from '../../src/clinical';
import type { AnswerReading } from './reading';
import { setCasePath } from './case-path';
import { readAma } from './words/ama-words';
import { readHistory } from './words/history-words';
import { SYMPTOM_FIELDS, readSymptoms } from './words/symptom-words';
import { readTherapy } from './words/therapy-words';
import { readUltrasound } from './words/ultrasound-words';
import { readYesNo } from './words/yes-no';

export interface AnswerWords {
  values: PartialCase;
  answers: AnswerReading[];
  /** The clinician said they do not know ("not sure", "unknown", "n/a") the asked-for answer. */
  unknown: boolean;
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

/** A bare yes/no is only meaningful when exactly one yes/no question is open. */
function bareAnswer(
  text: string,
  expecting: readonly string[],
): { answers: AnswerReading[]; unknown: boolean } {
  const source = text.trim();
  const open = expecting.filter((field) => BOOLEAN_FIELDS.has(field) && !SYMPTOM_FIELDS.includes(field));
  const [only] = open;
  if (open.length === 1 && only === 'history.pregnant' && NOT_APPLICABLE.test(text)) {
    return { answers: [{ field: only, answer: false, source }], unknown: false };
  }
  const reply = readYesNo(text);
  if (reply === undefined) return { answers: [], unknown: false };
  if (reply === 'unknown') return { answers: [], unknown: true };
  if (open.length !== 1 || only === undefined) return { answers: [], unknown: false };
  return { answers: [{ field: only, answer: reply === 'yes', source }], unknown: false };
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
  const bare = named.length === 0 ? bareAnswer(text, expecting) : { answers: [], unknown: false };
  const answers = [...named, ...bare.answers];
  const values: Record<string, unknown> = {};
  for (const answer of answers) setCasePath(values, answer.field, answer.answer);
  return { values: values as PartialCase, answers, unknown: bare.unknown };
}
