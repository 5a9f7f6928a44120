import {
  EVIDENCE_WORDS,
  type Finding,
  type Origin,
  type Pattern,
  type UltrasoundResult,
} from '../../src/clinical';

/** How the engine's enums read in a sentence. */

export const PATTERN_LABELS: Record<Pattern, string> = {
  normal: 'ALP within normal limits',
  isolated: 'isolated ALP elevation',
  cholestatic: 'cholestatic pattern',
  mixed: 'mixed pattern',
  hepatocellular: 'hepatocellular pattern',
  undetermined: 'pattern not yet determined',
};

export const ORIGIN_LABELS: Record<Origin, string> = {
  bone: 'bone origin likely',
  liver: 'hepatic origin',
  intestinal: 'intestinal origin likely',
  placental: 'placental origin likely',
  undetermined: 'origin not yet known',
};

/** An ultrasound result as the card offers it and the chart note records it (in lower case). */
export const ULTRASOUND_LABELS: Record<UltrasoundResult, string> = {
  normal: 'Normal',
  'dilated-ducts': 'Dilated ducts',
  'cbd-stone': 'Bile duct stone',
  'focal-lesions': 'Focal lesions',
  'diffuse-infiltration': 'Diffuse infiltration',
  hepatomegaly: 'Hepatomegaly',
};

/**
 * "ACR 2023; VA Hepatitis course (expert convention) · guideline": where a line comes from and how much
 * weight it carries; a source weaker than its line says so itself (decision 20).
 */
export const sourceLine = (finding: Finding): string => {
  const sources = finding.sources
    .map((source) =>
      source.evidence === undefined ? source.label : `${source.label} (${EVIDENCE_WORDS[source.evidence]})`,
    )
    .join('; ');
  const evidence = EVIDENCE_WORDS[finding.evidence];
  return sources ? `${sources} · ${evidence}` : evidence;
};
