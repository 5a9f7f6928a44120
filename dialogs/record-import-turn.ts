import { CASE_FIELD_PATHS, type PartialCase } from '../src/clinical';
import { mapFhirRecord, type FhirCaseMapping } from '../src/fhir';
import { checkAnswer, isKnown, typedOverRecord, type RecordImport } from '../machines';
import { fieldName } from './presentation/field-names';
import { joinProse } from './presentation/format';
import { recordLines } from './presentation/record-lines';
import { parseRecordImport } from './record-import-event';
import type { Reply } from './turn-input';
import { accepted, promptFor, say, unchanged, type Outcome, type Turn } from './turn-outcome';
import { applyToSession, contextOf, type WorkupSession } from './workup-session';

/**
 * The reply to an import from the patient's record (the page's SMART launch): the resources are
 * mapped with the FHIR mapping the CDS Hooks service uses, the values go to the workup with
 * their dates, and the clinician reads what was read, what was not and why, then the next
 * question: only what is still missing is asked.
 */

/** The date each field the mapping filled was measured (labs) or recorded (everything else: when it was read). */
function datesOf(mapping: FhirCaseMapping, values: PartialCase, readAt: string): RecordImport['dates'] {
  const dates = new Map<string, string>();
  for (const reading of mapping.used) dates.set(reading.field, reading.date);
  if (mapping.baseline !== undefined) dates.set('alpBaseline', mapping.baseline.date);
  if (mapping.currentTreatment?.start !== undefined) {
    dates.set('therapy.agent', mapping.currentTreatment.start);
  }
  const paths = CASE_FIELD_PATHS.filter((path) => isKnown(values, path));
  return paths.map((path) => ({ path, date: dates.get(path) ?? readAt }));
}

const nothingImported = 'Nothing was imported.';

/** The types the record system did not let the page read: what they hold is unknown, not absent. */
function notGrantedLines(types: readonly string[]): Reply[] {
  if (types.length === 0) return [];
  return [
    say(
      `Not read: the record system did not grant access to ${joinProse(types)}, so anything recorded only there is not in this import.`,
    ),
  ];
}

export function handleRecordImport(session: WorkupSession, raw: unknown, turn: Turn): Outcome {
  const parsed = parseRecordImport(raw);
  if (!parsed.ok) {
    return unchanged(
      session,
      'import-invalid',
      [say(`The import from the record could not be read (${parsed.message}). ${nothingImported}`)],
      promptFor(session, turn),
    );
  }
  const readAt = turn.input.now;
  const mapping = mapFhirRecord(parsed.event.resources, {
    now: new Date(readAt),
    lookbackDays: parsed.event.lookbackDays,
  });
  const lines = recordLines(mapping, readAt);
  const notUsed = [
    ...(lines.notUsed.length === 0 ? [] : [say(`Not used from the record: ${lines.notUsed.join('; ')}.`)]),
    ...notGrantedLines(parsed.event.notGranted),
  ];
  const imported: RecordImport = {
    readAt,
    values: mapping.case,
    dates: datesOf(mapping, mapping.case, readAt),
  };
  const context = contextOf(session);
  const typed = typedOverRecord(context, mapping.case);
  const kept =
    typed.length === 0
      ? []
      : [say(`You entered ${joinProse(typed.map(fieldName))} yourself: what you entered stands.`)];
  const applied = applyToSession(session, { type: 'IMPORT_RECORD', imported });
  if (!applied.changed) {
    const checked = checkAnswer(context, mapping.case);
    const why = checked.ok
      ? Object.keys(mapping.case).length === 0
        ? `I found nothing in the record that this workup can use: ${lines.read}`
        : `Everything I read from the record is already in this workup: ${lines.read}`
      : `The record's values cannot be used together: ${checked.problems.map((p) => p.message).join(' ')} ${nothingImported}`;
    return unchanged(session, 'import-unchanged', [say(why), ...notUsed, ...kept], promptFor(session, turn));
  }
  const after = applied.session;
  return accepted(
    after,
    'import-record',
    [say(`I read from the record: ${lines.read}`), ...notUsed, ...kept],
    turn,
  );
}
