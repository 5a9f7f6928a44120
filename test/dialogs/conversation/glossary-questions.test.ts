import { GLOSSARY, glossarySource } from '../../../src/clinical';
import { runTurn } from '../../../dialogs/turn-runner';
import { contextOf, loadWorkup, stepOf, type WorkupSession } from '../../../dialogs/workup-session';

/**
 * Questions about the words the bot uses are answered in place: every glossary term, asked in
 * each of the ways a clinician asks, on the welcome (no workup yet), in the middle of a workup and
 * at the assessment. The answer carries the definition and its source; the workup neither loses
 * nor repeats its step: nothing changes and no card is sent again, one line says where it is.
 */

const NOW = '2026-12-01T10:00:00.000Z';

const TO_ASSESSMENT = [
  'start',
  'ALP 300 U/L ULN 120',
  'none of these',
  'ALT 30/40, AST 35/40, bili 0.6 mg/dL (ULN 1.2), INR 1.0, Ca 2.3 mmol/L (ULN 2.6)',
  'bortezomib week 6, steroids yes, no melphalan, no new drug, no fracture, male, age 67, fasting',
  'GGT 200 ULN 60, no alcohol, no enzyme-inducing drugs',
  'ultrasound normal',
  'AMA negative, no amyloidosis, no heart failure',
];

/** Where the question is asked: before any workup, at a question, at the assessment. */
const PLACES = {
  welcome: [],
  midWorkup: ['start', 'ALP 300 U/L ULN 120', 'none of these'],
  assessment: TO_ASSESSMENT,
} satisfies Record<string, readonly string[]>;
type Place = keyof typeof PLACES;

const play = (texts: readonly string[]): unknown =>
  texts.reduce<unknown>(
    (state, text) => runTurn(state, { text, now: NOW, supportsCardUpdate: false }).state,
    undefined,
  );

const sessionOf = (state: unknown): WorkupSession | undefined => {
  const loaded = loadWorkup(state, { now: NOW });
  return loaded.kind === 'active' ? loaded.session : undefined;
};

const FORMS = [
  (term: string) => `what is ${term}?`,
  (term: string) => `What does ${term} mean`,
  (term: string) => `define ${term}`,
];

const cases = GLOSSARY.flatMap((entry) =>
  (Object.keys(PLACES) as Place[]).flatMap((place) =>
    entry.names.flatMap((name, index) =>
      // Every name in the first form; the first name in every form.
      (index === 0 ? FORMS : FORMS.slice(0, 1)).map((form) => [place, form(name), entry] as const),
    ),
  ),
);

describe('questions about terms get answers, in place', () => {
  it.each(cases)('at the %s, %j', (place, question, entry) => {
    const before = play(PLACES[place]);
    const result = runTurn(before, { text: question, now: NOW, supportsCardUpdate: false });
    const said = result.replies.map((reply) => reply.text).join('\n');
    expect(said).toContain(entry.definition);
    expect(said).toContain(glossarySource(entry));
    expect(result.replies.some((reply) => reply.card !== undefined)).toBe(false);
    expect(result.changed).toBe(false);
    const was = sessionOf(before);
    if (was === undefined) {
      // On the welcome the answer starts no workup.
      expect(result.state).toBeUndefined();
      expect(said).toContain('Say "start" to begin');
      return;
    }
    const now = sessionOf(result.state);
    expect(now && stepOf(now)).toBe(stepOf(was));
    expect(now && contextOf(now).case).toEqual(contextOf(was).case);
    expect(said).toContain('Back to ');
  });

  it('"why do you ask" gives the reason for the question open, and re-states it in one line', () => {
    const before = play(PLACES.midWorkup);
    const result = runTurn(before, {
      text: 'why do you ask for these?',
      now: NOW,
      supportsCardUpdate: false,
    });
    const said = result.replies.map((reply) => reply.text).join('\n');
    expect(said).toContain("Why I ask: Each with your lab's ULN.");
    expect(said).toContain('Back to step 3 of');
    expect(said.split('\n')).toHaveLength(2);
  });

  it('"why do you ask for GGT" gives the reason and the definition', () => {
    const before = play(PLACES.midWorkup);
    const result = runTurn(before, { text: 'Why do you need the GGT?', now: NOW, supportsCardUpdate: false });
    const said = result.replies.map((reply) => reply.text).join('\n');
    expect(said).toContain('Why I ask:');
    expect(said).toContain('Gamma-glutamyl transferase');
  });

  it('an unknown term is said to be unknown, with the terms that are known, and nothing changes', () => {
    const before = play(PLACES.midWorkup);
    const result = runTurn(before, {
      text: 'what is a flux capacitor?',
      now: NOW,
      supportsCardUpdate: false,
    });
    const said = result.replies.map((reply) => reply.text).join('\n');
    expect(said).toContain('I have no definition of "flux capacitor"');
    expect(said).toContain("Hy's law");
    expect(result.changed).toBe(false);
  });
});
