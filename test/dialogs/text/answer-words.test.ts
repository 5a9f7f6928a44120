import { parseAnswerWords } from '../../../dialogs/text/answer-words';
import { STEP_FIELDS } from '../../../machines';
import { SYMPTOM_FIELDS } from '../../../src/clinical';

/** What the red-flag screen asks, as the machine lists it. */
const RED_FLAGS = STEP_FIELDS.redFlags;
/** Several context questions at once, without the age: a bare "72 years" is then no answer. */
const CONTEXT = [
  'therapy.agent',
  'therapy.weeksOnTherapy',
  'therapy.steroids',
  'history.recentFracture',
  'history.pregnant',
  'history.fasting',
];
const allSymptoms = (present: string[]): Record<string, boolean> =>
  Object.fromEntries(
    SYMPTOM_FIELDS.map((field) => [field.replace('symptoms.', ''), present.includes(field)]),
  );

/** [reply, fields the question asks for, expected case values] */
const WORDS_TABLE: readonly [string, readonly string[], Record<string, unknown>][] = [
  ['yes', ['history.pregnant'], { history: { pregnant: true } }],
  ['Y', ['history.recentFracture'], { history: { recentFracture: true } }],
  ['nope', ['history.fasting'], { history: { fasting: false } }],
  ['no.', ['therapy.steroids'], { therapy: { steroids: false } }],
  ['n/a', ['history.pregnant'], { history: { pregnant: false } }],
  ['yes', CONTEXT, {}],
  ['none of these', RED_FLAGS, { symptoms: allSymptoms([]) }],
  ['none', RED_FLAGS, { symptoms: allSymptoms([]) }],
  ['no', RED_FLAGS, { symptoms: allSymptoms([]) }],
  ['fever and jaundice', RED_FLAGS, { symptoms: allSymptoms(['symptoms.fever', 'symptoms.jaundice']) }],
  [
    'febrile, RUQ pain',
    RED_FLAGS,
    { symptoms: allSymptoms(['symptoms.fever', 'symptoms.rightUpperQuadrantPain']) },
  ],
  ['new bone pain but no fever', RED_FLAGS, { symptoms: allSymptoms(['symptoms.newBonePain']) }],
  [
    'confused and leg weakness',
    RED_FLAGS,
    { symptoms: allSymptoms(['symptoms.confusion', 'symptoms.neuroDeficit']) },
  ],
  ['no fever or jaundice', RED_FLAGS, { symptoms: { fever: false, jaundice: false } }],
  ['jaundiced', ['alp'], { symptoms: { jaundice: true } }],
  ['bortezomib week 6', CONTEXT, { therapy: { agent: 'bortezomib', weeksOnTherapy: 6 } }],
  ['on Velcade for 6 weeks', CONTEXT, { therapy: { agent: 'bortezomib', weeksOnTherapy: 6 } }],
  ['carfilzomib', CONTEXT, { therapy: { agent: 'carfilzomib' } }],
  ['Kyprolis + dex, wk 3', CONTEXT, { therapy: { agent: 'carfilzomib', steroids: true, weeksOnTherapy: 3 } }],
  ['ixazomib', CONTEXT, { therapy: { agent: 'ixazomib' } }],
  ['VRd', CONTEXT, { therapy: { agent: 'bortezomib', steroids: true } }],
  [
    'VMP week 4',
    CONTEXT,
    { therapy: { agent: 'bortezomib', steroids: true, melphalan: true, weeksOnTherapy: 4 } },
  ],
  ['bortezomib, no steroids', CONTEXT, { therapy: { agent: 'bortezomib', steroids: false } }],
  ['dexamethasone', CONTEXT, { therapy: { steroids: true } }],
  ['lenalidomide maintenance', CONTEXT, { therapy: { agent: 'other' } }],
  ['no treatment', CONTEXT, { therapy: { agent: 'none' } }],
  ['6', ['therapy.weeksOnTherapy'], {}],
  ['week 6', ['therapy.weeksOnTherapy'], { therapy: { weeksOnTherapy: 6 } }],
  ['ultrasound: dilated ducts', [], { imaging: { ultrasound: 'dilated-ducts' } }],
  ['US normal', [], { imaging: { ultrasound: 'normal' } }],
  ['ultrasound dilated CBD, no stone seen', [], { imaging: { ultrasound: 'dilated-ducts' } }],
  ['CBD stone', ['imaging.ultrasound'], { imaging: { ultrasound: 'cbd-stone' } }],
  ['dilated CBD with a stone', ['imaging.ultrasound'], { imaging: { ultrasound: 'cbd-stone' } }],
  ['focal lesions', ['imaging.ultrasound'], { imaging: { ultrasound: 'focal-lesions' } }],
  ['diffuse infiltration', ['imaging.ultrasound'], { imaging: { ultrasound: 'diffuse-infiltration' } }],
  ['hepatomegaly', ['imaging.ultrasound'], { imaging: { ultrasound: 'hepatomegaly' } }],
  ['normal', ['imaging.ultrasound'], { imaging: { ultrasound: 'normal' } }],
  ['CBD not dilated, no stones, unremarkable', ['imaging.ultrasound'], { imaging: { ultrasound: 'normal' } }],
  ['gallbladder stones, ducts normal', ['imaging.ultrasound'], { imaging: { ultrasound: 'normal' } }],
  ['normal', ['history.fasting'], {}],
  ['AMA positive', [], { ama: 'positive' }],
  ['anti-mitochondrial antibody negative', [], { ama: 'negative' }],
  ['negative', ['ama'], { ama: 'negative' }],
  ['pos', ['ama'], { ama: 'positive' }],
  ['no', ['ama'], { ama: 'negative' }],
  // Beside other yes/no questions a bare "no" answers them, never the test result.
  [
    'no',
    ['ama', 'history.amyloidosis', 'history.heartFailure'],
    { history: { amyloidosis: false, heartFailure: false } },
  ],
  ['pregnant, third trimester', CONTEXT, { history: { pregnant: true, pregnancyTrimester: 3 } }],
  ['32 weeks pregnant', CONTEXT, { history: { pregnant: true, pregnancyTrimester: 3 } }],
  ['not pregnant', CONTEXT, { history: { pregnant: false } }],
  ['male', ['history.pregnant'], { history: { sex: 'male', pregnant: false } }],
  ['F', ['history.sex'], { history: { sex: 'female' } }],
  ['female, age 34', ['history.sex', 'history.ageYears'], { history: { sex: 'female', ageYears: 34 } }],
  ['sex not stated', ['history.sex'], { history: { sex: 'not-stated' } }],
  ['fasting', CONTEXT, { history: { fasting: true } }],
  ['non-fasting sample', CONTEXT, { history: { fasting: false } }],
  ['after lunch', CONTEXT, { history: { fasting: false } }],
  ['recent vertebroplasty', CONTEXT, { history: { recentFracture: true } }],
  ['no fracture', CONTEXT, { history: { recentFracture: false } }],
  ['72 years', ['history.ageYears'], { history: { ageYears: 72 } }],
  ['age 72', [], { history: { ageYears: 72 } }],
  ['72-year-old', [], { history: { ageYears: 72 } }],
  ['72 years', CONTEXT, {}],
  ['known lytic lesions', ['history.knownBoneDisease'], { history: { knownBoneDisease: true } }],
  ['on zoledronic acid', [], { history: { bisphosphonate: true } }],
  ['denosumab stopped in March', [], { history: { denosumabStopped: true } }],
  ['still on denosumab', [], { history: { denosumabStopped: false } }],
  ['denosumab not stopped', [], { history: { denosumabStopped: false } }],
  ['never stopped denosumab', [], { history: { denosumabStopped: false } }],
  [
    'no renal impairment, denosumab not stopped',
    [],
    { history: { renalImpairment: false, denosumabStopped: false } },
  ],
  ['no alcohol', [], { history: { alcohol: false } }],
  ['takes carbamazepine', [], { history: { enzymeInducingDrugs: true } }],
  ['AL amyloidosis', [], { history: { amyloidosis: true } }],
  ['CKD stage 3, no heart failure', [], { history: { renalImpairment: true, heartFailure: false } }],
  ['eGFR (CKD-EPI) 85', [], {}],
  ['liver span 18 cm', [], { history: { liverSpanCm: 18 } }],
  ['ALP persistently raised', [], { history: { persistentElevation: true } }],
  ['persistent fever', RED_FLAGS, { symptoms: allSymptoms(['symptoms.fever']) }],
  ['no new medications', [], { therapy: { newDrug: false } }],
  ['yes', ['history.amyloidosis'], { history: { amyloidosis: true } }],
  [
    'bortezomib week 6 with dex, no fracture, not pregnant, fasting',
    CONTEXT,
    {
      therapy: { agent: 'bortezomib', weeksOnTherapy: 6, steroids: true },
      history: { recentFracture: false, pregnant: false, fasting: true },
    },
  ],
];

