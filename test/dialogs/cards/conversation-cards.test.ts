import { answeredCard } from '../../../dialogs/cards/answered-card';
import { assessmentCard } from '../../../dialogs/cards/assessment-card';
import { awaitingResultsCard } from '../../../dialogs/cards/awaiting-results-card';
import { parseCardSubmit } from '../../../dialogs/cards/card-submit';
import { redFlagCard } from '../../../dialogs/cards/red-flag-card';
import { resumeCard } from '../../../dialogs/cards/resume-card';
import { welcomeCard } from '../../../dialogs/cards/welcome-card';
import type { AdaptiveCard } from '../../../dialogs/cards/adaptive-card';
import { STEP_FIELDS } from '../../../machines';
import {
  assessed,
  EXAMPLE_A_BONE_ON_BORTEZOMIB,
  EXAMPLE_B_CHOLESTATIC_SI_UNITS,
  EXAMPLE_C_HYS_LAW,
} from '../presentation/example-cases';
import { adaptiveCardProblems, cardTexts } from './adaptive-card-rules';

const buttons = (card: AdaptiveCard): string[] => (card.actions ?? []).map((action) => action.title);

/** Every submit button's data, parsed through the same contract the runner uses. */
const submits = (card: AdaptiveCard) =>
  (card.actions ?? []).flatMap((action) => {
    if (action.type === 'Action.ToggleVisibility') return [];
    const data = action.type === 'Action.Submit' ? action.data : action.card.actions[0]?.data;
    const parsed = parseCardSubmit(data);
    return parsed.ok ? [parsed.submit] : [];
  });

const HYPERCALCAEMIA = {
  alp: { value: 200, unit: 'U/L', uln: 120 },
  calcium: { value: 3.1, unit: 'mmol/L', uln: 2.6 },
};

describe('welcome card', () => {
  const { card, text } = welcomeCard(0);

  it('is a valid 1.5 card with a Start button', () => {
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(buttons(card)).toEqual(['Start workup']);
    expect(submits(card)[0]?.action).toBe('start');
  });

  it.each([
    'Educational decision support for healthcare professionals, not a diagnosis: clinical judgement and the primary sources decide.',
    'Paste a lab report at any time',
    'help, back, edit [test], summary, why, restart, forget me',
  ])('says "%s" on the card and in the text', (fact) => {
    expect(cardTexts(card).join('\n')).toContain(fact);
    expect(text).toContain(fact);
  });
});

describe('red-flag card', () => {
  it.each([
    ["Hy's law", EXAMPLE_C_HYS_LAW, "Hy's law"],
    ['hypercalcaemia', HYPERCALCAEMIA, 'calcium'],
  ])('interrupts for %s: what was found, why, the source and evidence level', (_name, input, finding) => {
    const { assessment } = assessed(input);
    expect(assessment.redFlags.length).toBeGreaterThan(0);
    const { card, text } = redFlagCard({ redFlags: assessment.redFlags, revision: 4 });
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention' });
    for (const flag of assessment.redFlags) {
      for (const fragment of [flag.text, flag.why, flag.sources[0]?.label ?? '']) {
        expect(cardTexts(card).join('\n')).toContain(fragment);
        expect(text).toContain(fragment);
      }
    }
    expect(text.toLowerCase()).toContain(finding.toLowerCase());
    expect(text).toContain('guideline');
    expect(buttons(card)).toEqual(['Acknowledged, continue the workup']);
    expect(submits(card)[0]).toMatchObject({ step: 'urgent', revision: 4, action: 'ack' });
  });
});

describe('assessment card', () => {
  it.each([
    ['example A (bone, bortezomib)', EXAMPLE_A_BONE_ON_BORTEZOMIB],
    ['example B (cholestatic, SI units)', EXAMPLE_B_CHOLESTATIC_SI_UNITS],
    ["example C (Hy's law)", EXAMPLE_C_HYS_LAW],
  ])('%s: valid 1.5 card; the text carries every conclusion with its source', (_name, input) => {
    const { known, assessment } = assessed(input);
    const { card, text } = assessmentCard({ assessment, known, revision: 11 });
    expect(adaptiveCardProblems(card)).toEqual([]);
    const shown = cardTexts(card).join('\n');
    for (const finding of [...assessment.redFlags, ...assessment.findings]) {
      if (finding.text === assessment.disclaimer) continue;
      expect(shown).toContain(finding.text);
      expect(text).toContain(finding.text);
      for (const source of finding.sources) expect(text).toContain(source.label);
    }
    expect(shown).toContain(assessment.disclaimer);
    expect(text).toContain(assessment.disclaimer);
    expect(text).toContain(`Content version ${assessment.contentVersion}`);
  });

  it('example A: pattern, origin, CTCAE grade and no red flags, as the example shows', () => {
    const { known, assessment } = assessed(EXAMPLE_A_BONE_ON_BORTEZOMIB);
    const { text } = assessmentCard({ assessment, known, revision: 11 });
    expect(text).toContain(
      '**Pattern:** Isolated ALP elevation, 1.5x ULN, +80% from baseline at week 6 of bortezomib, with steroids.',
    );
    expect(text).toContain('**Origin:** Bone origin likely (GGT 0.5x ULN, normal).');
    expect(text).toContain(
      '**ALP grade:** CTCAE v5.0 grade 1 (against the ULN): it grades the ALP rise alone, not the liver injury.',
    );
    expect(text).toContain('**Red flags:** None reported.');
    expect(text).toMatch(/\*\*Next steps:\*\* 1\. /);
  });

  it('offers Why, Edit an answer (a picker of the answers), Chart note and New workup', () => {
    const { known, assessment } = assessed(EXAMPLE_A_BONE_ON_BORTEZOMIB);
    const { card } = assessmentCard({ assessment, known, revision: 11 });
    expect(buttons(card)).toEqual(['Why?', 'Edit an answer', 'Chart note', 'New workup']);
    expect(submits(card).map((submit) => submit.action)).toEqual(['why', 'edit', 'chartNote', 'new']);
    const edit = card.actions?.[1];
    expect(edit?.type === 'Action.ShowCard' && cardTexts(edit.card)).toEqual(
      expect.arrayContaining(['ALP (alkaline phosphatase)', 'GGT', 'Current myeloma treatment']),
    );
  });

  it('shows the R ratio for a combined pattern and the converted SI values stay out of the pattern line', () => {
    const { known, assessment } = assessed(EXAMPLE_B_CHOLESTATIC_SI_UNITS);
    const { text } = assessmentCard({ assessment, known, revision: 2 });
    expect(text).toMatch(/\*\*Pattern:\*\* Cholestatic pattern, 2\.3x ULN, R = 0\.3\d?\./);
    expect(text).toContain('Hepatic origin (GGT 3.3x ULN, raised)');
  });

  it('marks an urgent assessment and lists its red flags', () => {
    const { known, assessment } = assessed(EXAMPLE_C_HYS_LAW);
    const { card, text } = assessmentCard({ assessment, known, revision: 2 });
    expect(card.body[0]).toMatchObject({ text: 'Assessment (urgent)' });
    expect(text).not.toContain('None reported');
  });
});

