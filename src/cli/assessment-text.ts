import type { Assessment, Finding } from '../clinical';

const PATTERN_WORDS: Record<Assessment['pattern'], string> = {
  normal: 'ALP within the ULN',
  isolated: 'isolated ALP elevation',
  cholestatic: 'cholestatic',
  mixed: 'mixed',
  hepatocellular: 'hepatocellular',
  undetermined: 'undetermined',
};

const KIND_ORDER: Finding['kind'][] = ['interpretation', 'next-step', 'monitoring', 'caution'];
const KIND_TITLES: Record<Finding['kind'], string> = {
  'red-flag': 'Red flags',
  interpretation: 'Interpretation',
  'next-step': 'Next steps',
  monitoring: 'Monitoring',
  caution: 'Cautions',
};

const findingLine = (f: Finding): string =>
  `  - ${f.text}\n    [${f.id}] ${f.sources.map((s) => s.label).join('; ')} · ${f.evidence.replace('-', ' ')}`;

function numbersLine(a: Assessment): string {
  const d = a.derived;
  const parts = [
    d.alpXUln === undefined ? 'ALP multiple of ULN unknown (ULN needed)' : `ALP ${d.alpXUln}x ULN`,
    d.ctcaeGrade ? `${d.ctcaeGrade.version} grade ${d.ctcaeGrade.grade}` : '',
    d.alpChangePercent === undefined
      ? ''
      : `${d.alpChangePercent >= 0 ? '+' : ''}${d.alpChangePercent}% from baseline`,
    d.rRatio === undefined ? '' : `R ${d.rRatio}`,
  ];
  return parts.filter((p) => p !== '').join(' · ');
}

/** The assessment as a clinician reads it in a terminal: urgent items first, then by kind. */
export function assessmentText(a: Assessment): string {
  const lines = [`ALP workup (content v${a.contentVersion})`];
  if (a.urgent) {
    lines.push('', 'URGENT', ...a.redFlags.map(findingLine));
  } else {
    lines.push('', 'Red flags: none found in the data given.');
  }
  lines.push('', `Pattern: ${PATTERN_WORDS[a.pattern]} · Origin: ${a.origin}`, numbersLine(a));
  // The disclaimer closes the summary once; its rule (F-1) is not repeated among the cautions.
  const shown = a.findings.filter((f) => f.text !== a.disclaimer);
  for (const kind of KIND_ORDER) {
    const findings = shown.filter((f) => f.kind === kind);
    if (findings.length > 0) lines.push('', `${KIND_TITLES[kind]}:`, ...findings.map(findingLine));
  }
  if (a.missing.length > 0) lines.push('', `Would change the conclusion if known: ${a.missing.join(', ')}`);
  lines.push('', a.disclaimer, '');
  return lines.join('\n');
}
