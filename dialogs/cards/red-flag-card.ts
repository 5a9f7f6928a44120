import type { Finding } from '../../src/clinical';
import { sourceLine } from '../presentation/labels';
import {
  adaptiveCard,
  container,
  subtle,
  textBlock,
  type CardElement,
  type CardWithText,
} from './adaptive-card';
import { submitData } from './card-submit';

export const URGENT_STEP = 'urgent';

export interface RedFlagCardInput {
  /** The red flags not yet acknowledged, most urgent first (the engine's order). */
  redFlags: readonly Finding[];
  revision: number;
}

const headline = (count: number): string => (count === 1 ? 'Urgent: red flag' : `Urgent: ${count} red flags`);

const flagElements = (finding: Finding, index: number): CardElement[] => [
  textBlock(finding.text, {
    weight: 'bolder',
    ...(index > 0 ? { separator: true, spacing: 'medium' as const } : {}),
  }),
  textBlock(`Why it is urgent: ${finding.why}`, { spacing: 'small' }),
  subtle(sourceLine(finding)),
];

/**
 * Interrupts the workup at once (product decision 4). The attention container makes it stand out
 * in Teams and Web Chat alike; the only way on is to acknowledge it.
 */
export const redFlagCard = ({ redFlags, revision }: RedFlagCardInput): CardWithText => {
  const title = headline(redFlags.length);
  const card = adaptiveCard(
    [
      container(
        [
          textBlock(title, { weight: 'bolder', size: 'large', color: 'attention' }),
          ...redFlags.flatMap(flagElements),
        ],
        { style: 'attention', bleed: true },
      ),
    ],
    [
      {
        type: 'Action.Submit',
        title: 'Acknowledged, continue the workup',
        data: submitData(URGENT_STEP, revision, 'ack'),
      },
    ],
    `${title}: ${redFlags.map((finding) => finding.text).join(' ')}`,
  );
  const text = [
    `**${title}**`,
    ...redFlags.map(
      (finding) => `${finding.text}\nWhy it is urgent: ${finding.why}\n(${sourceLine(finding)})`,
    ),
    'Say "acknowledged" to continue the workup.',
  ].join('\n\n');
  return { card, text };
};
