import type { Assessment, Derived, Finding } from './assessment-schema';
import { BIBLIOGRAPHY, sourceUrl } from './bibliography';
import type { Case } from './case-schema';
import { CONTENT_VERSION, DISCLAIMER } from './content';
import type { DerivedValues } from './derived';
import { factsOf } from './facts-of';
import type { Facts } from './facts';
import { missingFields } from './missing';
import type { Rule } from './rule';
import { RED_FLAG_RULES, WORKUP_RULES } from './rules';

export function toFinding(rule: Rule, f: Facts): Finding {
  const detail = rule.detail?.(f) ?? '';
  return {
    id: rule.id,
    kind: rule.kind,
    text: detail === '' ? rule.recommendation : `${detail} ${rule.recommendation}`,
    why: rule.why,
    seed: [...rule.seed],
    sources: rule.sources.map((key) => {
      const ref = BIBLIOGRAPHY[key];
      const url = sourceUrl(ref);
      const capped = ref.highestEvidence !== undefined && ref.highestEvidence !== rule.evidence;
      return {
        id: key,
        label: ref.label,
        ...(url === undefined ? {} : { url }),
        ...(capped ? { evidence: ref.highestEvidence } : {}),
      };
    }),
    evidence: rule.evidence,
  };
}

const round = (x: number | undefined, places = 2): number | undefined =>
  x === undefined ? undefined : Number(x.toFixed(places));

/** Calcium is published as corrected only when albumin corrected it (decision 17). */
function calciumEntries(d: DerivedValues): [keyof Derived, number | undefined][] {
  const ca = d.calcium;
  if (ca === undefined) return [];
  return ca.corrected
    ? [
        ['correctedCalciumMmolL', round(ca.valueMmolL)],
        ['correctedCalciumMgDl', round(ca.valueMgDl)],
      ]
    : [
        ['uncorrectedCalciumMmolL', round(ca.valueMmolL)],
        ['uncorrectedCalciumMgDl', round(ca.valueMgDl)],
      ];
}

function publicDerived(d: DerivedValues): Derived {
  const entries: [keyof Derived, number | undefined][] = [
    ['alpXUln', round(d.alpXUln)],
    ['altXUln', round(d.altXUln)],
    ['astXUln', round(d.astXUln)],
    ['bilirubinXUln', round(d.bilirubinXUln)],
    ['ggtXUln', round(d.ggtXUln)],
    ['nucleotidase5XUln', round(d.nucleotidase5XUln)],
    ['bilirubinDirectXUln', round(d.bilirubinDirectXUln)],
    ['boneSpecificAlpXUln', round(d.boneSpecificAlpXUln)],
    ['rRatio', round(d.rRatio)],
    ['alpBaselineXUln', round(d.alpBaselineXUln)],
    ['alpXBaseline', round(d.alpXBaseline)],
    ['alpRiseUL', round(d.alpRiseUL, 1)],
    ['alpChangePercent', round(d.alpChangePercent, 1)],
    ...calciumEntries(d),
  ];
  const numbers = Object.fromEntries(entries.filter(([, v]) => v !== undefined));
  return d.ctcaeGrade === undefined ? numbers : { ...numbers, ctcaeGrade: d.ctcaeGrade };
}

/**
 * The assessment of a validated case: red flags first and always, then every workup rule that
 * applies, then what is still worth asking. Pure and deterministic: the same case gives the
 * same assessment, with no clock, randomness or I/O.
 */
export function assess(c: Case): Assessment {
  const f = factsOf(c);
  const redFlags = RED_FLAG_RULES.filter((rule) => rule.applies(f)).map((rule) => toFinding(rule, f));
  const findings = WORKUP_RULES.filter((rule) => rule.applies(f)).map((rule) => toFinding(rule, f));
  return {
    pattern: f.pattern,
    origin: f.origin,
    urgent: redFlags.length > 0,
    derived: publicDerived(f.derived),
    redFlags,
    findings,
    missing: missingFields(f),
    contentVersion: CONTENT_VERSION,
    disclaimer: DISCLAIMER,
  };
}
