import type { PartialCase } from '../../src/clinical';
import type { QuestionStepId, RoutePosition } from '../../machines';
import { stepHeading } from '../presentation/steps';
import { adaptiveCard, factSet, heading, subtle, type CardWithText } from './adaptive-card';
import type { CardAction } from './card-submit';
import { answerFacts } from './answer-facts';
import { stepInputs } from './question-card';

export interface AnsweredCardInput {
  step: QuestionStepId;
  fields: readonly string[];
  /** The case after the answer was applied. */
  known: PartialCase;
  /** The button that was pressed: "not done yet" and "back" leave no answer to show. */
  action: CardAction;
  /** The position the card showed while it was the question on screen. */
  position: RoutePosition;
}

const OUTCOMES: Partial<Record<CardAction, string>> = {
  notDone: 'Marked as not done yet.',
  back: 'Went back to the previous question.',
  none: 'None of these.',
};

/**
 * Replaces an answered question card in Teams (where the bot can update its own message), so the
 * conversation shows what was answered and no live buttons remain on an old card.
 */
export const answeredCard = ({ step, fields, known, action, position }: AnsweredCardInput): CardWithText => {
  const title = `${stepHeading(step, position)}: answered`;
  const facts = action === 'next' ? answerFacts(stepInputs(fields), known) : [];
  const outcome = OUTCOMES[action] ?? (facts.length > 0 ? undefined : 'No values given.');
  const card = adaptiveCard(
    [heading(title), ...(facts.length > 0 ? [factSet(facts)] : []), ...(outcome ? [subtle(outcome)] : [])],
    [],
    title,
  );
  const text = [
    title,
    ...facts.map((fact) => `${fact.title}: ${fact.value}`),
    ...(outcome ? [outcome] : []),
  ].join('\n');
  return { card, text };
};
