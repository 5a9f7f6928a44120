import { z } from 'zod';
import {
  CASE_FIELD_PATHS,
  checkPartialCase,
  PartialCaseSchema,
  setValueAt,
  valueAtPath,
  type CaseFieldPath,
  type PartialCase,
} from '../src/clinical';
import { fieldsAnsweredBy, isKnown } from './case-fields';
import { mergeCase } from './merge-case';
import { withCase } from './with-case';
import type { WorkupContext } from './workup-context';

/**
 * Values read from the patient's record (a SMART launch), kept with when each was measured and
 * when the record was read: the chart note says which values came from the record, and a value
 * the clinician typed is never replaced by an import.
 */
export const RecordImportSchema = z.object({
  /** When the record was read, ISO 8601. */
  readAt: z.string(),
  /** The values as the record gave them. */
  values: PartialCaseSchema,
  /** The date each imported field was measured or recorded, ISO 8601 (a date or a date-time). */
  dates: z.array(z.object({ path: z.enum(CASE_FIELD_PATHS), date: z.string() })),
});
export type RecordImport = z.infer<typeof RecordImportSchema>;

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The fields whose value is the one the last import brought: the record's, not typed over since. */
export function fieldsFromRecord(context: WorkupContext): CaseFieldPath[] {
  const imported = context.fromRecord;
  if (imported === undefined) return [];
  return fieldsAnsweredBy(imported.values).filter((path) =>
    sameValue(valueAtPath(context.case, path), valueAtPath(imported.values, path)),
  );
}

/** Fields of an import the clinician has already answered themselves: their answer stands. */
export function typedOverRecord(context: WorkupContext, values: PartialCase): CaseFieldPath[] {
  const fromRecord = fieldsFromRecord(context);
  return fieldsAnsweredBy(values).filter(
    (path) =>
      isKnown(context.case, path) &&
      !fromRecord.includes(path) &&
      !sameValue(valueAtPath(context.case, path), valueAtPath(values, path)),
  );
}

/** Only these paths of a partial case. */
function pick(values: PartialCase, paths: readonly CaseFieldPath[]): PartialCase {
  const picked: Record<string, unknown> = {};
  for (const path of paths) setValueAt(picked, path, valueAtPath(values, path));
  return picked as PartialCase;
}

export interface ImportOutcome {
  case: PartialCase;
  /** The fields the import filled (new, or updating an earlier import). */
  filled: CaseFieldPath[];
}

/** The case after an import, or undefined when it fills nothing new or would make the case invalid. */
export function caseAfterImport(context: WorkupContext, imported: RecordImport): ImportOutcome | undefined {
  const typed = typedOverRecord(context, imported.values);
  const filled = fieldsAnsweredBy(imported.values).filter(
    (path) =>
      !typed.includes(path) &&
      !sameValue(valueAtPath(context.case, path), valueAtPath(imported.values, path)),
  );
  if (filled.length === 0) return undefined;
  const checked = checkPartialCase(mergeCase(context.case, pick(imported.values, filled)));
  return checked.ok ? { case: checked.value, filled } : undefined;
}

export function afterImport(context: WorkupContext, imported: RecordImport): Partial<WorkupContext> {
  const outcome = caseAfterImport(context, imported);
  if (outcome === undefined) return {};
  const typed = typedOverRecord(context, imported.values);
  const kept = fieldsAnsweredBy(imported.values).filter((path) => !typed.includes(path));
  return {
    ...withCase(outcome.case),
    fromRecord: {
      readAt: imported.readAt,
      values: pick(imported.values, kept),
      dates: imported.dates.filter((entry) => kept.includes(entry.path)),
    },
    skipped: context.skipped.filter((field) => !outcome.filled.includes(field)),
    pending: context.pending.filter((field) => !outcome.filled.includes(field)),
  };
}
