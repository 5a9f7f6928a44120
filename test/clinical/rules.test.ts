import { RULES, type Case } from '../../src/clinical';
import { assessValid, bili, boneCase, firedIds, lab, liverCase, normalLiverPanel } from './support/cases';

const raisedNoMarker: Case = { alp: lab(180, 120), ...normalLiverPanel };
const onBortezomib = (
  c: Case,
  baseline: number,
  weeks: number,
  extra: Partial<Case['therapy']> = {},
): Case => ({
  ...c,
  alpBaseline: lab(baseline, 120),
  therapy: { agent: 'bortezomib', weeksOnTherapy: weeks, ...extra },
});
const withHistory = (c: Case, history: Case['history']): Case => ({ ...c, history });
const withUltrasound = (c: Case, ultrasound: NonNullable<Case['imaging']>['ultrasound']): Case => ({
  ...c,
  imaging: { ultrasound },
});

/** For each rule: a case that fires it (at or just past its threshold where it has one). */
const FIRES: [string, string, Case][] = [
  ['U-1', 'ALP in µkat/L', { ...boneCase, alp: { value: 3, unit: 'µkat/L', uln: 2 } }],
  ['U-2', 'bilirubin in µmol/L', { ...boneCase, bilirubinTotal: { value: 10, unit: 'µmol/L', uln: 21 } }],
  ['U-5', 'calcium in mmol/L', { ...boneCase, calcium: { value: 2.4, unit: 'mmol/L', uln: 2.6 } }],
  ['U-3', 'ALT without ULN', { ...boneCase, alt: { value: 20, unit: 'U/L' } }],
  ['U-4', 'bilirubin without unit', { ...boneCase, bilirubinTotal: { value: 0.6, uln: 1.2 } }],
  ['P-1', 'ALP exactly at the ULN', { ...boneCase, alp: lab(120, 120) }],
  ['P-2', 'non-fasting, GGT normal', withHistory(boneCase, { fasting: false })],
  ['P-2', 'age 17', withHistory(raisedNoMarker, { ageYears: 17 })],
  ['P-2', 'third trimester', withHistory(raisedNoMarker, { pregnant: true, pregnancyTrimester: 3 })],
  ['P-3', 'isolated', boneCase],
  ['P-4', 'ALT raised too', { ...boneCase, alt: lab(80, 40) }],
  ['P-8', 'ALT raised, ALP normal', { ...boneCase, alp: lab(100, 120), alt: lab(60, 40) }],
  [
    'P-6',
    'cholestatic, origin unknown',
    { alp: lab(240, 120), ...normalLiverPanel, bilirubinTotal: bili(2) },
  ],
  ['P-5', 'bilirubin just above ULN', { ...boneCase, bilirubinTotal: bili(1.21) }],
  ['P-7', 'ALT, AST, bilirubin unknown', { alp: lab(180, 120) }],
  ['G-1', 'grade 1', boneCase],
  ['O-9', 'no origin marker', raisedNoMarker],
  ['O-0', 'no origin marker', raisedNoMarker],
  ['O-2', 'GGT raised', liverCase],
  [
    'O-2',
    "5'NT raised despite alcohol",
    withHistory({ ...liverCase, nucleotidase5: lab(20, 11) }, { alcohol: true }),
  ],
  ['O-1', 'GGT exactly at ULN', { ...boneCase, ggt: lab(60, 60) }],
  ['O-3', 'GGT raised with alcohol', withHistory(liverCase, { alcohol: true })],
  ['O-3', 'GGT raised with enzyme inducers', withHistory(liverCase, { enzymeInducingDrugs: true })],
  [
    'O-4',
    'bone fraction exactly 60%',
    { ...raisedNoMarker, isoenzymes: { bonePercent: 60, liverPercent: 40 } },
  ],
  [
    'O-4b',
    'bone fraction 59.9%',
    { ...raisedNoMarker, isoenzymes: { bonePercent: 59.9, liverPercent: 40.1 } },
  ],
  ['O-5', 'heat-stable exactly 20%', { ...raisedNoMarker, heatStableAlpPercent: 20 }],
  ['O-5', 'heat-stable 55.1%', { ...raisedNoMarker, heatStableAlpPercent: 55.1 }],
  ['O-5b', 'heat-stable 20.1%', { ...raisedNoMarker, heatStableAlpPercent: 20.1 }],
  ['O-5b', 'heat-stable exactly 55%', { ...raisedNoMarker, heatStableAlpPercent: 55 }],
  [
    'O-6',
    'BSAP just above ULN',
    { ...raisedNoMarker, boneSpecificAlp: { value: 20.1, unit: 'µg/L', uln: 20 } },
  ],
  [
    'O-7',
    'third trimester, no marker',
    withHistory(raisedNoMarker, { pregnant: true, pregnancyTrimester: 3 }),
  ],
  ['O-7', 'age 17, no marker', withHistory(raisedNoMarker, { ageYears: 17 })],
  [
    'O-8',
    'bone by isoenzymes, GGT raised',
    { ...liverCase, isoenzymes: { bonePercent: 80, liverPercent: 20 } },
  ],
  [
    'O-8',
    'liver by GGT, BSAP raised',
    { ...liverCase, boneSpecificAlp: { value: 30, unit: 'µg/L', uln: 20 } },
  ],
  [
    'O-12',
    'intestinal fraction 70%',
    { ...raisedNoMarker, isoenzymes: { intestinalPercent: 70, liverPercent: 30 } },
  ],
  [
    'O-13',
    'heat-stable 60%, not pregnant',
    withHistory({ ...raisedNoMarker, heatStableAlpPercent: 60 }, { pregnant: false }),
  ],
  ['O-11', 'GGT and BSAP normal', { ...boneCase, boneSpecificAlp: { value: 15, unit: 'µg/L', uln: 20 } }],
  ['H-1', 'hepatic, no ultrasound', liverCase],
  ['H-2', 'dilated ducts', withUltrasound(liverCase, 'dilated-ducts')],
  ['H-3', 'duct stone', withUltrasound(liverCase, 'cbd-stone')],
  ['H-4', 'hepatic, normal ultrasound', withUltrasound(liverCase, 'normal')],
  ['H-4', 'hepatic, diffuse infiltration', withUltrasound(liverCase, 'diffuse-infiltration')],
  ['H-9', 'focal lesions', withUltrasound(liverCase, 'focal-lesions')],
  [
    'H-5',
    'AL, ALP just above 1.5x',
    withHistory({ ...liverCase, alp: lab(181, 120) }, { amyloidosis: true }),
  ],
  [
    'H-5',
    'AL, liver span 15.1 cm, no heart failure',
    withHistory(
      { ...liverCase, alp: lab(150, 120) },
      { amyloidosis: true, liverSpanCm: 15.1, heartFailure: false },
    ),
  ],
  ['H-10', 'hepatic with hepatomegaly', withUltrasound(liverCase, 'hepatomegaly')],
  ['H-10', 'hepatic with heart failure', withHistory(liverCase, { heartFailure: true })],
  ['H-11', 'AMA positive', { ...liverCase, ama: 'positive' }],
  [
    'H-6',
    'persistent, exactly 1.5x, US and AMA negative',
    { ...withUltrasound(withHistory(liverCase, { persistentElevation: true }), 'normal'), ama: 'negative' },
  ],
  [
    'H-7',
    'exactly 2x, GGT raised, new drug',
    { ...liverCase, alp: lab(240, 120), therapy: { newDrug: true } },
  ],
  ['H-8', 'ALT exactly 5x', { ...boneCase, alt: lab(200, 40) }],
  [
    'H-8',
    'ALT exactly 3x with bilirubin > 2x',
    { ...boneCase, alt: lab(120, 40), bilirubinTotal: bili(2.41) },
  ],
  ['H-8', 'R exactly 5 (ALP normal)', { ...boneCase, alp: lab(60, 120), alt: lab(100, 40) }],
  ['B-1', 'exactly +25% at week 6', onBortezomib(boneCase, 144, 6)],
  ['B-1', '+80% at week 9', onBortezomib(boneCase, 100, 9)],
  [
    'B-2',
    'carfilzomib, rise 16 U/L at week 4',
    { ...boneCase, alpBaseline: lab(164, 120), therapy: { agent: 'carfilzomib', weeksOnTherapy: 4 } },
  ],
  ['B-3', 'VMP with a rise', onBortezomib(boneCase, 170, 20, { melphalan: true })],
  ['B-11', 'bortezomib with steroids', onBortezomib(boneCase, 100, 6, { steroids: true })],
  ['B-13', 'ixazomib', { ...boneCase, therapy: { agent: 'ixazomib' } }],
  ['B-1', 'week 3, the first week of the window', onBortezomib(boneCase, 100, 3)],
  ['B-1', 'ALP exactly 2.5x ULN, +100% exactly', onBortezomib({ ...boneCase, alp: lab(300, 120) }, 150, 6)],
  ['B-1b', 'ALP just above 2.5x ULN', onBortezomib({ ...boneCase, alp: lab(301, 120) }, 200, 6)],
  ['B-1b', 'rise just above 100%', onBortezomib({ ...boneCase, alp: lab(201, 120) }, 100, 6)],
  ['B-1b', '10x ULN, +1100% at week 4', onBortezomib({ ...boneCase, alp: lab(1200, 120) }, 100, 4)],
  ['B-1c', 'week 2.9, before the window', onBortezomib(boneCase, 100, 2.9)],
  ['B-1c', 'week 0', onBortezomib(boneCase, 100, 0)],
  ['B-1c', 'week 10, after the window', onBortezomib(boneCase, 100, 10)],
  ['B-1c', 'week 12.1, after the studied weeks', onBortezomib(boneCase, 100, 12.1)],
  ['B-4', 'beyond grade 1 on bortezomib', onBortezomib({ ...boneCase, alp: lab(301, 120) }, 200, 6)],
  ['B-4', 'bortezomib at week 2', onBortezomib(boneCase, 100, 2)],
  [
    'B-5b',
    'pregnant, known bone disease',
    withHistory(liverCase, { knownBoneDisease: true, pregnant: true }),
  ],
  [
    'B-5b',
    'pregnant, bone origin by bone-specific ALP',
    withHistory(
      { ...raisedNoMarker, boneSpecificAlp: { value: 30, unit: 'µg/L', uln: 20 } },
      { pregnant: true, pregnancyTrimester: 2 },
    ),
  ],
  ['O-14', 'pregnant, trimester unknown, GGT normal', withHistory(boneCase, { pregnant: true })],
  ['O-14', 'second trimester, GGT normal', withHistory(boneCase, { pregnant: true, pregnancyTrimester: 2 })],
  ['P-9', 'GGT just above ULN, ALP exactly at ULN', { ...boneCase, alp: lab(120, 120), ggt: lab(61, 60) }],
  [
    'U-6',
    "ALT 150 without ULN, bilirubin 3x: Hy's law possible against a lower ULN",
    { ...boneCase, alt: { value: 150, unit: 'U/L' }, bilirubinTotal: bili(3.6) },
  ],
  ['U-7', 'calcium without albumin', { ...boneCase, calcium: { value: 9.6, unit: 'mg/dL', uln: 10.5 } }],
  ['B-4', 'bone, no treatment', boneCase],
  ['B-4', 'bortezomib but week 10', onBortezomib(boneCase, 100, 10)],
  ['B-8', 'recent fracture', withHistory(boneCase, { recentFracture: true })],
  ['B-9', 'denosumab stopped', withHistory(boneCase, { denosumabStopped: true })],
  ['B-10', 'on a bisphosphonate', withHistory(boneCase, { bisphosphonate: true })],
  ['B-5', 'bone origin', boneCase],
  ['B-5', 'known bone disease, hepatic ALP', withHistory(liverCase, { knownBoneDisease: true })],
  [
    'B-6',
    'normal ALP, lytic lesions',
    withHistory({ ...boneCase, alp: lab(120, 120) }, { knownBoneDisease: true }),
  ],
  ['B-7', 'BSAP reported', { ...boneCase, boneSpecificAlp: { value: 30, unit: 'µg/L', uln: 20 } }],
  ['B-12', 'bortezomib, origin unknown', { ...raisedNoMarker, therapy: { agent: 'bortezomib' } }],
  ['B-14', 'bortezomib, hepatic', { ...liverCase, therapy: { agent: 'bortezomib' } }],
  ['BL-1', 'exactly 2x a raised baseline', { ...boneCase, alp: lab(300, 120), alpBaseline: lab(150, 120) }],
  ['BL-2', 'on treatment, ALT normal', { ...boneCase, therapy: { agent: 'other' } }],
  ['BL-3', 'baseline just above ULN', { ...boneCase, alpBaseline: lab(121, 120) }],
  ['BL-4', 'baseline without ULN', { ...boneCase, alpBaseline: { value: 100, unit: 'U/L' } }],
  ['M-1', 'on treatment', { ...boneCase, therapy: { agent: 'other' } }],
  ['F-1', 'always', boneCase],
];

