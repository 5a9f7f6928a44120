import type { EvidenceLevel } from './assessment-schema';

/**
 * Every source a rule cites, with the identifiers the clinical reference verified. `tag` is the
 * reference's honesty mark for the citation itself: V read in the source, P confirmed but seen
 * second-hand, NV not verified. Identifiers the reference lists as unverified are left out
 * rather than guessed.
 */
export interface Reference {
  /**
   * The most a finding resting on this source alone may claim (decision 20): a web course or a
   * commercial education page is expert convention at most. Absent: no cap beyond the rule's own.
   */
  highestEvidence?: EvidenceLevel;
  /** Short label shown next to a recommendation. */
  label: string;
  citation: string;
  doi?: string;
  pmid?: string;
  url?: string;
  tag: 'V' | 'P' | 'NV';
}

const entries = {
  kwo2017: {
    label: 'ACG 2017 (Kwo et al.)',
    citation:
      'Kwo PY, Cohen SM, Lim JK. ACG Clinical Guideline: Evaluation of Abnormal Liver Chemistries. Am J Gastroenterol 2017;112:18-35.',
    doi: '10.1038/ajg.2016.517',
    pmid: '27995906',
    tag: 'V',
  },
  acr2023: {
    label: 'ACR Appropriateness Criteria 2023',
    citation:
      'Arif-Tiwari H, Porter KK, Kamel IR, et al. ACR Appropriateness Criteria: Abnormal Liver Function Tests. American College of Radiology, 2023.',
    tag: 'V',
  },
  easl2019: {
    label: 'EASL DILI 2019',
    citation:
      'European Association for the Study of the Liver. EASL Clinical Practice Guidelines: Drug-induced liver injury. J Hepatol 2019;70:1222-1261.',
    doi: '10.1016/j.jhep.2019.02.014',
    tag: 'V',
  },
  benichou1990: {
    label: 'Bénichou 1990',
    citation:
      'Bénichou C. Criteria of drug-induced liver disorders. Report of an international consensus meeting. J Hepatol 1990;11:272-276.',
    tag: 'P',
  },
  aithal2011: {
    label: 'Aithal 2011 (DILI case definition)',
    citation:
      'Aithal GP, et al. Case definition and phenotype standardization in drug-induced liver injury. Clin Pharmacol Ther 2011;89:806-815.',
    doi: '10.1038/clpt.2011.58',
    pmid: '21544079',
    tag: 'V',
  },
  chalasani2021: {
    label: 'ACG DILI 2021 (Chalasani et al.)',
    citation:
      'Chalasani NP, Maddur H, Russo MW, Wong RJ, Reddy KR. ACG clinical guideline on drug-induced liver injury. Am J Gastroenterol 2021;116:878-898 (2014 version: doi 10.1038/ajg.2014.131).',
    tag: 'P',
  },
  danan2016: {
    label: 'RUCAM (Danan & Teschke 2016)',
    citation: 'Danan G, Teschke R. RUCAM in drug and herb induced liver injury: the update. 2016.',
    tag: 'V',
  },
  fda2009: {
    label: 'FDA DILI guidance 2009',
    citation:
      'US Food and Drug Administration. Guidance for Industry. Drug-Induced Liver Injury: Premarketing Clinical Evaluation. July 2009.',
    tag: 'V',
  },
  ctcae5: {
    label: 'CTCAE v5.0',
    citation:
      'National Cancer Institute. Common Terminology Criteria for Adverse Events (CTCAE) v5.0. 27 November 2017.',
    tag: 'V',
  },
  tg18: {
    label: 'Tokyo Guidelines 2018',
    citation:
      'Kiriyama S, et al. Tokyo Guidelines 2018 (TG18): diagnostic criteria and severity grading of acute cholangitis. J Hepatobiliary Pancreat Sci 2018;25:17-30.',
    doi: '10.1002/jhbp.512',
    tag: 'V',
  },
  alfDefinition: {
    label: 'AASLD/EASL acute liver failure definition',
    citation:
      'Acute liver failure: INR >= 1.5 with any degree of encephalopathy, no pre-existing cirrhosis, illness < 26 weeks (AASLD/EASL definition as quoted by RCEM Learning and UpToDate; primary AASLD paper not verified).',
    tag: 'P',
  },
  rajkumar2014: {
    label: 'IMWG 2014 (Rajkumar et al.)',
    citation:
      'Rajkumar SV, et al. International Myeloma Working Group updated criteria for the diagnosis of multiple myeloma. Lancet Oncol 2014;15:e538.',
    doi: '10.1016/S1470-2045(14)70442-5',
    tag: 'V',
  },
  nau2008: {
    label: 'Nau & Lewis, Am Fam Physician',
    citation:
      'Nau KC, Lewis WD. Multiple myeloma: diagnosis and treatment. Am Fam Physician 2008 (year from recall).',
    tag: 'P',
  },
  hillengass2019: {
    label: 'IMWG imaging 2019',
    citation:
      'Hillengass J, Usmani S, Rajkumar SV, et al. International Myeloma Working Group consensus recommendations on imaging in monoclonal plasma cell disorders. Lancet Oncol 2019;20:e302.',
    doi: '10.1016/S1470-2045(19)30309-2',
    tag: 'V',
  },
  terpos2013: {
    label: 'IMWG bone 2013 (Terpos et al.)',
    citation:
      'Terpos E, et al. International Myeloma Working Group recommendations on myeloma-related bone disease. J Clin Oncol 2013;31:2347-2357.',
    doi: '10.1200/JCO.2012.47.7901',
    pmid: '23690408',
    tag: 'V',
  },
  terpos2021: {
    label: 'IMWG Bone Working Group 2021',
    citation:
      'Terpos E, Zamagni E, Lentzsch S, et al. IMWG Bone Working Group recommendations on myeloma-related bone disease. Lancet Oncol 2021;22:e119-e130.',
    doi: '10.1016/S1470-2045(20)30559-3',
    tag: 'V',
  },
  terpos2010: {
    label: 'IMWG bone markers 2010',
    citation:
      'Terpos E, et al. IMWG report on biochemical markers of bone remodelling in multiple myeloma. Leukemia 2010;24:1700-1712.',
    doi: '10.1038/leu.2010.173',
    tag: 'V',
  },
  terpos2007: {
    label: 'Terpos 2007 (Blood review)',
    citation:
      'Terpos E, Sezer O, Croucher P, Dimopoulos MA. Myeloma bone disease and proteasome inhibition therapies. Blood 2007;110:1098-1104.',
    tag: 'V',
  },
  annibali2020: {
    label: 'Annibali 2020',
    citation:
      'Annibali O, Petrucci MT, Santini D, et al. J Bone Oncol 2020;26:100338 (ALP in 440 myeloma vs 461 solid-cancer patients with bone lesions).',
    doi: '10.1016/j.jbo.2020.100338',
    pmid: '33304804',
    tag: 'V',
  },
  zangari2005: {
    label: 'Zangari 2005 (Br J Haematol)',
    citation:
      'Zangari M, et al. Response to bortezomib is associated to osteoblastic activation in patients with multiple myeloma. Br J Haematol 2005;131:71-73.',
    doi: '10.1111/j.1365-2141.2005.05733.x',
    tag: 'V',
  },
  zangari2007: {
    label: 'Zangari 2007 (Am J Hematol, APEX)',
    citation:
      'Zangari M, et al. Predictive value of alkaline phosphatase for response and time to progression in bortezomib-treated multiple myeloma patients. Am J Hematol 2007 (volume, pages and PMID not verified).',
    tag: 'V',
  },
  zangari2011Haematologica: {
    label: 'Zangari 2011 (Haematologica)',
    citation:
      'Zangari M, et al. A prospective evaluation of the biochemical, metabolic, hormonal and structural bone changes associated with bortezomib response in multiple myeloma patients. Haematologica 2011;96:333-336.',
    doi: '10.3324/haematol.2010.031302',
    pmid: '20952514',
    tag: 'V',
  },
  zangari2011Carfilzomib: {
    label: 'Zangari 2011 (Eur J Haematol, carfilzomib)',
    citation:
      'Zangari M, et al. Alkaline phosphatase variation during carfilzomib treatment is associated with best response in multiple myeloma patients. Eur J Haematol 2011.',
    doi: '10.1111/j.1600-0609.2011.01602.x',
    tag: 'V',
  },
  delforgeVista: {
    label: 'Delforge, VISTA post-hoc',
    citation:
      'Delforge M, Terpos E, et al. Bone metabolism and response in the VISTA trial (VMP vs MP), post-hoc analysis (journal and year not verified).',
    tag: 'V',
  },
  lund2010: {
    label: 'Lund 2010',
    citation:
      'Lund T, et al. Eur J Haematol 2010;85:290-299 (bortezomib raises BSAP and P1NP; a glucocorticoid transiently inhibits collagen deposition).',
    pmid: '20528908',
    tag: 'V',
  },
  heider2006: {
    label: 'Heider 2006',
    citation:
      'Heider U, et al. Bortezomib increases osteoblast activity in myeloma patients irrespective of response to treatment. Eur J Haematol 2006;77:233.',
    tag: 'P',
  },
  biomedRes2014: {
    label: 'Korean multicentre study 2014',
    citation:
      'Biomed Res Int 2014:245247 (bone ALP and osteocalcin fell after bortezomib with steroid; 104 relapsed patients).',
    pmid: '25050331',
    tag: 'V',
  },
  gertz2005: {
    label: 'Gertz 2005 (AL organ involvement)',
    citation:
      'Gertz MA, et al. Consensus definition of organ involvement in AL amyloidosis. Am J Hematol 2005;79:319-328.',
    tag: 'V',
  },
  park2003: {
    label: 'Park 2003 (hepatic AL, Mayo)',
    citation:
      'Park MA, Mueller PS, Kyle RA, et al. 98 patients with biopsy-proven hepatic AL amyloidosis, Mayo Clinic, Sep 2003, pp. 291-298 (journal believed to be Medicine (Baltimore), not verified).',
    tag: 'P',
  },
  perezSoler1985: {
    label: 'Perez-Soler 1985',
    citation: 'Perez-Soler R, et al. Liver involvement in multiple myeloma. Am J Hematol 1985:25-29.',
    tag: 'V',
  },
  apjcp2012: {
    label: 'APJCP 2012 (liver involvement in MM)',
    citation:
      'Liver involvement in multiple myeloma: a hospital based retrospective study. Asian Pac J Cancer Prev 2012 (authors, volume and pages not verified).',
    tag: 'V',
  },
  wu2009: {
    label: 'Wu 2009 (nodular liver lesions in MM)',
    citation:
      'Wu XN, et al. Nodular liver lesions in multiple myeloma: case report and literature review. World J Gastroenterol 2009;15:1014.',
    tag: 'V',
  },
  livertox: {
    label: 'LiverTox (NCBI Bookshelf)',
    citation:
      'LiverTox: Clinical and Research Information on Drug-Induced Liver Injury. NCBI Bookshelf (chapter NBK548733 seen; drug pages not read).',
    url: 'https://www.ncbi.nlm.nih.gov/books/NBK548733/',
    tag: 'P',
  },
  regev2020: {
    label: 'Regev 2020 (IQ DILI, checkpoint inhibitors)',
    citation:
      'Regev A, Avigan MI, Kiazand A, et al. Best practices for detection, assessment and management of suspected immune-mediated liver injury caused by immune checkpoint inhibitors during drug development. J Autoimmun 2020;114:102514.',
    tag: 'V',
  },
  vaHepatitis: {
    label: 'VA Hepatitis course',
    citation:
      'US Department of Veterans Affairs, Hepatitis C / liver disease online course: evaluation of abnormal liver tests.',
    tag: 'V',
    highestEvidence: 'expert-convention',
  },
  hepatitisCentral: {
    label: "hepatitiscentral.com (GGT, 5'NT)",
    citation: "Hepatitis Central: interpretation of GGT and 5'-nucleotidase (commercial education page).",
    tag: 'V',
    highestEvidence: 'expert-convention',
  },
  mossHenderson: {
    label: 'Moss & Henderson (heat inactivation)',
    citation:
      'Moss DW, Henderson AR, 1994: heat inactivation of ALP at 56 °C for 10 min, as reproduced by medicalalgorithms.com.',
    tag: 'P',
    highestEvidence: 'expert-convention',
  },
  farley1994: {
    label: 'Farley 1994 (BSAP cross-reactivity)',
    citation:
      'Farley JR, et al. Clin Chem 1994;40:1749-1756 (BSAP IRMA: 11-14% cross-reactivity with liver ALP).',
    pmid: '8070087',
    tag: 'V',
  },
  braga1995: {
    label: 'Braga 1995',
    citation:
      'Braga V, et al. Eur J Clin Chem Clin Biochem 1995;33:433-439 (BSAP falls more than total ALP after IV bisphosphonate).',
    tag: 'V',
  },
  matsushita2011: {
    label: 'Matsushita & Komoda 2011',
    citation:
      'Matsushita M, Komoda T. Rinsho Byori 2011;59:923-929 (intestinal ALP after a fatty meal in blood group B/O secretors).',
    pmid: '22184873',
    tag: 'V',
  },
  koreanJLabMed2004: {
    label: 'Korean J Lab Med 2004',
    citation:
      'Korean J Lab Med 2004;24:87-90 (intestinal ALP in 5% of healthy adults, 20% of group O; measure fasting).',
    tag: 'V',
  },
  beckmanAlpInsert: {
    label: 'Beckman Coulter ALP reagent insert',
    citation:
      'Beckman Coulter alkaline phosphatase reagent package insert (third-trimester non-pathologic elevations).',
    tag: 'V',
  },
  prattKaplan2000: {
    label: 'Pratt & Kaplan 2000-style algorithm',
    citation:
      'Pratt DS, Kaplan MM. Evaluation of abnormal liver-enzyme results in asymptomatic patients. N Engl J Med 2000;342:1266-1271 (thresholds from secondary reproductions of the algorithm).',
    tag: 'P',
  },
  siUnits: {
    label: 'SI unit definitions',
    citation:
      'SI definitions: 1 U = 1 µmol/min, 1 kat = 1 mol/s (1 µkat/L = 60 U/L); bilirubin mg/dL x 17.1 = µmol/L; calcium mg/dL x 0.2495 = mmol/L.',
    tag: 'V',
  },
  teamConvention: {
    label: 'Team convention',
    citation:
      'ALP workup bot clinical reference: team convention where no guideline gives a number (not verified against a primary source).',
    tag: 'NV',
    highestEvidence: 'expert-convention',
  },
  usLabels: {
    label: 'US prescribing information (myeloma drugs)',
    citation:
      'US prescribing information of bortezomib, carfilzomib, ixazomib, lenalidomide and pomalidomide (hepatotoxicity warnings), zoledronic acid and denosumab (embryo-fetal toxicity): label sections recalled, verify against the current labels before sign-off.',
    tag: 'P',
  },
  nice2023Ng234: {
    label: 'NICE NG234 (2023)',
    citation:
      'National Institute for Health and Care Excellence. Spinal metastases and metastatic spinal cord compression. NICE guideline NG234, 2023 (read second-hand).',
    url: 'https://www.nice.org.uk/guidance/ng234',
    tag: 'P',
  },
} as const satisfies Record<string, Reference>;

export type SourceKey = keyof typeof entries;
export const BIBLIOGRAPHY: Readonly<Record<SourceKey, Reference>> = entries;

/** Where a clinician can read the source: the DOI, else PubMed. */
export function sourceUrl(ref: Reference): string | undefined {
  if (ref.url !== undefined) return ref.url;
  if (ref.doi !== undefined) return `https://doi.org/${ref.doi}`;
  if (ref.pmid !== undefined) return `https://pubmed.ncbi.nlm.nih.gov/${ref.pmid}/`;
  return undefined;
}
