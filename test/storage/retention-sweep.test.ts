import {
  MemoryAuditLog,
  MemoryWorkupStorage,
  startRetentionSweep,
  type AuditEntry,
  type RetentionSweepResult,
} from '../../src/storage';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

function auditEntry(at: Date): AuditEntry {
  return {
    at,
    channelId: 'webchat',
    conversationId: 'c',
    userId: 'u',
    step: 'alp',
    event: 'answer',
    ruleIds: [],
    contentVersion: '1',
    redFlags: [],
  };
}

describe('startRetentionSweep', () => {
  let clock: Date;
  const now = () => clock;

  beforeEach(() => {
    clock = new Date('2026-06-01T00:00:00Z');
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('sweeps at start: stale workups go, recent ones and the audit trail stay when no audit retention is set', async () => {
    const storage = new MemoryWorkupStorage({ now });
    const audit = new MemoryAuditLog();
    await storage.write({ stale: { n: 1 } });
    await audit.record(auditEntry(clock));
    clock = new Date(clock.getTime() + 31 * DAY_MS);
    await storage.write({ recent: { n: 2 } });
    const results: RetentionSweepResult[] = [];

    const stop = startRetentionSweep(storage, audit, {
      retentionDays: 30,
      intervalMs: HOUR_MS,
      now,
      onError: (error) => {
        throw error;
      },
      onSweep: (result) => results.push(result),
    });
    await stop();

    expect(results).toEqual([{ workupsDeleted: 1, auditRowsDeleted: 0 }]);
    expect(Object.keys(await storage.read(['stale', 'recent']))).toEqual(['recent']);
    expect(await audit.query()).toHaveLength(1);
  });

  it('deletes audit rows past their own retention when one is configured', async () => {
    const storage = new MemoryWorkupStorage({ now });
    const audit = new MemoryAuditLog();
    await audit.record(auditEntry(new Date(clock.getTime() - 400 * DAY_MS)));
    await audit.record(auditEntry(new Date(clock.getTime() - 100 * DAY_MS)));
    const results: RetentionSweepResult[] = [];

    const stop = startRetentionSweep(storage, audit, {
      retentionDays: 30,
      auditRetentionDays: 365,
      intervalMs: HOUR_MS,
      now,
      onError: (error) => {
        throw error;
      },
      onSweep: (result) => results.push(result),
    });
    await stop();

    expect(results).toEqual([{ workupsDeleted: 0, auditRowsDeleted: 1 }]);
    expect(await audit.query()).toHaveLength(1);
  });

  it('sweeps again every interval with the clock it is given, and not after stop', async () => {
    jest.useFakeTimers({ now: clock });
    const storage = new MemoryWorkupStorage({ now });
    await storage.write({ first: { n: 1 } });
    const results: RetentionSweepResult[] = [];
    const stop = startRetentionSweep(storage, new MemoryAuditLog(), {
      retentionDays: 1,
      intervalMs: HOUR_MS,
      now,
      onError: (error) => {
        throw error;
      },
      onSweep: (result) => results.push(result),
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(results).toEqual([{ workupsDeleted: 0, auditRowsDeleted: 0 }]);

    clock = new Date(clock.getTime() + 2 * DAY_MS);
    await jest.advanceTimersByTimeAsync(HOUR_MS);
    expect(results).toHaveLength(2);
    expect(results[1]).toEqual({ workupsDeleted: 1, auditRowsDeleted: 0 });

    await stop();
    await jest.advanceTimersByTimeAsync(10 * HOUR_MS);
    expect(results).toHaveLength(2);
  });

  it('reports a failed sweep to onError and keeps sweeping', async () => {
    jest.useFakeTimers({ now: clock });
    const failure = new Error('database unavailable');
    /** A store whose first sweep fails, as when the database is briefly unreachable. */
    class FlakyStorage extends MemoryWorkupStorage {
      private failuresLeft = 1;

      override async sweep(olderThan: Date): Promise<number> {
        if (this.failuresLeft > 0) {
          this.failuresLeft -= 1;
          throw failure;
        }
        return super.sweep(olderThan);
      }
    }
    const flaky = new FlakyStorage({ now });
    const errors: unknown[] = [];
    const results: RetentionSweepResult[] = [];

    const stop = startRetentionSweep(flaky, new MemoryAuditLog(), {
      retentionDays: 30,
      intervalMs: HOUR_MS,
      now,
      onError: (error) => errors.push(error),
      onSweep: (result) => results.push(result),
    });
    await jest.advanceTimersByTimeAsync(HOUR_MS);
    await stop();

    expect(errors).toEqual([failure]);
    expect(results).toEqual([{ workupsDeleted: 0, auditRowsDeleted: 0 }]);
  });

  it('refuses a retention or interval that is not a positive number, naming it', () => {
    const start = (retentionDays: number, intervalMs: number, auditRetentionDays?: number) => () =>
      startRetentionSweep(new MemoryWorkupStorage(), new MemoryAuditLog(), {
        retentionDays,
        auditRetentionDays,
        intervalMs,
        now,
        onError: () => {},
      });

    expect(start(0, HOUR_MS)).toThrow('retentionDays must be a positive number');
    expect(start(30, Number.NaN)).toThrow('intervalMs must be a positive number');
    expect(start(30, HOUR_MS, -1)).toThrow('auditRetentionDays must be a positive number');
  });
});
