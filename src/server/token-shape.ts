import { z } from 'zod';

/** botbuilder's AuthenticationConstants.AllowedSigningAlgorithms. */
const ALLOWED_ALGORITHMS = new Set(['RS256', 'RS384', 'RS512']);
/** botbuilder's clock tolerance for exp and nbf. */
const CLOCK_TOLERANCE_SECONDS = 5 * 60;

const HeaderSchema = z.looseObject({ alg: z.string(), kid: z.string().min(1) });
const PayloadSchema = z.looseObject({
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
});

function decodePart(part: string | undefined): unknown {
  if (part === undefined || !/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Why an Authorization header cannot carry a channel token for this bot, judged without the
 * signing keys: so a forged or malformed token gets its 401 even while Microsoft's key endpoint
 * is unreachable. Undefined when only the signature (the keys) can tell.
 */
export function tokenShapeProblem(authHeader: string, appId: string, nowSeconds: number): string | undefined {
  const match = /^Bearer ([^.\s]+)\.([^.\s]+)\.([^.\s]+)$/.exec(authHeader);
  if (match === null) return 'no bearer JWT';
  const header = HeaderSchema.safeParse(decodePart(match[1]));
  if (!header.success) return 'the token header is not a signed JWT header with a key id';
  if (!ALLOWED_ALGORITHMS.has(header.data.alg))
    return `the token is signed with ${header.data.alg}, not RS256/384/512`;
  const payload = PayloadSchema.safeParse(decodePart(match[2]));
  if (!payload.success) return 'the token names no audience or expiry';
  const audiences = Array.isArray(payload.data.aud) ? payload.data.aud : [payload.data.aud];
  if (!audiences.includes(appId)) return 'the token is for another bot';
  if (payload.data.exp + CLOCK_TOLERANCE_SECONDS < nowSeconds) return 'the token has expired';
  return undefined;
}
