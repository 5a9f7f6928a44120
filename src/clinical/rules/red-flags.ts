import { HYPERCALCAEMIA, isHypercalcaemic, type CalciumReading } from '../calcium';
import { pregnant, type Facts } from '../facts';
import { FIELD_INFO } from '../field-info';
import { amount, inUnit, labAmount, times } from '../format';
import { redFlagSuspicions } from '../red-flag-suspicions';
import type { Rule } from '../rule';
import type { CeilingField } from '../uln-ceilings';

const over = (x: number | undefined, limit: number): boolean => x !== undefined && x > limit;
const withinUln = (x: number | undefined): boolean => x !== undefined && x <= 1;
const flagOver = (f: Facts, field: CeilingField, limit: number): boolean => over(f.flag[field]?.xUln, limit);

/**
 * "ALT 3.5x ULN", or, when the ULN was not given, "ALT 400 U/L (no ULN given: 6.7x the highest
 * common ULN, 60 U/L)": a flag raised against a stood-in ULN says so (decision 11).
 */
export function flagValueText(f: Facts, field: CeilingField): string {
  const multiple = f.flag[field];
  const lab = f.labs[field];
  if (multiple === undefined || lab === undefined) return '';
  const label = FIELD_INFO[field].label;
  if (multiple.assumedUln === undefined) return `${label} ${times(multiple.xUln)} ULN`;
  return `${label} ${labAmount(lab)} ${lab.unit} (no ULN given: ${times(multiple.xUln)} the highest common ULN, ${amount(multiple.assumedUln)} ${lab.unit})`;
}

/** TG18 A: systemic inflammation. */
export const cholangitisInflammation = (f: Facts): boolean => {
  const { input: c, derived: d } = f;
  const wbc = c.wbc;
  return (
    c.symptoms?.fever === true ||
    over(c.temperatureC, 38) ||
    (wbc !== undefined && (wbc < 4 || wbc > 10)) ||
    (d.crpMgL !== undefined && d.crpMgL >= 10)
  );
};

/**
 * Decision 13: an ALP whose origin is bone, with bilirubin, GGT, ALT and AST all known and within
 * their ULNs, is not the cholestasis or abnormal liver test TG18 criterion B means.
 */
export const boneAlpWithNormalLiverTests = (f: Facts): boolean =>
  f.origin === 'bone' &&
  [f.derived.bilirubinXUln, f.derived.ggtXUln, f.derived.altXUln, f.derived.astXUln].every(withinUln);

/** TG18 B: cholestasis (bilirubin >= 2 mg/dL, clinical jaundice) or abnormal liver tests (> 1.5x ULN). */
export const cholangitisCholestasis = (f: Facts): boolean => {
  const bilirubin = f.labs.bilirubinTotal?.value;
  const alpCounts = !boneAlpWithNormalLiverTests(f) && flagOver(f, 'alp', 1.5);
  return (
    (bilirubin !== undefined && bilirubin >= 2) ||
    f.input.symptoms?.jaundice === true ||
    alpCounts ||
    over(f.derived.ggtXUln, 1.5) ||
    flagOver(f, 'ast', 1.5) ||
    flagOver(f, 'alt', 1.5)
  );
};

/** TG18 C: biliary dilatation or its cause on imaging. */
export const cholangitisImaging = (f: Facts): boolean =>
  f.input.imaging?.ultrasound === 'dilated-ducts' || f.input.imaging?.ultrasound === 'cbd-stone';

export const suspectedCholangitis = (f: Facts): boolean =>
  cholangitisInflammation(f) && (cholangitisCholestasis(f) || cholangitisImaging(f));

function cholangitisSeverity(f: Facts): string {
  const { input: c } = f;
  const bilirubin = f.labs.bilirubinTotal?.value;
  if (over(c.inr, 1.5) || c.symptoms?.confusion === true) {
    return ' Organ dysfunction present (INR > 1.5 or disturbed consciousness): TG18 grade III (severe).';
  }
  const moderate = [
    c.wbc !== undefined && (c.wbc > 12 || c.wbc < 4),
    c.temperatureC !== undefined && c.temperatureC >= 39,
    c.history?.ageYears !== undefined && c.history.ageYears >= 75,
    bilirubin !== undefined && bilirubin >= 5,
  ].filter(Boolean).length;
  return moderate >= 2 ? ' Two or more TG18 grade II criteria: at least moderate (grade II).' : '';
}

