import { KeyedQueue } from '../../src/bot/keyed-queue';

const deferred = () => {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
};

describe('KeyedQueue', () => {
  it('runs work for one key strictly one after another', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    const gate = deferred();
    const first = queue.run('a', async () => {
      events.push('first start');
      await gate.promise;
      events.push('first end');
    });
    const second = queue.run('a', async () => {
      events.push('second start');
    });
    await Promise.resolve();
    expect(events).toEqual(['first start']);
    gate.release();
    await Promise.all([first, second]);
    expect(events).toEqual(['first start', 'first end', 'second start']);
  });

  it('lets different keys run concurrently', async () => {
    const queue = new KeyedQueue();
    const gate = deferred();
    const events: string[] = [];
    const blocked = queue.run('a', async () => {
      await gate.promise;
      events.push('a');
    });
    await queue.run('b', async () => {
      events.push('b');
    });
    expect(events).toEqual(['b']);
    gate.release();
    await blocked;
    expect(events).toEqual(['b', 'a']);
  });

  it('keeps serving a key after a failed turn and forgets idle keys', async () => {
    const queue = new KeyedQueue();
    await expect(
      queue.run('a', async () => {
        throw new Error('turn failed');
      }),
    ).rejects.toThrow('turn failed');
    await expect(queue.run('a', async () => 42)).resolves.toBe(42);
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.pendingKeys).toBe(0);
  });
});
