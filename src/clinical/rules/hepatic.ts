import { alpRaised, type Facts } from '../facts';
import { times } from '../format';
import type { Rule } from '../rule';

const over = (x: number | undefined, limit: number): boolean => x !== undefined && x > limit;
const atLeast = (x: number | undefined, limit: number): boolean => x !== undefined && x >= limit;

const ultrasound = (f: Facts) => f.input.imaging?.ultrasound;
export const noDuctDilatation = (f: Facts): boolean => {
  const us = ultrasound(f);
  return us === 'normal' || us === 'hepatomegaly' || us === 'diffuse-infiltration';
};
const liverEnlarged = (f: Facts): boolean =>
  ultrasound(f) === 'hepatomegaly' || over(f.input.history?.liverSpanCm, 15);

export const HEPATIC_RULES: readonly Rule[] = [
  {
    id: 'H-1',
    group: 'hepatic',
    kind: 'next-step',
    condition: 'Hepatic origin and no ultrasound result',
    applies: (f) => f.origin === 'liver' && ultrasound(f) === undefined,
    recommendation:
      'Right upper quadrant ultrasound first: dilated intra- or extrahepatic ducts and gallstones decide the next test.',
    why: 'ACR 2023 (variant 3, cholestatic predominance): abdominal ultrasound is "usually appropriate"; patients with an ALP of suspected liver origin and no alternative cause "should undergo transabdominal US to assess for dilated intra- or extrahepatic ducts and gallstones". Same as seed S8/S9.',
    seed: ['S8', 'S9'],
    sources: ['acr2023', 'kwo2017'],
    evidence: 'guideline',
  },
  {
    id: 'H-2',
    group: 'hepatic',
    kind: 'next-step',
    condition: 'Ultrasound: dilated ducts',
    applies: (f) => ultrasound(f) === 'dilated-ducts',
    recommendation: 'MRI with MRCP (contrast-enhanced) to find the cause of the biliary obstruction.',
    why: 'ACR 2023: contrast-enhanced MRI with MRCP is "the most useful imaging modality for evaluating the etiology of biliary obstruction". Extrahepatic cholestasis in myeloma can also come from peripancreatic plasma-cell infiltration (Perez-Soler 1985).',
    seed: ['S9'],
    sources: ['acr2023', 'perezSoler1985'],
    evidence: 'guideline',
  },
  {
    id: 'H-3',
    group: 'hepatic',
    kind: 'next-step',
    condition: 'Ultrasound: common bile duct stone',
    applies: (f) => ultrasound(f) === 'cbd-stone',
    recommendation: 'Proceed directly to ERCP.',
    why: 'ACR 2023: a common bile duct stone seen on ultrasound → "proceed directly to ERCP". Ultrasound has low sensitivity but high specificity for choledocholithiasis.',
    seed: ['S9'],
    sources: ['acr2023'],
    evidence: 'guideline',
  },
  {
    id: 'H-4',
    group: 'hepatic',
    kind: 'next-step',
    condition:
      'Hepatic origin and ultrasound without duct dilatation (normal, hepatomegaly or diffuse infiltration)',
    applies: (f) => f.origin === 'liver' && noDuctDilatation(f),
    recommendation:
      'Intrahepatic cholestasis: review every medicine and supplement (lenalidomide, proteasome inhibitors, azoles, antibiotics, TMP-SMX, allopurinol); test AMA for PBC; MRCP for PSC; consider infiltration (hepatic AL amyloidosis, plasma-cell infiltration, lymphoma, sarcoidosis, metastases).',
    why: 'ACG 2017: an ALP of hepatic origin calls for testing for PBC and PSC and a full medication history; ACR 2023: a normal-calibre duct suggests intrahepatic cholestasis and lists sarcoidosis, amyloidosis and metastases. In myeloma, liver biopsy series found diffuse plasma-cell infiltration and amyloidosis (Perez-Soler 1985), and in a small single-centre series ALP was raised in 35% and ALT in 65% of patients, mostly without clinical liver disease (APJCP 2012, 37 patients; seed S4).',
    seed: ['S9', 'S4'],
    sources: ['kwo2017', 'acr2023', 'perezSoler1985', 'apjcp2012'],
    evidence: 'guideline',
  },
  {
    id: 'H-9',
    group: 'hepatic',
    kind: 'caution',
    condition: 'Ultrasound: focal liver lesions',
    applies: (f) => ultrasound(f) === 'focal-lesions',
    recommendation:
      'Focal liver lesions: characterise them with contrast-enhanced MRI or CT and discuss with radiology; in myeloma, nodular plasma-cell lesions as well as metastases of a second cancer are described.',
    why: "The clinical reference has no specific rule for focal lesions found during an ALP workup; ACR 2023 rates MRI and contrast CT as usually appropriate for cholestatic liver tests, and nodular liver involvement by myeloma is reported (Wu 2009, case and review). The engine stops short of a pathway here; the advice is the team's reasoning [NV].",
    seed: ['S4'],
    sources: ['acr2023', 'wu2009'],
    evidence: 'expert-convention',
  },
  {
    id: 'H-5',
    group: 'hepatic',
    kind: 'next-step',
    condition:
      'Known or suspected AL amyloidosis and (ALP > 1.5x ULN, or liver span > 15 cm without heart failure)',
    applies: (f) =>
      f.input.history?.amyloidosis === true &&
      (over(f.derived.alpXUln, 1.5) ||
        (over(f.input.history.liverSpanCm, 15) && f.input.history.heartFailure !== true)),
    recommendation:
      'Meets the consensus criterion for hepatic involvement by AL amyloidosis: haematology and amyloid workup (liver biopsy was safe in the Mayo series).',
    why: 'Gertz 2005 consensus: liver involvement is a total liver span above 15 cm without heart failure, or ALP above 1.5x the institutional ULN. In 98 biopsy-proven hepatic AL cases ALP was raised in 86%, median survival was 8.5 months and biopsy bled in 4% (Park 2003; journal read second-hand [P]).',
    seed: ['S4'],
    sources: ['gertz2005', 'park2003'],
    evidence: 'guideline',
  },
  {
    id: 'H-10',
    group: 'hepatic',
    kind: 'next-step',
    condition:
      'Hepatic origin, ALP > 1x ULN, amyloidosis not known, and hepatomegaly (ultrasound or span > 15 cm) or heart failure',
    applies: (f) =>
      f.origin === 'liver' &&
      alpRaised(f) &&
      f.input.history?.amyloidosis !== true &&
      (liverEnlarged(f) || f.input.history?.heartFailure === true),
    recommendation:
      'Consider hepatic AL amyloidosis: proteinuria, serum free light chains and cardiac evaluation, and a tissue diagnosis.',
    why: 'In myeloma, a hepatic ALP rise with hepatomegaly, proteinuria or heart failure should prompt an AL amyloidosis evaluation: a team rule [NV] built on Gertz 2005 (organ-involvement criteria) and the Mayo hepatic AL series (hepatomegaly 81%, raised ALP 86%).',
    seed: ['S4'],
    sources: ['gertz2005', 'park2003', 'teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'H-11',
    group: 'hepatic',
    kind: 'next-step',
    condition: 'Hepatic origin and AMA positive',
    applies: (f) => f.origin === 'liver' && f.input.ama === 'positive',
    recommendation:
      'AMA positive with a hepatic ALP: primary biliary cholangitis is likely; refer to hepatology.',
    why: 'ACG 2017 asks for PBC testing in hepatic ALP elevations. The widely quoted PBC criterion (ALP >= 1.5x ULN with AMA >= 1:40) was not verified against the primary AASLD source [NV]; AMA-positive cases go to biopsy consideration in the Pratt & Kaplan-style algorithm [P].',
    seed: [],
    sources: ['kwo2017', 'prattKaplan2000'],
    evidence: 'expert-convention',
  },
  {
    id: 'H-6',
    group: 'hepatic',
    kind: 'next-step',
    condition: 'Hepatic origin, persistent ALP >= 1.5x ULN, normal ultrasound and AMA negative',
    applies: (f) =>
      f.origin === 'liver' &&
      atLeast(f.derived.alpXUln, 1.5) &&
      f.input.history?.persistentElevation === true &&
      ultrasound(f) === 'normal' &&
      f.input.ama === 'negative',
    recommendation: 'Hepatology referral; MRCP, with liver biopsy if MRCP does not explain it.',
    why: 'A widely reproduced algorithm in the style of Pratt & Kaplan (NEJM 2000) sends AMA-negative patients with a normal ultrasound and ALP at least 50% above the ULN to MRCP/biopsy, and observes smaller rises [P]; the 1.5x threshold for referral is a team convention [NV]. ACR 2023: MRI/MRCP "may be useful" for a persistently raised ALP with a negative ultrasound.',
    seed: ['S9'],
    sources: ['prattKaplan2000', 'acr2023', 'teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'H-7',
    group: 'hepatic',
    kind: 'next-step',
    condition: 'ALP >= 2x ULN, hepatic origin with GGT > 1x ULN, no recent fracture, and a new drug',
    applies: (f) =>
      atLeast(f.derived.alpXUln, 2) &&
      f.origin === 'liver' &&
      over(f.derived.ggtXUln, 1) &&
      f.input.history?.recentFracture !== true &&
      f.input.therapy?.newDrug === true,
    detail: (f) =>
      `ALP ${times(f.derived.alpXUln ?? 0)} ULN with GGT ${times(f.derived.ggtXUln ?? 0)} ULN after a new drug.`,
    recommendation:
      'Meets the cholestatic arm of the DILI case definition: assess causality (RUCAM plus expert opinion) and review the suspect drug against its label and LiverTox.',
    why: 'Aithal 2011 case definition: ALP >= 2x ULN, particularly with a raised GGT and no known bone pathology driving the rise (thresholds read second-hand [P]). EASL 2019 recommends RUCAM plus expert opinion for causality.',
    seed: [],
    sources: ['aithal2011', 'easl2019', 'danan2016', 'livertox'],
    evidence: 'guideline',
  },
  {
    id: 'H-8',
    group: 'hepatic',
    kind: 'next-step',
    condition: 'R >= 5, or ALT >= 5x ULN, or ALT >= 3x ULN with total bilirubin > 2x ULN',
    applies: (f) =>
      atLeast(f.derived.rRatio, 5) ||
      atLeast(f.derived.altXUln, 5) ||
      (atLeast(f.derived.altXUln, 3) && over(f.derived.bilirubinXUln, 2)),
    detail: (f) => (f.derived.altXUln === undefined ? '' : `ALT ${times(f.derived.altXUln)} ULN.`),
    recommendation:
      'Drug-induced liver injury workup: list every drug and its start date, check the labels (bortezomib, carfilzomib, ixazomib, lenalidomide and pomalidomide carry hepatotoxicity warnings in their US labels), consider holding the suspect drug, and exclude viral and ischaemic causes.',
    why: 'Seed S22: an ALP rise with a significant ALT rise calls for considering DILI. Aithal 2011 defines DILI as ALT >= 5x ULN, or ALT >= 3x ULN with bilirubin > 2x ULN (thresholds read second-hand [P]); ACG DILI 2021 uses the same R framework [P]. The hepatotoxicity warnings of the five myeloma drugs are label sections recalled, not read in the current US prescribing information [P]: verify before sign-off. Changed in content 1.1.0 (decision 16): the list named only carfilzomib and lenalidomide, and the rule was labelled "guideline"; its evidence is now the labels\' second-hand status.',
    seed: ['S22'],
    sources: ['aithal2011', 'chalasani2021', 'easl2019', 'usLabels', 'livertox'],
    evidence: 'expert-convention',
  },
];