/** Hy's law's bilirubin arm: total bilirubin > 2x ULN, or clinical jaundice (decision 11). */
const hysLawBilirubin = (f: Facts): boolean =>
  flagOver(f, 'bilirubinTotal', 2) || f.input.symptoms?.jaundice === true;

const hypercalcaemiaRecommendation = (pregnancyText: string): string =>
  `Hypercalcaemia of myeloma: urgent treatment (IV fluids, ${pregnancyText}) and a search for active disease.`;

const hypercalcaemiaWhy =
  'IMWG 2014 counts calcium more than 0.25 mmol/L (> 1 mg/dL) above the ULN or above 2.75 mmol/L (> 11 mg/dL) as a myeloma-defining CRAB feature needing treatment. The engine compares in the unit the lab reported, because the two published thresholds are not exact conversions of each other. The albumin correction (Payne) is a standard convention, not part of the IMWG text [P]. Changed in content 1.1.0 (decision 17): calcium is called corrected only when albumin is known; without albumin the uncorrected value is compared and albumin is asked for.';

const hypercalcaemiaDetail = ({ derived: d }: Facts): string => {
  const ca = d.calcium;
  if (ca === undefined) return '';
  // The uncorrected value in the unit it was reported in is the reported value: shown as typed.
  const shown = (value: number, unit: CalciumReading['unit']) =>
    !ca.corrected && unit === ca.unit ? amount(value) : inUnit(value, unit);
  const numbers = `${shown(ca.valueMgDl, 'mg/dL')} mg/dL (${shown(ca.valueMmolL, 'mmol/L')} mmol/L)`;
  return ca.corrected
    ? `Corrected calcium ${numbers}.`
    : `Calcium ${numbers}, uncorrected: albumin not given (give it for the corrected value).`;
};

const hypercalcaemic = ({ derived: d }: Facts): boolean =>
  d.calcium !== undefined && isHypercalcaemic(d.calcium);

