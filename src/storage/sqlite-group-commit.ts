import type { SqliteDatabase } from './sqlite-connection';

interface Job {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Runs the writes that arrive within one turn of the event loop in one SQLite transaction, each
 * in a savepoint of its own. A commit (its WAL write) costs more than the rows it carries, so
 * under load one commit serves every turn in flight. Each write still succeeds or fails alone,
 * and its promise settles only once the transaction holding it has committed.
 */
export class SqliteGroupCommit {
  private pending: Job[] = [];
  private scheduled = false;
  private readonly runAll: (jobs: Job[]) => Outcome[];

  constructor(db: SqliteDatabase) {
    // Called inside the outer transaction, a transaction function becomes a savepoint: a write
    // that throws rolls back alone.
    const inSavepoint = db.transaction((job: Job) => job.run());
    // IMMEDIATE takes the write lock up front, so another process cannot slip in between an eTag
    // check and its update.
    this.runAll = db.transaction((jobs: Job[]) =>
      jobs.map((job): Outcome => {
        try {
          return { ok: true, value: inSavepoint(job) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    ).immediate;
  }

  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run: work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits what is pending now; deletes, queries and close call it so they see every write before them. */
  flush(): void {
    this.scheduled = false;
    const jobs = this.pending;
    this.pending = [];
    if (jobs.length === 0) return;
    let outcomes: Outcome[];
    try {
      outcomes = this.runAll(jobs);
    } catch (error) {
      // The transaction itself failed (busy past the timeout, disk full): nothing was written.
      for (const job of jobs) job.reject(error);
      return;
    }
    outcomes.forEach((outcome, index) => {
      const job = jobs[index]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }
}
