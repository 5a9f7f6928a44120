import fc from 'fast-check';
import { runTurn } from '../../../dialogs/turn-runner';
import type { TurnInput } from '../../../dialogs/turn-input';
import { KeptWorkup, loadWorkup } from '../../../dialogs/workup-session';
import { isConfirming } from '../../../machines';

const NOW = '2026-11-25T12:00:00.000Z';

const input = (fields: Partial<TurnInput>): TurnInput => ({ now: NOW, supportsCardUpdate: false, ...fields });

/** A stored state reached by real turns, to mutate: closer to what storage may hand back than random JSON. */
const realState = (): unknown => {
  const first = runTurn(undefined, input({ text: 'ALP 180 U/L (ULN 120), ALT 30/40' }));
  return runTurn(first.state, input({ text: 'bortezomib week 6' })).state;
};

const cardLike = fc.record(
  {
    alpWorkup: fc.oneof(fc.constant(1), fc.anything()),
    step: fc.oneof(
      fc.constantFrom('alp', 'context', 'redFlags', 'assessment', 'urgent', 'resume'),
      fc.string(),
    ),
    revision: fc.oneof(fc.nat(5), fc.string(), fc.anything()),
    action: fc.oneof(
      fc.constantFrom('next', 'back', 'notDone', 'none', 'ack', 'edit', 'new', 'resume'),
      fc.string(),
    ),
    'alp.value': fc.oneof(fc.constantFrom('180', '-5', '1e309', 'abc', ''), fc.string()),
    'alp.uln': fc.string(),
  },
  { requiredKeys: [] },
);

describe('runTurn on hostile input', () => {
  it('never throws, always answers, and stores only what it can read back', () => {
    const base = realState();
    fc.assert(
      fc.property(
        fc.oneof(fc.constant(undefined), fc.constant(base), fc.anything(), fc.jsonValue()),
        fc.oneof(
          fc.string(),
          fc.constantFrom('help', 'back', 'forget me', 'edit ALT', 'ALP -5', 'GGT 45 ULN 60'),
        ),
        fc.oneof(fc.constant(undefined), cardLike, fc.anything()),
        (stored, text, value) => {
          const result = runTurn(stored, input({ text, ...(value === undefined ? {} : { value }) }));
          expect(result.replies.length).toBeGreaterThan(0);
          if (result.changed) {
            const stored = JSON.parse(JSON.stringify(result.state)) as unknown;
            expect(loadWorkup(stored, { now: NOW }).kind).toBe('active');
            // A confirmation asked ("forget me") is settled by the next message, whatever it is.
            const settled = isConfirming(KeptWorkup.sessionOf(result.kept!).session)
              ? runTurn(stored, input({ text: 'no' })).state
              : stored;
            expect(runTurn(settled, input({ text: 'summary' })).changed).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
