import type { StoreItem } from 'botbuilder';
import { isETagConflict, UNCHANGED, type WorkupStorage } from '../../../src/storage';

/** A backing store (file, schema, shared map) on which independent storage instances can be opened. */
export interface WorkupStorageBackend {
  /** Opens a new instance on the same backing store; `now` is its clock for retention. */
  open(now?: () => Date): Promise<WorkupStorage>;
  /** Drops the backing store after the suite. */
  dispose(): Promise<void>;
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the write to be rejected');
    },
    (error: unknown) => error,
  );
}

/** The behaviour every `WorkupStorage` must share, run against each implementation. */
export function describeWorkupStorageContract(
  name: string,
  createBackend: () => Promise<WorkupStorageBackend>,
) {
  describe(`${name} WorkupStorage contract`, () => {
    let backend: WorkupStorageBackend;
    let storage: WorkupStorage;
    const opened: WorkupStorage[] = [];
    let keyPrefix: string;
    let testNumber = 0;

    async function open(now?: () => Date): Promise<WorkupStorage> {
      const instance = await backend.open(now);
      opened.push(instance);
      return instance;
    }

    /** Keys unique to each test, so tests never see each other's items in the shared backend. */
    const key = (suffix: string) => `${keyPrefix}${suffix}`;

    beforeAll(async () => {
      backend = await createBackend();
    });

    beforeEach(async () => {
      testNumber += 1;
      keyPrefix = `t${testNumber}/`;
      storage = await open();
    });

    afterEach(async () => {
      await Promise.all(opened.splice(0).map((instance) => instance.close()));
    });

    afterAll(async () => {
      await backend?.dispose();
    });

    it('reads back what was written, with an eTag, and omits missing keys', async () => {
      await storage.write({ [key('a')]: { step: 'alp', values: [1, 2.5], nested: { ok: true } } });

      const items = await storage.read([key('a'), key('missing')]);

      expect(Object.keys(items)).toEqual([key('a')]);
      expect(items[key('a')]).toEqual({
        step: 'alp',
        values: [1, 2.5],
        nested: { ok: true },
        eTag: expect.any(String),
      });
    });

    it('round-trips text a jsonb column would reject or alter: NUL, µ, emoji, quotes', async () => {
      const awkward = { text: 'a\u0000b \u00b5kat/L \u{1F600} "quoted" \\ back' };
      await storage.write({ [key('awkward')]: { ...awkward } });

      const items = await storage.read([key('awkward')]);

      expect(items[key('awkward')]).toEqual({ ...awkward, eTag: expect.any(String) });
    });

    it('gives the written object its new eTag, so a second write in the same turn succeeds', async () => {
      const item: StoreItem = { step: 'ggt' };
      await storage.write({ [key('a')]: item });
      const firstETag = item.eTag;
      expect(firstETag).toEqual(expect.any(String));

      item.step = 'bilirubin';
      await storage.write({ [key('a')]: item });

      expect(item.eTag).not.toBe(firstETag);
      expect((await storage.read([key('a')]))[key('a')]).toEqual({ step: 'bilirubin', eTag: item.eTag });
    });

    it('rejects a write with a stale eTag and keeps the stored item', async () => {
      await storage.write({ [key('a')]: { revision: 1 } });
      const [first] = Object.values(await storage.read([key('a')])) as StoreItem[];
      const [second] = Object.values(await storage.read([key('a')])) as StoreItem[];

      await storage.write({ [key('a')]: { ...first, revision: 2 } });
      const stale = storage.write({ [key('a')]: { ...second, revision: 3 } });

      const error = await rejectionOf(stale);
      expect(isETagConflict(error)).toBe(true);
      expect(String(error)).toContain(key('a'));
      expect((await storage.read([key('a')]))[key('a')]).toMatchObject({ revision: 2 });
    });

    it('overwrites unconditionally with no eTag or with "*"', async () => {
      await storage.write({ [key('a')]: { revision: 1 } });

      await storage.write({ [key('a')]: { revision: 2, eTag: '*' } });
      expect((await storage.read([key('a')]))[key('a')]).toMatchObject({ revision: 2 });

      await storage.write({ [key('a')]: { revision: 3 } });
      expect((await storage.read([key('a')]))[key('a')]).toMatchObject({ revision: 3 });
    });

    it('treats an eTag write to a deleted item as a conflict, so a late turn cannot resurrect it', async () => {
      const item: StoreItem = { revision: 1 };
      await storage.write({ [key('a')]: item });
      await storage.delete([key('a')]);

      expect(isETagConflict(await rejectionOf(storage.write({ [key('a')]: { ...item, revision: 2 } })))).toBe(
        true,
      );
      expect(await storage.read([key('a')])).toEqual({});
    });

    it('writes several items all or nothing', async () => {
      await storage.write({ [key('a')]: { revision: 1 }, [key('b')]: { revision: 1 } });
      const stored = await storage.read([key('a'), key('b')]);
      await storage.write({ [key('b')]: { revision: 2 } });

      const both = storage.write({
        [key('a')]: { ...stored[key('a')], revision: 9 },
        [key('b')]: { ...stored[key('b')], revision: 9 },
      });

      expect(isETagConflict(await rejectionOf(both))).toBe(true);
      const after = await storage.read([key('a'), key('b')]);
      expect(after[key('a')]).toMatchObject({ revision: 1, eTag: stored[key('a')].eTag });
      expect(after[key('b')]).toMatchObject({ revision: 2 });
    });

    it('lets exactly one of many concurrent writers holding the same eTag win', async () => {
      const other = await open();
      await storage.write({ [key('a')]: { revision: 0 } });
      const base = (await storage.read([key('a')]))[key('a')] as StoreItem;

      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, (_unused, writer) =>
          (writer % 2 === 0 ? storage : other).write({ [key('a')]: { ...base, revision: 1, writer } }),
        ),
      );

      const winners = outcomes.flatMap((outcome, writer) => (outcome.status === 'fulfilled' ? [writer] : []));
      const losers = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(winners).toHaveLength(1);
      expect(losers.every((outcome) => isETagConflict(outcome.reason))).toBe(true);
      expect((await storage.read([key('a')]))[key('a')]).toMatchObject({ revision: 1, writer: winners[0] });
    });

    it('keeps one item consistent when two instances alternate read-modify-write turns', async () => {
      const other = await open();
      await storage.write({ [key('a')]: { answers: [] as number[] } });

      for (let turn = 0; turn < 10; turn += 1) {
        const instance = turn % 2 === 0 ? storage : other;
        const current = (await instance.read([key('a')]))[key('a')] as StoreItem;
        await instance.write({ [key('a')]: { ...current, answers: [...current.answers, turn] } });
      }

      expect((await other.read([key('a')]))[key('a')]).toMatchObject({
        answers: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      });
    });

    it('deletes given keys and ignores missing ones', async () => {
      await storage.write({ [key('a')]: { n: 1 }, [key('b')]: { n: 2 } });

      await storage.delete([key('a'), key('missing')]);

      expect(Object.keys(await storage.read([key('a'), key('b')]))).toEqual([key('b')]);
    });

    it('answers UNCHANGED while it holds the write with the given eTag, else the item or nothing', async () => {
      const item: StoreItem = { step: 'alp' };
      await storage.write({ [key('held')]: item });
      const held = item.eTag as string;

      expect(await storage.readChanged(key('held'), held)).toBe(UNCHANGED);
      const other = await open();
      await other.write({ [key('held')]: { step: 'ggt' } });
      const changed = await storage.readChanged(key('held'), held);
      expect(changed).toEqual({ step: 'ggt', eTag: expect.any(String) });
      expect((changed as StoreItem).eTag).not.toBe(held);
      await storage.delete([key('held')]);
      expect(await storage.readChanged(key('held'), held)).toBeUndefined();
      expect(await storage.readChanged(key('never'), held)).toBeUndefined();
    });

    it('deletes by prefix, literally and case-sensitively', async () => {
      await storage.write({
        [key('workup/msteams/user%201/c1')]: { n: 1 },
        [key('workup/msteams/user%201/c2')]: { n: 2 },
        [key('workup/msteams/user%2010/c1')]: { n: 3 },
        [key('workup/msteams/USER%201/c1')]: { n: 4 },
        [key('workup/msteams/userX201/c1')]: { n: 5 },
      });

      const deleted = await storage.deleteByPrefix(key('workup/msteams/user%201/'));

      expect(deleted).toBe(2);
      const left = await storage.read([
        key('workup/msteams/user%201/c1'),
        key('workup/msteams/user%201/c2'),
        key('workup/msteams/user%2010/c1'),
        key('workup/msteams/USER%201/c1'),
        key('workup/msteams/userX201/c1'),
      ]);
      expect(Object.keys(left).sort()).toEqual(
        [
          key('workup/msteams/USER%201/c1'),
          key('workup/msteams/user%2010/c1'),
          key('workup/msteams/userX201/c1'),
        ].sort(),
      );
      expect(await storage.deleteByPrefix(key('_'))).toBe(0);
    });

    it('sweeps items not written since the cut-off and keeps the rest', async () => {
      let clock = new Date('2000-01-01T00:00:00Z');
      const clocked = await open(() => clock);
      await clocked.write({ [key('old')]: { n: 1 }, [key('touched')]: { n: 2 } });
      clock = new Date('2000-02-01T00:00:00Z');
      await clocked.write({ [key('touched')]: { n: 3 }, [key('new')]: { n: 4 } });

      const swept = await clocked.sweep(new Date('2000-01-15T00:00:00Z'));

      expect(swept).toBe(1);
      expect(Object.keys(await clocked.read([key('old'), key('touched'), key('new')])).sort()).toEqual(
        [key('new'), key('touched')].sort(),
      );
    });

    it('keeps what was written when the instance is closed and another one opened', async () => {
      await storage.write({ [key('a')]: { step: 'ggt', revision: 4 } });
      await storage.close();

      const reopened = await open();

      expect((await reopened.read([key('a')]))[key('a')]).toMatchObject({ step: 'ggt', revision: 4 });
    });

    it('answers ping while open and can be closed twice', async () => {
      await expect(storage.ping()).resolves.toBeUndefined();
      await storage.close();
      await expect(storage.close()).resolves.toBeUndefined();
    });

    it('refuses items that are not JSON objects, naming the key', async () => {
      await expect(storage.write({ [key('a')]: 'text' })).rejects.toThrow(
        `"${key('a')}" must be a JSON object`,
      );
      expect(await storage.read([key('a')])).toEqual({});
    });
  });
}
