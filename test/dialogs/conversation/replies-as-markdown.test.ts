import { runTurn } from '../../../dialogs/turn-runner';
import type { Reply } from '../../../dialogs/turn-input';
import { cardStrings } from '../../support/card-strings';

/**
 * Web Chat and Teams render every reply as markdown: a single line break is a space, a line after
 * a list item runs on into it ("forget me: delete your workups Decision support for..."), and a
 * numbered item alone in its text block is always "1.". These rows play whole workups and check
 * every reply the clinician reads for those three ways of reading wrong.
 */

const NOW = '2026-12-01T10:00:00.000Z';

const HEPATIC_WORKUP = [
  'start',
  'ALP 5 ukat/L ULN 2.2, ALT 30/40, AST 35/40, bili 30 umol/L (ULN 21), GGT 200 ULN 60',
  'none of these',
  'INR 1.0, Ca 2.3 mmol/L (ULN 2.6)',
  'no treatment, no fracture, male, age 67, fasting',
  'no alcohol, no enzyme-inducing drugs',
  'ultrasound normal',
  'AMA negative, no amyloidosis, no heart failure',
  'why',
  'help',
  'summary',
  'terms',
];

const play = (texts: readonly string[]): Reply[][] => {
  let state: unknown;
  return texts.map((text) => {
    const result = runTurn(state, { text, now: NOW, supportsCardUpdate: false });
    state = result.state;
    return result.replies;
  });
};

const LIST_ITEM = /^(?:[-*] |\d+\. )/;

/** Lines that follow a list item without a blank line and are not list items or indented continuations. */
const runOnLines = (text: string): string[] => {
  const lines = text.split('\n');
  return lines.filter((line, index) => {
    const previous = lines[index - 1];
    return (
      previous !== undefined &&
      LIST_ITEM.test(previous) &&
      line.trim() !== '' &&
      !LIST_ITEM.test(line) &&
      !/^\s/.test(line)
    );
  });
};

/** A text block of a card that holds a single numbered item: markdown numbers it "1." whatever it says. */
const loneNumberedItems = (card: unknown): string[] =>
  cardStrings(card).filter((text) => /^[2-9]\d*\. /.test(text) && !text.includes('\n'));

describe('replies read as written once rendered as markdown', () => {
  const replies = play(HEPATIC_WORKUP).flat();
  const texts = replies.filter((reply) => reply.card === undefined).map((reply) => reply.text);

  it('plays a workup that reaches the assessment with numbered next steps', () => {
    const assessment = replies.find((reply) => reply.text.startsWith('**Assessment'));
    expect(assessment?.card).toBeDefined();
    const steps = cardStrings(assessment?.card).find((text) => text.startsWith('1. '));
    expect(steps).toMatch(/^1\. [^\n]+\n2\. /);
  });

  it.each(HEPATIC_WORKUP.map((said, index) => [index, said] as const))(
    'row %i (%s): no line runs on into a list, no numbered item stands alone',
    (index) => {
      const turn = play(HEPATIC_WORKUP.slice(0, index + 1)).at(-1) ?? [];
      for (const reply of turn) {
        if (reply.card === undefined) expect(runOnLines(reply.text)).toEqual([]);
        else expect(loneNumberedItems(reply.card)).toEqual([]);
      }
    },
  );

  it('help ends its command list before the scope line', () => {
    const help = texts.find((text) => text.startsWith('I walk you through'));
    expect(help).toContain(
      '- forget me: delete your workups and audit entries in every chat (I ask first)\n\nDecision support for clinicians, not a diagnosis.',
    );
  });

  it('summary puts "So far" in a paragraph of its own', () => {
    const summary = texts.find((text) => text.startsWith('Entered so far:'));
    expect(summary).toMatch(/\n- [^\n]+\n\nSo far: /);
  });

  it('the R ratio is rounded once: the same two decimals in the pattern line and the interpretation', () => {
    const shown = replies.flatMap((reply) => [reply.text, ...cardStrings(reply.card)]).join('\n');
    const ratios = [...shown.matchAll(/R = (\d+(?:\.\d+)?)/g)].map((match) => match[1]);
    expect(ratios.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ratios).size).toBe(1);
    expect(ratios[0]).toMatch(/^\d+(?:\.\d{1,2})?$/);
  });
});
