import Database from 'better-sqlite3';
import { Client } from 'pg';
import { cardStrings } from '../support/card-strings';
import { startFakeHttpServer, type FakeHttpServer } from '../server/support/fake-http-server';
import { appProcessForSuite } from './support/app-process-for-suite';
import { openStorageUnderTest, type StorageKind, type StorageUnderTest } from './support/storage-under-test';
import { WorkupClient, postActivity } from './support/workup-client';
import { WORKUP_ANSWERS } from './support/workup-script';

jest.setTimeout(180_000);

/** The audit trail's events, read straight from the app's database. */
async function auditEvents(storage: StorageUnderTest): Promise<string[]> {
  if (storage.env.SQLITE_PATH !== undefined) {
    const db = new Database(storage.env.SQLITE_PATH, { readonly: true });
    try {
      return db
        .prepare<[], { event: string }>('SELECT event FROM audit_entries ORDER BY id')
        .all()
        .map((row) => row.event);
    } finally {
      db.close();
    }
  }
  const client = new Client({ connectionString: storage.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ event: string }>('SELECT event FROM audit_entries ORDER BY id');
    return rows.map((row) => row.event);
  } finally {
    await client.end();
  }
}

interface PostedActivity {
  type?: string;
  text?: string;
  summary?: string;
  attachments?: { content?: unknown }[];
}

/** What the bot tried to post to the connector: each message's text, summary and card strings. */
function shownIn(connector: FakeHttpServer): string[] {
  return connector.requests
    .map((request) => JSON.parse(request.body) as PostedActivity)
    .filter((activity) => activity.type === 'message')
    .map((activity) =>
      [
        activity.text ?? '',
        activity.summary ?? '',
        ...cardStrings((activity.attachments ?? []).map((attachment) => attachment.content)),
      ].join('\n'),
    );
}

describe.each<[StorageKind, number]>([
  ['SQLite', 429],
  ['PostgreSQL', 503],
])('a connector that refuses the replies, on %s (status %d)', (kind, refusal) => {
  const suite = appProcessForSuite(`replies-${kind.toLowerCase()}`, {
    storage: (dataDir) => openStorageUnderTest(kind, dataDir),
  });
  let connector: FakeHttpServer;
  let refusing = true;

  beforeAll(async () => {
    connector = await startFakeHttpServer(() =>
      refusing
        ? { status: refusal, body: { error: { code: 'Throttled' } } }
        : { status: 200, body: { id: 'sent' } },
    );
  });
  afterAll(async () => {
    await connector?.close();
  });

  it('keeps the change with its audit entry, never claims it was undone, and answers the redelivery without applying it twice', async () => {
    const clinician = new WorkupClient(`conversation-replies-${kind}`, 'clinician-replies');
    const delivered = (id: string, text: string) => {
      const { deliveryMode: _expectReplies, ...activity } = clinician.activity({ id, text });
      return { ...activity, serviceUrl: connector.url };
    };
    const answer = delivered('activity-first-answer', WORKUP_ANSWERS[0]);

    const refused = await postActivity(suite.app().url, answer);
    expect(refused.status).toBe(502);
    const attempted = shownIn(connector);
    // The first reply was refused, so the bot stopped there and said what had happened.
    expect(attempted[0]).toContain('I read: ALP 987 U/L');
    expect(attempted.some((text) => text.includes('as it was'))).toBe(false);
    expect(attempted.some((text) => text.includes('after your message was saved'))).toBe(true);

    const summary = (await clinician.say(suite.app().url, 'summary')).shown;
    expect(summary).toContain('987 U/L, ULN 123');
    expect(await auditEvents(suite.storage())).toEqual(['answer-text', 'summary']);

    refusing = false;
    connector.requests.length = 0;
    const redelivered = await postActivity(suite.app().url, answer);
    expect(redelivered.status).toBe(200);
    const answered = shownIn(connector);
    expect(answered[0]).toBe(attempted[0]);
    expect(answered.slice(1).join('\n')).toContain('Step 2 of');
    expect(answered.join('\n')).not.toMatch(/Sorry|reached me twice/);
    expect((await clinician.say(suite.app().url, 'summary')).shown).toBe(summary);
    expect(await auditEvents(suite.storage())).toEqual(['answer-text', 'summary', 'summary']);
  });
});
