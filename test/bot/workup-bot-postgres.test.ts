import { PostgresStorage } from '../../src/storage';
import { dropSchema, requireTestDatabaseUrl, uniqueSchemaName } from '../storage/support/test-postgres';
import { CLINICIAN, ConversationDriver, shownText } from './conversation-harness';

const ALP_CARD = { 'alp.value': '180', 'alp.unit': 'U/L', 'alp.uln': '120' };

/** Two bot instances behind a load balancer, one PostgreSQL: a workup's turns may land on either. */
describe('two bot instances on one PostgreSQL', () => {
  const schema = uniqueSchemaName('bot');
  const opened: PostgresStorage[] = [];
  let first: ConversationDriver;
  let second: ConversationDriver;

  beforeAll(async () => {
    const connectionString = requireTestDatabaseUrl();
    const open = async (): Promise<PostgresStorage> => {
      const storage = await PostgresStorage.open({ connectionString, schema });
      opened.push(storage);
      return storage;
    };
    first = new ConversationDriver({ storage: await open() });
    second = new ConversationDriver({ storage: await open() });
  });

  afterAll(async () => {
    await Promise.all(opened.map((storage) => storage.close()));
    if (process.env.TEST_DATABASE_URL) await dropSchema(process.env.TEST_DATABASE_URL, schema);
  });

  it('keeps one consistent workup when turns alternate between instances', async () => {
    await first.say('ALP 180 U/L (ULN 120), ALT 25/40, AST 22/40, bili 0.6 mg/dL (1.2)');
    expect(shownText(await second.say('no treatment, no fracture, not pregnant, fasting'))).toContain(
      'Red-flag screen',
    );
    expect(shownText(await first.say('none of these'))).toContain('Step');
    const summary = shownText(await second.say('summary'));
    expect(summary).toContain('180 U/L, ULN 120');
    expect(summary).toContain('none of these');
  });

  it('applies 50 concurrent identical submits once across the two instances', async () => {
    await first.say('restart');
    expect(shownText(await first.say('yes'))).toContain('Started over');
    const value = { ...first.buttonData(CLINICIAN.id, 'next', 0), ...ALP_CARD };
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, index) => (index % 2 === 0 ? first : second).send({ text: '', value })),
    );
    const shown = replies.flat().map((reply) => reply.shown);
    expect(shown.filter((text) => text.includes('I read: ALP 180 U/L'))).toHaveLength(1);
    expect(shownText(await second.say('summary'))).toContain('We are at step 2 of 6');
  });
});
