import {
  AuditIdHasher,
  HashingAuditLog,
  type AuditEntry,
  type AuditLog,
  type AuditTable,
} from '../../../src/storage';

/** A backing store on which audit tables can be opened, and a look at what it holds on disk. */
export interface AuditTableBackend {
  open(): Promise<AuditTable>;
  /** Everything the database holds for the audit trail, as text, for the "no raw ids" check. */
  rawContents(): Promise<string>;
  dispose(): Promise<void>;
}

const SALT = 'contract-test-salt-0123456789';

/** Raw ids distinctive enough that finding them anywhere in the database is no coincidence. */
const ALICE = '29:1aliceRawTeamsUserId-7f3e9c';
const BOB = '29:1bobRawTeamsUserId-51d0aa';
const CONVERSATION = 'a:1rawConversationId-c0ffee';

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: new Date('2026-03-01T10:00:00Z'),
    channelId: 'msteams',
    conversationId: CONVERSATION,
    userId: ALICE,
    step: 'alp',
    event: 'answer',
    ruleIds: [],
    contentVersion: '2026.11.1',
    redFlags: [],
    ...overrides,
  };
}

/** The behaviour every audit table must share, run through the hashing log against each one. */
export function describeAuditLogContract(name: string, createBackend: () => Promise<AuditTableBackend>) {
  describe(`${name} AuditLog contract`, () => {
    let backend: AuditTableBackend;
    let audit: AuditLog;

    beforeEach(async () => {
      backend = await createBackend();
      audit = new HashingAuditLog(await backend.open(), new AuditIdHasher(SALT));
    });

    afterEach(async () => {
      // Optional: when opening failed (e.g. no database), report that failure alone.
      await audit?.close();
      await backend?.dispose();
    });

    it('stores entries with hashed ids, the outcome flattened, in time order', async () => {
      await audit.record(
        entry({
          at: new Date('2026-03-01T10:05:00Z'),
          step: 'assessment',
          event: 'assessment-shown',
          ruleIds: ['R-01', 'B-1'],
          redFlags: ['RF-HY'],
          outcome: { pattern: 'cholestatic', origin: 'liver', urgent: true },
        }),
      );
      await audit.record(entry({ at: new Date('2026-03-01T10:00:00Z') }));

      const rows = await audit.query();

      expect(rows).toHaveLength(2);
      expect(rows[0]).toEqual({
        id: expect.any(Number),
        at: new Date('2026-03-01T10:00:00Z'),
        channelId: 'msteams',
        conversationHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        userHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        step: 'alp',
        event: 'answer',
        ruleIds: [],
        contentVersion: '2026.11.1',
        redFlags: [],
        pattern: null,
        origin: null,
        urgent: null,
      });
      expect(rows[1]).toMatchObject({
        step: 'assessment',
        event: 'assessment-shown',
        ruleIds: ['R-01', 'B-1'],
        redFlags: ['RF-HY'],
        pattern: 'cholestatic',
        origin: 'liver',
        urgent: true,
      });
      expect(rows[1]?.userHash).toBe(rows[0]?.userHash);
    });

    it('never stores the raw conversation or user id', async () => {
      await audit.record(entry());
      await audit.record(entry({ userId: BOB, event: 'assessment-shown' }));

      const contents = await backend.rawContents();

      expect(contents).toContain(new AuditIdHasher(SALT).user('msteams', ALICE));
      for (const raw of [ALICE, BOB, CONVERSATION, 'aliceRawTeamsUserId', 'rawConversationId']) {
        expect(contents).not.toContain(raw);
      }
    });

    it('refuses free text, naming the field, and stores nothing', async () => {
      await expect(audit.record(entry({ step: 'ALP 450 U/L for John Smith' }))).rejects.toThrow('step');
      await expect(audit.record({ ...entry(), note: 'free text' } as AuditEntry)).rejects.toThrow('note');
      await expect(audit.record(entry({ ruleIds: ['R 01'] }))).rejects.toThrow('ruleIds');

      expect(await audit.query()).toEqual([]);
    });

    it('forgets one user in one channel and nobody else', async () => {
      await audit.record(entry());
      await audit.record(entry({ conversationId: 'another-conversation' }));
      await audit.record(entry({ userId: BOB }));
      await audit.record(entry({ channelId: 'webchat' }));

      const deleted = await audit.forgetUser('msteams', ALICE);

      expect(deleted).toBe(2);
      const hasher = new AuditIdHasher(SALT);
      expect((await audit.query()).map((row) => row.userHash).sort()).toEqual(
        [hasher.user('msteams', BOB), hasher.user('webchat', ALICE)].sort(),
      );
    });

    it('selects a period with "from" inclusive and "to" exclusive', async () => {
      for (const day of ['01', '02', '03', '04']) {
        await audit.record(entry({ at: new Date(`2026-03-${day}T00:00:00Z`), step: `day-${day}` }));
      }

      const rows = await audit.query({
        from: new Date('2026-03-02T00:00:00Z'),
        to: new Date('2026-03-04T00:00:00Z'),
      });

      expect(rows.map((row) => row.step)).toEqual(['day-02', 'day-03']);
      expect(await audit.query({ from: new Date('2026-03-04T00:00:00Z') })).toHaveLength(1);
      expect(await audit.query({ to: new Date('2026-03-02T00:00:00Z') })).toHaveLength(1);
    });

    it('counts outcomes, red flags, conversations and users over a period', async () => {
      const march = new Date('2026-03-10T00:00:00Z');
      await audit.record(
        entry({
          at: march,
          event: 'assessment-shown',
          outcome: { pattern: 'isolated', origin: 'bone', urgent: false },
        }),
      );
      await audit.record(
        entry({
          at: march,
          userId: BOB,
          conversationId: 'c2',
          event: 'assessment-shown',
          redFlags: ['RF-HY'],
          outcome: { pattern: 'hepatocellular', origin: 'liver', urgent: true },
        }),
      );
      await audit.record(
        entry({ at: march, userId: BOB, conversationId: 'c2', redFlags: ['RF-HY', 'RF-CA'] }),
      );
      await audit.record(
        entry({
          at: new Date('2026-04-10T00:00:00Z'),
          event: 'assessment-shown',
          outcome: { pattern: 'cholestatic', origin: 'liver', urgent: true },
        }),
      );

      const summary = await audit.summary({
        from: new Date('2026-03-01T00:00:00Z'),
        to: new Date('2026-04-01T00:00:00Z'),
      });

      expect(summary).toEqual({
        entries: 3,
        conversations: 2,
        users: 2,
        outcomes: {
          assessments: 2,
          pattern: { normal: 0, isolated: 1, cholestatic: 0, mixed: 0, hepatocellular: 1, undetermined: 0 },
          origin: { bone: 1, liver: 1, intestinal: 0, placental: 0, undetermined: 0 },
          urgent: 1,
          notUrgent: 1,
        },
        redFlags: { 'RF-HY': 2, 'RF-CA': 1 },
      });
    });

    it('deletes rows recorded before a cut-off (retention)', async () => {
      await audit.record(entry({ at: new Date('2026-01-01T00:00:00Z'), step: 'old' }));
      await audit.record(entry({ at: new Date('2026-03-01T00:00:00Z'), step: 'recent' }));

      expect(await audit.deleteBefore(new Date('2026-02-01T00:00:00Z'))).toBe(1);
      expect((await audit.query()).map((row) => row.step)).toEqual(['recent']);
    });

    it('keeps entries when the log is closed and the table opened again', async () => {
      await audit.record(entry({ step: 'kept' }));
      await audit.close();

      audit = new HashingAuditLog(await backend.open(), new AuditIdHasher(SALT));

      expect((await audit.query()).map((row) => row.step)).toEqual(['kept']);
      await expect(audit.ping()).resolves.toBeUndefined();
    });
  });
}
