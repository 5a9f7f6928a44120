import { alpRaised, onProteasomeInhibitor, pregnant, type Facts } from '../facts';
import { amount, inUnit, signedPercent, times } from '../format';
import type { Rule } from '../rule';

/** Zangari 2007 measured the rise at week 6; Zangari 2005 saw it within 3 three-week cycles, hence weeks 3-9. */
export const BORTEZOMIB_RISE_PERCENT = 25;
export const BORTEZOMIB_WINDOW_FIRST_WEEK = 3;
export const BORTEZOMIB_WINDOW_WEEKS = 9;
/** Decision 14: before week 3 or after week 12 the studies do not cover the time at all. */
export const BORTEZOMIB_STUDIED_LAST_WEEK = 12;
/**
 * Decision 14 (team convention [NV]): the reassurance holds for rises of the size the studies saw
 * (VISTA median maximum +49.7%); beyond CTCAE grade 1 (ALP > 2.5x ULN) or a rise > 100% it does not.
 */
export const PI_REASSURANCE_MAX_X_ULN = 2.5;
export const PI_REASSURANCE_MAX_RISE_PERCENT = 100;
/** Zangari 2011 (carfilzomib): ALP rose > 15 U/L at cycle 2 day 1 (week 5 of 28-day cycles); window to week 8. */
export const CARFILZOMIB_RISE_UL = 15;
export const CARFILZOMIB_WINDOW_WEEKS = 8;

const agent = (f: Facts) => f.input.therapy?.agent;
const weeks = (f: Facts) => f.input.therapy?.weeksOnTherapy;
const boneOrigin = (f: Facts) => f.origin === 'bone';

/** A bortezomib rise of >= 25% from baseline, whatever the week (the week is known). */
const bortezomibRise = (f: Facts): boolean => {
  const change = f.derived.alpChangePercent;
  return (
    agent(f) === 'bortezomib' &&
    change !== undefined &&
    change >= BORTEZOMIB_RISE_PERCENT &&
    weeks(f) !== undefined
  );
};

const inBortezomibWindow = (w: number): boolean =>
  w >= BORTEZOMIB_WINDOW_FIRST_WEEK && w <= BORTEZOMIB_WINDOW_WEEKS;

export const bortezomibRiseInWindow = (f: Facts): boolean =>
  bortezomibRise(f) && inBortezomibWindow(weeks(f) ?? -1);

/**
 * The rise is of the size the proteasome-inhibitor studies saw: ALP known to be within CTCAE grade
 * 1 and no more than doubled. Unknown is not within (the ALP ULN or the baseline missing).
 */
export const riseWithinStudiedSize = (f: Facts): boolean => {
  const { alpXUln, alpChangePercent } = f.derived;
  return (
    alpXUln !== undefined &&
    alpXUln <= PI_REASSURANCE_MAX_X_ULN &&
    (alpChangePercent === undefined || alpChangePercent <= PI_REASSURANCE_MAX_RISE_PERCENT)
  );
};

export const carfilzomibRiseInWindow = (f: Facts): boolean => {
  const w = weeks(f);
  const rise = f.derived.alpRiseUL;
  return (
    agent(f) === 'carfilzomib' &&
    rise !== undefined &&
    rise > CARFILZOMIB_RISE_UL &&
    w !== undefined &&
    w <= CARFILZOMIB_WINDOW_WEEKS
  );
};

export const vmpRise = (f: Facts): boolean =>
  agent(f) === 'bortezomib' &&
  f.input.therapy?.melphalan === true &&
  f.derived.alpChangePercent !== undefined &&
  f.derived.alpChangePercent > 0;

/** A proteasome-inhibitor association explains the rise only for a rise of the size the studies saw (decision 14). */
const explainedByProteasomeInhibitor = (f: Facts): boolean =>
  (bortezomibRiseInWindow(f) || carfilzomibRiseInWindow(f) || vmpRise(f)) && riseWithinStudiedSize(f);

