import type { Origin } from './assessment-schema';
import type { Case } from './case-schema';
import type { DerivedValues } from './derived';

/** Which finding settled the origin (or why it is still open); rules explain the origin from it. */
export type OriginBasis =
  | 'isoenzymes'
  | 'isoenzymes-inconclusive'
  | 'heat-inactivation'
  | 'heat-inactivation-inconclusive'
  | 'hepatic-marker-raised'
  | 'bone-specific-alp'
  | 'hepatic-markers-normal'
  | 'hepatic-markers-normal-non-fasting'
  | 'hepatic-markers-and-bone-specific-alp-normal'
  | 'ggt-confounded'
  | 'pregnancy'
  | 'pregnancy-trimester-unknown'
  | 'pregnancy-before-third-trimester'
  | 'alp-not-raised'
  | 'growth'
  | 'no-marker';

export interface OriginFinding {
  origin: Origin;
  basis: OriginBasis;
}

/** Share of total ALP at or above which one isoenzyme fraction is read as the source (team convention). */
export const DOMINANT_FRACTION_PERCENT = 60;
/** Heat inactivation, 56 °C for 10 min: residual activity <= 20% is bone, > 55% placental (Moss & Henderson). */
export const HEAT_STABLE_BONE_AT_MOST = 20;
export const HEAT_STABLE_PLACENTAL_ABOVE = 55;

/** Each isoenzyme fraction with the origin it stands for, in the case's order. */
export const isoenzymeFractions = (iso: NonNullable<Case['isoenzymes']>): [Origin, number | undefined][] => [
  ['bone', iso.bonePercent],
  ['liver', iso.liverPercent],
  ['intestinal', iso.intestinalPercent],
  ['placental', iso.placentalPercent],
];

function fromIsoenzymes(c: Case): Origin | undefined {
  const iso = c.isoenzymes;
  if (iso === undefined) return undefined;
  const dominant = isoenzymeFractions(iso).find(
    ([, percent]) => percent !== undefined && percent >= DOMINANT_FRACTION_PERCENT,
  );
  return dominant?.[0] ?? 'undetermined';
}

export const ggtConfounded = (c: Case): boolean =>
  c.history?.alcohol === true || c.history?.enzymeInducingDrugs === true;

/**
 * Where the ALP comes from. Specific fractionation (isoenzymes, heat inactivation) outranks
 * GGT/5'NT; a raised GGT counts only when alcohol and enzyme-inducing drugs are not in play;
 * without any marker, only a clear physiological cause (third trimester, growth) names an origin.
 * Never "bone" by default: in myeloma ALP is usually normal even with lytic lesions. A normal ALP
 * has no origin to find (decision 15), and in pregnancy before the third trimester, or with the
 * trimester unknown, a normal GGT does not tell bone from placenta (decision 12).
 */
export function determineOrigin(c: Case, d: DerivedValues): OriginFinding {
  if (d.alpXUln !== undefined && d.alpXUln <= 1) return { origin: 'undetermined', basis: 'alp-not-raised' };
  const isoenzymeOrigin = fromIsoenzymes(c);
  if (isoenzymeOrigin !== undefined) {
    return isoenzymeOrigin === 'undetermined'
      ? { origin: 'undetermined', basis: 'isoenzymes-inconclusive' }
      : { origin: isoenzymeOrigin, basis: 'isoenzymes' };
  }
  const nucleotidaseRaised = d.nucleotidase5XUln !== undefined && d.nucleotidase5XUln > 1;
  const ggtRaised = d.ggtXUln !== undefined && d.ggtXUln > 1;
  const hepaticMarkerRaised = nucleotidaseRaised || (ggtRaised && !ggtConfounded(c));
  const heat = c.heatStableAlpPercent;
  if (heat !== undefined) {
    if (heat <= HEAT_STABLE_BONE_AT_MOST) return { origin: 'bone', basis: 'heat-inactivation' };
    if (heat > HEAT_STABLE_PLACENTAL_ABOVE) return { origin: 'placental', basis: 'heat-inactivation' };
    if (!hepaticMarkerRaised) return { origin: 'undetermined', basis: 'heat-inactivation-inconclusive' };
  }
  if (hepaticMarkerRaised) return { origin: 'liver', basis: 'hepatic-marker-raised' };
  if (d.boneSpecificAlpXUln !== undefined && d.boneSpecificAlpXUln > 1) {
    return { origin: 'bone', basis: 'bone-specific-alp' };
  }
  const hepaticMarkerNormal =
    (d.ggtXUln !== undefined && d.ggtXUln <= 1) ||
    (d.nucleotidase5XUln !== undefined && d.nucleotidase5XUln <= 1);
  const thirdTrimester = c.history?.pregnant === true && c.history.pregnancyTrimester === 3;
  if (hepaticMarkerNormal) {
    if (thirdTrimester) return { origin: 'placental', basis: 'pregnancy' };
    if (c.history?.pregnant === true) {
      return c.history.pregnancyTrimester === undefined
        ? { origin: 'undetermined', basis: 'pregnancy-trimester-unknown' }
        : { origin: 'undetermined', basis: 'pregnancy-before-third-trimester' };
    }
    if (d.boneSpecificAlpXUln !== undefined) {
      return { origin: 'undetermined', basis: 'hepatic-markers-and-bone-specific-alp-normal' };
    }
    if (c.history?.fasting === false)
      return { origin: 'undetermined', basis: 'hepatic-markers-normal-non-fasting' };
    return { origin: 'bone', basis: 'hepatic-markers-normal' };
  }
  if (ggtRaised) return { origin: 'undetermined', basis: 'ggt-confounded' };
  if (thirdTrimester) return { origin: 'placental', basis: 'pregnancy' };
  if (c.history?.ageYears !== undefined && c.history.ageYears < 18)
    return { origin: 'bone', basis: 'growth' };
  return { origin: 'undetermined', basis: 'no-marker' };
}
