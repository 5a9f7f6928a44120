import type { Next, Request, RequestHandler, Response } from 'restify';
import type { RateLimiter } from './rate-limiter';

/**
 * The client's address as seen by this server. Behind a reverse proxy every request comes from
 * the proxy, so with `trustProxy` the address the proxy appended to X-Forwarded-For is used;
 * without it the header is ignored, since any client can write it.
 */
export function clientAddress(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.header('x-forwarded-for', '');
    const last = forwarded.split(',').pop()?.trim();
    if (last !== undefined && last !== '') return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

/** Counts each request against `limiter` under the key `clientOf` gives it (an address, a conversation). */
export function rateLimit(limiter: RateLimiter, clientOf: (req: Request) => string): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    const client = clientOf(req);
    if (limiter.take(client)) return next();
    res.header('Retry-After', String(limiter.retryAfterSeconds(client)));
    res.send(429, { code: 'TooManyRequests', message: 'Too many requests from this address; retry later.' });
    return next(false);
  };
}

/**
 * Refuses the request bodies restify 11 reads around its body-size limit, before its body parser
 * sees them. It gunzips `Content-Encoding: gzip` without an error handler, so one corrupt gzip body
 * kills the process, and it counts compressed bytes, so a small gzip bomb inflates without bound.
 * It streams `multipart/form-data` file parts to the OS temp directory with no size limit and never
 * deletes them. Every route here takes JSON, and no Bot Framework channel or Web Chat compresses it.
 */
export function refuseUnboundedBodies(): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    const encoding = req.headers['content-encoding']?.trim().toLowerCase();
    const multipart = (req.headers['content-type'] ?? '').trim().toLowerCase().startsWith('multipart/');
    if ((encoding === undefined || encoding === 'identity') && !multipart) return next();
    res.send(415, {
      code: 'UnsupportedMediaType',
      message: 'Request bodies must be uncompressed JSON.',
    });
    return next(false);
  };
}

/**
 * Headers for every response. The page loads only its own script, style and Web Chat bundle;
 * Web Chat and Adaptive Cards set inline `style` attributes, so styles (never scripts) may be
 * inline. `frame-ancestors` lists the intranet pages allowed to embed the chat. `connectSources`
 * adds the origins the page may fetch from besides this one: the FHIR servers a SMART launch may
 * name and their authorization servers' token endpoints (the access token never passes through here).
 */
export function securityHeaders(
  frameAncestors: readonly string[],
  connectSources: () => readonly string[] = () => [],
): RequestHandler {
  const policyWith = (connect: readonly string[]) =>
    [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      ["connect-src 'self'", ...connect].join(' '),
      "media-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      `frame-ancestors ${frameAncestors.join(' ')}`,
    ].join('; ');
  return (_req: Request, res: Response, next: Next) => {
    res.header('Content-Security-Policy', policyWith(connectSources()));
    res.header('X-Content-Type-Options', 'nosniff');
    res.header('Referrer-Policy', 'no-referrer');
    res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    res.header('Cross-Origin-Resource-Policy', 'same-origin');
    // Tokens, transcripts and assessments must not stay in a browser's or a proxy's cache; the
    // page and its static assets set their own caching.
    res.header('Cache-Control', 'no-store');
    return next();
  };
}

/**
 * Local mode's `/api/messages` takes JSON only: a browser on any site may post a form or plain
 * text to 127.0.0.1 without asking (no CORS preflight), but never `application/json`.
 */
export function requireJsonBody(): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type === 'application/json') return next();
    res.send(415, { code: 'UnsupportedMediaType', message: 'This endpoint takes application/json only.' });
    return next(false);
  };
}

/**
 * Refuses a request a browser sent from another site's page. Bot Framework channels, the Agents
 * Playground's server and the terminal client send no `Origin`; this server's own page has its own.
 */
export function refuseForeignOrigin(ownOrigin: (req: Request) => string[]): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    const origin = req.headers.origin;
    if (origin === undefined || ownOrigin(req).includes(origin)) return next();
    res.send(403, { code: 'Forbidden', message: 'Requests from other sites are refused.' });
    return next(false);
  };
}

const LOOPBACK_HOST = /^(127(\.\d{1,3}){3}|\[::1\]|localhost)$/i;

/** A URL on this machine: where local mode may send replies (its own connector, the Agents Playground). */
export function isLoopbackUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOST.test(url.hostname);
  } catch {
    return false;
  }
}
