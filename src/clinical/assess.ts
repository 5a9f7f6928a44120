import type { Assessment, Derived, Finding } from './assessment-schema';
import { BIBLIOGRAPHY, sourceUrl } from './bibliography';
import type { Case } from './case-schema';
import { CONTENT_VERSION, DISCLAIMER } from './content';
import { computeDerived, type DerivedValues } from './derived';
import type { Facts } from './facts';
import { missingFields } from './missing';
import { normalizeCase } from './normalize';
import { determineOrigin } from './origin';
import { classifyPattern } from './pattern';
import type { Rule } from './rule';
import { RED_FLAG_RULES, WORKUP_RULES } from './rules';

/** Builds every fact the rules read from a validated case. */
export function factsOf(c: Case): Facts {
  const normalized = normalizeCase(c);
  const derived = computeDerived(normalized);
  const { origin, basis } = determineOrigin(c, derived);
  return {
    input: c,
    labs: normalized.labs,
    derived,
    pattern: classifyPattern(derived),
    origin,
    originBasis: basis,
  };
}

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
      return { id: key, label: ref.label, ...(url === undefined ? {} : { url }) };
    }),
    evidence: rule.evidence,
  };
}

const round = (x: number | undefined, places = 2): number | undefined =>
  x === undefined ? undefined : Number(x.toFixed(places));

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
    ['correctedCalciumMmolL', round(d.calcium?.correctedMmolL)],
    ['correctedCalciumMgDl', round(d.calcium?.correctedMgDl)],
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
