import { RULES, type Assessment, type Finding, type PartialCase } from '../../src/clinical';
import {
  findingsOf,
  gradeLine,
  leadLine,
  originLine,
  patternLine,
  unconfirmedRedFlags,
} from '../presentation/assessment-lines';
import { missingFieldsLine } from '../presentation/missing-fields';
import { sourceLine } from '../presentation/labels';
import { EVIDENCE_LEGEND, findingSourcesLine } from '../presentation/finding-sources';
import {
  actionSet,
  adaptiveCard,
  container,
  heading,
  section,
  subtle,
  textBlock,
  toggle,
  type CardElement,
  type CardWithText,
  type InputChoiceSet,
  type ShowCardAction,
  type SubmitAction,
} from './adaptive-card';
import { EDIT_FIELD_INPUT, submitData, type CardAction } from './card-submit';
import { answerText, factTitle } from './answer-facts';
import { FIELD_INPUTS } from './field-inputs';

export const ASSESSMENT_STEP = 'assessment';
/** Element ids of the parts the card shows on demand. */
export const DETAILS_ID = 'assessment-details';
export const SOURCES_ID = 'assessment-sources';

export interface AssessmentCardInput {
  assessment: Assessment;
  known: PartialCase;
  revision: number;
}

/** "text (ACR 2023 · guideline)": every conclusion carries its source and evidence level. */
const sourced = (finding: Finding): string => `${finding.text} _(${sourceLine(finding)})_`;

const numbered = (findings: readonly Finding[]): string[] =>
  findings.map((finding, index) => `${index + 1}. ${sourced(finding)}`);

interface Section {
  title: string;
  lines: string[];
  /** A numbered list goes into one text block: one block per item would number every item "1.". */
  numbered?: true;
}

/** Unit conversions explain how a value was read, not what it means: they come last, apart. */
const UNIT_RULES = new Set(RULES.filter((rule) => rule.group === 'units').map((rule) => rule.id));
const isUnitNote = (finding: Finding): boolean => UNIT_RULES.has(finding.id);

/** The assessment as titled sections; the card's details and the text fallback are two renderings of this. */
export const assessmentSections = (assessment: Assessment, known: PartialCase): Section[] => {
  const redFlags = [...findingsOf(assessment, 'red-flag'), ...unconfirmedRedFlags(assessment)];
  const grade = gradeLine(assessment);
  const interpretation = findingsOf(assessment, 'interpretation');
  const sections: Section[] = [
    { title: 'Pattern', lines: [`${patternLine(assessment, known)}.`] },
    { title: 'Origin', lines: [`${originLine(assessment)}.`] },
    { title: 'Red flags', lines: redFlags.length > 0 ? redFlags.map(sourced) : ['None reported.'] },
    ...(grade
      ? [{ title: 'ALP grade', lines: [`${grade}: it grades the ALP rise alone, not the liver injury.`] }]
      : []),
    { title: 'Interpretation', lines: interpretation.filter((finding) => !isUnitNote(finding)).map(sourced) },
    {
      title: 'Cautions',
      lines: findingsOf(assessment, 'caution')
        .filter((finding) => !unconfirmedRedFlags(assessment).includes(finding))
        .map(sourced),
    },
    { title: 'Next steps', lines: numbered(findingsOf(assessment, 'next-step')), numbered: true },
    { title: 'Monitoring', lines: findingsOf(assessment, 'monitoring').map(sourced) },
  ];
  const missing = missingFieldsLine(assessment.missing);
  if (missing) sections.push({ title: 'Would change the conclusion', lines: [missing] });
  sections.push({ title: 'How the values were read', lines: interpretation.filter(isUnitNote).map(sourced) });
  return sections.filter((entry) => entry.lines.length > 0);
};

/** Every finding of the card with its rule, source-article statements and verification tags. */
const sourcesElements = (assessment: Assessment): CardElement[] => {
  const findings = [
    ...assessment.redFlags,
    ...assessment.findings.filter((finding) => finding.text !== assessment.disclaimer),
  ];
  return [
    textBlock('Sources', { weight: 'bolder', spacing: 'medium' }),
    ...findings.map((finding) => textBlock(findingSourcesLine(finding), { spacing: 'small', size: 'small' })),
    subtle(EVIDENCE_LEGEND),
  ];
};

const button = (title: string, revision: number, action: CardAction): SubmitAction => ({
  type: 'Action.Submit',
  title,
  data: submitData(ASSESSMENT_STEP, revision, action),
});

/** "Edit an answer" opens a picker of what was answered, so the edit needs no extra message. */
const editAction = (known: PartialCase, revision: number): ShowCardAction => {
  const choices = FIELD_INPUTS.filter((input) => answerText(input, known) !== undefined).map((input) => ({
    title: factTitle(input),
    value: input.path,
  }));
  const picker: InputChoiceSet = {
    type: 'Input.ChoiceSet',
    id: EDIT_FIELD_INPUT,
    label: 'Which answer?',
    choices,
    style: 'compact',
    wrap: true,
    ...(choices[0] ? { value: choices[0].value } : {}),
  };
  return {
    type: 'Action.ShowCard',
    title: 'Edit an answer',
    card: { type: 'AdaptiveCard', body: [picker], actions: [button('Edit', revision, 'edit')] },
  };
};

const footer = (assessment: Assessment): string =>
  `Content version ${assessment.contentVersion}. ${assessment.disclaimer}`;

/**
 * The assessment leads with one line (pattern, origin, urgency), the red flags when there are
 * any, and the next step; the full sections and the sources open on demand (Action.ToggleVisibility,
 * rendered by Teams and Web Chat alike), so the card is one screen, not three.
 */
export const assessmentCard = ({ assessment, known, revision }: AssessmentCardInput): CardWithText => {
  const title = assessment.urgent ? 'Assessment (urgent)' : 'Assessment';
  const sections = assessmentSections(assessment, known);
  const redFlags = [...findingsOf(assessment, 'red-flag'), ...unconfirmedRedFlags(assessment)];
  const [nextStep] = findingsOf(assessment, 'next-step');
  const body: CardElement[] = [
    heading(title),
    textBlock(leadLine(assessment), {
      weight: 'bolder',
      spacing: 'small',
      ...(assessment.urgent ? { color: 'attention' as const } : {}),
    }),
    ...redFlags.map((finding) => textBlock(sourced(finding), { spacing: 'small' })),
    ...(nextStep ? [textBlock(`**Next:** ${sourced(nextStep)}`, { spacing: 'small' })] : []),
    actionSet([toggle('Details', [DETAILS_ID]), toggle('Sources', [SOURCES_ID])]),
    container(
      sections.flatMap((entry) =>
        section(entry.title, entry.numbered ? [entry.lines.join('\n')] : entry.lines),
      ),
      { id: DETAILS_ID, isVisible: false, spacing: 'none' },
    ),
    container(sourcesElements(assessment), { id: SOURCES_ID, isVisible: false, spacing: 'none' }),
    subtle(footer(assessment)),
  ];
  const actions = [
    button('Why?', revision, 'why'),
    editAction(known, revision),
    button('Chart note', revision, 'chartNote'),
    button('New workup', revision, 'new'),
  ];
  const text = [
    `**${title}:** ${leadLine(assessment)}`,
    ...sections.map((entry) => `**${entry.title}:** ${entry.lines.join('\n')}`),
    footer(assessment),
    'Say "why", "edit [test]", "chart note" or "new".',
  ].join('\n');
  return { card: adaptiveCard(body, actions, `${title}: ${leadLine(assessment)}.`), text };
};
