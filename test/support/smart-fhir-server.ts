import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Resource } from '@medplum/fhirtypes';
import { startFhirServer } from '../server/cds-hooks/support/medplum-fhir-server';
import type { SmartAuthorizationServer } from './smart-authorization-server';

export interface SmartFhirServer {
  /** The FHIR base URL, the `iss` of a launch. */
  url: string;
  origin: string;
  requests: { url: string; authorization: string | undefined }[];
  /** Makes every search for this resource type answer 500, as a failing server does. */
  failSearchesOf(resourceType: string | undefined): void;
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/fhir+json', ...headers });
  res.end(JSON.stringify(body));
};

const outcome = (diagnostics: string) => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code: 'security', diagnostics }],
});

/** Whether the grant covers this interaction: v1 `.read` covers both, v2 letters name read (r) and search (s). */
function scopeAllows(scopes: readonly string[], type: string, interaction: 'r' | 's'): boolean {
  return scopes.some((scope) => {
    const match = /^patient\/([A-Za-z*]+)\.(read|[cruds]+)$/.exec(scope);
    if (match === null || (match[1] !== type && match[1] !== '*')) return false;
    return match[2] === 'read' || (match[2] ?? '').includes(interaction);
  });
}

/**
 * The FHIR server of a SMART launch: Medplum's in-memory repository (real search semantics) behind
 * 127.0.0.1, publishing `/.well-known/smart-configuration` for the authorization server, and
 * answering only requests whose bearer token the authorization server issued, is still live, and
 * whose scopes and patient cover the request. CORS as a browser app needs it.
 */
export async function startSmartFhirServer(
  resources: readonly Resource[],
  auth: SmartAuthorizationServer,
  options: { scopeStyle?: 'v1' | 'v2' } = {},
): Promise<SmartFhirServer> {
  let failing: string | undefined;
  const respond = (req: IncomingMessage, res: ServerResponse): boolean => {
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-headers': 'authorization, accept, content-type',
      'access-control-allow-methods': 'GET',
    };
    for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://fhir.invalid');
    const path = url.pathname.replace(/^\/fhir\/?/, '');
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return true;
    }
    if (path === '.well-known/smart-configuration') {
      json(res, 200, auth.smartConfiguration(options));
      return true;
    }
    if (path === 'metadata') return false;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const checked = bearer === undefined ? undefined : auth.check(bearer);
    if (checked === undefined || !checked.ok) {
      json(res, 401, outcome(checked?.reason ?? 'no bearer token'), {
        'www-authenticate': `Bearer error="invalid_token"`,
      });
      return true;
    }
    const [type = '', id] = path.split('/');
    const interaction = id === undefined ? 's' : 'r';
    if (!scopeAllows(checked.token.scopes, type, interaction)) {
      json(res, 403, outcome(`scope does not cover ${type} ${interaction === 'r' ? 'read' : 'search'}`));
      return true;
    }
    const patient = checked.token.patient;
    const inCompartment =
      type === 'Patient' ? id === patient : url.searchParams.get('patient') === `Patient/${patient}`;
    if (!inCompartment) {
      json(res, 403, outcome(`outside the compartment of Patient/${patient}`));
      return true;
    }
    if (failing === type && interaction === 's') {
      json(res, 500, outcome('internal error'));
      return true;
    }
    return false;
  };
  const server = await startFhirServer(resources, respond);
  return {
    url: server.url,
    origin: new URL(server.url).origin,
    requests: server.requests,
    failSearchesOf: (resourceType) => {
      failing = resourceType;
    },
    close: server.close,
  };
}