export const RED_FLAG_RULES: readonly Rule[] = [
  {
    id: 'R-01',
    name: "Hy's law",
    group: 'red-flag',
    kind: 'red-flag',
    condition:
      '(ALT > 3x ULN or AST > 3x ULN) and (total bilirubin > 2x ULN or clinical jaundice) and ALP < 2x ULN; a missing ALT, AST or bilirubin ULN is read as the highest common ULN (ALT 60 U/L, AST 60 U/L, bilirubin 1.3 mg/dL), and an ALP without its ULN does not rule the flag out',
    applies: (f) =>
      (flagOver(f, 'alt', 3) || flagOver(f, 'ast', 3)) &&
      hysLawBilirubin(f) &&
      !(f.derived.alpXUln !== undefined && f.derived.alpXUln >= 2),
    detail: (f) => {
      const enzyme =
        (f.flag.alt?.xUln ?? 0) >= (f.flag.ast?.xUln ?? 0)
          ? flagValueText(f, 'alt')
          : flagValueText(f, 'ast');
      const bilirubin = flagOver(f, 'bilirubinTotal', 2)
        ? `total bilirubin ${flagValueText(f, 'bilirubinTotal').replace(/^Total bilirubin /, '')}`
        : 'clinical jaundice';
      const alp =
        f.derived.alpXUln === undefined
          ? 'ALP multiple unknown (give its ULN)'
          : `ALP ${times(f.derived.alpXUln)} ULN (under 2x)`;
      return `${enzyme} with ${bilirubin}, ${alp}.`;
    },
    recommendation:
      "Urgent: possible Hy's law (drug-induced hepatocellular injury with jaundice). Stop suspect hepatotoxic drugs and arrange same-day hepatology review; check INR and mental status.",
    why: "FDA's Hy's law: aminotransferases above 3x ULN with total bilirubin above 2x ULN, without initial cholestasis (operationalised as ALP below 2x ULN in analysis tools), marks severe drug-induced liver injury; EASL 2019 puts death or transplant at about 10%. Other causes (viral hepatitis, obstruction, myeloma infiltration) still need excluding, but the suspect drug is stopped first. When the ALP ULN is unknown the flag is raised anyway: a missing number must not silence an emergency. Changed in content 1.1.0 (decision 11): an ALT, AST or bilirubin given without its ULN is tested against the highest ULN adult labs commonly report (team convention [NV]), and the finding says so; clinical jaundice counts as bilirubin above 2x ULN, as it does for cholangitis (visible jaundice appears at about 2.5-3 mg/dL [P]).",
    seed: [],
    sources: ['fda2009', 'easl2019', 'teamConvention'],
    evidence: 'guideline',
  },
  {
    id: 'R-02',
    name: 'acute cholangitis',
    group: 'red-flag',
    kind: 'red-flag',
    condition:
      'TG18 A (fever or temperature > 38 °C, WBC < 4 or > 10 x10^9/L, or CRP >= 1 mg/dL) and (B: total bilirubin >= 2 mg/dL, clinical jaundice, or ALP/GGT/AST/ALT > 1.5x ULN, where an ALP of bone origin with bilirubin, GGT, ALT and AST all within their ULNs does not count; or C: dilated ducts or bile-duct stone on ultrasound); a missing ALP, ALT or AST ULN is read as the highest common ULN',
    applies: suspectedCholangitis,
    detail: (f) => {
      const definite = cholangitisCholestasis(f) && cholangitisImaging(f);
      return `${definite ? 'Definite' : 'Suspected'} acute cholangitis by Tokyo 2018 criteria.${cholangitisSeverity(f)}`;
    },
    recommendation:
      'Same-day assessment: blood cultures, antibiotics, and biliary drainage according to TG18 severity.',
    why: 'Tokyo Guidelines 2018: suspected cholangitis is systemic inflammation (A) with cholestasis (B) or biliary imaging findings (C); definite needs all three. Grade III (organ dysfunction, e.g. PT-INR > 1.5, disturbed consciousness) needs emergency drainage. Clinical jaundice is counted as criterion B (TG18 defines it as bilirubin >= 2 mg/dL). In myeloma, infection is common and a fever with cholestasis is not to be attributed to the disease. Changed in content 1.1.0 (decision 13): TG18 B means cholestasis or abnormal liver tests, so an ALP shown to come from bone, with bilirubin, GGT, ALT and AST all within their ULNs, no longer meets B (R-02b reports the fever instead); with the origin undetermined the ALP still counts (safer). A liver test without its ULN is read against the highest common ULN (decision 11).',
    seed: [],
    sources: ['tg18', 'teamConvention'],
    evidence: 'guideline',
  },
  {
    id: 'R-03',
    name: 'acute liver failure',
    group: 'red-flag',
    kind: 'red-flag',
    condition: 'INR >= 1.5 and confusion (any degree of encephalopathy)',
    applies: ({ input: c }) => c.inr !== undefined && c.inr >= 1.5 && c.symptoms?.confusion === true,
    detail: ({ input: c }) => `INR ${amount(c.inr ?? 0)} with confusion.`,
    recommendation:
      'Possible acute liver failure: emergency assessment and early contact with a transplant centre.',
    why: 'Acute liver failure is defined as INR >= 1.5 with any encephalopathy in a patient without pre-existing cirrhosis and an illness of under 26 weeks (AASLD/EASL definition, read second-hand via RCEM Learning and UpToDate; the primary AASLD paper was not verified). Confusion in myeloma also has other causes (hypercalcaemia, hyperviscosity, sepsis, drugs), which the emergency assessment covers.',
    seed: [],
    sources: ['alfDefinition'],
    evidence: 'guideline',
  },
  {
    id: 'R-04',
    name: 'hypercalcaemia',
    group: 'red-flag',
    kind: 'red-flag',
    condition: `Not pregnant, and calcium (albumin-corrected when albumin is known, otherwise uncorrected) > ${HYPERCALCAEMIA['mg/dL'].above} mg/dL (> ${HYPERCALCAEMIA['mmol/L'].above} mmol/L), or > ${HYPERCALCAEMIA['mg/dL'].aboveUlnBy} mg/dL (> ${HYPERCALCAEMIA['mmol/L'].aboveUlnBy} mmol/L) above the lab's ULN`,
    applies: (f) => hypercalcaemic(f) && !pregnant(f),
    detail: hypercalcaemiaDetail,
    recommendation: hypercalcaemiaRecommendation('IV bisphosphonate or denosumab'),
    why: hypercalcaemiaWhy,
    seed: [],
    sources: ['rajkumar2014'],
    evidence: 'guideline',
  },
  {
    id: 'R-04b',
    name: 'hypercalcaemia in pregnancy',
    group: 'red-flag',
    kind: 'red-flag',
    condition: `Pregnant, and calcium (albumin-corrected when albumin is known, otherwise uncorrected) above the R-04 thresholds`,
    applies: (f) => hypercalcaemic(f) && pregnant(f),
    detail: hypercalcaemiaDetail,
    recommendation: hypercalcaemiaRecommendation(
      'with any bone-targeted drug a specialist haematology and obstetric decision: bisphosphonates and denosumab carry fetal-harm warnings',
    ),
    why: `${hypercalcaemiaWhy} New in content 1.1.0 (decision 12): no bisphosphonate or denosumab is recommended in pregnancy, because both carry fetal-harm warnings on their labels [P]; the clinical reference gives no pregnancy pathway, so the engine hands the choice to the specialists.`,
    seed: [],
    sources: ['rajkumar2014', 'usLabels'],
    evidence: 'guideline',
  },
  {
    id: 'R-05',
    name: 'spinal cord compression',
    group: 'red-flag',
    kind: 'red-flag',
    condition: 'A new neurological deficit (with or without back pain)',
    applies: ({ input: c }) => c.symptoms?.neuroDeficit === true,
    detail: () => 'New neurological deficit reported.',
    recommendation:
      'Suspected spinal cord compression: emergency whole-spine MRI and dexamethasone per your local metastatic spinal cord compression protocol, with same-day specialist review.',
    why: 'In myeloma a new neurological deficit means cord compression until proven otherwise; MRI is the preferred test for acute compression (Nau & Lewis, Am Fam Physician; the year 2008 is from recall) and IMWG 2019 sets MRI as the imaging of choice for marrow and cord. NICE NG234 (2023) on metastatic spinal cord compression includes dexamethasone and whole-spine MRI [P: read second-hand]; dose and route follow the local protocol. Not a bone scan, which misses myeloma lesions because they suppress osteoblasts. Changed in content 1.1.0 (decision 18): dexamethasone added, and new bone pain alone moved to R-05b.',
    seed: [],
    sources: ['nau2008', 'hillengass2019', 'nice2023Ng234'],
    evidence: 'guideline',
  },
  {
    id: 'R-05b',
    name: 'suspected pathological fracture',
    group: 'red-flag',
    kind: 'red-flag',
    condition: 'New focal bone pain without a neurological deficit',
    applies: ({ input: c }) => c.symptoms?.newBonePain === true && c.symptoms.neuroDeficit !== true,
    detail: () => 'New bone pain reported, no neurological deficit.',
    recommendation:
      'Suspected pathological fracture or progression: urgent imaging of the painful site (MRI or low-dose CT), not an emergency whole-spine MRI; ask about neurological symptoms again if the pain is spinal.',
    why: 'New bone pain in myeloma suggests a fracture or progression; IMWG 2019 names MRI and (whole-body) low-dose CT for myeloma bone disease, and MRI is preferred for acute spinal problems (Nau & Lewis [P]). An emergency whole-spine MRI is for a suspected cord compression (R-05). New in content 1.1.0 (decision 18): before, bone pain alone triggered the cord-compression advice.',
    seed: [],
    sources: ['hillengass2019', 'nau2008'],
    evidence: 'guideline',
  },
  {
    id: 'R-06',
    name: 'massive aminotransferase rise',
    group: 'red-flag',
    kind: 'red-flag',
    condition:
      'ALT > 15x ULN, AST > 15x ULN, or ALT > 10,000 U/L; a missing ALT or AST ULN is read as the highest common ULN (60 U/L)',
    applies: (f) => flagOver(f, 'alt', 15) || flagOver(f, 'ast', 15) || over(f.labs.alt?.value, 10000),
    detail: (f) => {
      const altLab = f.labs.alt;
      const altMultiple = f.flag.alt;
      const alt =
        altLab === undefined || altMultiple === undefined
          ? ''
          : altMultiple.assumedUln === undefined
            ? `ALT ${labAmount(altLab)} U/L (${times(altMultiple.xUln)} ULN)`
            : flagValueText(f, 'alt');
      const ast = flagOver(f, 'ast', 15) ? flagValueText(f, 'ast') : '';
      return `${[alt, ast].filter((s) => s !== '').join(', ')}.`;
    },
    recommendation:
      'Massive aminotransferase rise: assess urgently for acetaminophen (paracetamol) toxicity and ischaemic hepatitis, alongside drug-induced and viral causes.',
    why: 'ACG 2017 advises that ALT and/or AST above 15x ULN, or ALT above 10,000 IU/L, also prompt assessment for acetaminophen toxicity and ischaemic hepatopathy (strong recommendation, very low evidence). The wording was read second-hand, as quoted with its grade in third-party code [P]. Changed in content 1.1.0 (decision 11): an ALT or AST without its ULN is tested against the highest common ULN (60 U/L, team convention [NV]), so ALT 5000 U/L without a ULN fires.',
    seed: [],
    sources: ['kwo2017', 'teamConvention'],
    evidence: 'guideline',
  },
  {
    id: 'R-07',
    name: 'coagulopathy with cholestasis',
    group: 'red-flag',
    kind: 'red-flag',
    condition:
      'INR >= 1.5 with raised total bilirubin (> 1x ULN; a missing ULN read as 1.3 mg/dL) or clinical jaundice, without confusion',
    applies: (f) =>
      f.input.inr !== undefined &&
      f.input.inr >= 1.5 &&
      f.input.symptoms?.confusion !== true &&
      (flagOver(f, 'bilirubinTotal', 1) || f.input.symptoms?.jaundice === true),
    detail: ({ input: c }) => `INR ${amount(c.inr ?? 0)} with jaundice or a raised bilirubin.`,
    recommendation:
      'Coagulopathy with cholestasis: urgent review the same day; check mental status now and repeat it, as encephalopathy would make this acute liver failure.',
    why: 'The clinical reference lists jaundice with an INR of 1.5 or more as urgent, by the same AASLD/EASL acute liver failure definition (read second-hand). A vitamin K antagonist or vitamin K deficiency from cholestasis can also raise the INR; the urgency stands until that is shown. Changed in content 1.1.0 (decision 11): a bilirubin without its ULN is read against the highest common ULN (1.3 mg/dL, team convention [NV]).',
    seed: [],
    sources: ['alfDefinition', 'teamConvention'],
    evidence: 'expert-convention',
  },
];

