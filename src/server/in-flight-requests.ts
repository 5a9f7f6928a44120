import type { Next, Request, RequestHandler, Response } from 'restify';

/**
 * Counts requests being served so shutdown can wait for them. While draining, new requests get
 * 503 — except the Bot Connector callbacks, which are the bot's replies inside a turn that is
 * still in flight (local Direct Line), and must be let through for that turn to finish.
 */
export class InFlightRequests {
  private count = 0;
  private draining = false;
  private idle: (() => void)[] = [];

  readonly middleware: RequestHandler = (req: Request, res: Response, next: Next) => {
    const isTurnCallback = (req.url ?? '').startsWith('/connector/');
    if (this.draining && !isTurnCallback) {
      res.header('Connection', 'close');
      res.send(503, { code: 'ServiceUnavailable', message: 'The server is shutting down; retry shortly.' });
      return next(false);
    }
    this.count += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.count -= 1;
      if (this.count === 0) this.idle.splice(0).forEach((resolve) => resolve());
    };
    res.once('finish', finish);
    res.once('close', finish);
    return next();
  };

  get active(): number {
    return this.count;
  }

  /** Refuses new requests and resolves once those in flight have finished, or after `timeoutMs`. */
  drain(timeoutMs: number): Promise<'drained' | 'timed out'> {
    this.draining = true;
    if (this.count === 0) return Promise.resolve('drained');
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve('timed out'), timeoutMs);
      timer.unref();
      this.idle.push(() => {
        clearTimeout(timer);
        resolve('drained');
      });
    });
  }
}
