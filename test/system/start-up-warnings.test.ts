import { appProcessForSuite } from './support/app-process-for-suite';
import { WorkupClient } from './support/workup-client';

jest.setTimeout(60_000);

/** How Node prints a process warning on stderr, e.g. `(node:123) [DEP0111] DeprecationWarning: ...`. */
const NODE_WARNING = /\(node:\d+\) (\[\w+\] )?\w*Warning: .*/g;

/**
 * Runs on whichever runtime runs the suite (CI runs it on both supported LTS lines). restify 11
 * printed DEP0111 (spdy's `process.binding`) twice at every start, and died on Node 24.
 */
describe('the server process on this Node runtime', () => {
  const suite = appProcessForSuite('start-up-warnings');

  it('starts, answers a turn and prints no Node warning', async () => {
    const running = suite.app();
    const turn = await new WorkupClient('start-up-conversation', 'start-up-clinician').say(
      running.url,
      'start',
    );
    expect(turn.shown).toContain('ALP workup');
    await running.stop();
    expect(running.output().match(NODE_WARNING) ?? []).toEqual([]);
  });
});