describe('parseAnswerWords', () => {
  it.each(WORDS_TABLE)('%j (asking %j)', (text, expecting, expected) => {
    const words = parseAnswerWords(text, expecting);
    expect(words.values).toEqual(expected);
    expect(words.unknown).toBe(false);
  });

  it.each([
    'not sure',
    'unknown',
    "don't know",
    "I don't know",
    "I'm not sure",
    'N/A',
    '?',
    'Unsure.',
    'dunno',
  ])('%j is "unknown"', (text) => {
    const words = parseAnswerWords(text, ['history.fasting']);
    expect(words).toEqual({ values: {}, answers: [], unknown: true, yesToWhich: false, noneAsked: false });
  });

  it('a bare "no" with several yes/no questions open answers each of them no', () => {
    const words = parseAnswerWords('no', ['history.recentFracture', 'history.fasting', 'history.ageYears']);
    expect(words.values).toEqual({ history: { recentFracture: false, fasting: false } });
  });

  it('a bare "yes" with several yes/no questions open says it cannot tell which, and answers nothing', () => {
    const words = parseAnswerWords('yes', ['history.recentFracture', 'history.fasting']);
    expect(words).toMatchObject({ values: {}, answers: [], yesToWhich: true });
  });

  it('a bare "none" where nothing is asked yes or no means none of the tests asked is at hand', () => {
    expect(parseAnswerWords('none', ['alt', 'ast']).noneAsked).toBe(true);
  });

  it('echoes each answer with the words it came from', () => {
    expect(parseAnswerWords('on Velcade for 6 weeks', CONTEXT).answers).toEqual([
      { field: 'therapy.agent', answer: 'bortezomib', source: 'on Velcade for 6 weeks' },
      { field: 'therapy.weeksOnTherapy', answer: 6, source: 'on Velcade for 6 weeks' },
    ]);
  });

  it('does not take peripheral neuropathy for a red-flag deficit', () => {
    expect(parseAnswerWords('grade 1 peripheral neuropathy', RED_FLAGS).values).toEqual({});
  });
});
