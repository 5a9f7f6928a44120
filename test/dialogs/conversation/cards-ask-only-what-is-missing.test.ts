import { runTurn } from '../../../dialogs/turn-runner';
import type { Reply } from '../../../dialogs/turn-input';

/**
 * A card asks only what is still needed and states what is known in one line: in a bone workup
 * the values given on earlier cards are not shown again as inputs, and the bone-causes card does
 * not ask again the fracture and the weeks on treatment answered with the context. Going back
 * (or editing) is the exception: that card shows every answer, to change it.
 */

const NOW = '2026-12-01T10:00:00.000Z';

const play = (texts: readonly string[]): Reply[][] => {
  let state: unknown;
  return texts.map((text) => {
    const result = runTurn(state, { text, now: NOW, supportsCardUpdate: false });
    state = result.state;
    return result.replies;
  });
};

/** The ids of the inputs a card asks (a lab row counts once, by its value input). */
const inputIds = (replies: readonly Reply[]): string[] => {
  const card = replies.find((reply) => reply.card !== undefined)?.card;
  const ids: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('Input.') && typeof record.id === 'string')
      ids.push(record.id);
    Object.values(record).forEach(walk);
  };
  walk(card?.body);
  return ids;
};

const BONE_WORKUP = [
  'start',
  'ALP 180 U/L ULN 120',
  'none of these',
  'ALT 25/40, AST 22/40, bili 0.6 mg/dL (ULN 1.2), Ca 2.3 mmol/L (ULN 2.6), albumin 40 g/L',
  'bortezomib week 6, steroids yes, no melphalan, no new drug, no fracture, male, age 64, fasting',
  'GGT 30 ULN 60',
];

describe('cards ask only what is still missing', () => {
  const turns = play(BONE_WORKUP);
  const cardIds = turns.map(inputIds);
  const allAsked = cardIds.flat();

  it('reaches the bone-causes card', () => {
    expect(
      turns
        .at(-1)
        ?.map((reply) => reply.text)
        .join('\n'),
    ).toContain('Bone causes');
  });

  it('no input is asked on two cards: nothing answered is asked again', () => {
    const repeated = allAsked.filter((id, index) => allAsked.indexOf(id) !== index);
    expect(repeated).toEqual([]);
  });

  it('the bone-causes card does not ask the fracture or the weeks on treatment, and says they are known', () => {
    const bone = turns.at(-1) ?? [];
    expect(inputIds(bone)).not.toContain('history.recentFracture');
    expect(inputIds(bone)).not.toContain('therapy.weeksOnTherapy');
    const text = bone.map((reply) => reply.text).join('\n');
    expect(text).toMatch(/Known: [^\n]*Recent fracture, vertebroplasty or kyphoplasty: no/);
    expect(text).toMatch(/Known: [^\n]*Weeks on this treatment 6/);
  });

  it('going back shows every answer of the question as an input, pre-filled', () => {
    const [back] = play([...BONE_WORKUP, 'back']).slice(-1);
    expect(back?.map((reply) => reply.text).join('\n')).toContain('Liver or bone?');
    expect(inputIds(back ?? [])).toContain('ggt.value');
  });
});
