import { CASE_FIELD_PATHS, type PartialCase } from '../../../src/clinical';
import { STEP_FIELDS, QUESTION_STEP_IDS, type QuestionStepId } from '../../../machines';
import { cardSubmitToValues, parseCardSubmit } from '../../../dialogs/cards/card-submit';
import { fieldInputFor } from '../../../dialogs/cards/field-inputs';
import { questionCard } from '../../../dialogs/cards/question-card';
import { adaptiveCardProblems, cardTexts, inputIds } from './adaptive-card-rules';

const known: PartialCase = {
  alp: { value: 180, unit: 'U/L', uln: 120 },
  alpBaseline: { value: 100, unit: 'U/L' },
  therapy: { agent: 'bortezomib', weeksOnTherapy: 6, steroids: true },
  history: { pregnant: false, fasting: true },
  symptoms: { fever: true, jaundice: false },
  alt: { value: 0.5, unit: 'µkat/L', uln: 0.67 },
  imaging: { ultrasound: 'dilated-ducts' },
};

const build = (step: QuestionStepId, facts: PartialCase = {}) =>
  questionCard({
    step,
    fields: STEP_FIELDS[step],
    known: facts,
    revision: 7,
    position: { number: QUESTION_STEP_IDS.indexOf(step) + 1, of: 6 },
  });

