import { renderCard } from '../../src/cli/card-text';

describe('renderCard', () => {
  const card = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Step 2 of 6: liver tests', wrap: true },
      { type: 'FactSet', facts: [{ title: 'ALP', value: '240 U/L (2.0 x ULN)' }] },
      { type: 'Input.Number', id: 'ggt.value', label: 'GGT' },
      {
        type: 'Input.ChoiceSet',
        id: 'symptoms.jaundice',
        label: 'Jaundice',
        choices: [
          { title: 'Yes', value: 'true' },
          { title: 'No', value: 'false' },
        ],
      },
    ],
    actions: [
      { type: 'Action.Submit', title: 'Next', data: { step: 'liver', action: 'next' } },
      {
        type: 'Action.Submit',
        title: 'Back',
        data: { step: 'liver', action: 'back' },
        associatedInputs: 'none',
      },
      {
        type: 'Action.ShowCard',
        title: 'Edit an answer',
        card: {
          type: 'AdaptiveCard',
          body: [
            {
              type: 'Input.ChoiceSet',
              id: 'editField',
              label: 'Answer',
              choices: [{ title: 'ALP', value: 'alp' }],
            },
          ],
          actions: [{ type: 'Action.Submit', title: 'Edit', data: { action: 'edit' } }],
        },
      },
    ],
  };

  it('shows text, facts and inputs, and numbers every choice and button', () => {
    const { lines, options } = renderCard(card);
    expect(lines).toContain('Step 2 of 6: liver tests');
    expect(lines).toContain('  ALP: 240 U/L (2.0 x ULN)');
    expect(lines.some((l) => l.includes('GGT'))).toBe(true);
    expect(options.map((o) => o.label)).toEqual(['Jaundice: Yes', 'Jaundice: No', 'Back', 'Answer: ALP']);
  });

  it('sends what a click would send: the button data merged with the chosen input', () => {
    const { options } = renderCard(card);
    expect(options[0]?.value).toEqual({ step: 'liver', action: 'next', 'symptoms.jaundice': 'true' });
    expect(options[2]?.value).toEqual({ step: 'liver', action: 'back' });
    expect(options[3]?.value).toEqual({ action: 'edit', editField: 'alp' });
  });

  it('renders nothing for something that is not a card', () => {
    expect(renderCard('text')).toEqual({ lines: [], options: [] });
  });
});
