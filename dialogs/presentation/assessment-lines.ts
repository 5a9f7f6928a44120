import {
  RULES,
  type Assessment,
  type Finding,
  type FindingKind,
  type PartialCase,
  type TherapyAgent,
} from '../../src/clinical';
import { capitalise, formatMultiple, formatPercentChange, formatValue } from './format';
import { ORIGIN_LABELS, PATTERN_LABELS } from './labels';

/**
 * The sentences an assessment is summarised in. The card, the running line, the chart note and
 * the text fallback all use them, so the same conclusion never reads two ways.
 */

const AGENT_NAMES: Record<TherapyAgent, string> = {
  bortezomib: 'bortezomib',
  carfilzomib: 'carfilzomib',
  ixazomib: 'ixazomib',
  other: 'current treatment',
  none: '',
};

/** "at week 6 of bortezomib, with steroids"; empty when there is no treatment to speak of. */
export const therapyPhrase = (known: PartialCase): string => {
  const therapy = known.therapy;
  if (!therapy?.agent || therapy.agent === 'none') return '';
  const agent = AGENT_NAMES[therapy.agent];
  const when =
    therapy.weeksOnTherapy === undefined
      ? `on ${agent}`
      : `at week ${formatValue(therapy.weeksOnTherapy)} of ${agent}`;
  const steroids =
    therapy.steroids === true ? ', with steroids' : therapy.steroids === false ? ', no steroids' : '';
  return `${when}${steroids}`;
};

/** A multiple of ULN is only worth showing when the lab's ULN made it computable. */
const alpMultiple = (assessment: Assessment): string | undefined => {
  const multiple = assessment.derived.alpXUln;
  return multiple !== undefined && Number.isFinite(multiple) ? `${formatMultiple(multiple)} ULN` : undefined;
};

/** "Isolated ALP elevation, 1.5x ULN, +80% from baseline at week 6 of bortezomib" */
export const patternLine = (assessment: Assessment, known: PartialCase): string => {
  const { derived } = assessment;
  const parts = [capitalise(PATTERN_LABELS[assessment.pattern])];
  const multiple = alpMultiple(assessment);
  parts.push(multiple ?? "ALP x ULN not known (your lab's ULN is needed)");
  if (derived.alpChangePercent !== undefined)
    parts.push(`${formatPercentChange(derived.alpChangePercent)} from baseline`);
  const combined =
    assessment.pattern === 'cholestatic' ||
    assessment.pattern === 'mixed' ||
    assessment.pattern === 'hepatocellular';
  if (combined && derived.rRatio !== undefined) parts.push(`R = ${formatValue(derived.rRatio)}`);
  const therapy = therapyPhrase(known);
  return `${parts.join(', ')}${therapy ? ` ${therapy}` : ''}`;
};

/**
 * "Isolated ALP elevation, 1.5x ULN · bone origin likely · no red flag": the one line the
 * assessment leads with, urgency first when there is a red flag.
 */
export const leadLine = (assessment: Assessment): string => {
  const multiple = alpMultiple(assessment);
  const pattern = `${capitalise(PATTERN_LABELS[assessment.pattern])}${multiple ? `, ${multiple}` : ''}`;
  const count = assessment.redFlags.length;
  const origin = ORIGIN_LABELS[assessment.origin];
  if (count === 0 && unconfirmedRedFlags(assessment).length > 0)
    return `${pattern} · ${origin} · a suspected red flag not yet confirmed or excluded`;
  if (count === 0) return `${pattern} · ${origin} · no red flag`;
  return `Urgent: ${count === 1 ? 'a red flag' : `${count} red flags`} · ${pattern} · ${origin}`;
};

/** The origin markers, in the order the workup asks for them. */
const ORIGIN_MARKERS = [
  ['GGT', 'ggtXUln'],
  ["5'-nucleotidase", 'nucleotidase5XUln'],
  ['bone-specific ALP', 'boneSpecificAlpXUln'],
] as const;

/**
 * "bone origin likely (GGT 0.5x ULN, normal)": the origin with the markers that informed it, so
 * the reader sees the evidence, not only the verdict.
 */
export const originPhrase = (assessment: Assessment): string => {
  const label = ORIGIN_LABELS[assessment.origin];
  if (assessment.origin === 'undetermined') return label;
  const markers = ORIGIN_MARKERS.flatMap(([name, key]) => {
    const multiple = assessment.derived[key];
    return multiple === undefined
      ? []
      : [`${name} ${formatMultiple(multiple)} ULN, ${multiple > 1 ? 'raised' : 'normal'}`];
  });
  return markers.length > 0 ? `${label} (${markers.join('; ')})` : label;
};

export const originLine = (assessment: Assessment): string => capitalise(originPhrase(assessment));

/** "CTCAE v5.0 grade 1 (against the ULN)"; absent when the ULN or baseline needed for it is missing. */
export const gradeLine = (assessment: Assessment): string | undefined => {
  const grade = assessment.derived.ctcaeGrade;
  if (!grade) return undefined;
  const basis = grade.basis === 'uln' ? 'against the ULN' : 'against the abnormal baseline';
  return `${grade.version} grade ${grade.grade} (${basis})`;
};

/**
 * The findings of one kind. The finding that restates the disclaimer is left out: every card and
 * note already ends with the disclaimer itself.
 */
export const findingsOf = (assessment: Assessment, kind: FindingKind): Finding[] =>
  kind === 'red-flag'
    ? assessment.redFlags
    : assessment.findings.filter(
        (finding) => finding.kind === kind && finding.text !== assessment.disclaimer,
      );

/** Red-flag rules that report a suspected red flag its deciding value has not yet confirmed or excluded. */
const UNCONFIRMED_RED_FLAG_RULES = new Set(
  RULES.filter((rule) => rule.group === 'red-flag' && rule.kind === 'caution').map((rule) => rule.id),
);

/**
 * "Acute liver failure ... can be neither confirmed nor excluded without the INR": shown with the red
 * flags, not among the cautions, so a red flag the clinician cannot yet decide is not lost.
 */
export const unconfirmedRedFlags = (assessment: Assessment): Finding[] =>
  assessment.findings.filter((finding) => UNCONFIRMED_RED_FLAG_RULES.has(finding.id));

/** "Isolated ALP elevation, 2.5x ULN; origin not yet known": the one line after an answer. */
export const runningInterpretation = (assessment: Assessment): string => {
  const multiple = alpMultiple(assessment);
  const pattern = capitalise(PATTERN_LABELS[assessment.pattern]);
  const head = multiple ? `${pattern}, ${multiple}` : pattern;
  const grade = assessment.derived.ctcaeGrade;
  const graded = grade && grade.grade > 0 ? ` (CTCAE v5 grade ${grade.grade})` : '';
  const urgent = assessment.redFlags.length > 0 ? '; red flag found' : '';
  return `${head}${graded}; ${ORIGIN_LABELS[assessment.origin]}${urgent}.`;
};