describe('questionCard', () => {
  it.each(QUESTION_STEP_IDS)('%s is a valid Adaptive Card 1.5, empty and pre-filled', (step) => {
    expect(adaptiveCardProblems(build(step).card)).toEqual([]);
    expect(adaptiveCardProblems(build(step, known).card)).toEqual([]);
  });

  it.each(QUESTION_STEP_IDS)('%s has an input for every field the machine asks', (step) => {
    for (const field of STEP_FIELDS[step]) expect(fieldInputFor(field)).toBeDefined();
    expect(inputIds(build(step).card).length).toBeGreaterThan(0);
  });

  it.each(QUESTION_STEP_IDS)('%s buttons carry the step and the revision', (step) => {
    for (const action of build(step).card.actions ?? []) {
      const parsed = parseCardSubmit(action.type === 'Action.Submit' ? action.data : undefined);
      expect(parsed.ok && { step: parsed.submit.step, revision: parsed.submit.revision }).toEqual({
        step,
        revision: 7,
      });
    }
  });

  it.each(CASE_FIELD_PATHS)('%s can be asked and edited on a card', (path) => {
    expect(fieldInputFor(path)).toBeDefined();
  });

  it('asks CRP without a ULN (TG18 reads it against 1 mg/dL, decision 19) and the sex with the age', () => {
    const redFlags = inputIds(build('redFlags').card);
    expect(redFlags).toContain('crp.value');
    expect(redFlags).not.toContain('crp.uln');
    const context = inputIds(build('context').card);
    expect(context.indexOf('history.ageYears')).toBe(context.indexOf('history.sex') + 1);
  });

  it('numbers the step with the position it is given on the route and titles it', () => {
    expect(build('alp').card.body[0]).toMatchObject({ text: 'Step 1 of 6 · ALP' });
    const hepaticAma = questionCard({
      step: 'hepaticAma',
      fields: STEP_FIELDS.hepaticAma,
      known: {},
      revision: 1,
      position: { number: 7, of: 7 },
    });
    expect(hepaticAma.card.body[0]).toMatchObject({ text: 'Step 7 of 7 · Antimitochondrial antibody' });
  });

  it('explains a changed route on the card and in its text', () => {
    const changed = questionCard({
      step: 'hepaticImaging',
      fields: STEP_FIELDS.hepaticImaging,
      known: {},
      revision: 1,
      position: { number: 6, of: 6 },
      routeChange: { added: ['hepaticImaging'], dropped: ['bone'] },
    });
    const line =
      'That answer changed the route (it adds right upper quadrant ultrasound; bone causes no longer needed): 6 steps now.';
    expect(cardTexts(changed.card)).toContain(line);
    expect(changed.text).toContain(line);
    expect(build('alp').text).not.toContain('changed the route');
  });

  it('says "no duct dilatation" only when the ultrasound showed none', () => {
    const afterNormal = build('hepaticAma', { imaging: { ultrasound: 'normal' } });
    const afterDilated = build('hepaticAma', { imaging: { ultrasound: 'dilated-ducts' } });
    expect(afterNormal.text).toContain('No duct dilatation');
    expect(afterDilated.text).not.toContain('No duct dilatation');
    expect(JSON.stringify(afterDilated.card)).not.toContain('No duct dilatation');
  });

  it.each(QUESTION_STEP_IDS)(
    '%s has no number input with a range (Web Chat would refuse to send it empty)',
    (step) => {
      const numbers = JSON.stringify(build(step, known).card).match(/"type":"Input.Number"[^}]*}/g) ?? [];
      expect(numbers.filter((input) => /"(min|max)":/.test(input))).toEqual([]);
    },
  );

  it('puts value, unit and the lab ULN side by side for a lab', () => {
    const ids = inputIds(build('alp').card);
    expect(ids).toEqual(['alp.value', 'alp.unit', 'alp.uln', 'alpBaseline.value']);
  });

  it('pre-fills what is already known, in the unit it was given', () => {
    const card = build('liverPanel', known).card;
    expect(JSON.stringify(card)).toContain('"id":"alt.value","label":"ALT","value":0.5');
    expect(JSON.stringify(card)).toContain(
      '"id":"alt.unit","label":"Unit","choices":[{"title":"U/L","value":"U/L"},{"title":"µkat/L","value":"µkat/L"}],"style":"compact","wrap":true,"value":"µkat/L"',
    );
  });

  it('round-trips: submitting the pre-filled card gives back the known answers', () => {
    const card = build('context', known).card;
    const inputs: Record<string, string> = {};
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(collect);
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (typeof record['id'] === 'string' && record['value'] !== undefined)
        inputs[record['id']] = String(record['value']);
      Object.values(record).forEach(collect);
    };
    collect(card.body);
    const { values, problems } = cardSubmitToValues({ step: 'context', revision: 7, action: 'next', inputs });
    expect(problems).toEqual([]);
    expect(values.therapy).toEqual(known.therapy);
    expect(values.history).toEqual(known.history);
  });

  it('offers Next, Not done yet and Back where they make sense', () => {
    const titles = (step: QuestionStepId) => (build(step).card.actions ?? []).map((action) => action.title);
    expect(titles('alp')).toEqual(['Next']);
    expect(titles('context')).toEqual(['Next', 'Back']);
    expect(titles('liverPanel')).toEqual(['Next', 'Not done yet', 'Back']);
    expect(titles('redFlags')).toEqual(['None of these', 'Continue with those ticked', 'Back']);
    expect(titles('hepaticImaging')).toEqual(['Next', 'Not done yet', 'Back']);
  });

  it('offers the ultrasound results and the AMA answers as choices', () => {
    expect(cardTexts(build('hepaticImaging').card)).toEqual(
      expect.arrayContaining([
        'Normal',
        'Dilated ducts',
        'Bile duct stone',
        'Focal lesions',
        'Diffuse infiltration',
        'Hepatomegaly',
      ]),
    );
    expect(cardTexts(build('hepaticAma').card)).toEqual(expect.arrayContaining(['Positive', 'Negative']));
  });

  it('ticks the symptoms already reported on the red-flag screen', () => {
    expect(JSON.stringify(build('redFlags', known).card)).toContain('"isMultiSelect":true');
    expect(JSON.stringify(build('redFlags', known).card)).toContain('"value":"fever"');
  });

  it('has a text version with the same question, the known answers and a typed example', () => {
    const { text } = build('alp', known);
    expect(text).toContain('Step 1 of 6 · ALP');
    expect(text).toContain(
      "ALP (alkaline phosphatase) in U/L or µkat/L with your lab's ULN (so far: 180 U/L, ULN 120)",
    );
    expect(text).toContain('Baseline ALP before this treatment (optional)');
    expect(text).toContain('e.g. "ALP 180 U/L, ULN 120, baseline 100"');
  });

  it('says in the text version what the buttons do', () => {
    expect(build('liverPanel').text).toContain('"not done yet", "back"');
    expect(build('redFlags').text).toContain('"none of these"');
    expect(build('redFlags').text).toContain('Right upper quadrant pain');
  });
});
