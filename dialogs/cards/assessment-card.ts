import type { Assessment, Finding, PartialCase } from '../../src/clinical';
import { findingsOf, gradeLine, originLine, patternLine } from '../presentation/assessment-lines';
import { missingFieldsLine } from '../presentation/missing-fields';
import { sourceLine } from '../presentation/labels';
import {
  adaptiveCard,
  heading,
  section,
  subtle,
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

/** The assessment as titled sections; the card and the text fallback are two renderings of this. */
export const assessmentSections = (assessment: Assessment, known: PartialCase): Section[] => {
  const redFlags = findingsOf(assessment, 'red-flag');
  const grade = gradeLine(assessment);
  const sections: Section[] = [
    { title: 'Pattern', lines: [`${patternLine(assessment, known)}.`] },
    { title: 'Origin', lines: [`${originLine(assessment)}.`] },
    ...(grade ? [{ title: 'Severity', lines: [`${grade}.`] }] : []),
    { title: 'Red flags', lines: redFlags.length > 0 ? redFlags.map(sourced) : ['None reported.'] },
    { title: 'Interpretation', lines: findingsOf(assessment, 'interpretation').map(sourced) },
    { title: 'Cautions', lines: findingsOf(assessment, 'caution').map(sourced) },
    { title: 'Next steps', lines: numbered(findingsOf(assessment, 'next-step')), numbered: true },
    { title: 'Monitoring', lines: findingsOf(assessment, 'monitoring').map(sourced) },
  ];
  const missing = missingFieldsLine(assessment.missing);
  if (missing) sections.push({ title: 'Would change the conclusion', lines: [missing] });
  return sections.filter((entry) => entry.lines.length > 0);
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

export const assessmentCard = ({ assessment, known, revision }: AssessmentCardInput): CardWithText => {
  const title = assessment.urgent ? 'Assessment (urgent)' : 'Assessment';
  const sections = assessmentSections(assessment, known);
  const body: CardElement[] = [
    heading(title),
    ...sections.flatMap((entry) =>
      section(entry.title, entry.numbered ? [entry.lines.join('\n')] : entry.lines),
    ),
    subtle(footer(assessment)),
  ];
  const actions = [
    button('Why?', revision, 'why'),
    editAction(known, revision),
    button('Chart note', revision, 'chartNote'),
    button('New workup', revision, 'new'),
  ];
  const text = [
    `**${title}**`,
    ...sections.map((entry) => `**${entry.title}:** ${entry.lines.join('\n')}`),
    footer(assessment),
    'Say "why", "edit [test]", "chart note" or "new".',
  ].join('\n');
  return { card: adaptiveCard(body, actions, `${title}: ${patternLine(assessment, known)}.`), text };
};
