import { assessmentCard, DETAILS_ID, SOURCES_ID } from '../../../dialogs/cards/assessment-card';
import type { CardElement, Container } from '../../../dialogs/cards/adaptive-card';
import { plainWhy } from '../../../dialogs/presentation/plain-why';
import { whyText } from '../../../dialogs/presentation/why-text';
import { RULES } from '../../../src/clinical';
import { assessed, EXAMPLE_A_BONE_ON_BORTEZOMIB, EXAMPLE_C_HYS_LAW } from '../presentation/example-cases';
import { adaptiveCardProblems, cardTexts } from './adaptive-card-rules';

/**
 * The assessment leads with one line (pattern, origin, urgency) and the next step; its sections
 * and its sources open on demand. "Why" reads in plain clinical language; the rule ids, the
 * source-article statement numbers and the verification tags sit in the sources, with a legend.
 */

const INTERNAL_LABEL = /\[(?:V|P|NV)\]|\b[A-Z]{1,2}-\d+[a-z]?\b|\b[SF]\d{1,2}\b|\bseed\b|decision \d+/i;

const part = (body: readonly CardElement[], id: string): Container | undefined =>
  body.find((element): element is Container => element.type === 'Container' && element.id === id);

/** Section titles and their first line, in the order the details show them. */
const sectionsOf = (details: Container | undefined): Map<string, string> => {
  const texts = cardTexts(details?.items ?? []);
  const titles = [
    'Pattern',
    'Origin',
    'Red flags',
    'ALP grade',
    'Interpretation',
    'Cautions',
    'Next steps',
    'Monitoring',
    'Would change the conclusion',
    'How the values were read',
  ];
  const sections = new Map<string, string>();
  texts.forEach((text, index) => {
    if (titles.includes(text)) sections.set(text, texts[index + 1] ?? '');
  });
  return sections;
};

describe('the assessment card', () => {
  it('leads with pattern, origin and urgency, then the next step; the rest is hidden until asked', () => {
    const { known, assessment } = assessed(EXAMPLE_A_BONE_ON_BORTEZOMIB);
    const { card } = assessmentCard({ assessment, known, revision: 1 });
    expect(adaptiveCardProblems(card)).toEqual([]);
    const visible = card.body.filter(
      (element) => !(element.type === 'Container' && element.isVisible === false),
    );
    const shown = cardTexts(visible);
    expect(shown[0]).toBe('Assessment');
    expect(shown[1]).toBe('Isolated ALP elevation, 1.5x ULN · bone origin likely · no red flag');
    expect(shown[2]).toMatch(/^\*\*Next:\*\* /);
    expect(shown).toEqual(expect.arrayContaining(['Details', 'Sources']));
    expect(shown.join('\n')).not.toContain('Interpretation');
    expect(part(card.body, DETAILS_ID)?.isVisible).toBe(false);
    expect(part(card.body, SOURCES_ID)?.isVisible).toBe(false);
  });

  it('urgent: the red flag leads, the ALP grade says what it grades, unit conversions come last', () => {
    const { known, assessment } = assessed({
      ...EXAMPLE_C_HYS_LAW,
      calcium: { value: 2.4, unit: 'mmol/L', uln: 2.6 },
      albumin: { value: 40, unit: 'g/L' },
    });
    const { card } = assessmentCard({ assessment, known, revision: 1 });
    expect(adaptiveCardProblems(card)).toEqual([]);
    const shown = cardTexts(card.body);
    expect(shown[0]).toBe('Assessment (urgent)');
    expect(shown[1]).toMatch(/^Urgent: a red flag · /);
    expect(shown[2]).toMatch(/Hy.s law/);
    const sections = sectionsOf(part(card.body, DETAILS_ID));
    expect(sections.get('Red flags')).toMatch(/Hy.s law/);
    expect(sections.get('ALP grade')).toMatch(/grades the ALP rise alone, not the liver injury/);
    expect(sections.has('Severity')).toBe(false);
    expect(sections.get('Interpretation')).not.toMatch(/Converted/);
    const titles = [...sections.keys()];
    expect(titles.at(-1)).toBe('How the values were read');
    expect(sections.get('How the values were read')).toMatch(/Calcium 2\.4 mmol\/L/);
  });

  it('the sources name each rule, its source-article statements and tags, under a legend', () => {
    const { known, assessment } = assessed(EXAMPLE_A_BONE_ON_BORTEZOMIB);
    const { card } = assessmentCard({ assessment, known, revision: 1 });
    const sources = cardTexts(part(card.body, SOURCES_ID)?.items ?? []);
    expect(sources[0]).toBe('Sources');
    expect(sources).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^B-1: Zangari 2007.*source-article statements S2, S10/),
      ]),
    );
    expect(sources.join('\n')).toMatch(/\[NV\]/);
    expect(sources.at(-1)).toMatch(/^Legend: .*\[P\]: .*\[NV\]: not verified/);
  });
});

describe('"why" in plain clinical language', () => {
  it.each(RULES.map((rule) => [rule.id, rule.why] as const))(
    'rule %s: its reasoning without ids, statement numbers, tags or decision numbers',
    (_id, why) => {
      const plain = plainWhy(why);
      expect(plain).not.toMatch(INTERNAL_LABEL);
      expect(plain.length).toBeGreaterThan(0);
    },
  );

  it('the bortezomib rule still says where the source article differs from the primary source', () => {
    const { assessment } = assessed(EXAMPLE_A_BONE_ON_BORTEZOMIB);
    const why = whyText(assessment);
    expect(why).toContain(
      'The source article says "VGPR or better": that association comes from a different, carfilzomib study',
    );
    expect(why).not.toMatch(INTERNAL_LABEL);
    expect(why).not.toContain('source-article statement');
  });
});
