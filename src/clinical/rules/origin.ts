import { alpRaised, type Facts } from '../facts';
import { times } from '../format';
import {
  DOMINANT_FRACTION_PERCENT,
  ggtConfounded,
  HEAT_STABLE_BONE_AT_MOST,
  HEAT_STABLE_PLACENTAL_ABOVE,
  isoenzymeFractions,
} from '../origin';
import type { Rule } from '../rule';

const over = (x: number | undefined, limit: number): boolean => x !== undefined && x > limit;

export const unconfoundedHepaticMarkerRaised = (f: Facts): boolean =>
  over(f.derived.nucleotidase5XUln, 1) || (over(f.derived.ggtXUln, 1) && !ggtConfounded(f.input));

function markerText(f: Facts): string {
  const parts: string[] = [];
  if (f.derived.ggtXUln !== undefined) parts.push(`GGT ${times(f.derived.ggtXUln)} ULN`);
  if (f.derived.nucleotidase5XUln !== undefined)
    parts.push(`5'-nucleotidase ${times(f.derived.nucleotidase5XUln)} ULN`);
  return parts.join(', ');
}

function isoenzymeText(f: Facts): string {
  return isoenzymeFractions(f.input.isoenzymes ?? {})
    .filter(([, p]) => p !== undefined)
    .map(([name, p]) => `${name} ${p}%`)
    .join(', ');
}

