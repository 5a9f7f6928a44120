import type { Request } from 'restify';

/** The outcome of checking who made a CDS Hooks call: the client's name for the audit trail, or why it was refused. */
export type CdsClientResult = { ok: true; client: string } | { ok: false; reason: string };
export type CdsClientCheck = (req: Request) => Promise<CdsClientResult>;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Local mode without a configured CDS client: unsigned calls from this machine only, as for the bot. */
export const loopbackOnly: CdsClientCheck = async (req) => {
  const address = req.socket.remoteAddress ?? '';
  return LOOPBACK.has(address)
    ? { ok: true, client: 'loopback' }
    : { ok: false, reason: `unsigned call from ${address}, not loopback` };
};

/** No CDS client configured outside local mode: every call is refused, and the log says why. */
export const noClientConfigured: CdsClientCheck = async () => ({
  ok: false,
  reason:
    'no CDS client configured (set CDS_HOOKS_ISSUERS and CDS_HOOKS_JWKS_URL or CDS_HOOKS_JKU_ALLOWLIST)',
});
