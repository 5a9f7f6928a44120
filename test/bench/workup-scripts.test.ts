import { BONE_BRANCH_BY_TEXT, HEPATIC_BRANCH_SI_UNITS, type ScriptedTurn } from '../../bench/workup-scripts';
import { percentile } from '../../bench/percentile';
import { runTurn } from '../../dialogs/turn-runner';
import type { TurnResult } from '../../dialogs/turn-input';

/** Plays one scripted workup through the real conversation runner, as the bench server would. */
function play(script: ScriptedTurn[], n: number): TurnResult[] {
  let stored: unknown;
  return script.map((turn) => {
    const result = runTurn(stored, {
      text: turn.text(n),
      now: '2026-11-28T09:00:00.000Z',
      supportsCardUpdate: false,
    });
    if (result.changed) stored = JSON.parse(JSON.stringify(result.state)) as unknown;
    return result;
  });
}

const WORKUP_NUMBERS = Array.from({ length: 40 }, (_, n) => n);

describe('the benchmark workups', () => {
  it.each(WORKUP_NUMBERS)(
    'bone branch, workup %i: every answer is taken and it ends at the assessment',
    (n) => {
      const turns = play(BONE_BRANCH_BY_TEXT, n);
      const answers = turns.slice(1, 7);
      expect(answers.map((turn) => turn.audit.event)).toEqual(answers.map(() => 'answer-text'));
      expect(turns[6]?.audit.step).toBe('assessment');
      expect(turns[6]?.audit.outcome).toMatchObject({ pattern: 'isolated', origin: 'bone', urgent: false });
      expect(turns.slice(7).map((turn) => [turn.audit.step, turn.audit.event])).toEqual([
        ['assessment', 'why'],
        ['assessment', 'chart-note'],
      ]);
    },
  );

  it.each(WORKUP_NUMBERS)('hepatic branch, workup %i: cholestatic, every answer taken, ends at MRCP', (n) => {
    const turns = play(HEPATIC_BRANCH_SI_UNITS, n);
    const answers = turns.slice(0, 6);
    expect(answers.map((turn) => turn.audit.event)).toEqual(answers.map(() => 'answer-text'));
    expect(turns[5]?.audit.step).toBe('assessment');
    expect(turns[5]?.audit.outcome).toMatchObject({ pattern: 'cholestatic', origin: 'liver', urgent: false });
    expect(JSON.stringify(turns[5]?.replies)).toContain('MRCP');
    expect([turns[6]?.audit.step, turns[6]?.audit.event]).toEqual(['assessment', 'summary']);
  });

  it('varies the numbers from one workup to the next', () => {
    const alpLines = new Set(WORKUP_NUMBERS.map((n) => BONE_BRANCH_BY_TEXT[1]!.text(n)));
    expect(alpLines.size).toBeGreaterThan(10);
  });
});

describe('percentile', () => {
  it('takes the nearest rank of sorted values', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect([percentile(values, 50), percentile(values, 99), percentile(values, 100)]).toEqual([50, 99, 100]);
    expect(percentile([4], 99)).toBe(4);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('a kept workup handed back in place of the stored state', () => {
  it('gives the same turn as the stored JSON state, at every step of both workups', () => {
    for (const script of [BONE_BRANCH_BY_TEXT, HEPATIC_BRANCH_SI_UNITS]) {
      let kept: unknown;
      let stored: unknown;
      for (const turn of script) {
        const input = { text: turn.text(7), now: '2026-11-28T09:00:00.000Z', supportsCardUpdate: false };
        const fromKept = runTurn(kept, input);
        const fromStored = runTurn(stored, input);
        const { kept: _kept, ...keptTurn } = fromKept;
        const { kept: _stored, ...storedTurn } = fromStored;
        expect(JSON.parse(JSON.stringify(keptTurn))).toEqual(JSON.parse(JSON.stringify(storedTurn)));
        if (fromKept.changed) {
          kept = fromKept.kept;
          stored = JSON.parse(JSON.stringify(fromKept.state)) as unknown;
        }
      }
    }
  });

  it('is opaque: the stored state is plain JSON and the kept value is not a state at all', () => {
    const result = runTurn(undefined, {
      text: 'ALP 180 U/L (ULN 120)',
      now: '2026-11-28T09:00:00.000Z',
      supportsCardUpdate: false,
    });
    expect(JSON.parse(JSON.stringify(result.state))).toEqual(result.state);
    expect(result.kept).toBeDefined();
    expect(JSON.stringify(result.kept)).toBe('{}');
  });
});