export const ORIGIN_RULES: readonly Rule[] = [
  {
    id: 'O-9',
    group: 'origin',
    kind: 'caution',
    condition: 'ALP > 1x ULN and origin undetermined',
    applies: (f) => alpRaised(f) && f.origin === 'undetermined',
    recommendation:
      "Do not assume the ALP is from bone: in myeloma an elevated ALP is unusual and needs a cause, established by GGT, 5'-nucleotidase or fractionation.",
    why: 'The seed article (S1) says an elevated ALP in myeloma "commonly reflects bone metabolism". The primary data say otherwise: ALP is usually normal even with lytic lesions, because myeloma suppresses osteoblasts (Annibali 2020, 440 myeloma patients with bone lesions; Terpos 2007). Only a minority have ALP above 2x ULN. So a raised ALP calls for a specific explanation, hepatic causes included.',
    seed: ['S1'],
    sources: ['annibali2020', 'terpos2007'],
    evidence: 'study',
  },
  {
    id: 'O-0',
    group: 'origin',
    kind: 'next-step',
    condition: "ALP > 1x ULN and no GGT, 5'NT, isoenzymes, heat inactivation or bone-specific ALP result",
    applies: (f) => alpRaised(f) && f.originBasis === 'no-marker',
    recommendation:
      "Order GGT (or 5'-nucleotidase) to tell hepatic from non-hepatic ALP; if GGT is unavailable or confounded (alcohol, enzyme-inducing drugs), fractionate ALP.",
    why: "ACR 2023 and the VA hepatitis course: a normal GGT or 5'-nucleotidase with a raised ALP points away from the liver; a raised one points to it. 5'-nucleotidase is more liver-specific but less available. The seed article (S7) lists the same tests. The VA course is a web course and counts as expert convention (decision 20); the guideline level rests on ACR 2023.",
    seed: ['S7'],
    sources: ['acr2023', 'vaHepatitis', 'kwo2017'],
    evidence: 'guideline',
  },
  {
    id: 'O-2',
    group: 'origin',
    kind: 'interpretation',
    condition:
      "5'NT > 1x ULN, or GGT > 1x ULN without alcohol or enzyme-inducing drugs (and no isoenzyme or heat-inactivation result saying otherwise)",
    applies: (f) => f.originBasis === 'hepatic-marker-raised',
    detail: (f) => `${markerText(f)}.`,
    recommendation: 'Hepatic origin: follow the liver branch (right upper quadrant ultrasound first).',
    why: "ACR 2023: a raised GGT with a raised ALP indicates a hepatobiliary source; 5'-nucleotidase is more specific for liver and cholestasis and is not raised in bone disease (hepatitiscentral; VA course). GGT is also raised by alcohol and enzyme inducers, which is why those exposures send the case to fractionation instead (O-3). The VA course and hepatitiscentral are web education pages, cited as expert convention (decision 20, changed in content 1.1.0); the guideline level rests on ACR 2023.",
    seed: ['S7'],
    sources: ['acr2023', 'vaHepatitis', 'hepatitisCentral'],
    evidence: 'guideline',
  },
  {
    id: 'O-1',
    group: 'origin',
    kind: 'interpretation',
    condition:
      "ALP > 1x ULN, GGT <= 1x ULN or 5'NT <= 1x ULN (none raised), not pregnant, not a non-fasting sample, bone-specific ALP not known (a raised one is O-6, a normal one O-11)",
    applies: (f) => f.originBasis === 'hepatic-markers-normal',
    detail: (f) => `${markerText(f)}.`,
    recommendation: 'Non-hepatic origin: bone likely. Follow the bone branch.',
    why: 'ACR 2023 and the VA course: "If the GGT or 5\' nucleotidase are normal, then the origin is NOT the liver." GGT is not raised by bone disease, pregnancy or growth. The VA course is a web course, cited as expert convention (decision 20); the guideline level rests on ACR 2023. Bone is the usual non-hepatic source in an adult; intestinal ALP (non-fasting sample) and placental ALP (pregnancy) are the others, asked about separately. Changed in content 1.1.0: in pregnancy a normal GGT no longer reads as bone (O-14, decision 12), and a normal ALP has no origin to find (decision 15).',
    seed: ['S7'],
    sources: ['acr2023', 'vaHepatitis'],
    evidence: 'guideline',
  },
  {
    id: 'O-3',
    group: 'origin',
    kind: 'next-step',
    condition:
      "GGT > 1x ULN with alcohol or enzyme-inducing drugs, and no 5'NT, isoenzyme, heat-inactivation or bone-specific ALP result",
    applies: (f) => f.originBasis === 'ggt-confounded',
    detail: (f) =>
      `${markerText(f)}, with ${f.input.history?.alcohol === true ? 'alcohol use' : 'enzyme-inducing drugs'}.`,
    recommendation: `Fractionate ALP: isoenzymes, heat inactivation (residual <= ${HEAT_STABLE_BONE_AT_MOST}% = bone) or bone-specific ALP; 5'-nucleotidase is an alternative liver marker.`,
    why: 'GGT is raised by chronic or binge alcohol and by enzyme-inducing drugs (phenytoin, phenobarbital) without liver disease, so here it cannot place the ALP (hepatitiscentral). Heat inactivation thresholds come from Moss & Henderson as reproduced by medicalalgorithms.com, read second-hand [P]. The seed article (S6) also suggests fractionation.',
    seed: ['S6'],
    sources: ['hepatitisCentral', 'mossHenderson'],
    evidence: 'expert-convention',
  },
  {
    id: 'O-4',
    group: 'origin',
    kind: 'interpretation',
    condition: `An ALP isoenzyme fraction >= ${DOMINANT_FRACTION_PERCENT}% of the total`,
    applies: (f) => f.originBasis === 'isoenzymes',
    detail: (f) => `Isoenzymes: ${isoenzymeText(f)}.`,
    recommendation: 'Origin read from the dominant isoenzyme fraction.',
    why: `Fractionation places the source directly (seed S6, S1: "especially when the bone-specific isoenzyme is elevated"). The clinical reference gives no numeric cut-off for a dominant fraction; reading a fraction of ${DOMINANT_FRACTION_PERCENT}% or more as the source is a team convention [NV], and your lab's own fraction reference ranges take precedence. Electrophoresis separates liver from intestinal ALP better than liver from bone.`,
    seed: ['S6', 'S1'],
    sources: ['teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'O-4b',
    group: 'origin',
    kind: 'caution',
    condition: `ALP isoenzymes given but no fraction >= ${DOMINANT_FRACTION_PERCENT}%`,
    applies: (f) => f.originBasis === 'isoenzymes-inconclusive',
    detail: (f) => `Isoenzymes: ${isoenzymeText(f)}.`,
    recommendation:
      "No single dominant fraction: more than one source may contribute. Read the fractions against your lab's reference ranges, with GGT or 5'-nucleotidase.",
    why: `The clinical reference is silent on how to read a mixed isoenzyme result, so the engine does not name an origin; the ${DOMINANT_FRACTION_PERCENT}% dominance threshold is a team convention [NV].`,
    seed: ['S6'],
    sources: ['teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'O-5',
    group: 'origin',
    kind: 'interpretation',
    condition: `Heat-stable ALP <= ${HEAT_STABLE_BONE_AT_MOST}% (bone) or > ${HEAT_STABLE_PLACENTAL_ABOVE}% (placental), without an isoenzyme result`,
    applies: (f) => f.originBasis === 'heat-inactivation',
    detail: (f) => `Heat-stable ALP ${f.input.heatStableAlpPercent}% after 56 °C for 10 min.`,
    recommendation: `Origin from heat inactivation: residual <= ${HEAT_STABLE_BONE_AT_MOST}% = bone, > ${HEAT_STABLE_PLACENTAL_ABOVE}% = placental (Regan).`,
    why: 'Heat inactivation at 56 °C for 10 min (Moss & Henderson, read second-hand [P]): bone ALP is heat-labile ("bone burns"), placental ALP about 90% heat-stable. The method is semi-quantitative and insensitive to mild rises; electrophoresis is preferred then.',
    seed: ['S6'],
    sources: ['mossHenderson'],
    evidence: 'expert-convention',
  },
  {
    id: 'O-5b',
    group: 'origin',
    kind: 'next-step',
    condition: `Heat-stable ALP > ${HEAT_STABLE_BONE_AT_MOST}% and <= ${HEAT_STABLE_PLACENTAL_ABOVE}% with no raised liver marker`,
    applies: (f) => f.originBasis === 'heat-inactivation-inconclusive',
    detail: (f) => `Heat-stable ALP ${f.input.heatStableAlpPercent}%.`,
    recommendation:
      "Liver or intestinal ALP: GGT or 5'-nucleotidase separates them (or electrophoresis, which separates liver from intestinal well).",
    why: 'A residual of 21-55% after heat inactivation fits liver or intestinal ALP (Moss & Henderson, read second-hand [P]).',
    seed: ['S6'],
    sources: ['mossHenderson', 'acr2023'],
    evidence: 'expert-convention',
  },
  {
    id: 'O-6',
    group: 'origin',
    kind: 'interpretation',
    condition:
      "Bone-specific ALP > 1x its ULN with no unconfounded raised GGT or 5'NT (and no isoenzyme or heat-inactivation result)",
    applies: (f) => f.originBasis === 'bone-specific-alp',
    detail: (f) => `Bone-specific ALP ${times(f.derived.boneSpecificAlpXUln ?? 0)} ULN.`,
    recommendation: 'Bone origin: follow the bone branch.',
    why: "A raised bone-specific ALP places the rise in bone (seed S1). The immunoassays cross-react with liver ALP (IRMA 11-14%, Farley 1994; 8.7% for an immunoselective assay), so in marked cholestasis BSAP can read mildly high: that is why a raised GGT or 5'-nucleotidase takes precedence.",
    seed: ['S1', 'S6'],
    sources: ['farley1994'],
    evidence: 'study',
  },
  {
    id: 'O-7',
    group: 'origin',
    kind: 'interpretation',
    condition:
      'No raised liver marker and (third trimester of pregnancy -> placental, or age < 18 -> bone growth)',
    applies: (f) => f.originBasis === 'pregnancy' || f.originBasis === 'growth',
    detail: (f) => (f.originBasis === 'pregnancy' ? 'Third trimester of pregnancy.' : 'Age under 18.'),
    recommendation:
      'A physiological origin explains the ALP (placental in pregnancy, bone in growth); confirm with GGT if in doubt.',
    why: 'ACR 2023: ALP is physiologically higher in childhood and adolescence (bone growth) and in pregnancy (placental production); the Beckman Coulter reagent insert describes non-pathological third-trimester rises.',
    seed: [],
    sources: ['acr2023', 'beckmanAlpInsert'],
    evidence: 'guideline',
  },
  {
    id: 'O-14',
    group: 'origin',
    kind: 'next-step',
    condition:
      "Pregnant, trimester unknown or first/second, GGT or 5'NT normal, and no isoenzyme, heat-inactivation or raised bone-specific ALP result",
    applies: (f) =>
      f.originBasis === 'pregnancy-trimester-unknown' || f.originBasis === 'pregnancy-before-third-trimester',
    detail: (f) =>
      f.originBasis === 'pregnancy-trimester-unknown'
        ? 'Pregnant, trimester not given: give it first (in the third trimester placental ALP is the physiological reading).'
        : `Pregnant, trimester ${f.input.history?.pregnancyTrimester}: a placental contribution is possible but not the default.`,
    recommendation: `Origin undetermined, placental ALP possible: a normal GGT does not separate bone from placenta. Heat-stable ALP (residual > ${HEAT_STABLE_PLACENTAL_ABOVE}% = placental), isoenzymes or bone-specific ALP decide it.`,
    why: 'ACR 2023: ALP is physiologically higher in pregnancy from placental production, and the Beckman Coulter insert describes non-pathological rises in the third trimester; GGT is not raised by pregnancy, so a normal GGT cannot tell placental from bone ALP. Heat inactivation thresholds (Moss & Henderson) are read second-hand [P]. New in content 1.1.0 (decision 12, team convention [NV] for reading the first and second trimesters this way): a normal GGT in pregnancy used to give "bone" and the bone branch.',
    seed: [],
    sources: ['acr2023', 'beckmanAlpInsert', 'mossHenderson', 'teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'O-12',
    group: 'origin',
    kind: 'next-step',
    condition: 'Origin intestinal',
    applies: (f) => f.origin === 'intestinal',
    recommendation:
      'Intestinal ALP: usually benign (blood group O or B secretors, after a fatty meal). Repeat ALP on a fasting sample; if it normalises, no further workup is needed for the ALP.',
    why: "After a high-fat meal ALP rose by a mean 48-55 U/L at 3-6 h in blood group B/O secretors (Matsushita 2011); intestinal ALP was found in 5% of healthy adults and 20% of group O, and the authors advise fasting samples (Korean J Lab Med 2004). That a normal fasting repeat ends the ALP workup is the team's reading [NV].",
    seed: ['S6'],
    sources: ['matsushita2011', 'koreanJLabMed2004'],
    evidence: 'study',
  },
  {
    id: 'O-13',
    group: 'origin',
    kind: 'caution',
    condition: 'Origin placental outside the third trimester of pregnancy',
    applies: (f) =>
      f.origin === 'placental' &&
      !(f.input.history?.pregnant === true && f.input.history.pregnancyTrimester === 3),
    recommendation:
      'Placental-type (heat-stable) ALP without a third-trimester pregnancy is not explained by physiology: discuss with the laboratory and consider a tumour source; the clinical reference gives no pathway for it.',
    why: 'Placental ALP is physiological in the third trimester (ACR 2023; Beckman Coulter insert). Outside pregnancy the clinical reference is silent, so the engine names the gap instead of a workup [NV].',
    seed: [],
    sources: ['acr2023', 'beckmanAlpInsert', 'teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'O-8',
    group: 'origin',
    kind: 'caution',
    condition:
      "Origin bone by fractionation with an unconfounded raised GGT or 5'NT, or origin liver with bone-specific ALP > 1x ULN",
    applies: (f) =>
      (f.origin === 'bone' && unconfoundedHepaticMarkerRaised(f)) ||
      (f.origin === 'liver' && over(f.derived.boneSpecificAlpXUln, 1)),
    recommendation:
      'Liver and bone may both contribute: work up the hepatic cause, and do not read the whole rise as bone.',
    why: "Bone-specific ALP assays cross-react 8.7-14% with liver ALP (Farley 1994), so a raised BSAP with cholestasis may be partly hepatic; and a liver marker that is raised for its own reason does not exclude bone turnover. The clinical reference has no rule for combining them, so the engine flags both rather than choosing; this caution is the team's reasoning, not verified against a source [NV].",
    seed: [],
    sources: ['farley1994', 'acr2023'],
    evidence: 'expert-convention',
  },
  {
    id: 'O-11',
    group: 'origin',
    kind: 'caution',
    condition: "GGT or 5'NT normal and bone-specific ALP <= 1x ULN",
    applies: (f) => f.originBasis === 'hepatic-markers-and-bone-specific-alp-normal',
    recommendation:
      'Neither liver nor bone explains the ALP: consider intestinal ALP (repeat fasting), placental ALP (pregnancy) or a method problem, and fractionate isoenzymes.',
    why: "A normal GGT points away from the liver and a normal bone-specific ALP away from bone. The clinical reference has no rule for this combination; the remaining sources are intestinal and placental ALP (ACR 2023; Matsushita 2011). The suggestion is the team's reasoning [NV].",
    seed: ['S6'],
    sources: ['acr2023', 'matsushita2011'],
    evidence: 'expert-convention',
  },
];
