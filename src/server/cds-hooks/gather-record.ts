import { z } from 'zod';
import type { CdsRequest } from './cds-hooks-schema';
import { fillTemplate, PREFETCH, PREFETCH_KEYS, type PrefetchKey } from './discovery';

/** Search pages followed per query: enough for a year of results sorted newest first, bounded against a runaway server. */
const MAX_PAGES = 5;

export type Gathered =
  | { ok: true; resources: unknown[]; queried: PrefetchKey[]; unavailable: PrefetchKey[] }
  | { ok: false; status: 412 | 502 | 504; message: string };

export interface GatherOptions {
  timeoutMs: number;
}

class FhirQueryError extends Error {
  constructor(
    readonly status: 502 | 504,
    message: string,
  ) {
    super(message);
  }
}

const PagedBundleSchema = z.looseObject({
  link: z.array(z.looseObject({ relation: z.string().optional(), url: z.string().optional() })).optional(),
  entry: z.array(z.looseObject({ resource: z.unknown().optional() })).optional(),
});

const UndatedObservationSchema = z.looseObject({
  resourceType: z.literal('Observation'),
  id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/),
  effectiveDateTime: z.unknown().optional(),
  effectivePeriod: z.unknown().optional(),
  effectiveInstant: z.unknown().optional(),
});

/** Results that carry no date of their own, by `Observation/<id>`: their date is on a panel or report. */
function undatedResults(pages: readonly unknown[]): string[] {
  return pages.flatMap((page) => {
    const bundle = PagedBundleSchema.safeParse(page);
    return (bundle.success ? (bundle.data.entry ?? []) : []).flatMap((entry) => {
      const observation = UndatedObservationSchema.safeParse(entry.resource);
      if (!observation.success) return [];
      const { id, effectiveDateTime, effectivePeriod, effectiveInstant } = observation.data;
      const dated = [effectiveDateTime, effectivePeriod, effectiveInstant].some((date) => date !== undefined);
      return dated ? [] : [`Observation/${id}`];
    });
  });
}

async function getJson(
  url: URL,
  request: CdsRequest,
  options: GatherOptions,
  what: string,
): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/fhir+json' };
  if (request.fhirAuthorization !== undefined)
    headers.authorization = `Bearer ${request.fhirAuthorization.access_token}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers,
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw new FhirQueryError(
        504,
        `The FHIR server did not answer the ${what} query within ${options.timeoutMs} ms.`,
      );
    }
    throw new FhirQueryError(
      502,
      `The FHIR server could not be reached for the ${what} query (${url.origin}).`,
    );
  }
  if (!response.ok) {
    throw new FhirQueryError(502, `The FHIR server answered ${response.status} to the ${what} query.`);
  }
  try {
    return await response.json();
  } catch {
    throw new FhirQueryError(502, `The FHIR server's answer to the ${what} query is not JSON.`);
  }
}

/** One search on the EHR's FHIR server, following `next` pages on the same server only (the bearer token goes nowhere else). */
async function search(
  path: string,
  what: string,
  request: CdsRequest,
  options: GatherOptions,
): Promise<unknown[]> {
  const base = (request.fhirServer ?? '').replace(/\/+$/, '');
  let url: URL | undefined = new URL(`${base}/${path}`);
  const pages: unknown[] = [];
  for (let page = 0; url !== undefined && page < MAX_PAGES; page += 1) {
    const body = await getJson(url, request, options, what);
    pages.push(body);
    const paged = PagedBundleSchema.safeParse(body);
    const next = paged.success ? paged.data.link?.find((link) => link.relation === 'next')?.url : undefined;
    url = undefined;
    if (next !== undefined) {
      const candidate = new URL(next, `${base}/`);
      if (candidate.origin === new URL(base).origin) url = candidate;
    }
  }
  return pages;
}

/**
 * A prefetch template queried on the FHIR server. For the observations, the panels and reports
 * holding results that have no date of their own are asked for as well: a server may ignore the
 * template's `_revinclude`, and without them those results cannot be placed in time.
 */
async function query(key: PrefetchKey, request: CdsRequest, options: GatherOptions): Promise<unknown[]> {
  const pages = await search(fillTemplate(PREFETCH[key], request.context.patientId), key, request, options);
  if (key !== 'observations') return pages;
  const undated = undatedResults(pages).slice(0, 100);
  if (undated.length === 0) return pages;
  const references = undated.join(',');
  const [panels, reports] = await Promise.all([
    search(`Observation?has-member=${references}`, 'panels', request, options),
    search(`DiagnosticReport?result=${references}`, 'reports', request, options),
  ]);
  return [...pages, ...panels, ...reports];
}

/**
 * The patient's record for one call: each prefetch key the EHR filled, and a query on its FHIR
 * server for each key it left out or set to null (CDS Hooks 2.0, "Prefetch"). Without
 * observations and without a server to ask there is nothing to assess: 412. A failing or slow
 * FHIR server fails the whole call rather than give a card built on part of the record.
 */
export async function gatherRecord(request: CdsRequest, options: GatherOptions): Promise<Gathered> {
  const resources: unknown[] = [];
  const toQuery: PrefetchKey[] = [];
  const unavailable: PrefetchKey[] = [];
  for (const key of PREFETCH_KEYS) {
    const value = request.prefetch?.[key];
    if (value !== undefined && value !== null) resources.push(value);
    else if (request.fhirServer !== undefined) toQuery.push(key);
    else unavailable.push(key);
  }
  if (unavailable.includes('observations')) {
    return {
      ok: false,
      status: 412,
      message: 'No laboratory Observations were prefetched and no fhirServer was given to query them.',
    };
  }
  try {
    const answers = await Promise.all(toQuery.map((key) => query(key, request, options)));
    resources.push(...answers.flat());
  } catch (error) {
    if (error instanceof FhirQueryError) return { ok: false, status: error.status, message: error.message };
    throw error;
  }
  return { ok: true, resources, queried: toQuery, unavailable };
}