describe('awaiting-results card', () => {
  const { card, text } = awaitingResultsCard({
    pending: ['imaging.ultrasound', 'bilirubinDirect'],
    revision: 6,
    keepDays: 30,
  });

  it('is a valid 1.5 card that lists the tests to order and how to come back', () => {
    expect(adaptiveCardProblems(card)).toEqual([]);
    for (const fact of [
      'To order: Right upper quadrant ultrasound; Fractionated (direct) bilirubin.',
      'tell me here, e.g. "ultrasound: dilated ducts"',
      'This workup stays open for 30 days.',
    ]) {
      expect(cardTexts(card).join('\n')).toContain(fact);
      expect(text).toContain(fact);
    }
  });

  it('resumes or starts again from its buttons', () => {
    expect(submits(card).map((submit) => [submit.step, submit.action])).toEqual([
      ['awaitingResults', 'resume'],
      ['awaitingResults', 'new'],
    ]);
  });

  it('uses a lab example when a lab is pending first', () => {
    expect(awaitingResultsCard({ pending: ['ggt'], revision: 1 }).text).toContain(
      'e.g. "GGT 30 U/L, ULN 60"',
    );
  });
});

describe('answered card', () => {
  const known = assessed(EXAMPLE_A_BONE_ON_BORTEZOMIB).known;

  it('summarises the answer read-only: no buttons left to click', () => {
    const { card, text } = answeredCard({
      step: 'alp',
      fields: STEP_FIELDS.alp,
      known,
      action: 'next',
      position: { number: 1, of: 6 },
    });
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card.actions).toBeUndefined();
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([
        'Step 1 of 6 · ALP: answered',
        'ALP (alkaline phosphatase)',
        '180 U/L, ULN 120',
      ]),
    );
    expect(text).toContain('ALP (alkaline phosphatase): 180 U/L, ULN 120');
    expect(text).toContain('Baseline ALP before this treatment: 100 U/L');
  });

  it('says what a navigation button did', () => {
    expect(
      answeredCard({
        step: 'origin',
        fields: STEP_FIELDS.origin,
        known,
        action: 'notDone',
        position: { number: 5, of: 6 },
      }).text,
    ).toContain('Marked as not done yet.');
    const screen = answeredCard({
      step: 'redFlags',
      fields: STEP_FIELDS.redFlags,
      known,
      action: 'none',
      position: { number: 3, of: 6 },
    });
    expect(adaptiveCardProblems(screen.card)).toEqual([]);
    expect(screen.text).toContain('None of these.');
  });
});

describe('resume card', () => {
  const known = assessed(EXAMPLE_B_CHOLESTATIC_SI_UNITS).known;

  it('shows what was entered and where the workup stopped', () => {
    const { card, text } = resumeCard({
      known,
      step: 'awaitingResults',
      pending: ['imaging.ultrasound'],
      revision: 8,
      lastActive: 'Monday 23 November',
    });
    expect(adaptiveCardProblems(card)).toEqual([]);
    for (const fact of [
      'Welcome back. You have a workup from Monday 23 November.',
      '5 µkat/L, ULN 2.2',
      'We were waiting for: right upper quadrant ultrasound.',
    ]) {
      expect(cardTexts(card).join('\n')).toContain(fact);
      expect(text).toContain(fact);
    }
    expect(submits(card).map((submit) => submit.action)).toEqual(['resume', 'new']);
  });

  it('names the question step it stopped at', () => {
    const { text } = resumeCard({
      known,
      step: 'liverPanel',
      position: { number: 3, of: 6 },
      pending: [],
      revision: 3,
    });
    expect(text).toContain('We were at step 3, liver panel and calcium.');
  });
});
