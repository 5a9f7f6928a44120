import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStorage } from '../../src/storage';
import { CLINICIAN, ConversationDriver, shownText } from './conversation-harness';

const ALP_CARD = { 'alp.value': '180', 'alp.unit': 'U/L', 'alp.uln': '120' };

describe('the workup bot on a real SQLite file', () => {
  let directory: string;
  const opened: SqliteStorage[] = [];
  const open = (): SqliteStorage => {
    const storage = new SqliteStorage({ filePath: join(directory, 'workups.sqlite') });
    opened.push(storage);
    return storage;
  };

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'alp-bot-'));
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((storage) => storage.close()));
    rmSync(directory, { recursive: true, force: true });
  });

  it('continues a workup after the store is closed and reopened (a restart)', async () => {
    const before = new ConversationDriver({ storage: open() });
    await before.say('ALP 180 U/L (ULN 120), ALT 30/40');
    await (opened[0] as SqliteStorage).close();
    const after = new ConversationDriver({ storage: open() });
    const summary = shownText(await after.say('summary'));
    expect(summary).toContain('180 U/L, ULN 120');
    expect(summary).toContain('We are at step 2 of 6');
  });

  it('applies 50 concurrent identical submits once across two instances on one file', async () => {
    const first = new ConversationDriver({ storage: open() });
    const second = new ConversationDriver({ storage: open() });
    await first.say('start');
    const value = { ...first.buttonData(CLINICIAN.id, 'next', 0), ...ALP_CARD };
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, index) => (index % 2 === 0 ? first : second).send({ text: '', value })),
    );
    const shown = replies.flat().map((reply) => reply.shown);
    expect(shown.filter((text) => text.includes('I read: ALP 180 U/L'))).toHaveLength(1);
    expect(shownText(await second.say('summary'))).toContain('We are at step 2 of 6');
  });
});