function sizeBeyondStudies(f: Facts): string {
  const { alpXUln, alpChangePercent } = f.derived;
  if (alpXUln === undefined) return 'the ALP ULN is not given, so the size of the rise cannot be checked';
  const parts = [
    alpXUln > PI_REASSURANCE_MAX_X_ULN ? `ALP ${times(alpXUln)} ULN is beyond CTCAE grade 1` : '',
    alpChangePercent !== undefined && alpChangePercent > PI_REASSURANCE_MAX_RISE_PERCENT
      ? `a rise of ${signedPercent(alpChangePercent)} is more than double the baseline`
      : '',
  ];
  return parts.filter((s) => s !== '').join(', and ');
}

const B1_WHY =
  'In the APEX bortezomib arm (Zangari 2007, n = 333, retrospective), a >= 25% ALP rise at week 6 was the most powerful predictor of response (CR+PR; P < 0.0001) and of longer time to progression (206 vs 169 days). The seed article (S10) says "VGPR or better": that association comes from a different, carfilzomib study (Zangari 2011; see B-2), so the engine cites response as CR+PR. The rise parallels bone-specific ALP and PTH (Zangari 2005, seed S11; prospectively, bone ALP change went with >= PR and PTH rose in responders, Zangari 2011, Haematologica, n = 16), but Heider 2006 found osteoblast activation irrespective of response [P], so it supports a response without proving one (seeds S2, S15, S19, S21, read with this limit).';

/** Decision 15: bone-targeted therapy follows known bone disease, or a raised ALP of bone origin; never a normal ALP. */
const boneTherapyIndicated = (f: Facts): boolean =>
  f.input.history?.knownBoneDisease === true || (boneOrigin(f) && alpRaised(f));

const B5_WHY =
  'IMWG 2013: bisphosphonates for all patients on first-line therapy, with or without lytic lesions; continue in active disease and resume at relapse (seed S18). IMWG Bone Working Group 2021: zoledronic acid preferred; after >= 12 months and >= VGPR, consider spacing or stopping; denosumab particularly with renal impairment. These reduce skeletal-related events (seed S12).';

