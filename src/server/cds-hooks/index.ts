import type { RequestHandler, Server } from 'restify';
import type { Config } from '../../config/load-config';
import type { AuditLog } from '../../storage';
import type { Logger } from '../logger';
import { registerCdsHooksRoutes } from './cds-hooks-routes';
import { loopbackOnly, noClientConfigured, type CdsClientCheck } from './client-auth';
import { createJwtClientCheck } from './jwt-client-check';

export const CDS_HOOKS_PATH_PREFIX = '/cds-services';
export const CDS_HOOKS_MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface CdsHooksWiring {
  config: Config;
  audit: AuditLog;
  now: () => Date;
  /** This server's base URL as configured or as it listens: the JWT audience when PUBLIC_BASE_URL is unset. */
  ownBaseUrl: () => string;
  logger: Logger;
  guards: RequestHandler[];
}

/** Who may call: the configured CDS clients by signed JWT; without any, loopback in local mode and nobody in production. */
function clientCheck(wiring: CdsHooksWiring): CdsClientCheck {
  const { config } = wiring;
  const clients = config.cdsHooks.clients;
  if (clients !== undefined) {
    // Tokens are checked against the real clock, whatever clock the record's look-back window uses.
    return createJwtClientCheck({ ...clients, audienceBase: wiring.ownBaseUrl });
  }
  return config.mode === 'local' ? loopbackOnly : noClientConfigured;
}

export function registerCdsHooks(server: Server, wiring: CdsHooksWiring): void {
  const { config } = wiring;
  registerCdsHooksRoutes(
    server,
    {
      audit: wiring.audit,
      now: wiring.now,
      lookbackDays: config.cdsHooks.lookbackDays,
      fhirTimeoutMs: config.cdsHooks.fhirTimeoutMs,
      chatUrl: config.publicBaseUrl === undefined ? undefined : `${config.publicBaseUrl}/`,
      checkClient: clientCheck(wiring),
    },
    wiring.logger,
    wiring.guards,
  );
}
