import type { Request, RequestHandler, Server } from 'restify';
import { z } from 'zod';
import type { SmartConfig } from '../../config/load-config';
import { normaliseIss } from '../../config/config-schema';
import { launchPlan } from './launch-plan';
import type { SmartDiscovery } from './smart-configuration';

export const LAUNCH_PATH = '/launch';

const LaunchQuerySchema = z.object({
  iss: z
    .string({ message: 'names no FHIR server (iss)' })
    .trim()
    .min(1, 'names no FHIR server (iss)')
    .max(2000, 'names a FHIR server URL over 2000 characters'),
  launch: z.string().trim().min(1).max(4000).optional(),
});

export interface SmartRouteDeps {
  smart: SmartConfig;
  discovery: SmartDiscovery;
  /** This server's own origin as the browser sees it: the redirect comes back here. */
  ownOrigin: (req: Request) => string;
  guards: RequestHandler[];
}

/**
 * The SMART launch's server side. The page itself (public/launch.html, public/smart-*.js) runs
 * the OAuth flow with fhirclient, and the access token stays in the browser: these routes only
 * say which FHIR servers may launch the app and how to authorize at each. Nothing here sees a
 * token or an authorization code.
 */
export function registerSmartRoutes(server: Server, deps: SmartRouteDeps): void {
  const { smart, discovery } = deps;

  server.get('/api/smart/servers', ...deps.guards, async (_req, res) => {
    res.header('Cache-Control', 'no-store');
    res.send(200, { servers: Object.keys(smart.clients).map((iss) => ({ iss, name: new URL(iss).host })) });
  });

  server.get('/api/smart/launch', ...deps.guards, async (req, res) => {
    res.header('Cache-Control', 'no-store');
    const query = LaunchQuerySchema.safeParse(req.query ?? {});
    if (!query.success) {
      res.send(400, {
        code: 'BadRequest',
        message: `The launch ${query.error.issues[0]?.message ?? 'is invalid'}.`,
      });
      return;
    }
    const iss = normaliseIss(query.data.iss);
    const clientId = smart.clients[iss];
    if (clientId === undefined) {
      const configured = Object.keys(smart.clients);
      res.send(403, {
        code: 'Forbidden',
        message:
          configured.length === 0
            ? `This launch names the FHIR server ${iss}, but no FHIR server is configured for launches here (SMART_ISS_ALLOWLIST is empty). Nothing was read.`
            : `This launch names the FHIR server ${iss}, which is not one this app is configured for (${configured.join(', ')}). Ask the administrator to add it to SMART_ISS_ALLOWLIST. Nothing was read.`,
      });
      return;
    }
    const discovered = await discovery.discover(iss);
    if (!discovered.ok) {
      res.send(502, {
        code: 'BadGateway',
        message: `The FHIR server's SMART configuration could not be read: ${discovered.message} Nothing was read; try the launch again later.`,
      });
      return;
    }
    const planned = launchPlan({
      iss,
      clientId,
      configuration: discovered.configuration,
      kind: query.data.launch === undefined ? 'standalone' : 'ehr',
      redirectUri: `${deps.ownOrigin(req)}/`,
      lookbackDays: smart.lookbackDays,
    });
    if (!planned.ok) {
      res.send(502, { code: 'BadGateway', message: planned.message });
      return;
    }
    res.send(200, planned.plan);
  });
}
