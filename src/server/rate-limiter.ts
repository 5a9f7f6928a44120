/**
 * Fixed-window request counter per client address. In memory and per instance: behind a load
 * balancer each instance enforces the limit on its own share, which is enough to blunt a
 * flood from one address without shared state.
 */
export interface RateLimiter {
  /** Counts one request; false when the client has used up the window. */
  take(client: string): boolean;
  /** Seconds until the client's window resets (for Retry-After). */
  retryAfterSeconds(client: string): number;
}

export interface RateLimiterOptions {
  windowMs: number;
  maxRequests: number;
  /** Bounds memory under an address-spoofing flood: the oldest windows are dropped first. */
  maxClients?: number;
  now?: () => number;
}

interface Window {
  startedAt: number;
  count: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 10_000;
  const windows = new Map<string, Window>();

  const current = (client: string): Window => {
    const time = now();
    const existing = windows.get(client);
    if (existing !== undefined && time - existing.startedAt < options.windowMs) return existing;
    windows.delete(client);
    if (windows.size >= maxClients) {
      const oldest = windows.keys().next();
      if (oldest.done !== true) windows.delete(oldest.value);
    }
    const fresh = { startedAt: time, count: 0 };
    windows.set(client, fresh);
    return fresh;
  };

  return {
    take(client) {
      const window = current(client);
      window.count += 1;
      return window.count <= options.maxRequests;
    },
    retryAfterSeconds(client) {
      const window = windows.get(client);
      if (window === undefined) return 0;
      return Math.max(1, Math.ceil((window.startedAt + options.windowMs - now()) / 1000));
    },
  };
}
