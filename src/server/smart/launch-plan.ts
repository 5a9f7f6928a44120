import { PREFETCH } from '../cds-hooks/discovery';
import type { SmartConfiguration } from './smart-configuration';

/** The resources the page reads, each with the least access that reads it. */
const RESOURCES = [
  { type: 'Patient', v2: 'r' },
  { type: 'Observation', v2: 'rs' },
  { type: 'Condition', v2: 'rs' },
  { type: 'MedicationRequest', v2: 'rs' },
  { type: 'MedicationStatement', v2: 'rs' },
] as const;

export type ScopeStyle = 'v2' | 'v1';
export type LaunchKind = 'ehr' | 'standalone';

/**
 * SMART v2 scopes (`.rs`) unless the server says it knows only v1 (`.read`): its capabilities
 * name permission-v1 without permission-v2, or the scopes it lists are all v1 style.
 */
export function scopeStyle(configuration: SmartConfiguration): ScopeStyle {
  const capabilities = configuration.capabilities ?? [];
  if (capabilities.includes('permission-v2')) return 'v2';
  if (capabilities.includes('permission-v1')) return 'v1';
  const resourceScopes = (configuration.scopes_supported ?? []).filter((scope) =>
    /^(patient|user|system)\//.test(scope),
  );
  const v1Only =
    resourceScopes.length > 0 && resourceScopes.every((scope) => /\.(read|write|\*)$/.test(scope));
  return v1Only ? 'v1' : 'v2';
}

/** `launch` hands over the EHR's context; a standalone launch asks the server to have a patient picked. */
export function scopesFor(style: ScopeStyle, kind: LaunchKind): string {
  const resources = RESOURCES.map(({ type, v2 }) => `patient/${type}.${style === 'v2' ? v2 : 'read'}`);
  return [kind === 'ehr' ? 'launch' : 'launch/patient', 'openid', 'fhirUser', ...resources].join(' ');
}

/**
 * The searches the page runs with the patient's id: the CDS Hooks service's own prefetch templates,
 * one home for the LOINC codes, so an import carries the same facts as a CDS Hooks call. Each
 * template starts with its resource type, which is how the page matches it to the granted scopes. A server may ignore `_revinclude`, so, as the CDS Hooks service
 * does, the page then asks for the panels of the results that carry no date of their own
 * (`{{references}}`: their `Observation/<id>`, comma-separated): only the panel is dated.
 */
export const RECORD_QUERIES = {
  patient: PREFETCH.patient,
  observations: PREFETCH.observations,
  panels: 'Observation?patient=Patient/{{context.patientId}}&has-member={{references}}',
  conditions: PREFETCH.conditions,
  medicationRequests: PREFETCH.medicationRequests,
  medicationStatements: PREFETCH.medicationStatements,
} as const;

export interface LaunchPlan {
  iss: string;
  clientId: string;
  scope: string;
  redirectUri: string;
  lookbackDays: number;
  /** Templates with `{{context.patientId}}`, relative to `iss`. */
  queries: typeof RECORD_QUERIES;
}

export type PlanResult = { ok: true; plan: LaunchPlan } | { ok: false; message: string };

/** Pure: what the page needs to authorize at this server, or why it cannot (PKCE S256 is required of a SMART 2.0 server). */
export function launchPlan(input: {
  iss: string;
  clientId: string;
  configuration: SmartConfiguration;
  kind: LaunchKind;
  redirectUri: string;
  lookbackDays: number;
}): PlanResult {
  const methods = input.configuration.code_challenge_methods_supported ?? [];
  if (!methods.includes('S256')) {
    return {
      ok: false,
      message: `The FHIR server ${input.iss} does not offer PKCE with S256 (code_challenge_methods_supported: ${methods.length === 0 ? 'none listed' : methods.join(', ')}), which SMART App Launch 2.0 requires; this app does not launch without it.`,
    };
  }
  return {
    ok: true,
    plan: {
      iss: input.iss,
      clientId: input.clientId,
      scope: scopesFor(scopeStyle(input.configuration), input.kind),
      redirectUri: input.redirectUri,
      lookbackDays: input.lookbackDays,
      queries: RECORD_QUERIES,
    },
  };
}
