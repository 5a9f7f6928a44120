import type { RequestHandler, Server } from 'restify';
import type { Config } from '../../config/load-config';
import type { AuditLog } from '../../storage';
import type { Logger } from '../logger';
import { LAUNCH_PATH } from '../smart';
import type { Link } from './cds-hooks-schema';
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

/**
 * The card's link to the chat. With SMART launch configured it is a CDS Hooks `smart` link to
 * `/launch`: the EHR launches it with its `iss` and `launch`, and the chat opens with the
 * patient's record ready to import. Otherwise the plain chat page.
 */
function chatLink(config: Config): Link | undefined {
  if (config.publicBaseUrl === undefined) return undefined;
  return Object.keys(config.smart.clients).length > 0
    ? {
        label: 'Open the ALP workup with this record',
        url: `${config.publicBaseUrl}${LAUNCH_PATH}`,
        type: 'smart',
      }
    : { label: 'Open the ALP workup chat', url: `${config.publicBaseUrl}/`, type: 'absolute' };
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
      chatLink: chatLink(config),
      checkClient: clientCheck(wiring),
    },
    wiring.logger,
    wiring.guards,
  );
}
