import type { Assessment, CaseFieldPath, Finding, PartialCase, Symptom } from '../../src/clinical';
import { BIBLIOGRAPHY, FIELD_REGISTRY, LAB_FIELDS, SCALAR_FIELDS, valueAtPath } from '../../src/clinical';
import { findingsOf, gradeLine, originPhrase, unconfirmedRedFlags } from './assessment-lines';
import { DAY_MONTH_YEAR } from './date-formats';
import { fieldName } from './field-names';
import { capitalise, formatPercentChange, formatValue, joinProse } from './format';
import { PATTERN_LABELS, ULTRASOUND_LABELS } from './labels';
import { labRecord, scalarText } from './lab-text';

/** Every lab, in the case schema's order (the enzymes first); the baseline ALP rides along with the ALP. */
const RECORDED_LABS = LAB_FIELDS.filter((field) => field !== 'alpBaseline');

/** The measured numbers; those of the history and the treatment have lines of their own. */
const RECORDED_SCALARS = SCALAR_FIELDS.filter(
  (path) => !path.startsWith('history.') && !path.startsWith('therapy.'),
);

const baselineNote = (known: PartialCase, assessment: Assessment | undefined): string => {
  const baseline = known.alpBaseline;
  if (!baseline) return '';
  const change = assessment?.derived.alpChangePercent;
  const changeText = change === undefined ? '' : `, ${formatPercentChange(change)}`;
  return `; baseline ${formatValue(baseline.value)}${changeText}`;
};

const inputsLine = (known: PartialCase, assessment: Assessment | undefined): string => {
  const labs = RECORDED_LABS.flatMap((field) => {
    const lab = known[field];
    if (!lab) return [];
    const record = labRecord(field, lab);
    // The baseline goes inside the ALP's bracket: "ALP 180 U/L (ULN 120; 1.5x; baseline 100, +80%)".
    return [field === 'alp' ? record.replace(/\)$/, `${baselineNote(known, assessment)})`) : record];
  });
  const scalars = RECORDED_SCALARS.flatMap((path) => {
    const value = valueAtPath(known, path);
    return typeof value === 'number' ? [scalarText(path, value)] : [];
  });
  const all = [...labs, ...scalars];
  return all.length > 0 ? `Inputs: ${all.join('; ')}.` : 'Inputs: none entered.';
};

const symptomsLine = (known: PartialCase): string | undefined => {
  const symptoms = Object.entries(known.symptoms ?? {});
  if (symptoms.length === 0) return undefined;
  const present = symptoms
    .filter(([, value]) => value === true)
    .map(([key]) => FIELD_REGISTRY[`symptoms.${key as Symptom}`].name);
  return present.length > 0 ? `Symptoms: ${joinProse(present)}.` : 'Symptoms: none of the red-flag symptoms.';
};

const historyLine = (known: PartialCase): string | undefined => {
  const answers = Object.entries(known.history ?? {}).flatMap(([key, value]) => {
    const name = fieldName(`history.${key}`);
    if (typeof value === 'boolean') return [`${name}: ${value ? 'yes' : 'no'}`];
    return typeof value === 'number' ? [`${name}: ${formatValue(value)}`] : [];
  });
  const results = [
    ...(known.imaging?.ultrasound
      ? [`ultrasound: ${ULTRASOUND_LABELS[known.imaging.ultrasound].toLowerCase()}`]
      : []),
    ...(known.ama ? [`AMA ${known.ama}`] : []),
  ];
  const all = [...results, ...answers];
  return all.length > 0 ? `${capitalise(all.join('; '))}.` : undefined;
};

const AGENTS: Readonly<Record<string, string>> = {
  bortezomib: 'Bortezomib',
  carfilzomib: 'Carfilzomib',
  ixazomib: 'Ixazomib',
  other: 'Treatment without a proteasome inhibitor',
};

/** "Bortezomib week 6, with steroids." */
const therapyLine = (known: PartialCase): string | undefined => {
  const therapy = known.therapy;
  if (!therapy?.agent) return undefined;
  if (therapy.agent === 'none') return 'No current myeloma treatment.';
  const week = therapy.weeksOnTherapy === undefined ? '' : ` week ${formatValue(therapy.weeksOnTherapy)}`;
  const steroids =
    therapy.steroids === true ? ', with steroids' : therapy.steroids === false ? ', no steroids' : '';
  const vmp = therapy.melphalan === true ? ', VMP' : '';
  const newDrug = therapy.newDrug === true ? '; a drug started in the last 3 months' : '';
  return `${AGENTS[therapy.agent]}${week}${steroids}${vmp}${newDrug}.`;
};

/** A red flag not yet confirmed or excluded (R-03u) is written with the red flags, never as "No red flags". */
const redFlagsLine = (assessment: Assessment): string => {
  const flags = [...assessment.redFlags, ...unconfirmedRedFlags(assessment)];
  return flags.length === 0
    ? 'No red flags.'
    : `Red flags: ${flags.map((finding) => `${finding.text} (${finding.id})`).join(' ')}`;
};

