import { caseUnit, fieldOfLoinc, hasUln, LOINC_SYSTEM, type MappedField } from './analytes';
import { resolveReference, type FhirRecord } from './fhir-record';
import type { Observation, Quantity } from './fhir-resources';

/** One usable lab result read from an Observation, in the engine's unit spelling. */
export interface LabReading {
  field: MappedField;
  loinc: string;
  value: number;
  unit?: string;
  uln?: number;
  /** When the sample was taken, as the record wrote it. */
  date: string;
  time: number;
  /** Where the date came from: the Observation itself, its panel or report, or only its issue time. */
  dateFrom: 'observation' | 'panel' | 'issued';
  /** `Observation/<id>`, to name the result in messages. */
  source: string;
  /** Why the ULN is absent when it is, e.g. "no normal reference range". */
  ulnNote?: string;
}

/** An Observation for one of our analytes that cannot be used, with the reason. */
export interface RefusedReading {
  field: MappedField;
  loinc: string;
  source: string;
  reason: string;
}

const USABLE_STATUSES = new Set(['final', 'amended', 'corrected']);
const REFERENCE_RANGE_MEANING = 'http://terminology.hl7.org/CodeSystem/referencerange-meaning';

const nameOf = (o: Observation): string => `Observation/${o.id ?? '(no id)'}`;

function loincOf(o: Observation): { field: MappedField; loinc: string } | undefined {
  for (const coding of o.code.coding ?? []) {
    if (coding.system !== LOINC_SYSTEM || coding.code === undefined) continue;
    const field = fieldOfLoinc(coding.code);
    if (field !== undefined) return { field, loinc: coding.code };
  }
  return undefined;
}

/** The unit as UCUM codes it when the record gives the code, else the human-readable unit. */
const unitOf = (q: Quantity): string | undefined => q.code ?? q.unit;

const ownDate = (o: {
  effectiveDateTime?: string;
  effectivePeriod?: { start?: string };
  effectiveInstant?: string;
}) => o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.effectiveInstant;

/** Members of a panel (Observation.hasMember) and results of a report carry the panel's date when they have none. */
function panelDates(record: FhirRecord): Map<unknown, string> {
  const dates = new Map<unknown, string>();
  const lend = (date: string | undefined, refs: { reference?: string }[] | undefined) => {
    if (date === undefined) return;
    for (const ref of refs ?? []) {
      const member = resolveReference(record, ref.reference);
      if (member !== undefined && !dates.has(member)) dates.set(member, date);
    }
  };
  for (const o of record.observations) lend(ownDate(o), o.hasMember);
  for (const r of record.reports) lend(ownDate(r), r.result);
  return dates;
}

/** A range counts as the ULN only when it is the normal range: no type, or type "normal". */
function normalHigh(o: Observation): Quantity | undefined {
  const normal = (o.referenceRange ?? []).filter(
    (range) =>
      range.type === undefined ||
      (range.type.coding ?? []).some(
        (c) => c.code === 'normal' && (c.system ?? REFERENCE_RANGE_MEANING) === REFERENCE_RANGE_MEANING,
      ),
  );
  return normal.find((range) => range.high?.value !== undefined)?.high;
}

type Read = { ok: true; reading: LabReading } | { ok: false; refused: RefusedReading } | undefined;

function readObservation(o: Observation, dates: Map<unknown, string>): Read {
  const coded = loincOf(o);
  if (coded === undefined) return undefined;
  const { field, loinc } = coded;
  const source = nameOf(o);
  const refused = (reason: string): Read => ({ ok: false, refused: { field, loinc, source, reason } });
  if (!USABLE_STATUSES.has(o.status)) return refused(`status "${o.status}" is not a final result`);
  const q = o.valueQuantity;
  if (q?.value === undefined) return refused('no numeric valueQuantity');
  if (q.comparator !== undefined)
    return refused(`reported as ${q.comparator} ${q.value}, a limit rather than a value`);
  const unit = caseUnit(field, loinc, unitOf(q));
  if (!unit.ok) return refused(unit.message);

  const own = ownDate(o);
  const panel = dates.get(o);
  const [date, dateFrom] =
    own !== undefined
      ? [own, 'observation' as const]
      : panel !== undefined
        ? [panel, 'panel' as const]
        : [o.issued, 'issued' as const];
  const time = date === undefined ? NaN : Date.parse(date);
  if (date === undefined || Number.isNaN(time))
    return refused('no date (neither on the result nor on its panel)');

  let uln: number | undefined;
  let ulnNote: string | undefined;
  if (hasUln(field)) {
    const high = normalHigh(o);
    if (high?.value === undefined) {
      ulnNote = 'no normal reference range with an upper limit';
    } else {
      const highUnit = unitOf(high);
      const check = highUnit === undefined ? unit : caseUnit(field, loinc, highUnit);
      if (check.ok && check.unit === unit.unit) uln = high.value;
      else
        ulnNote = `the reference range is in ${highUnit ?? 'no unit'}, not the result's ${unit.unit ?? 'unit'}`;
    }
  }
  return {
    ok: true,
    reading: {
      field,
      loinc,
      value: q.value,
      ...(unit.unit === undefined ? {} : { unit: unit.unit }),
      ...(uln === undefined ? {} : { uln }),
      date,
      time,
      dateFrom,
      source,
      ...(ulnNote === undefined ? {} : { ulnNote }),
    },
  };
}

/** Every Observation for one of our analytes, read into a usable reading or refused with its reason. */
export function readLabs(record: FhirRecord): { readings: LabReading[]; refused: RefusedReading[] } {
  const dates = panelDates(record);
  const readings: LabReading[] = [];
  const refused: RefusedReading[] = [];
  for (const o of record.observations) {
    const read = readObservation(o, dates);
    if (read === undefined) continue;
    if (read.ok) readings.push(read.reading);
    else refused.push(read.refused);
  }
  return { readings, refused };
}
