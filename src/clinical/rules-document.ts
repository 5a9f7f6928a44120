import { EVIDENCE_WORDS } from './assessment-schema';
import { BIBLIOGRAPHY, sourceUrl, type SourceKey } from './bibliography';
import { CONTENT_VERSION, DISCLAIMER } from './content';
import { FIELD_INFO, LAB_FIELDS, SCALAR_FIELDS } from './field-info';
import { SEED_IDS, type Rule, type RuleGroup } from './rule';
import { RULES } from './rules';

const GROUP_TITLES: Record<RuleGroup, string> = {
  'red-flag': 'Red flags (evaluated first, on every assessment)',
  units: 'Units and ULN',
  pattern: 'Pattern',
  severity: 'Severity',
  origin: 'Origin: liver or bone',
  hepatic: 'Hepatic branch',
  bone: 'Bone branch and proteasome inhibitors',
  baseline: 'Baseline-relative rules',
  monitoring: 'Monitoring',
  framing: 'Framing',
};

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function sourceList(keys: readonly SourceKey[]): string {
  return keys.map((key) => `${BIBLIOGRAPHY[key].label} [${key}]`).join('; ');
}

function ruleSection(rule: Rule): string {
  return [
    `### ${rule.id} (${rule.kind})`,
    '',
    `- **Condition:** ${rule.condition}`,
    `- **Recommendation:** ${rule.recommendation}`,
    `- **Why:** ${rule.why}`,
    `- **Seed:** ${rule.seed.length > 0 ? rule.seed.join(', ') : '-'}`,
    `- **Sources:** ${sourceList(rule.sources)}`,
    `- **Evidence:** ${EVIDENCE_WORDS[rule.evidence]}`,
    '',
  ].join('\n');
}

function seedCoverage(): string {
  const rows = SEED_IDS.map((seed) => {
    const implementing = RULES.filter((rule) => rule.seed.includes(seed)).map((rule) => rule.id);
    return `| ${seed} | ${implementing.join(', ')} |`;
  });
  return ['| Seed | Rules |', '|---|---|', ...rows, ''].join('\n');
}

function plausibleRanges(): string {
  const rows = [...LAB_FIELDS, ...SCALAR_FIELDS].map((field) => {
    const info = FIELD_INFO[field];
    const low = `${info.minExclusive ? '>' : '>='} ${info.min}`;
    const units = info.units.length > 0 ? info.units.join(', ') : '(none)';
    const uln = info.ulnRange === undefined ? '-' : `${info.ulnRange.min} to ${info.ulnRange.max}`;
    return `| ${field} | ${cell(info.label)} | ${units} | ${info.canonicalUnit || '-'} | ${low}, <= ${info.max} | ${uln} |`;
  });
  return [
    '| Field | Label | Accepted units | Canonical unit | Plausible value (canonical) | Plausible ULN (canonical) |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function bibliography(): string {
  const keys = Object.keys(BIBLIOGRAPHY) as SourceKey[];
  return keys
    .map((key) => {
      const ref = BIBLIOGRAPHY[key];
      const ids = [ref.doi ? `doi:${ref.doi}` : '', ref.pmid ? `PMID ${ref.pmid}` : '']
        .filter((s) => s !== '')
        .join(', ');
      const url = sourceUrl(ref);
      const link = url === undefined ? '' : ` <${url}>`;
      return `- **${key}** (${ref.label}; citation [${ref.tag}]): ${ref.citation}${ids ? ` ${ids}.` : ''}${link}`;
    })
    .join('\n');
}

/** docs/clinical-rules.md: the rule table as a clinical reviewer signs it, generated from the rules themselves. */
export function renderRulesDocument(): string {
  const groups = [...new Set(RULES.map((rule) => rule.group))];
  const sections = groups.map((group) =>
    [`## ${GROUP_TITLES[group]}`, '', ...RULES.filter((rule) => rule.group === group).map(ruleSection)].join(
      '\n',
    ),
  );
  return [
    '# Clinical rules of the ALP workup engine',
    '',
    `Generated from \`src/clinical/rules\` by \`npm run docs\`; do not edit by hand (a test keeps it in sync). Content version ${CONTENT_VERSION}.`,
    '',
    DISCLAIMER,
    '',
    '## How the rules are applied',
    '',
    '- Every lab is converted to its canonical unit first (U/L, mg/dL); multiples of ULN use the reporting lab\'s own ULN, which is never assumed. An ALP without its ULN leaves the pattern "undetermined", no multiple or grade is computed, rule U-3 asks for the ULN and `missing` lists `alp.uln` first. Red flags still fire on the values that are known.',
    '- Red flags (R-rules) are evaluated first and on every assessment; any red flag makes the assessment `urgent`.',
    '- An absent field means "not known", never "normal": "isolated" needs ALT, AST and total bilirubin all known and within their ULNs.',
    '- The origin stays "undetermined" until isoenzymes, heat inactivation, GGT/5\'-nucleotidase, bone-specific ALP or a clear physiological cause (third trimester, age under 18) establish it. GGT raised with alcohol or enzyme-inducing drugs does not count.',
    '- Evidence levels: **guideline** (a guideline or standard, read [V]), **study** (a primary study), **expert convention** (team convention or second-hand/unverified claims, [P]/[NV], said so in the "why"), **extrapolated** (from another context, e.g. checkpoint-inhibitor drug-development guidance).',
    '- A rule\'s "Seed" lists the statements of the seed article it implements (S1-S22, F1), corrected where the primary sources differ; the "why" says where.',
    '',
    ...sections,
    '## Seed statements and the rules implementing them',
    '',
    seedCoverage(),
    '## Accepted units and plausible ranges',
    '',
    'Values outside these ranges, negative values, non-numbers, unknown units, unknown field names and a ULN of zero or less are refused with a message naming the field. The plausible-ULN range catches a ULN typed in another unit than its value (team convention, generous bounds).',
    '',
    plausibleRanges(),
    '## Bibliography',
    '',
    bibliography(),
    '',
  ].join('\n');
}
