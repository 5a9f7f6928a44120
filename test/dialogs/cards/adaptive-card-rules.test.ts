import { welcomeCard } from '../../../dialogs/cards/welcome-card';
import { adaptiveCardProblems } from './adaptive-card-rules';

/** The validator must catch what it claims to catch, or a green card test means nothing. */
describe('adaptiveCardProblems', () => {
  const valid = welcomeCard(0).card;

  it('accepts a valid card', () => {
    expect(adaptiveCardProblems(valid)).toEqual([]);
  });

  it.each([
    ['a newer version', { ...valid, version: '1.6' }, 'version'],
    [
      'an unknown element type',
      { ...valid, body: [{ type: 'Carousel', pages: [] }] },
      'Unknown element type',
    ],
    [
      'an invalid enum value',
      { ...valid, body: [{ type: 'TextBlock', text: 'x', weight: 'heavy' }] },
      'weight',
    ],
    ['a misspelt property', { ...valid, body: [{ type: 'TextBlock', text: 'x', wrapp: true }] }, 'wrapp'],
    ['an input without a label', { ...valid, body: [{ type: 'Input.Number', id: 'alp.value' }] }, 'label'],
    [
      'two inputs with one id',
      {
        ...valid,
        body: [
          { type: 'Input.Number', id: 'alp.value', label: 'ALP' },
          { type: 'Input.Number', id: 'alp.value', label: 'ALP again' },
        ],
      },
      'Duplicate Id',
    ],
    [
      'a submit outside the data contract',
      { ...valid, actions: [{ type: 'Action.Submit', title: 'Go', data: { action: 'next' } }] },
      'data',
    ],
    [
      'Action.Execute, which Web Chat 4.18 ignores',
      { ...valid, actions: [{ type: 'Action.Execute', title: 'Go' }] },
      'actions',
    ],
  ])('flags %s', (_name, card, fragment) => {
    const problems = adaptiveCardProblems(card);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(fragment);
  });
});
