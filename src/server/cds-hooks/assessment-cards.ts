import { randomUUID } from 'node:crypto';
import {
  FIELD_INFO,
  RULES,
  type Assessment,
  type Finding,
  type LabField,
  type Problem,
  type ScalarField,
} from '../../clinical';
import { ANALYTES, LOINC_SYSTEM, mappingLines, type FhirCaseMapping, type MappedField } from '../../fhir';
import type { Card, Link } from './cds-hooks-schema';

export interface CardContext {
  patientId: string;
  /** The card's link to the chat (a SMART launch when configured); no link without a public base URL. */
  chatLink: Link | undefined;
  newId?: () => string;
}

/** Why a clinician may dismiss a card; the feedback's reason code is one of these. */
export const OVERRIDE_REASON_SYSTEM = 'https://alp-workup.invalid/cds-hooks/override-reason';
export const OVERRIDE_REASONS = [
  { system: OVERRIDE_REASON_SYSTEM, code: 'already-addressed', display: 'Already addressed' },
  { system: OVERRIDE_REASON_SYSTEM, code: 'not-applicable', display: 'Does not apply to this patient' },
  { system: OVERRIDE_REASON_SYSTEM, code: 'disagree', display: 'Disagree with the recommendation' },
] as const;

const SUMMARY_MAX = 139;
const MAX_SUGGESTIONS = 3;

const RECOMMENDATIONS = new Map(RULES.map((rule) => [rule.id, rule.recommendation]));
const LABELS: Readonly<Record<string, { label: string } | undefined>> = FIELD_INFO;