/** Not red flags, but read with them: what the screen found that is not an emergency by itself. */
export const RED_FLAG_COMPANION_RULES: readonly Rule[] = [
  {
    id: 'R-02b',
    group: 'red-flag',
    kind: 'next-step',
    condition:
      'TG18 A (fever, temperature > 38 °C, abnormal WBC or CRP >= 1 mg/dL) without criterion B or C, so not suspected cholangitis',
    applies: (f) => cholangitisInflammation(f) && !suspectedCholangitis(f),
    detail: (f) =>
      boneAlpWithNormalLiverTests(f) && flagOver(f, 'alp', 1.5)
        ? 'The ALP is from bone and bilirubin, GGT, ALT and AST are within their ULNs: no cholestatic picture.'
        : '',
    recommendation:
      'Fever or inflammation in a myeloma patient without a hepatic picture: not suspected cholangitis. Search for its own source the same day (infection is common in myeloma; check the neutrophil count).',
    why: 'TG18 criterion B is cholestasis or abnormal liver tests; without B (or biliary findings on imaging, C) the Tokyo criteria do not suggest cholangitis. That a fever in myeloma needs its own source search is the team reading of decision 13 [NV]; the clinical reference gives no fever pathway, so the engine does not propose one. New in content 1.1.0 (decision 13).',
    seed: [],
    sources: ['tg18', 'teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'R-03u',
    group: 'red-flag',
    kind: 'caution',
    condition: 'Confusion (any degree of encephalopathy) with the INR not known',
    applies: (f) => acuteLiverFailureUndecided(f.input) !== undefined,
    detail: (f) =>
      `${sentenceStart(acuteLiverFailureUndecided(f.input)?.because ?? 'confusion')}, INR not known.`,
    recommendation:
      'Acute liver failure is suspected and can be neither confirmed nor excluded without the INR: check the INR now. An INR of 1.5 or more with this confusion is acute liver failure, an emergency (R-03).',
    why: 'Acute liver failure is an INR >= 1.5 with any degree of encephalopathy (AASLD/EASL definition, read second-hand); confusion is the encephalopathy, so only the INR decides it. The clinical reference puts the values that decide a red flag before everything else (decisions 4 and 19) but gives no reading of confusion without an INR: the engine therefore neither raises the emergency nor rules it out, and keeps it open as unconfirmed until the INR is in (team convention [NV]). New in content 1.2.0.',
    seed: [],
    sources: ['alfDefinition', 'teamConvention'],
    evidence: 'expert-convention',
  },
];

const sentenceStart = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** Acute liver failure suspected from the symptoms with the INR, which decides it, still missing. */
const acuteLiverFailureUndecided = (c: Facts['input']) =>
  redFlagSuspicions(c).find((suspicion) => suspicion.ruleId === 'R-03' && suspicion.needed.includes('inr'));
