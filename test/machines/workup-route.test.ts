import { QUESTION_STEP_IDS, isQuestionStep } from '../../machines/steps';
import { nextQuestion } from '../../machines/workup-progress';
import { questionsToCome, routeChange, routePosition, workupRoute } from '../../machines/workup-route';
import { answer, reach, send, start } from './drive';
import { ALP_HIGH, CHOLESTATIC_PANEL, GGT_RAISED } from './payloads';

describe('the workup route', () => {
  it('forecasts a raised ALP of open origin before the ALP is known: the bone branch, not the hepatic one', () => {
    const { context } = start();
    expect(questionsToCome(context, 'alp')).toEqual(['redFlags', 'liverPanel', 'context', 'origin', 'bone']);
    expect(routePosition(context, 'alp')).toEqual({ number: 1, of: 6 });
  });

  it.each(QUESTION_STEP_IDS)(
    'puts %s after the questions gone through, and the machine asks only questions on it',
    (step) => {
      const snapshot = reach(step);
      expect(snapshot.value).toBe(step);
      const { context } = snapshot;
      const route = workupRoute(context, step);
      expect(route.slice(0, context.answered.length)).toEqual(context.answered);
      expect(routePosition(context, step).number).toBe(context.answered.length + 1);
      expect(new Set(route).size).toBe(route.length);
      const next = nextQuestion(context);
      if (next !== undefined) expect(route).toContain(next);
    },
  );

  it('swaps the bone branch for the hepatic one once the origin is liver', () => {
    expect(workupRoute(reach('origin').context, 'origin')).toEqual([
      'alp',
      'redFlags',
      'liverPanel',
      'context',
      'origin',
      'bone',
    ]);
    // The raised GGT met TG18 criterion B, so the red-flag screen was asked again for the
    // inflammation values: it moved to the top of the questions gone through.
    const hepatic = workupRoute(reach('hepaticImaging').context, 'hepaticImaging');
    expect([...hepatic].sort()).toEqual(
      ['alp', 'redFlags', 'liverPanel', 'context', 'origin', 'hepaticImaging'].sort(),
    );
    expect(hepatic.at(-1)).toBe('hepaticImaging');
    expect(hepatic).not.toContain('bone');
    expect(workupRoute(reach('hepaticAma').context, 'hepaticAma').at(-1)).toBe('hepaticAma');
  });

  it('follows the machine: the red-flag screen and the liver panel come second and third (decision 19)', () => {
    const snapshot = send(start(), answer({ ...ALP_HIGH, ...CHOLESTATIC_PANEL, ...GGT_RAISED }));
    expect(snapshot.value).toBe('redFlags');
    expect(workupRoute(snapshot.context, 'redFlags').slice(0, 4)).toEqual([
      'alp',
      'redFlags',
      'liverPanel',
      'context',
    ]);
    expect(routePosition(snapshot.context, 'redFlags').number).toBe(2);
  });

  it('counts the same route wherever the workup stands: at an alert or a pause, the questions gone through and to come', () => {
    for (const step of ['urgent', 'awaitingResults', 'assessment'] as const) {
      const { context } = reach(step);
      const route = workupRoute(context, step);
      expect(route.every(isQuestionStep)).toBe(true);
      expect(route.slice(0, context.answered.length)).toEqual(context.answered);
    }
  });

  it('names what an answer added to the route and what it made unnecessary', () => {
    expect(routeChange(['alp', 'origin', 'bone'], ['alp', 'origin', 'bone'])).toBeUndefined();
    expect(routeChange(['alp', 'origin', 'bone'], ['alp', 'bone', 'origin'])).toBeUndefined();
    expect(routeChange(['alp', 'origin', 'bone'], ['alp', 'origin', 'hepaticImaging'])).toEqual({
      added: ['hepaticImaging'],
      dropped: ['bone'],
    });
  });
});