/** A summary must stay under 140 characters: cut at a word and say so with an ellipsis. */
function clip(text: string): string {
  if (text.length <= SUMMARY_MAX) return text;
  const cut = text.slice(0, SUMMARY_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SUMMARY_MAX / 2)).replace(/[\s,;:.]+$/, '')}…`;
}

const firstSentence = (text: string): string => /^.*?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;

const recommendationOf = (f: Finding): string => firstSentence(RECOMMENDATIONS.get(f.id) ?? f.text);

const fieldName = (path: string): string => {
  const uln = path.endsWith('.uln');
  const base = uln ? path.slice(0, -4) : path;
  const label = LABELS[base]?.label ?? base;
  return uln ? `${label} ULN` : label;
};

const sourceLinks = (f: Finding): string =>
  f.sources.map((s) => (s.url === undefined ? s.label : `[${s.label}](${s.url})`)).join('; ');

const list = (title: string, lines: readonly string[]): string =>
  lines.length === 0 ? '' : `**${title}**\n\n${lines.map((line) => `- ${line}`).join('\n')}\n`;

/** The markdown detail: sourced lines, the values used with their dates, what was not used, what is missing. */
function detailOf(a: Assessment, mapping: FhirCaseMapping): string {
  const record = mappingLines(mapping);
  const findingLine = (f: Finding) => `${f.text} (${f.id}; ${sourceLinks(f)})`;
  return [
    list('Red flags', a.redFlags.map(findingLine)),
    list('Findings', a.findings.map(findingLine)),
    list(`Values used (latest within ${mapping.lookbackDays} days)`, record.used),
    list('Not used', record.notUsed),
    list('Would change the conclusion if known', a.missing.map(fieldName)),
    list('From the record', record.context),
    `_${a.disclaimer}_ (content ${a.contentVersion})`,
  ]
    .filter((part) => part !== '')
    .join('\n');
}

const isMappedField = (path: string): path is MappedField => Object.hasOwn(ANALYTES, path);

const labelOf = (field: MappedField): string =>
  (FIELD_INFO as Record<LabField | ScalarField, { label: string }>)[field].label;
const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An order for each test that is missing and that a red flag or next step names ("Order GGT",
 * "check INR"): a draft ServiceRequest with its LOINC code that the EHR can take up. A test that
 * is merely unknown is not suggested; the detail lists those.
 */
function suggestionsOf(
  a: Assessment,
  patientId: string,
  newId: () => string,
): NonNullable<Card['suggestions']> {
  const advice = [...a.redFlags, ...a.findings.filter((f) => f.kind === 'next-step')]
    .map((f) => f.text)
    .join(' ');
  return a.missing
    .filter(isMappedField)
    .filter((field) => new RegExp(`(^|[^\\w'])${escaped(labelOf(field))}(?![\\w'])`, 'i').test(advice))
    .slice(0, MAX_SUGGESTIONS)
    .map((field) => {
      const analyte = ANALYTES[field];
      const label = labelOf(field);
      return {
        label: `Order ${label}`,
        uuid: newId(),
        actions: [
          {
            type: 'create' as const,
            description: `Order ${label} (LOINC ${analyte.loinc[0]})`,
            resource: {
              resourceType: 'ServiceRequest',
              status: 'draft',
              intent: 'proposal',
              category: [
                {
                  coding: [
                    { system: 'http://snomed.info/sct', code: '108252007', display: 'Laboratory procedure' },
                  ],
                },
              ],
              code: {
                coding: [{ system: LOINC_SYSTEM, code: analyte.loinc[0], display: analyte.display }],
                text: label,
              },
              subject: { reference: `Patient/${patientId}` },
            },
          },
        ],
      };
    });
}

const multiple = (a: Assessment): string =>
  a.derived.alpXUln === undefined ? 'ALP raised? ULN unknown' : `ALP ${a.derived.alpXUln}x ULN`;

/**
 * The card for one assessment, or none when the ALP is within its ULN and nothing is flagged.
 * `critical` for a red flag, `warning` for a raised ALP with a next step, `info` otherwise; the
 * source is the primary source of the finding the summary states.
 */
export function assessmentCards(a: Assessment, mapping: FhirCaseMapping, context: CardContext): Card[] {
  const alpNormal = a.derived.alpXUln !== undefined && a.derived.alpXUln <= 1;
  if (alpNormal && a.redFlags.length === 0) return [];
  const newId = context.newId ?? randomUUID;
  const nextStep = a.findings.find((f) => f.kind === 'next-step');
  const lead = a.redFlags[0] ?? nextStep ?? a.findings[0];
  const indicator: Card['indicator'] = a.urgent
    ? 'critical'
    : nextStep !== undefined && !alpNormal
      ? 'warning'
      : 'info';
  const summary = a.urgent
    ? clip(recommendationOf(a.redFlags[0] as Finding))
    : clip(`${multiple(a)}, ${a.pattern} pattern${lead === undefined ? '' : `: ${recommendationOf(lead)}`}`);
  const primary = lead?.sources[0];
  const suggestions = suggestionsOf(a, context.patientId, newId);
  return [
    {
      uuid: newId(),
      summary,
      indicator,
      source:
        primary === undefined
          ? { label: 'ALP workup bot clinical rules' }
          : { label: primary.label, ...(primary.url === undefined ? {} : { url: primary.url }) },
      detail: detailOf(a, mapping),
      ...(suggestions.length === 0 ? {} : { suggestions, selectionBehavior: 'any' as const }),
      overrideReasons: [...OVERRIDE_REASONS],
      ...(context.chatLink === undefined ? {} : { links: [context.chatLink] }),
    },
  ];
}

/**
 * A record whose ALP cannot be assessed as it stands (a unit we do not know, an implausible
 * value) still gets a card saying so: silence would read as "nothing to see". A record with no
 * recent ALP at all gets none.
 */
export function unassessableCards(
  problems: readonly Problem[],
  mapping: FhirCaseMapping,
  context: CardContext,
): Card[] {
  const alpOnRecord =
    mapping.refused.some((r) => r.field === 'alp') ||
    mapping.setAside.some((s) => s.reading.field === 'alp' && s.reason.startsWith('conflicts')) ||
    mapping.case.alp !== undefined;
  if (!alpOnRecord) return [];
  const record = mappingLines(mapping);
  const newId = context.newId ?? randomUUID;
  return [
    {
      uuid: newId(),
      summary: clip(`ALP on record but not assessable: ${problems[0]?.message ?? 'see detail'}`),
      indicator: 'info',
      source: { label: 'ALP workup bot clinical rules' },
      detail: [
        list(
          'Why it was not assessed',
          problems.map((p) => `${fieldName(p.field)}: ${p.message}`),
        ),
        list('Values used', record.used),
        list('Not used', record.notUsed),
      ]
        .filter((part) => part !== '')
        .join('\n'),
      ...(context.chatLink === undefined ? {} : { links: [context.chatLink] }),
    },
  ];
}