/** Near misses: the same situations just short of the threshold or missing one condition. */
const DOES_NOT_FIRE: [string, string, Case][] = [
  ['U-1', 'ALP in U/L', boneCase],
  ['U-2', 'bilirubin in mg/dL', boneCase],
  ['U-5', 'calcium in mg/dL', { ...boneCase, calcium: { value: 9.6, unit: 'mg/dL', uln: 10.5 } }],
  ['U-3', 'every ULN given', boneCase],
  ['U-4', 'an enzyme without unit (read as multiples of ULN)', { ...boneCase, alt: { value: 20, uln: 40 } }],
  ['P-1', 'ALP just above the ULN', { ...boneCase, alp: lab(121, 120) }],
  ['P-2', 'non-fasting but hepatic', withHistory(liverCase, { fasting: false })],
  ['P-2', 'age 18', withHistory(raisedNoMarker, { ageYears: 18 })],
  ['P-2', 'second trimester', withHistory(raisedNoMarker, { pregnant: true, pregnancyTrimester: 2 })],
  ['P-3', 'bilirubin unknown', { ...boneCase, bilirubinTotal: undefined }],
  ['P-4', 'isolated', boneCase],
  ['P-8', 'ALT exactly at ULN', { ...boneCase, alp: lab(100, 120), alt: lab(40, 40) }],
  ['P-6', 'cholestatic but hepatic', { ...liverCase, alp: lab(240, 120), bilirubinTotal: bili(2) }],
  [
    'P-5',
    'direct bilirubin known',
    { ...boneCase, bilirubinTotal: bili(1.3), bilirubinDirect: bili(0.3, 0.3) },
  ],
  ['P-7', 'panel complete', boneCase],
  ['G-1', 'grade 0', { ...boneCase, alp: lab(120, 120) }],
  ['O-9', 'origin known', boneCase],
  ['O-0', 'GGT known', boneCase],
  ['O-2', 'GGT raised with alcohol', withHistory(liverCase, { alcohol: true })],
  ['O-1', 'GGT just above ULN', { ...boneCase, ggt: lab(61, 60) }],
  [
    'O-1',
    'GGT normal in the third trimester',
    withHistory(boneCase, { pregnant: true, pregnancyTrimester: 3 }),
  ],
  ['O-3', 'GGT raised, no confounder', liverCase],
  [
    'O-4',
    'bone fraction 59.9%',
    { ...raisedNoMarker, isoenzymes: { bonePercent: 59.9, liverPercent: 40.1 } },
  ],
  [
    'O-4b',
    'bone fraction exactly 60%',
    { ...raisedNoMarker, isoenzymes: { bonePercent: 60, liverPercent: 40 } },
  ],
  ['O-5', 'heat-stable 20.1%', { ...raisedNoMarker, heatStableAlpPercent: 20.1 }],
  ['O-5b', 'heat-stable 40% with GGT raised', { ...liverCase, heatStableAlpPercent: 40 }],
  [
    'O-6',
    'BSAP exactly at ULN',
    { ...raisedNoMarker, boneSpecificAlp: { value: 20, unit: 'µg/L', uln: 20 } },
  ],
  [
    'O-6',
    'BSAP raised but GGT raised too',
    { ...liverCase, boneSpecificAlp: { value: 30, unit: 'µg/L', uln: 20 } },
  ],
  ['O-7', 'second trimester', withHistory(raisedNoMarker, { pregnant: true, pregnancyTrimester: 2 })],
  [
    'O-8',
    'bone by isoenzymes, GGT normal',
    { ...boneCase, isoenzymes: { bonePercent: 80, liverPercent: 20 } },
  ],
  [
    'O-12',
    'liver fraction 70%',
    { ...raisedNoMarker, isoenzymes: { intestinalPercent: 30, liverPercent: 70 } },
  ],
  [
    'O-13',
    'heat-stable 60% in the third trimester',
    withHistory({ ...raisedNoMarker, heatStableAlpPercent: 60 }, { pregnant: true, pregnancyTrimester: 3 }),
  ],
  [
    'O-11',
    'BSAP raised with GGT normal',
    { ...boneCase, boneSpecificAlp: { value: 30, unit: 'µg/L', uln: 20 } },
  ],
  ['H-1', 'bone origin', boneCase],
  ['H-1', 'ultrasound known', withUltrasound(liverCase, 'normal')],
  ['H-2', 'normal ultrasound', withUltrasound(liverCase, 'normal')],
  ['H-3', 'dilated ducts, no stone', withUltrasound(liverCase, 'dilated-ducts')],
  ['H-4', 'dilated ducts', withUltrasound(liverCase, 'dilated-ducts')],
  ['H-9', 'normal ultrasound', withUltrasound(liverCase, 'normal')],
  ['H-5', 'AL, ALP exactly 1.5x', withHistory(liverCase, { amyloidosis: true })],
  [
    'H-5',
    'AL, liver span 15.1 cm with heart failure',
    withHistory(
      { ...liverCase, alp: lab(150, 120) },
      { amyloidosis: true, liverSpanCm: 15.1, heartFailure: true },
    ),
  ],
  ['H-10', 'hepatic, normal ultrasound', withUltrasound(liverCase, 'normal')],
  [
    'H-10',
    'amyloidosis already known',
    withHistory(withUltrasound(liverCase, 'hepatomegaly'), { amyloidosis: true }),
  ],
  ['H-11', 'AMA negative', { ...liverCase, ama: 'negative' }],
  [
    'H-6',
    'persistent, just below 1.5x',
    {
      ...withUltrasound(
        withHistory({ ...liverCase, alp: lab(179, 120) }, { persistentElevation: true }),
        'normal',
      ),
      ama: 'negative',
    },
  ],
  ['H-7', 'just below 2x', { ...liverCase, alp: lab(239, 120), therapy: { newDrug: true } }],
  ['H-7', 'no new drug', { ...liverCase, alp: lab(240, 120), therapy: { newDrug: false } }],
  ['H-8', 'ALT just below 5x', { ...boneCase, alt: lab(199, 40) }],
  ['H-8', 'ALT 3x with bilirubin exactly 2x', { ...boneCase, alt: lab(120, 40), bilirubinTotal: bili(2.4) }],
  ['B-1', '+24% at week 6', onBortezomib(boneCase, 145, 6)],
  ['B-1', 'week 10', onBortezomib(boneCase, 100, 10)],
  ['B-1', 'hepatic origin', onBortezomib(liverCase, 100, 6)],
  [
    'B-2',
    'carfilzomib, rise exactly 15 U/L',
    { ...boneCase, alpBaseline: lab(165, 120), therapy: { agent: 'carfilzomib', weeksOnTherapy: 4 } },
  ],
  [
    'B-2',
    'carfilzomib, week 9',
    { ...boneCase, alpBaseline: lab(100, 120), therapy: { agent: 'carfilzomib', weeksOnTherapy: 9 } },
  ],
  ['B-3', 'no melphalan', onBortezomib(boneCase, 170, 20, { melphalan: false })],
  ['B-11', 'no steroids', onBortezomib(boneCase, 100, 6, { steroids: false })],
  ['B-13', 'bortezomib', { ...boneCase, therapy: { agent: 'bortezomib' } }],
  ['B-4', 'explained by bortezomib', onBortezomib(boneCase, 100, 6)],
  [
    'B-4',
    'explained at exactly 2.5x ULN and +100%',
    onBortezomib({ ...boneCase, alp: lab(300, 120) }, 150, 6),
  ],
  ['B-1', 'week 2.9', onBortezomib(boneCase, 100, 2.9)],
  ['B-1', 'ALP just above 2.5x ULN', onBortezomib({ ...boneCase, alp: lab(301, 120) }, 200, 6)],
  ['B-1', 'rise just above 100%', onBortezomib({ ...boneCase, alp: lab(201, 120) }, 100, 6)],
  ['B-1b', 'within the size limits', onBortezomib(boneCase, 100, 6)],
  ['B-1b', 'week 10', onBortezomib({ ...boneCase, alp: lab(301, 120) }, 100, 10)],
  ['B-1c', 'week 3', onBortezomib(boneCase, 100, 3)],
  ['B-1c', 'week 9', onBortezomib(boneCase, 100, 9)],
  [
    'B-5',
    'pregnant, bone origin by bone-specific ALP',
    withHistory(
      { ...raisedNoMarker, boneSpecificAlp: { value: 30, unit: 'µg/L', uln: 20 } },
      { pregnant: true, pregnancyTrimester: 2 },
    ),
  ],
  ['B-5', 'normal ALP, GGT normal, no known bone disease', { ...boneCase, alp: lab(120, 120) }],
  [
    'B-5b',
    'not pregnant, known bone disease',
    withHistory(liverCase, { knownBoneDisease: true, pregnant: false }),
  ],
  ['O-14', 'third trimester', withHistory(boneCase, { pregnant: true, pregnancyTrimester: 3 })],
  ['O-14', 'not pregnant', withHistory(boneCase, { pregnant: false })],
  ['O-1', 'pregnant, trimester unknown', withHistory(boneCase, { pregnant: true })],
  ['O-1', 'ALP at the ULN', { ...boneCase, alp: lab(120, 120) }],
  ['O-2', 'GGT raised with a normal ALP', { ...liverCase, alp: lab(120, 120) }],
  ['H-1', 'GGT raised with a normal ALP', { ...liverCase, alp: lab(120, 120) }],
  ['P-9', 'GGT exactly at ULN', { ...boneCase, alp: lab(120, 120), ggt: lab(60, 60) }],
  ['P-9', 'ALP just above ULN', { ...liverCase, alp: lab(121, 120) }],
  ['U-6', 'ALT 150 without ULN, bilirubin normal', { ...boneCase, alt: { value: 150, unit: 'U/L' } }],
  [
    'U-6',
    'ALT 901 without ULN fires every flag it could (R-01, R-06) itself',
    { ...boneCase, alt: { value: 901, unit: 'U/L' }, bilirubinTotal: bili(3.6) },
  ],
  [
    'U-7',
    'calcium with albumin',
    { ...boneCase, calcium: { value: 9.6, unit: 'mg/dL' }, albumin: { value: 4, unit: 'g/dL' } },
  ],
  ['B-4', 'hepatic', liverCase],
  ['B-8', 'hepatic', withHistory(liverCase, { recentFracture: true })],
  ['B-9', 'denosumab continued', withHistory(boneCase, { denosumabStopped: false })],
  ['B-10', 'bisphosphonate, hepatic', withHistory(liverCase, { bisphosphonate: true })],
  ['B-5', 'hepatic, no known bone disease', liverCase],
  ['B-6', 'ALP raised', withHistory(boneCase, { knownBoneDisease: true })],
  ['B-7', 'no BSAP', boneCase],
  ['B-12', 'origin known', { ...boneCase, therapy: { agent: 'bortezomib' } }],
  ['B-14', 'bone origin', { ...boneCase, therapy: { agent: 'bortezomib' } }],
  ['BL-1', 'just below 2x baseline', { ...boneCase, alp: lab(299, 120), alpBaseline: lab(150, 120) }],
  ['BL-1', 'baseline at ULN', { ...boneCase, alp: lab(300, 120), alpBaseline: lab(120, 120) }],
  ['BL-2', 'no treatment', { ...boneCase, therapy: { agent: 'none' } }],
  ['BL-2', 'ALT just above ULN', { ...boneCase, alt: lab(41, 40), therapy: { agent: 'other' } }],
  ['BL-3', 'baseline at ULN', { ...boneCase, alpBaseline: lab(120, 120) }],
  ['BL-4', 'baseline with its own ULN', { ...boneCase, alpBaseline: lab(100, 120) }],
  ['M-1', 'no treatment', { ...boneCase, therapy: { agent: 'none' } }],
];

