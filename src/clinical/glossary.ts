import { BIBLIOGRAPHY, type SourceKey } from './bibliography';

/**
 * The terms the bot uses on its cards and in its assessment, each defined in one line with the
 * source the definition rests on (the bibliography's key, so the label and citation have one
 * home). `names` are the ways a clinician writes the term when asking about it; the first one is
 * how the answer names it.
 */
export interface GlossaryEntry {
  names: readonly [string, ...string[]];
  definition: string;
  source: SourceKey;
}

export const GLOSSARY = [
  {
    names: ['R ratio', 'R', 'R value', 'R factor'],
    definition:
      'R = (ALT / ALT ULN) / (ALP / ALP ULN): 5 or more is a hepatocellular pattern, 2 or less cholestatic, in between mixed. It assumes the ALP comes from the liver.',
    source: 'easl2019',
  },
  {
    names: ['ULN', 'upper limit of normal'],
    definition:
      "The upper limit of normal: the top of the reporting lab's reference interval. Every ratio here uses your lab's ULN, never one assumed across labs.",
    source: 'kwo2017',
  },
  {
    names: ['CTCAE grade', 'CTCAE', 'grade', 'CTCAE v5'],
    definition:
      'The NCI toxicity grade for "alkaline phosphatase increased", version 5.0: grade 1 > ULN to 2.5x ULN, 2 > 2.5-5x, 3 > 5-20x, 4 > 20x (with an abnormal baseline, grade 1 starts at 2.0x baseline).',
    source: 'ctcae5',
  },
  {
    names: ['isoenzymes', 'isoenzyme', 'ALP isoenzymes', 'isoenzyme fractions', 'fractionation'],
    definition:
      'ALP separated into its liver, bone, intestinal and placental fractions (electrophoresis), reported as a percentage of the total: it tells which tissue the raised ALP comes from.',
    source: 'acr2023',
  },
  {
    names: ["5'-nucleotidase", '5 nucleotidase', "5'NT", '5NT', 'nucleotidase'],
    definition:
      "A liver enzyme that rises with ALP in cholestasis but not in bone disease: a raised 5'NT confirms a hepatic origin, a normal one points away from the liver.",
    source: 'hepatitisCentral',
  },
  {
    names: ['GGT', 'gamma-GT', 'gamma glutamyl transferase'],
    definition:
      'Gamma-glutamyl transferase: raised with an ALP of hepatic origin, normal when the ALP comes from bone; alcohol and enzyme-inducing drugs raise it on their own.',
    source: 'acr2023',
  },
  {
    names: ["Hy's law", 'Hys law', 'Hy law'],
    definition:
      'ALT or AST > 3x ULN with total bilirubin > 2x ULN, without initial cholestasis (ALP < 2x ULN) and no other cause: a sign of drug-induced liver injury with about 10% mortality or transplant.',
    source: 'fda2009',
  },
  {
    names: ['TG18', 'Tokyo Guidelines', 'Tokyo criteria'],
    definition:
      'Tokyo Guidelines 2018 for acute cholangitis: A inflammation (fever > 38 °C, abnormal WBC or CRP), B cholestasis (bilirubin >= 2 mg/dL or liver enzymes > 1.5x ULN), C biliary dilatation or obstruction on imaging; A + B or C is suspected, all three definite.',
    source: 'tg18',
  },
  {
    names: ['heat inactivation', 'heat-stable ALP', 'heat stable ALP', 'heat test'],
    definition:
      'The ALP left after 10 minutes at 56 °C: 20% or less residual means bone ALP (it is heat-labile), 21-55% liver or intestinal, over 55% placental.',
    source: 'mossHenderson',
  },
  {
    names: ['bone-specific ALP', 'bone specific ALP', 'BSAP', 'BALP', 'bone ALP'],
    definition:
      'An immunoassay for the bone isoform of ALP, a marker of osteoblast activity; it cross-reacts 11-14% with liver ALP.',
    source: 'farley1994',
  },
  {
    names: ['AMA', 'antimitochondrial antibody', 'anti-mitochondrial antibody'],
    definition:
      'Antimitochondrial antibody, the serological marker of primary biliary cholangitis; tested once a raised ALP is known to be hepatic.',
    source: 'kwo2017',
  },
  {
    names: ['acute liver failure', 'ALF'],
    definition:
      'INR 1.5 or more with any degree of encephalopathy, without known cirrhosis, in an illness of under 26 weeks: an emergency.',
    source: 'alfDefinition',
  },
  {
    names: ['hypercalcaemia', 'hypercalcemia', 'corrected calcium'],
    definition:
      'In myeloma (IMWG): corrected calcium more than 0.25 mmol/L (1 mg/dL) above the ULN or above 2.75 mmol/L (11 mg/dL); calcium is corrected for albumin.',
    source: 'rajkumar2014',
  },
  {
    names: ['cholestatic', 'cholestasis', 'cholestatic pattern'],
    definition:
      'Liver injury where ALP rises out of proportion to ALT and AST (R 2 or less); it is only called hepatic once the ALP is known to come from the liver.',
    source: 'easl2019',
  },
  {
    names: ['hepatocellular', 'hepatocellular pattern'],
    definition: 'Liver injury where ALT and AST rise out of proportion to ALP (R 5 or more).',
    source: 'easl2019',
  },
  {
    names: ['baseline ALP', 'baseline'],
    definition:
      'The ALP before the current treatment: a rise of 25% or more by week 6 of bortezomib went with response, not toxicity.',
    source: 'zangari2007',
  },
] as const satisfies readonly GlossaryEntry[];

/** The label of the source a definition rests on, as the bibliography writes it. */
export const glossarySource = (entry: GlossaryEntry): string => BIBLIOGRAPHY[entry.source].label;
