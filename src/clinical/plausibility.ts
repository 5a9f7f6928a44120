import type { PartialCase } from './case-schema';
import { FIELD_INFO, LAB_FIELDS, SCALAR_FIELDS, type FieldInfo, type LabField } from './field-info';
import { normalizeLab, type ReportedLab } from './normalize';
import type { Problem } from './problem';
import { displayUnit } from './units';

const format = (n: number): string => String(Number(n.toPrecision(6)));

function acceptedRange(info: FieldInfo): string {
  const unit = info.canonicalUnit === '' ? '' : ` ${info.canonicalUnit}`;
  const low = info.minExclusive ? `above ${format(info.min)}` : `${format(info.min)}`;
  return info.minExclusive
    ? `${low} and at most ${format(info.max)}${unit}`
    : `${low} to ${format(info.max)}${unit}`;
}

/**
 * Why a canonical value is outside the field's range, in words a clinician acts on; undefined when
 * plausible. `shown` is called only then: every turn checks every value, and almost all are fine.
 */
function rangeMessage(info: FieldInfo, canonical: number, shown: () => string): string | undefined {
  if (canonical < 0) return `${info.label} can't be negative: enter it as reported, e.g. ${info.example}.`;
  const tooLow = info.minExclusive ? canonical <= info.min : canonical < info.min;
  if (tooLow || canonical > info.max) {
    return `${info.label} ${shown()} is outside the plausible range (${acceptedRange(info)}): check the value and its unit, e.g. ${info.example}.`;
  }
  return undefined;
}

function checkLab(path: LabField, info: FieldInfo, lab: ReportedLab): Problem[] {
  const problems: Problem[] = [];
  const normalized = normalizeLab(path, lab);
  const valueMessage = rangeMessage(
    info,
    normalized.value,
    () => `${format(lab.value)} ${normalized.reportedUnit}`,
  );
  if (valueMessage !== undefined) problems.push({ field: `${path}.value`, message: valueMessage });
  if (lab.uln !== undefined) {
    if (lab.uln <= 0) {
      problems.push({
        field: `${path}.uln`,
        message: `${info.label} ULN must be above 0: enter your lab's upper limit of normal in the same unit as the value, e.g. ${info.example}.`,
      });
    } else if (normalized.uln !== undefined && info.ulnRange !== undefined) {
      const { min, max } = info.ulnRange;
      if (normalized.uln < min || normalized.uln > max) {
        problems.push({
          field: `${path}.uln`,
          message: `${info.label} ULN ${format(lab.uln)} ${normalized.reportedUnit} is outside the range labs report (${format(min)} to ${format(max)} ${info.canonicalUnit}): give the ULN in the same unit as the value, e.g. ${info.example}.`,
        });
      }
    }
  }
  return problems;
}

const SCALAR_PATHS = SCALAR_FIELDS.map((path) => ({
  path,
  parts: path.split('.') as [string, string | undefined],
}));

function scalarValue(
  c: PartialCase,
  [head, tail]: readonly [string, string | undefined],
): number | undefined {
  const top = (c as Record<string, unknown>)[head];
  if (tail === undefined) return typeof top === 'number' ? top : undefined;
  const nested = top !== undefined && top !== null ? (top as Record<string, unknown>)[tail] : undefined;
  return typeof nested === 'number' ? nested : undefined;
}

function crossChecks(c: PartialCase): Problem[] {
  const problems: Problem[] = [];
  const total = c.bilirubinTotal;
  const direct = c.bilirubinDirect;
  if (total !== undefined && direct !== undefined) {
    const t = normalizeLab('bilirubinTotal', total).value;
    const d = normalizeLab('bilirubinDirect', direct).value;
    if (d > t * 1.05) {
      problems.push({
        field: 'bilirubinDirect.value',
        message: `Direct bilirubin (${format(direct.value)} ${displayUnit(direct.unit ?? 'mg/dL')}) can't exceed total bilirubin (${format(total.value)} ${displayUnit(total.unit ?? 'mg/dL')}): check both values and units.`,
      });
    }
  }
  const iso = c.isoenzymes;
  if (iso !== undefined) {
    const sum =
      (iso.bonePercent ?? 0) +
      (iso.liverPercent ?? 0) +
      (iso.intestinalPercent ?? 0) +
      (iso.placentalPercent ?? 0);
    if (sum > 102) {
      problems.push({
        field: 'isoenzymes',
        message: `The ALP isoenzyme fractions add up to ${format(sum)}%: they should total about 100%. Check each percentage.`,
      });
    }
  }
  const trimester = c.history?.pregnancyTrimester;
  if (trimester !== undefined && trimester >= 1 && trimester <= 3 && !Number.isInteger(trimester)) {
    problems.push({
      field: 'history.pregnancyTrimester',
      message: `Pregnancy trimester must be 1, 2 or 3 (got ${format(trimester)}).`,
    });
  }
  return problems;
}

/**
 * Values a schema cannot judge: sign, physiological range, ULN, and consistency between fields.
 * A lab's own checks depend on that lab alone: `passedLabs` names labs of this case that passed
 * them before (the same frozen result), which are not checked again.
 */
export function plausibilityProblems(c: PartialCase, passedLabs: ReadonlySet<string> = new Set()): Problem[] {
  const problems: Problem[] = [];
  for (const field of LAB_FIELDS) {
    const lab = c[field];
    if (lab !== undefined && !passedLabs.has(field))
      problems.push(...checkLab(field, FIELD_INFO[field], lab));
  }
  for (const { path, parts } of SCALAR_PATHS) {
    const value = scalarValue(c, parts);
    if (value === undefined) continue;
    const info = FIELD_INFO[path];
    const message = rangeMessage(
      info,
      value,
      () => `${format(value)}${info.canonicalUnit === '' ? '' : ` ${info.canonicalUnit}`}`,
    );
    if (message !== undefined) problems.push({ field: path, message });
  }
  return [...problems, ...crossChecks(c)];
}
