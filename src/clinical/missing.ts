import { alpRaised, onProteasomeInhibitor, onTherapy, type Facts } from './facts';
import { LAB_FIELDS } from './field-info';
import { ggtConfounded } from './origin';
import { noDuctDilatation } from './rules/hepatic';
import { cholangitisCholestasis, cholangitisImaging, cholangitisInflammation } from './rules/red-flags';
import { ulnsNeededForRedFlags } from './uln-needed';
import { valueAtPath } from './value-at';

const over = (x: number | undefined, limit: number): boolean => x !== undefined && x > limit;

const unknown = (f: Facts, path: string): boolean => valueAtPath(f.input, path) === undefined;

/** A lab, then its ULN when the value is known without one. */
function labWithUln(f: Facts, field: (typeof LAB_FIELDS)[number]): string[] {
  const lab = f.labs[field];
  if (lab === undefined) return [field];
  return lab.uln === undefined ? [`${field}.uln`] : [];
}

/** Inputs of the red-flag rules, asked early because a red flag interrupts everything else. */
function redFlagInputs(f: Facts): string[] {
  const c = f.input;
  const paths: string[] = [];
  if (unknown(f, 'symptoms.fever') && c.temperatureC === undefined) paths.push('symptoms.fever');
  if (f.labs.bilirubinTotal === undefined) paths.push('symptoms.jaundice');
  paths.push('symptoms.confusion', 'symptoms.newBonePain', 'symptoms.neuroDeficit');
  paths.push(...labWithUln(f, 'bilirubinTotal'), ...labWithUln(f, 'alt'), ...labWithUln(f, 'ast'));
  const inrMatters =
    c.symptoms?.confusion === true ||
    c.symptoms?.jaundice === true ||
    over(f.derived.bilirubinXUln, 1) ||
    over(f.derived.altXUln, 3) ||
    over(f.derived.astXUln, 3) ||
    (cholangitisInflammation(f) && (cholangitisCholestasis(f) || cholangitisImaging(f)));
  if (inrMatters) paths.push('inr');
  // Calcium is read with albumin (decision 17): asked together, so it is never read uncorrected unasked.
  paths.push(...labWithUln(f, 'calcium'), 'albumin');
  if (!cholangitisInflammation(f) && (cholangitisCholestasis(f) || cholangitisImaging(f))) {
    paths.push('temperatureC', 'wbc', 'crp');
  }
  return paths.filter((path) => unknown(f, path) || path.endsWith('.uln'));
}

function originInputs(f: Facts): string[] {
  if (f.origin !== 'undetermined' && f.originBasis !== 'hepatic-markers-normal') return [];
  const paths: string[] = [];
  if (f.originBasis === 'pregnancy-trimester-unknown') paths.push('history.pregnancyTrimester');
  if (
    f.originBasis === 'pregnancy-trimester-unknown' ||
    f.originBasis === 'pregnancy-before-third-trimester'
  ) {
    paths.push('heatStableAlpPercent', 'isoenzymes', 'boneSpecificAlp');
  }
  if (f.originBasis === 'no-marker') {
    paths.push('ggt', 'nucleotidase5', 'boneSpecificAlp', 'isoenzymes', 'heatStableAlpPercent');
  }
  if (f.labs.ggt !== undefined && f.labs.ggt.uln === undefined) paths.push('ggt.uln');
  if (over(f.derived.ggtXUln, 1) && !ggtConfounded(f.input)) {
    paths.push('history.alcohol', 'history.enzymeInducingDrugs');
  }
  if (f.originBasis === 'ggt-confounded' || f.originBasis.endsWith('inconclusive')) {
    paths.push('nucleotidase5', 'isoenzymes', 'heatStableAlpPercent', 'boneSpecificAlp');
  }
  if (f.originBasis === 'hepatic-markers-and-bone-specific-alp-normal') paths.push('isoenzymes');
  if (f.originBasis === 'hepatic-markers-normal' || f.originBasis === 'no-marker') {
    paths.push('history.fasting');
  }
  return paths;
}

/** GGT raised without the exposures that confound it: still open whether they are present. */
function confounderInputs(f: Facts): string[] {
  return f.originBasis === 'hepatic-marker-raised' &&
    over(f.derived.ggtXUln, 1) &&
    !over(f.derived.nucleotidase5XUln, 1)
    ? ['history.alcohol', 'history.enzymeInducingDrugs']
    : [];
}

