import { HYPERCALCAEMIA, isHypercalcaemic } from '../calcium';
import type { Facts } from '../facts';
import { amount, times } from '../format';
import type { Rule } from '../rule';

const over = (x: number | undefined, limit: number): boolean => x !== undefined && x > limit;

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

/** TG18 B: cholestasis (bilirubin >= 2 mg/dL, clinical jaundice) or abnormal liver tests (> 1.5x ULN). */
export const cholangitisCholestasis = (f: Facts): boolean => {
  const { derived: d } = f;
  const bilirubin = f.labs.bilirubinTotal?.value;
  return (
    (bilirubin !== undefined && bilirubin >= 2) ||
    f.input.symptoms?.jaundice === true ||
    [d.alpXUln, d.ggtXUln, d.astXUln, d.altXUln].some((x) => over(x, 1.5))
  );
};

/** TG18 C: biliary dilatation or its cause on imaging. */
export const cholangitisImaging = (f: Facts): boolean =>
  f.input.imaging?.ultrasound === 'dilated-ducts' || f.input.imaging?.ultrasound === 'cbd-stone';

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

export const RED_FLAG_RULES: readonly Rule[] = [
  {
    id: 'R-01',
    group: 'red-flag',
    kind: 'red-flag',
    condition:
      '(ALT > 3x ULN or AST > 3x ULN) and total bilirubin > 2x ULN and ALP < 2x ULN (an ALP without its ULN does not rule the flag out)',
    applies: ({ derived: d }) =>
      (over(d.altXUln, 3) || over(d.astXUln, 3)) &&
      over(d.bilirubinXUln, 2) &&
      !(d.alpXUln !== undefined && d.alpXUln >= 2),
    detail: ({ derived: d }) => {
      const enzyme =
        (d.altXUln ?? 0) >= (d.astXUln ?? 0)
          ? `ALT ${times(d.altXUln ?? 0)}`
          : `AST ${times(d.astXUln ?? 0)}`;
      const alp =
        d.alpXUln === undefined
          ? 'ALP multiple unknown (give its ULN)'
          : `ALP ${times(d.alpXUln)} ULN (under 2x)`;
      return `${enzyme} ULN with total bilirubin ${times(d.bilirubinXUln ?? 0)} ULN, ${alp}.`;
    },
    recommendation:
      "Urgent: possible Hy's law (drug-induced hepatocellular injury with jaundice). Stop suspect hepatotoxic drugs and arrange same-day hepatology review; check INR and mental status.",
    why: "FDA's Hy's law: aminotransferases above 3x ULN with total bilirubin above 2x ULN, without initial cholestasis (operationalised as ALP below 2x ULN in analysis tools), marks severe drug-induced liver injury; EASL 2019 puts death or transplant at about 10%. Other causes (viral hepatitis, obstruction, myeloma infiltration) still need excluding, but the suspect drug is stopped first. When the ALP ULN is unknown the flag is raised anyway: a missing number must not silence an emergency.",
    seed: [],
    sources: ['fda2009', 'easl2019'],
    evidence: 'guideline',
  },
  {
    id: 'R-02',
    group: 'red-flag',
    kind: 'red-flag',
    condition:
      'TG18 A (fever or temperature > 38 °C, WBC < 4 or > 10 x10^9/L, or CRP >= 1 mg/dL) and (B: total bilirubin >= 2 mg/dL, clinical jaundice, or ALP/GGT/AST/ALT > 1.5x ULN; or C: dilated ducts or bile-duct stone on ultrasound)',
    applies: (f) => cholangitisInflammation(f) && (cholangitisCholestasis(f) || cholangitisImaging(f)),
    detail: (f) => {
      const definite = cholangitisCholestasis(f) && cholangitisImaging(f);
      return `${definite ? 'Definite' : 'Suspected'} acute cholangitis by Tokyo 2018 criteria.${cholangitisSeverity(f)}`;
    },
    recommendation:
      'Same-day assessment: blood cultures, antibiotics, and biliary drainage according to TG18 severity.',
    why: 'Tokyo Guidelines 2018: suspected cholangitis is systemic inflammation (A) with cholestasis (B) or biliary imaging findings (C); definite needs all three. Grade III (organ dysfunction, e.g. PT-INR > 1.5, disturbed consciousness) needs emergency drainage. Clinical jaundice is counted as criterion B (TG18 defines it as bilirubin >= 2 mg/dL). ALP counts toward B as TG18 states it, even when GGT places the ALP in bone: the flag errs towards safety, and with a bone origin and no other cholestatic sign the fever may well have another source. In myeloma, infection is common and a fever with cholestasis is not to be attributed to the disease.',
    seed: [],
    sources: ['tg18'],
    evidence: 'guideline',
  },
  {
    id: 'R-03',
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
    group: 'red-flag',
    kind: 'red-flag',
    condition: `Calcium (albumin-corrected when albumin is known) > ${HYPERCALCAEMIA['mg/dL'].above} mg/dL (> ${HYPERCALCAEMIA['mmol/L'].above} mmol/L), or > ${HYPERCALCAEMIA['mg/dL'].aboveUlnBy} mg/dL (> ${HYPERCALCAEMIA['mmol/L'].aboveUlnBy} mmol/L) above the lab's ULN`,
    applies: ({ derived: d }) => d.calcium !== undefined && isHypercalcaemic(d.calcium),
    detail: ({ derived: d }) => {
      const ca = d.calcium;
      if (ca === undefined) return '';
      const label = ca.corrected ? 'Corrected calcium' : 'Calcium (not albumin-corrected)';
      return `${label} ${amount(ca.correctedMgDl)} mg/dL (${amount(ca.correctedMmolL)} mmol/L).`;
    },
    recommendation:
      'Hypercalcaemia of myeloma: urgent treatment (IV fluids, IV bisphosphonate or denosumab) and a search for active disease.',
    why: 'IMWG 2014 counts calcium more than 0.25 mmol/L (> 1 mg/dL) above the ULN or above 2.75 mmol/L (> 11 mg/dL) as a myeloma-defining CRAB feature needing treatment. The engine compares in the unit the lab reported, because the two published thresholds are not exact conversions of each other. The albumin correction (Payne) is a standard convention, not part of the IMWG text.',
    seed: [],
    sources: ['rajkumar2014'],
    evidence: 'guideline',
  },
  {
    id: 'R-05',
    group: 'red-flag',
    kind: 'red-flag',
    condition: 'New focal bone pain or a new neurological deficit',
    applies: ({ input: c }) => c.symptoms?.newBonePain === true || c.symptoms?.neuroDeficit === true,
    detail: ({ input: c }) =>
      c.symptoms?.neuroDeficit === true ? 'New neurological deficit reported.' : 'New bone pain reported.',
    recommendation:
      'Suspected pathological fracture or spinal cord compression: emergency MRI (whole spine when cord compression is possible) and same-day review.',
    why: 'In myeloma, new bone pain or a neurological deficit means a fracture or cord compression until proven otherwise; MRI is the preferred test for acute compression (Nau & Lewis, Am Fam Physician; the year 2008 is from recall) and IMWG 2019 sets MRI as the imaging of choice for marrow and cord. Not a bone scan, which misses myeloma lesions because they suppress osteoblasts.',
    seed: [],
    sources: ['nau2008', 'hillengass2019'],
    evidence: 'guideline',
  },
  {
    id: 'R-06',
    group: 'red-flag',
    kind: 'red-flag',
    condition: 'ALT > 15x ULN, AST > 15x ULN, or ALT > 10,000 U/L',
    applies: ({ derived: d, labs }) =>
      over(d.altXUln, 15) || over(d.astXUln, 15) || over(labs.alt?.value, 10000),
    detail: ({ derived: d, labs }) => {
      const alt = labs.alt;
      const altText =
        alt === undefined
          ? ''
          : `ALT ${amount(alt.value)} U/L${d.altXUln === undefined ? '' : ` (${times(d.altXUln)} ULN)`}`;
      const astText = d.astXUln !== undefined && d.astXUln > 15 ? `AST ${times(d.astXUln)} ULN` : '';
      return `${[altText, astText].filter((s) => s !== '').join(', ')}.`;
    },
    recommendation:
      'Massive aminotransferase rise: assess urgently for acetaminophen (paracetamol) toxicity and ischaemic hepatitis, alongside drug-induced and viral causes.',
    why: 'ACG 2017 advises that ALT and/or AST above 15x ULN, or ALT above 10,000 IU/L, also prompt assessment for acetaminophen toxicity and ischaemic hepatopathy (strong recommendation, very low evidence). The wording was read second-hand, as quoted with its grade in third-party code [P].',
    seed: [],
    sources: ['kwo2017'],
    evidence: 'guideline',
  },
  {
    id: 'R-07',
    group: 'red-flag',
    kind: 'red-flag',
    condition: 'INR >= 1.5 with raised total bilirubin (> 1x ULN) or clinical jaundice, without confusion',
    applies: ({ input: c, derived: d }) =>
      c.inr !== undefined &&
      c.inr >= 1.5 &&
      c.symptoms?.confusion !== true &&
      (over(d.bilirubinXUln, 1) || c.symptoms?.jaundice === true),
    detail: ({ input: c }) => `INR ${amount(c.inr ?? 0)} with jaundice or a raised bilirubin.`,
    recommendation:
      'Coagulopathy with cholestasis: urgent review the same day; check mental status now and repeat it, as encephalopathy would make this acute liver failure.',
    why: 'The clinical reference lists jaundice with an INR of 1.5 or more as urgent, by the same AASLD/EASL acute liver failure definition (read second-hand). A vitamin K antagonist or vitamin K deficiency from cholestasis can also raise the INR; the urgency stands until that is shown.',
    seed: [],
    sources: ['alfDefinition'],
    evidence: 'expert-convention',
  },
];
