import { createRateLimiter } from '../../src/server/rate-limiter';

describe('createRateLimiter', () => {
  it('allows maxRequests per window per client, then resets when the window ends', () => {
    let time = 0;
    const limiter = createRateLimiter({ windowMs: 60_000, maxRequests: 2, now: () => time });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([true, true, false]);
    expect(limiter.take('b')).toBe(true);
    time = 30_000;
    expect(limiter.retryAfterSeconds('a')).toBe(30);
    time = 60_000;
    expect(limiter.take('a')).toBe(true);
  });

  it('bounds its memory by forgetting the oldest clients', () => {
    const limiter = createRateLimiter({ windowMs: 60_000, maxRequests: 1, maxClients: 2, now: () => 0 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    // 'a' was forgotten, so it starts a fresh window.
    expect(limiter.take('a')).toBe(true);
    expect(limiter.take('c')).toBe(false);
  });
});
