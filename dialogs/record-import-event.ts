import { z } from 'zod';

/**
 * The event activity the web page sends after a SMART launch: the patient's resources as its FHIR
 * server returned them, read in the browser with the clinician's access token (which never comes
 * here). Checked at the edge with `safeParse`; each resource's own shape is the FHIR mapping's to
 * check (src/fhir), which names and skips what it cannot read.
 */
export const RECORD_IMPORT_EVENT = 'alp/import-record';

/** Far more than a year of one patient's lab results; a page sending more is not this page. */
export const MAX_IMPORTED_RESOURCES = 2000;

export const RecordImportEventSchema = z.object({
  /** The FHIR base URL the resources came from, for the reply and the chart note. */
  fhirServer: z.url({ protocol: /^https?$/, message: 'must be the http(s) URL of the FHIR server' }),
  /** How old a result may be and still count, as the server's SMART settings say. */
  lookbackDays: z.number().int().min(1).max(3650),
  resources: z
    .array(z.unknown())
    .min(1, 'holds no resources')
    .max(MAX_IMPORTED_RESOURCES, `holds more than ${MAX_IMPORTED_RESOURCES} resources`),
  /**
   * The resource types the page did not read because the authorization server granted fewer
   * scopes than it asked for (the token response's `scope`): the reply names them, so a fact
   * recorded only there is known to be unread rather than absent.
   */
  notGranted: z
    .array(z.string().regex(/^[A-Z][A-Za-z]{1,63}$/, 'must name FHIR resource types'))
    .max(20)
    .default([]),
});
export type RecordImportEvent = z.infer<typeof RecordImportEventSchema>;

export type ParsedImport = { ok: true; event: RecordImportEvent } | { ok: false; message: string };

export function parseRecordImport(value: unknown): ParsedImport {
  const parsed = RecordImportEventSchema.safeParse(value);
  if (parsed.success) return { ok: true, event: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'the import' : issue.path.join('.');
  return { ok: false, message: `${where}: ${issue?.message ?? 'invalid'}` };
}