function liverInputs(f: Facts): string[] {
  const c = f.input;
  const paths: string[] = [];
  const us = c.imaging?.ultrasound;
  const aWithoutB = cholangitisInflammation(f) && !cholangitisCholestasis(f);
  if (f.origin === 'liver' || (f.origin === 'undetermined' && aWithoutB)) paths.push('imaging.ultrasound');
  if (f.origin !== 'liver') return paths;
  if (over(f.derived.bilirubinXUln, 1)) paths.push('bilirubinDirect');
  if (noDuctDilatation(f)) paths.push('ama');
  if ((f.derived.alpXUln ?? 0) >= 2 && over(f.derived.ggtXUln, 1)) paths.push('therapy.newDrug');
  if (over(f.derived.alpXUln, 1.5)) paths.push('history.amyloidosis');
  if (c.history?.amyloidosis === true && !over(f.derived.alpXUln, 1.5)) {
    paths.push('history.liverSpanCm', 'history.heartFailure');
  }
  if ((f.derived.alpXUln ?? 0) >= 1.5 && us === 'normal' && c.ama === 'negative') {
    paths.push('history.persistentElevation');
  }
  return paths;
}

function boneAndTherapyInputs(f: Facts): string[] {
  const c = f.input;
  const paths: string[] = ['therapy.agent'];
  const agent = c.therapy?.agent;
  if (onTherapy(f) || agent === undefined) paths.push('alpBaseline');
  const boneOrOpen = f.origin === 'bone' || f.origin === 'undetermined';
  if ((agent === 'bortezomib' || agent === 'carfilzomib') && boneOrOpen) paths.push('therapy.weeksOnTherapy');
  if (onProteasomeInhibitor(f) && f.origin === 'bone') paths.push('therapy.steroids');
  if (agent === 'bortezomib' && f.origin === 'bone') paths.push('therapy.melphalan');
  if (boneOrOpen) paths.push('history.recentFracture');
  if (f.origin === 'bone') {
    paths.push(
      'history.denosumabStopped',
      'history.bisphosphonate',
      'history.knownBoneDisease',
      'history.renalImpairment',
    );
  }
  return paths;
}

/** Decision 12: pregnancy is possible unless the sex is male or the age is known outside 12-55 years. */
export const PREGNANCY_POSSIBLE_AGES = { from: 12, to: 55 } as const;

function physiologicalInputs(f: Facts): string[] {
  if (f.origin === 'liver') return [];
  const history = f.input.history;
  const age = history?.ageYears;
  const ageAllowsPregnancy =
    age === undefined || (age >= PREGNANCY_POSSIBLE_AGES.from && age <= PREGNANCY_POSSIBLE_AGES.to);
  const paths: string[] = ageAllowsPregnancy ? ['history.sex', 'history.ageYears'] : ['history.ageYears'];
  if (ageAllowsPregnancy && history?.sex !== 'male') paths.push('history.pregnant');
  if (history?.pregnant === true) paths.push('history.pregnancyTrimester');
  return paths;
}

/**
 * Case fields whose value would change the assessment, most useful first: the ALP's ULN (nothing
 * is graded without it), the ULNs a red flag still depends on (decision 11), GGT when an isolated rise has no origin yet, then every red-flag input,
 * then what the current branch needs. Fields whose answer could not change anything are left
 * out, e.g. no ultrasound while the origin is bone.
 */
export function missingFields(f: Facts): string[] {
  const paths: string[] = [];
  if (f.labs.alp.uln === undefined) paths.push('alp.uln');
  paths.push(...ulnsNeededForRedFlags(f).map((need) => `${need.field}.uln`));
  const alpMayBeRaised = f.derived.alpXUln === undefined || alpRaised(f);
  if (f.pattern === 'isolated' && f.originBasis === 'no-marker') paths.push('ggt');
  paths.push(...redFlagInputs(f));
  if (alpMayBeRaised) {
    paths.push(...originInputs(f), ...confounderInputs(f), ...liverInputs(f), ...boneAndTherapyInputs(f));
    paths.push(...physiologicalInputs(f));
  } else if (f.input.history?.knownBoneDisease === undefined) {
    paths.push('history.knownBoneDisease');
  }
  const stillUnknown = paths.filter((path) => path.endsWith('.uln') || unknown(f, path));
  return [...new Set(stillUnknown)];
}