const findingsLine = (title: string, findings: readonly Finding[], numbered = false): string | undefined => {
  if (findings.length === 0) return undefined;
  const texts = findings.map((finding, index) => (numbered ? `${index + 1}. ${finding.text}` : finding.text));
  return `${title}: ${texts.join(numbered ? '; ' : ' ')}`;
};

/** Full citations for every source the conclusions cite, each once, in order of first use. */
const sourcesLine = (assessment: Assessment): string | undefined => {
  const ids = [...assessment.redFlags, ...assessment.findings].flatMap((finding) =>
    finding.sources.map((s) => s.id),
  );
  const citations = [...new Set(ids)].map((id) => {
    const reference = id in BIBLIOGRAPHY ? BIBLIOGRAPHY[id as keyof typeof BIBLIOGRAPHY] : undefined;
    if (!reference) return id;
    const identifiers = [
      ...(reference.doi ? [`doi:${reference.doi}`] : []),
      ...(reference.pmid ? [`PMID ${reference.pmid}`] : []),
    ];
    return identifiers.length > 0 ? `${reference.citation} ${identifiers.join('; ')}` : reference.citation;
  });
  return citations.length > 0
    ? ['Sources:', ...citations.map((citation) => `- ${citation}`)].join('\n')
    : undefined;
};

/** The values that came from the patient's record (a SMART import) and still stand, with their dates. */
export interface RecordSources {
  readAt: string;
  fields: { path: CaseFieldPath; date: string }[];
}

const day = (iso: string): string =>
  DAY_MONTH_YEAR.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));

/** "From the record (read 1 Dec 2026 12:30 UTC): ALP of 28 Nov 2026, ...; the rest entered by the clinician." */
const recordLine = (sources: RecordSources | undefined): string | undefined => {
  if (sources === undefined) return undefined;
  if (sources.fields.length === 0)
    return 'All values entered by the clinician (none of the record import stands).';
  const read = `${day(sources.readAt)} ${sources.readAt.slice(11, 16)} UTC`;
  const fields = sources.fields.map(({ path, date }) =>
    date === sources.readAt ? fieldName(path) : `${fieldName(path)} of ${day(date)}`,
  );
  return `From the patient's record (read ${read}): ${fields.join('; ')}. Everything else entered by the clinician.`;
};

/** Wide enough for a record's text field, narrow enough for a Teams code block and a phone. */
export const CHART_NOTE_WIDTH = 80;

/**
 * One line of the note broken at spaces into lines of at most `CHART_NOTE_WIDTH` characters, the
 * continuation indented by two spaces so the logical lines stay apparent. A word longer than the
 * width (a DOI) keeps a line of its own rather than being cut.
 */
const wrapped = (line: string): string[] => {
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= CHART_NOTE_WIDTH || current.trim() === '') current = candidate;
    else {
      lines.push(current);
      current = `  ${word}`;
    }
  }
  lines.push(current);
  return lines;
};

/**
 * A plain-text note ready to paste into the record: inputs with units and x ULN, which came from
 * the patient's record and when, the context,
 * red flags, conclusions, plan and monitoring, full citations, the content version and the
 * disclaimer. Plain text on purpose: it must survive any EHR's paste. Hard-wrapped, so it reads
 * whole wherever it is shown (a Teams code block does not wrap).
 */
export const chartNote = (known: PartialCase, assessment: Assessment, fromRecord?: RecordSources): string => {
  const grade = gradeLine(assessment);
  const conclusion = [
    `Pattern: ${PATTERN_LABELS[assessment.pattern]}`,
    `origin: ${originPhrase(assessment)}`,
    ...(grade ? [grade] : []),
  ].join('; ');
  const lines = [
    `ALP workup (multiple myeloma), content ${assessment.contentVersion}`,
    inputsLine(known, assessment),
    recordLine(fromRecord),
    therapyLine(known),
    symptomsLine(known),
    historyLine(known),
    redFlagsLine(assessment),
    `${conclusion}.`,
    findingsLine('Interpretation', findingsOf(assessment, 'interpretation')),
    findingsLine(
      'Cautions',
      findingsOf(assessment, 'caution').filter(
        (finding) => !unconfirmedRedFlags(assessment).includes(finding),
      ),
    ),
    findingsLine('Plan', findingsOf(assessment, 'next-step'), true),
    findingsLine('Monitoring', findingsOf(assessment, 'monitoring')),
    sourcesLine(assessment),
    assessment.disclaimer,
  ];
  return lines
    .filter((line): line is string => line !== undefined)
    .flatMap((line) => line.split('\n'))
    .flatMap(wrapped)
    .join('\n');
};
