import type { z } from 'zod';
import { CaseSchema, PartialCaseSchema, type Case, type PartialCase } from './case-schema';
import { FIELD_INFO, type FieldInfo } from './field-info';
import { plausibilityProblems } from './plausibility';
import type { CheckResult, Problem } from './problem';
import { unknownFieldProblems } from './unknown-fields';
import { valueAt } from './value-at';

const FIELDS_BY_PATH: Readonly<Record<string, FieldInfo | undefined>> = FIELD_INFO;

/** The field a schema issue is about: the path itself (history.ageYears) or its lab (alp.unit -> alp). */
const infoFor = (path: string): FieldInfo | undefined =>
  FIELDS_BY_PATH[path] ?? FIELDS_BY_PATH[path.split('.')[0] ?? path];

const shown = (value: unknown): string =>
  value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));

/** Turns a schema issue into a sentence naming the field and what it accepts. */
function schemaProblem(issue: z.core.$ZodIssue, input: unknown): Problem {
  const field = issue.path.map(String).join('.') || '(case)';
  const info = infoFor(field);
  const got = valueAt(input, issue.path);
  const label = info?.label ?? field;
  if (field === 'alp' && got === undefined) {
    return { field, message: `ALP is required: enter it as reported, e.g. ${FIELD_INFO.alp.example}.` };
  }
  if (issue.code === 'invalid_value' && field.endsWith('.unit') && info !== undefined) {
    return {
      field,
      message: `${label} unit ${shown(got)} is not accepted: use ${info.units.join(', ')}.`,
    };
  }
  if (issue.code === 'invalid_value') {
    const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
    return { field, message: `${field} must be one of ${options} (got ${shown(got)}).` };
  }
  if (issue.code === 'invalid_type') {
    if (issue.expected === 'number') {
      const example = info !== undefined ? `, e.g. ${info.example}` : '';
      return { field, message: `${label} must be a finite number (got ${shown(got)})${example}.` };
    }
    if (issue.expected === 'boolean') {
      return { field, message: `${field} must be true or false (got ${shown(got)}).` };
    }
    if (issue.expected === 'object' && info?.isLab === true) {
      return {
        field,
        message: `${label} must be a lab result { value, unit, uln } (got ${shown(got)}), e.g. ${info.example}.`,
      };
    }
    return {
      field,
      message: `${field} must be ${issue.expected === 'object' ? 'an object' : `a ${issue.expected}`} (got ${shown(got)}).`,
    };
  }
  return { field, message: `${field}: ${issue.message}.` };
}

/**
 * Cases that passed, as `check` returned them. They are frozen, so they cannot have changed since:
 * a conversation turn checks the same case when it restores it, when the machine weighs an answer
 * and again before `assess`, and only the first of these needs to do the work.
 */
const passed = new WeakSet<PartialCase>();

/**
 * The members (a lab result, the history, ...) of cases that passed, each with the field it passed
 * as. Frozen too. An answer makes a new case of the old case's members and a few new ones: only
 * the new ones need parsing and the range checks, which depend on a member alone. What depends on
 * more than one member (the cross-checks, the scalar ranges) is checked on the whole case each time.
 */
const passedMembers = new WeakMap<object, string>();

const CASE_FIELDS = Object.keys(PartialCaseSchema.shape);

function deepFreeze<T extends PartialCase>(value: T): T {
  for (const member of Object.values(value)) {
    if (typeof member === 'object' && member !== null) Object.freeze(member);
  }
  return Object.freeze(value);
}

/** A case that passed, and its newly parsed members (the others are known already). */
function remember(checked: PartialCase, parsedMembers: object): void {
  passed.add(checked);
  for (const [field, member] of Object.entries(parsedMembers)) {
    if (typeof member === 'object' && member !== null) passedMembers.set(member, field);
  }
}

/** The input split into members that passed before as the same field, and the rest to check. */
function splitPassedMembers(input: object): {
  trusted: Record<string, unknown>;
  rest: Record<string, unknown>;
} {
  const trusted: Record<string, unknown> = {};
  const rest: Record<string, unknown> = {};
  for (const [field, member] of Object.entries(input)) {
    const known = typeof member === 'object' && member !== null && passedMembers.get(member) === field;
    (known ? trusted : rest)[field] = member;
  }
  return { trusted, rest };
}

/** The parsed case in the schema's own field order, as one parse of the whole input would give it. */
function inCaseOrder(
  trusted: Record<string, unknown>,
  parsed: Record<string, unknown>,
): Record<string, unknown> {
  const whole: Record<string, unknown> = {};
  for (const field of CASE_FIELDS) {
    if (field in trusted) whole[field] = trusted[field];
    else if (field in parsed) whole[field] = parsed[field];
  }
  return whole;
}

function check<T extends PartialCase>(schema: z.ZodType<T>, input: unknown): CheckResult<T> {
  if (typeof input === 'object' && input !== null && passed.has(input as PartialCase)) {
    const known = input as T;
    if (schema === (PartialCaseSchema as z.ZodType) || known.alp !== undefined)
      return { ok: true, value: known };
  }
  const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
  const { trusted, rest } = isObject ? splitPassedMembers(input) : { trusted: {}, rest: input };
  // The required ALP is there when it passed before: the rest is checked as a partial case.
  const restSchema = 'alp' in trusted ? (PartialCaseSchema as z.ZodType) : schema;
  const parsed = restSchema.safeParse(rest);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => schemaProblem(issue, input)) };
  }
  // Frozen before the plausibility checks, so they and `assess` share the normalised labs.
  const checked = deepFreeze(
    (isObject ? inCaseOrder(trusted, parsed.data as Record<string, unknown>) : parsed.data) as T,
  );
  const problems = [
    ...unknownFieldProblems(schema, rest),
    ...plausibilityProblems(checked, new Set(Object.keys(trusted))),
  ];
  if (problems.length > 0) return { ok: false, problems };
  remember(checked, parsed.data as object);
  return { ok: true, value: checked };
}

/** Schema, units and plausibility for a complete case; the only gate in front of `assess`. The case returned is frozen. */
export function validateCase(input: unknown): CheckResult<Case> {
  return check(CaseSchema, input);
}

/** The same checks for what the conversation has collected so far (ALP may still be unknown); frozen too. */
export function checkPartialCase(input: unknown): CheckResult<PartialCase> {
  return check(PartialCaseSchema, input);
}
