import { makeDataDir, startAppProcess, type AppProcess } from './support/app-process';
import { createFreshDatabase, type FreshDatabase } from './support/fresh-database';
import { WorkupClient } from './support/workup-client';
import { EXPECTED_ASSESSMENT, WORKUP_ANSWERS, answer } from './support/workup-script';

jest.setTimeout(180_000);

const CLINICIAN = 'clinician-two-instances';
const ALP_CARD_INPUTS = { 'alp.value': '987', 'alp.unit': 'U/L', 'alp.uln': '123' };
const CONCURRENT_SUBMITS = 50;

/** Two bot processes behind an imagined load balancer: one PostgreSQL database, no shared memory. */
describe('two bot instances on one PostgreSQL database', () => {
  const dataDir = makeDataDir('two-instances');
  let database: FreshDatabase;
  let instances: AppProcess[] = [];
  const urlOf = (index: number) => (instances[index % 2] as AppProcess).url;

  beforeAll(async () => {
    database = await createFreshDatabase('instances');
    const env = { DATABASE_URL: database.url, LOG_LEVEL: 'info', RATE_LIMIT_MAX_REQUESTS: '100000' };
    // Started together: both create the tables at once, as after a redeploy.
    instances = await Promise.all([startAppProcess(env, dataDir.path), startAppProcess(env, dataDir.path)]);
  });
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database?.drop();
    dataDir.remove();
  });

  it('keeps one workup consistent when its turns alternate between the instances', async () => {
    const script = [...WORKUP_ANSWERS, 'summary'];
    const alone = await answer(new WorkupClient('conversation-on-one-instance', CLINICIAN), script, () =>
      urlOf(0),
    );

    const alternating = await answer(new WorkupClient('conversation-alternating', CLINICIAN), script, urlOf);

    // Each turn's reply depends on everything answered before it, on whichever instance.
    expect(alternating).toEqual(alone);
    for (const part of EXPECTED_ASSESSMENT) expect(alternating[WORKUP_ANSWERS.length - 1]).toContain(part);
  });

  it(`applies ${CONCURRENT_SUBMITS} concurrent identical card submits, spread over both instances, exactly once`, async () => {
    const once = new WorkupClient('conversation-submitted-once', CLINICIAN);
    const onceCard = (await once.say(urlOf(0), 'start')).buttons.find((data) => data.action === 'next');
    await once.submit(urlOf(0), { ...onceCard, ...ALP_CARD_INPUTS });
    const expectedSummary = (await once.say(urlOf(0), 'summary')).shown;

    const clicker = new WorkupClient('conversation-double-clicked', CLINICIAN);
    const card = (await clicker.say(urlOf(0), 'start')).buttons.find((data) => data.action === 'next');
    expect(card).toBeDefined();
    const turns = await Promise.all(
      Array.from({ length: CONCURRENT_SUBMITS }, (_, index) =>
        clicker.submit(urlOf(index), { ...card, ...ALP_CARD_INPUTS }),
      ),
    );

    const accepted = turns.filter((turn) => turn.shown.includes('I read: ALP 987 U/L'));
    expect(accepted).toHaveLength(1);
    const refused = turns.filter(
      (turn) =>
        turn.shown.includes('That card is from an earlier step') ||
        turn.shown.includes('changed from another window'),
    );
    expect(refused).toHaveLength(CONCURRENT_SUBMITS - 1);
    expect((await clicker.say(urlOf(1), 'summary')).shown).toBe(expectedSummary);
  });
});