export const BONE_RULES: readonly Rule[] = [
  {
    id: 'B-1',
    group: 'bone',
    kind: 'interpretation',
    condition: `Bone origin, on bortezomib, ALP >= ${BORTEZOMIB_RISE_PERCENT}% above baseline at weeks ${BORTEZOMIB_WINDOW_FIRST_WEEK}-${BORTEZOMIB_WINDOW_WEEKS}, ALP <= ${PI_REASSURANCE_MAX_X_ULN}x ULN (CTCAE grade 1) and a rise of no more than ${PI_REASSURANCE_MAX_RISE_PERCENT}%`,
    applies: (f) => boneOrigin(f) && bortezomibRiseInWindow(f) && riseWithinStudiedSize(f),
    detail: (f) =>
      `ALP ${signedPercent(f.derived.alpChangePercent ?? 0)} from baseline at week ${amount(weeks(f) ?? 0)} of bortezomib.`,
    recommendation:
      'Compatible with osteoblastic activation, which is associated with response: continue bortezomib, take no action on the ALP itself, and assess response by IMWG criteria as planned. It is not a response criterion and not a stop signal.',
    why: `${B1_WHY} The weeks 3-9 window (APEX measured week 6; Zangari 2005 saw the rise within three 3-week cycles) and the size limits (CTCAE grade 1, a rise of at most 100%, against the VISTA median maximum of +49.7%) are team convention [NV]. Changed in content 1.1.0 (decision 14): before, the reassurance had no lower week limit and no size limit; a larger rise now gets B-1b and the search for other causes (B-4).`,
    seed: ['S2', 'S10', 'S11', 'S15', 'S19', 'S21'],
    sources: [
      'zangari2007',
      'zangari2005',
      'zangari2011Haematologica',
      'heider2006',
      'delforgeVista',
      'teamConvention',
    ],
    evidence: 'study',
  },
  {
    id: 'B-1b',
    group: 'bone',
    kind: 'caution',
    condition: `Bone origin, on bortezomib, ALP >= ${BORTEZOMIB_RISE_PERCENT}% above baseline at weeks ${BORTEZOMIB_WINDOW_FIRST_WEEK}-${BORTEZOMIB_WINDOW_WEEKS}, but ALP > ${PI_REASSURANCE_MAX_X_ULN}x ULN, a rise > ${PI_REASSURANCE_MAX_RISE_PERCENT}%, or the ALP ULN unknown`,
    applies: (f) => boneOrigin(f) && bortezomibRiseInWindow(f) && !riseWithinStudiedSize(f),
    detail: (f) =>
      `ALP ${signedPercent(f.derived.alpChangePercent ?? 0)} from baseline at week ${amount(weeks(f) ?? 0)} of bortezomib: ${sizeBeyondStudies(f)}.`,
    recommendation:
      'Context only: bortezomib-associated osteoblastic activation may contribute, but the studies saw smaller rises, so the ALP is not taken as explained. Do not rely on it as reassurance; search for other bone causes as well (B-4).',
    why: `${B1_WHY} The studies saw rises of a limited size (VISTA median maximum +49.7%); beyond CTCAE grade 1 or a doubling, the association cannot be assumed to explain the ALP (decision 14; the ceilings are team convention [NV]). New in content 1.1.0: such a rise used to get the B-1 reassurance and switched off B-4.`,
    seed: ['S10', 'S19', 'S21'],
    sources: ['zangari2007', 'delforgeVista', 'teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'B-1c',
    group: 'bone',
    kind: 'caution',
    condition: `Bone origin, on bortezomib, ALP >= ${BORTEZOMIB_RISE_PERCENT}% above baseline outside weeks ${BORTEZOMIB_WINDOW_FIRST_WEEK}-${BORTEZOMIB_WINDOW_WEEKS}`,
    applies: (f) => boneOrigin(f) && bortezomibRise(f) && !inBortezomibWindow(weeks(f) ?? -1),
    detail: (f) => {
      const w = weeks(f) ?? 0;
      const outsideStudies = w < BORTEZOMIB_WINDOW_FIRST_WEEK || w > BORTEZOMIB_STUDIED_LAST_WEEK;
      return outsideStudies
        ? `Week ${amount(w)} of bortezomib: the studies do not cover that time.`
        : `Week ${amount(w)} of bortezomib is after the weeks 3-9 window; the clinical reference gives no reading for weeks 10-12.`;
    },
    recommendation:
      'The bortezomib-response association cannot be applied at this time: explain the bone ALP as for any other cause (B-4).',
    why: `The APEX analysis measured the rise at week 6 (Zangari 2007) and Zangari 2005 within three 3-week cycles; before week 3 or after week 12 the studies do not cover the time (decision 14), and between weeks 10 and 12 the clinical reference is silent, so the engine says so rather than extend the reassurance [NV]. New in content 1.1.0: a rise at week 0-2 used to get the B-1 reassurance.`,
    seed: ['S10'],
    sources: ['zangari2007', 'zangari2005', 'teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'B-2',
    group: 'bone',
    kind: 'interpretation',
    condition: `Bone origin, on carfilzomib, ALP > ${CARFILZOMIB_RISE_UL} U/L above baseline, at week ${CARFILZOMIB_WINDOW_WEEKS} or earlier`,
    applies: (f) => boneOrigin(f) && carfilzomibRiseInWindow(f),
    detail: (f) =>
      `ALP up ${inUnit(f.derived.alpRiseUL ?? 0, 'U/L')} U/L from baseline at week ${amount(weeks(f) ?? 0)} of carfilzomib.`,
    recommendation:
      'An early ALP rise on carfilzomib was associated with VGPR or better: a supportive sign, not a response criterion; assess response by IMWG criteria.',
    why: 'Zangari 2011 (carfilzomib, PX-171-003/-004, 67 evaluable patients, retrospective): the ALP increment differed between >= VGPR and other responses at cycle 2 day 1 (P = 0.0049), where ALP rose by more than 15 U/L in >= VGPR patients. This is where the seed article\'s (S10) "VGPR" belongs. The week-8 window around cycle 2 day 1 is the team\'s reading [NV].',
    seed: ['S10', 'S2'],
    sources: ['zangari2011Carfilzomib'],
    evidence: 'study',
  },
  {
    id: 'B-3',
    group: 'bone',
    kind: 'interpretation',
    condition: 'Bone origin, bortezomib with melphalan-prednisone (VMP), ALP above baseline',
    applies: (f) => boneOrigin(f) && vmpRise(f),
    detail: (f) => `ALP ${signedPercent(f.derived.alpChangePercent ?? 0)} from baseline on VMP.`,
    recommendation:
      'On VMP, larger ALP rises went with better responses: a supportive sign, not a response criterion.',
    why: 'VISTA post-hoc (Delforge, Terpos et al.; 344 VMP vs 338 MP): median maximum ALP rise 49.7% vs 30.3% (P = 0.029), and a greater rise was associated with complete response (P <= 0.0001). Journal and year were read second-hand [P].',
    seed: ['S2'],
    sources: ['delforgeVista'],
    evidence: 'study',
  },
  {
    id: 'B-11',
    group: 'bone',
    kind: 'caution',
    condition: 'Bone origin, on a proteasome inhibitor with steroids',
    applies: (f) => boneOrigin(f) && onProteasomeInhibitor(f) && f.input.therapy?.steroids === true,
    recommendation:
      'Steroids in the regimen can blunt the osteoblastic ALP rise: a small or absent rise does not argue against response.',
    why: 'Lund 2010: adding a glucocorticoid transiently inhibited the bortezomib-induced bone formation; in a Korean multicentre study (104 relapsed patients, 82% with a steroid) bone ALP and osteocalcin fell after bortezomib with steroid.',
    seed: [],
    sources: ['lund2010', 'biomedRes2014'],
    evidence: 'study',
  },
  {
    id: 'B-13',
    group: 'bone',
    kind: 'caution',
    condition: 'Bone origin, on ixazomib, ALP > 1x ULN',
    applies: (f) => boneOrigin(f) && agent(f) === 'ixazomib' && alpRaised(f),
    recommendation:
      'No ixazomib-specific data link an ALP rise to response: the bortezomib and carfilzomib associations cannot be carried over; explain the bone ALP as for any other cause.',
    why: 'The clinical reference found no ixazomib ALP or response data [NV]. Class effects on osteoblasts are plausible (Terpos 2007 review) but unproven for this drug.',
    seed: [],
    sources: ['terpos2007'],
    evidence: 'expert-convention',
  },
  {
    id: 'B-4',
    group: 'bone',
    kind: 'next-step',
    condition: `Bone origin, ALP > 1x ULN, and the rise not explained by a proteasome-inhibitor rule (B-1, B-2, B-3 within their weeks, with ALP <= ${PI_REASSURANCE_MAX_X_ULN}x ULN and a rise of no more than ${PI_REASSURANCE_MAX_RISE_PERCENT}%)`,
    applies: (f) => boneOrigin(f) && alpRaised(f) && !explainedByProteasomeInhibitor(f),
    recommendation:
      'Explain the bone ALP: ask about a recent fracture or vertebroplasty/kyphoplasty, vitamin D deficiency (osteomalacia), PTH and renal function (secondary hyperparathyroidism), a recent denosumab stop, and a second cancer with osteoblastic metastases. Image myeloma bone disease per IMWG (whole-body low-dose CT, then MRI; PET/CT). Do not order a bone scan.',
    why: "Myeloma suppresses osteoblasts, so ALP is usually normal even with lytic lesions (Annibali 2020): a raised bone ALP needs a specific cause. The list of causes is the team's [NV], apart from a second osteoblastic cancer [P]. IMWG 2019 makes whole-body low-dose CT the method of choice, MRI next; bone scans have no role in myeloma (Nau & Lewis). Changed in content 1.1.0 (decision 14): a proteasome-inhibitor rise beyond CTCAE grade 1 or above 100%, or outside the studied weeks, no longer counts as explained, so this search runs too.",
    seed: ['S1', 'S3'],
    sources: ['annibali2020', 'hillengass2019', 'nau2008', 'teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'B-8',
    group: 'bone',
    kind: 'interpretation',
    condition: 'Recent fracture or vertebroplasty, origin bone or undetermined, ALP > 1x ULN',
    applies: (f) =>
      f.input.history?.recentFracture === true &&
      alpRaised(f) &&
      (boneOrigin(f) || f.origin === 'undetermined'),
    recommendation:
      'A healing fracture can raise bone ALP; it is a plausible cause, once the origin is confirmed as bone.',
    why: 'Fracture healing raising bone ALP is standard physiology and "healing fractures" appear in Pratt & Kaplan-style algorithms [P]. The seed article (S3) cites a 1989 Japanese paper for this that could not be found [NV].',
    seed: ['S3'],
    sources: ['prattKaplan2000', 'teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'B-9',
    group: 'bone',
    kind: 'interpretation',
    condition: 'Denosumab recently stopped, origin bone, ALP > 1x ULN',
    applies: (f) => f.input.history?.denosumabStopped === true && boneOrigin(f) && alpRaised(f),
    recommendation:
      'Rebound bone turnover after stopping denosumab may raise bone ALP; IMWG notes that stopping denosumab is difficult because of the rebound.',
    why: 'IMWG Bone Working Group 2021: "denosumab discontinuation is challenging due to the rebound" effect. That the rebound raises ALP in myeloma is an inference [NV].',
    seed: [],
    sources: ['terpos2021'],
    evidence: 'expert-convention',
  },
  {
    id: 'B-10',
    group: 'bone',
    kind: 'caution',
    condition: 'On a bisphosphonate, origin bone',
    applies: (f) => f.input.history?.bisphosphonate === true && boneOrigin(f),
    recommendation:
      'Antiresorptive therapy lowers bone ALP: it can blunt a bone signal, so the rise may understate bone turnover.',
    why: "After IV bisphosphonate, bone-specific ALP fell more than total ALP in Paget's disease and hyperparathyroidism (Braga 1995). Applying this to myeloma is an inference [NV].",
    seed: [],
    sources: ['braga1995'],
    evidence: 'expert-convention',
  },
  {
    id: 'B-5',
    group: 'bone',
    kind: 'next-step',
    condition: 'Not pregnant, and known myeloma bone disease or an ALP > 1x ULN of bone origin',
    applies: (f) => boneTherapyIndicated(f) && !pregnant(f),
    detail: (f) =>
      f.input.history?.renalImpairment === true
        ? 'Renal impairment reported: denosumab is the option IMWG names for it.'
        : '',
    recommendation:
      'Confirm bone-targeted therapy: zoledronic acid preferred (denosumab particularly with renal impairment), monthly during initial therapy, continued while the disease is active and resumed at relapse.',
    why: `${B5_WHY} Changed in content 1.1.0 (decision 15): it appears only with known bone disease or a raised ALP of bone origin, never drawn from a normal ALP.`,
    seed: ['S12', 'S18'],
    sources: ['terpos2013', 'terpos2021'],
    evidence: 'guideline',
  },
  {
    id: 'B-5b',
    group: 'bone',
    kind: 'caution',
    condition: 'Pregnant, and known myeloma bone disease or an ALP > 1x ULN of bone origin',
    applies: (f) => boneTherapyIndicated(f) && pregnant(f),
    recommendation:
      'In pregnancy, bone-targeted therapy is a specialist (haematology and obstetric) decision: bisphosphonates and denosumab carry fetal-harm warnings on their labels, so none is recommended here.',
    why: `${B5_WHY} Those recommendations do not address pregnancy; both drug classes carry fetal-harm warnings on their US labels (label sections recalled [P]). New in content 1.1.0 (decision 12): B-5 used to recommend zoledronic acid in pregnancy.`,
    seed: [],
    sources: ['terpos2021', 'usLabels'],
    evidence: 'expert-convention',
  },
  {
    id: 'B-6',
    group: 'bone',
    kind: 'interpretation',
    condition: 'ALP <= 1x ULN with known myeloma bone disease',
    applies: (f) =>
      f.derived.alpXUln !== undefined && f.derived.alpXUln <= 1 && f.input.history?.knownBoneDisease === true,
    recommendation:
      'A normal ALP is expected with lytic lesions and does not exclude active bone disease: follow it with IMWG imaging, not ALP.',
    why: "Annibali 2020: ALP is mostly normal in myeloma with lytic lesions, independent of stage, number and type of lesions, because osteoblasts are suppressed. This corrects the seed article's framing that ALP in myeloma reflects bone metabolism (S1) and its use of bone-specific ALP as a bone predictor (S13).",
    seed: ['S1', 'S13'],
    sources: ['annibali2020', 'terpos2007'],
    evidence: 'study',
  },
  {
    id: 'B-7',
    group: 'bone',
    kind: 'caution',
    condition: 'Bone-specific ALP reported',
    applies: (f) => f.labs.boneSpecificAlp !== undefined,
    recommendation:
      'Bone-specific ALP places the source of the ALP but is not a screen for myeloma bone disease: image per IMWG (whole-body low-dose CT, MRI, PET/CT).',
    why: 'The seed article (S13) calls bone-specific ALP a sensitive predictor of bone metastases in advanced tumours. That holds for solid tumours, not for myeloma, whose lesions are osteolytic with suppressed osteoblasts (Annibali 2020; Terpos 2007). The IMWG report on bone-remodelling markers (Terpos 2010) exists, but its marker-specific recommendations were not read [P].',
    seed: ['S13'],
    sources: ['annibali2020', 'terpos2007', 'terpos2010', 'hillengass2019'],
    evidence: 'study',
  },
  {
    id: 'B-12',
    group: 'bone',
    kind: 'caution',
    condition: 'On a proteasome inhibitor, ALP > 1x ULN, origin undetermined',
    applies: (f) => onProteasomeInhibitor(f) && alpRaised(f) && f.origin === 'undetermined',
    recommendation:
      'Do not read this rise as a sign of response yet: the proteasome-inhibitor associations hold for bone ALP, so establish the origin (GGT) first.',
    why: 'Seeds S15, S19 and S21 present an ALP rise on bortezomib as a marker of efficacy rather than toxicity. The studies behind them measured a bone-derived rise (parallel bone-specific ALP and PTH, Zangari 2005); a hepatic rise on the same drug is a liver problem. Requiring the origin first is a team design rule [NV].',
    seed: ['S15', 'S19', 'S21'],
    sources: ['zangari2005', 'zangari2007', 'teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'B-14',
    group: 'bone',
    kind: 'caution',
    condition: 'On a proteasome inhibitor, ALP > 1x ULN, hepatic origin',
    applies: (f) => onProteasomeInhibitor(f) && alpRaised(f) && f.origin === 'liver',
    recommendation:
      'The ALP is hepatic: the osteoblastic "marker of response" reading does not apply. Work it up as a liver problem, drug injury included.',
    why: 'The proteasome-inhibitor associations (Zangari 2005/2007) concern bone-derived ALP. Seeds S19 and S21 read any ALP rise on bortezomib as efficacy; with a hepatic origin that reading would miss liver injury (bortezomib rarely causes severe hepatitis, a case report [V]). Separating the two readings is a team design rule [NV].',
    seed: ['S19', 'S21'],
    sources: ['zangari2005', 'teamConvention'],
    evidence: 'expert-convention',
  },
];