describe('every rule fires where it should', () => {
  it.each(FIRES)('%s fires: %s', (id, _label, c) => {
    expect(firedIds(assessValid(c))).toContain(id);
  });
});

describe('and not just short of it', () => {
  it.each(DOES_NOT_FIRE)('%s does not fire: %s', (id, _label, c) => {
    expect(firedIds(assessValid(c))).not.toContain(id);
  });
});

describe('coverage of the rule table by these tests', () => {
  const workupRuleIds = RULES.filter((rule) => rule.group !== 'red-flag').map((rule) => rule.id);

  it('has a firing case for every workup rule (red flags have their own file)', () => {
    expect([...new Set(FIRES.map(([id]) => id))].sort()).toEqual([...workupRuleIds].sort());
  });

  it('has a near miss for every workup rule that can be missed', () => {
    const always = ['F-1'];
    expect([...new Set(DOES_NOT_FIRE.map(([id]) => id))].sort()).toEqual(
      workupRuleIds.filter((id) => !always.includes(id)).sort(),
    );
  });
});

describe('unit conversion notes', () => {
  it('an enzyme in IU/L is not "converted to U/L (x 60)": IU/L is U/L', () => {
    const ids = firedIds(assessValid({ ...boneCase, alp: { value: 412, unit: 'IU/L', uln: 120 } }));
    expect(ids).not.toContain('U-1');
  });

  it('an enzyme in µkat/L is, with both values', () => {
    const assessment = assessValid({ ...boneCase, alp: { value: 5, unit: 'µkat/L', uln: 2 } });
    const note = assessment.findings.find((finding) => finding.id === 'U-1');
    expect(note?.text).toContain('ALP 5 µkat/L = 300 U/L.');
  });
});
