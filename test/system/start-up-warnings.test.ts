import { makeDataDir, startAppProcess, type AppProcess } from './support/app-process';
import { WorkupClient } from './support/workup-client';

jest.setTimeout(60_000);

/** How Node prints a process warning on stderr, e.g. `(node:123) [DEP0111] DeprecationWarning: ...`. */
const NODE_WARNING = /\(node:\d+\) (\[\w+\] )?\w*Warning: .*/g;

/**
 * Runs on whichever runtime runs the suite (CI runs it on both supported LTS lines). restify 11
 * printed DEP0111 (spdy's `process.binding`) twice at every start, and died on Node 24.
 */
describe('the server process on this Node runtime', () => {
  const dataDir = makeDataDir('start-up-warnings');
  let running: AppProcess | undefined;

  afterAll(async () => {
    await running?.stop();
    dataDir.remove();
  });

  it('starts, answers a turn and prints no Node warning', async () => {
    running = await startAppProcess(
      { SQLITE_PATH: `${dataDir.path}/alp.sqlite`, LOG_LEVEL: 'info' },
      dataDir.path,
    );
    const turn = await new WorkupClient('start-up-conversation', 'start-up-clinician').say(
      running.url,
      'start',
    );
    expect(turn.shown).toContain('ALP workup');
    await running.stop();
    expect(running.output().match(NODE_WARNING) ?? []).toEqual([]);
  });
});
