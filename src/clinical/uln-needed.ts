import type { Case } from './case-schema';
import type { Facts } from './facts';
import { factsOf } from './facts-of';
import { FIELD_INFO, LAB_FIELDS, type LabField } from './field-info';
import { RED_FLAG_RULES } from './rules/red-flags';

/** A red-flag input given without its ULN, and the red flags its ULN could still raise. */
export interface UlnNeededForRedFlag {
  field: LabField;
  /** Names of the red flags ("Hy's law (R-01)"). */
  flags: string[];
}

const needs = new WeakMap<Facts, UlnNeededForRedFlag[]>();

/**
 * Decision 11, below the ceiling: a value without its ULN that raises no flag as it stands could
 * still raise one against its lab's real ULN. Each such lab is tried with the lowest ULN a real lab
 * reports (the plausibility range's floor); the red flags that would then fire are the ones its ULN
 * is needed for, so the ULN is asked first and the flag named.
 */
export function ulnsNeededForRedFlags(f: Facts): UlnNeededForRedFlag[] {
  const cached = needs.get(f);
  if (cached !== undefined) return cached;
  const quiet = RED_FLAG_RULES.filter((rule) => !rule.applies(f));
  const result = LAB_FIELDS.flatMap((field) => {
    const lab: { value: number; unit?: string; uln?: number } | undefined = f.input[field];
    const lowest = FIELD_INFO[field].ulnRange?.min;
    if (lab === undefined || lab.uln !== undefined || lowest === undefined || quiet.length === 0) return [];
    const factor = FIELD_INFO[field].factors[lab.unit ?? FIELD_INFO[field].units[0] ?? ''] ?? 1;
    const variant = factsOf({ ...f.input, [field]: { ...lab, uln: lowest / factor } } as Case);
    const flags = quiet
      .filter((rule) => rule.applies(variant))
      .map((rule) => `${rule.name ?? rule.id} (${rule.id})`);
    return flags.length > 0 ? [{ field, flags }] : [];
  });
  needs.set(f, result);
  return result;
}
