import { alpRaised, onProteasomeInhibitor, type Facts } from '../facts';
import { labAmount, ratio, signedPercent, times } from '../format';
import { R_CHOLESTATIC_AT_MOST, R_HEPATOCELLULAR_AT_LEAST } from '../r-ratio';
import type { Rule } from '../rule';

const over = (x: number | undefined, limit: number): boolean => x !== undefined && x > limit;

export const thirdTrimester = (f: Facts): boolean =>
  f.input.history?.pregnant === true && f.input.history.pregnancyTrimester === 3;
export const underEighteen = (f: Facts): boolean =>
  f.input.history?.ageYears !== undefined && f.input.history.ageYears < 18;
export const nonFasting = (f: Facts): boolean => f.input.history?.fasting === false;

const combined = (f: Facts): boolean =>
  [f.derived.altXUln, f.derived.astXUln, f.derived.bilirubinXUln].some((x) => over(x, 1));

export const PATTERN_RULES: readonly Rule[] = [
  {
    id: 'P-1',
    group: 'pattern',
    kind: 'interpretation',
    condition: 'ALP <= 1x ULN',
    applies: ({ derived: d }) => d.alpXUln !== undefined && d.alpXUln <= 1,
    detail: (f) => {
      const base = `ALP ${labAmount(f.labs.alp)} U/L is ${times(f.derived.alpXUln ?? 0)} ULN.`;
      const change = f.derived.alpChangePercent;
      return onProteasomeInhibitor(f) && change !== undefined
        ? `${base} Change from baseline on ${f.input.therapy?.agent}: ${signedPercent(change)}.`
        : base;
    },
    recommendation:
      'No ALP elevation: the ALP workup ends here (no origin branch, imaging or bone-targeted therapy drawn from the ALP); red flags are still checked on every value.',
    why: 'ALP within the reporting lab\'s ULN is not an abnormality. On a proteasome inhibitor the change from baseline is still reported, because the published associations with response are about the rise, not the absolute value. Changed in content 1.1.0 (decision 15): a normal ALP used to run the origin branches (a normal GGT gave "bone" and zoledronic acid).',
    seed: [],
    sources: ['acr2023'],
    evidence: 'guideline',
  },
  {
    id: 'P-2',
    group: 'pattern',
    kind: 'caution',
    condition:
      'ALP > 1x ULN and (pregnant in the third trimester, age < 18, or a non-fasting sample) and origin not shown to be hepatic; repeating fasting is advised for the non-fasting sample only',
    applies: (f) =>
      alpRaised(f) && f.origin !== 'liver' && (thirdTrimester(f) || underEighteen(f) || nonFasting(f)),
    detail: (f) =>
      [
        thirdTrimester(f) ? 'Third trimester of pregnancy: placental ALP is the physiological reading.' : '',
        underEighteen(f) ? 'Age under 18: bone growth raises ALP.' : '',
        nonFasting(f)
          ? 'Non-fasting sample (intestinal ALP after a fatty meal): repeat ALP on a fasting sample before a wider workup.'
          : '',
      ]
        .filter((s) => s !== '')
        .join(' '),
    recommendation: 'The rise may be physiological: read it against the cause named before a wider workup.',
    why: 'ACR 2023: ALP is physiologically higher in childhood (bone growth) and in pregnancy (placental production); the Beckman Coulter ALP reagent insert notes non-pathological third-trimester rises. After a high-fat meal, ALP rose by a mean 48-55 U/L at 3-6 h in blood group B/O secretors (Matsushita 2011), and intestinal ALP was found in 20% of group O adults, whose authors advise fasting samples (Korean J Lab Med 2004). Changed in content 1.1.0 (decision 12): the advice to repeat the sample fasting belongs to the non-fasting sample alone; it is no longer given to a pregnant patient or an adolescent.',
    seed: [],
    sources: ['acr2023', 'beckmanAlpInsert', 'matsushita2011', 'koreanJLabMed2004'],
    evidence: 'guideline',
  },
  {
    id: 'P-3',
    group: 'pattern',
    kind: 'interpretation',
    condition: 'ALP > 1x ULN with ALT, AST and total bilirubin all known and <= 1x ULN',
    applies: (f) => f.pattern === 'isolated',
    detail: (f) =>
      `ALP ${times(f.derived.alpXUln ?? 0)} ULN; ALT, AST and total bilirubin within their ULNs.`,
    recommendation:
      "Isolated ALP elevation: whether it comes from liver or bone is settled by GGT or 5'-nucleotidase (or ALP fractionation).",
    why: 'ACR 2023: when ALP is elevated in isolation, GGT or fractionated ALP helps to separate hepatic from non-hepatic causes. No guideline defines "isolated" numerically; ALP above and ALT, AST and bilirubin all within ULN is a team convention [NV]. Unknown values never count as normal, which is why all three must be known. The seed article\'s first step (S5) is the same question.',
    seed: ['S5'],
    sources: ['acr2023', 'teamConvention'],
    evidence: 'guideline',
  },
  {
    id: 'P-4',
    group: 'pattern',
    kind: 'interpretation',
    condition: `ALP > 1x ULN and any of ALT, AST, total bilirubin > 1x ULN: R = (ALT/ULN)/(ALP/ULN); R >= ${R_HEPATOCELLULAR_AT_LEAST} hepatocellular, R <= ${R_CHOLESTATIC_AT_MOST} cholestatic, otherwise mixed`,
    applies: (f) => alpRaised(f) && combined(f) && f.derived.rRatio !== undefined,
    detail: (f) => `R = ${ratio(f.derived.rRatio ?? 0)}: ${f.pattern} pattern.`,
    recommendation:
      'Combined liver-test abnormality: classified by the R ratio; the red-flag screen applies.',
    why: 'EASL DILI 2019 (after Bénichou 1990): hepatocellular R >= 5, cholestatic R <= 2, mixed in between; sources differ slightly at the boundaries and the team follows EASL. R assumes the ALP is hepatic: bone ALP lowers R and can make a hepatocellular injury look mixed or cholestatic (see P-6).',
    seed: ['S5'],
    sources: ['easl2019', 'benichou1990'],
    evidence: 'guideline',
  },
  {
    id: 'P-8',
    group: 'pattern',
    kind: 'caution',
    condition: 'ALP <= 1x ULN with ALT or AST > 1x ULN',
    applies: (f) =>
      f.derived.alpXUln !== undefined && f.derived.alpXUln <= 1 && f.pattern === 'hepatocellular',
    recommendation:
      'Raised aminotransferases with a normal ALP: a hepatocellular pattern, outside this ALP workup. Evaluate it as raised ALT/AST (ACG 2017); the red-flag rules still apply.',
    why: 'ACG 2017 defines a hepatocellular pattern as a disproportionate rise of ALT and AST over ALP. The R ratio is not used when ALP is within its ULN, because a normal ALP can make R fall in the "cholestatic" range without any cholestasis. The clinical reference behind this bot covers the ALP workup only, so the engine does not go further here.',
    seed: [],
    sources: ['kwo2017'],
    evidence: 'guideline',
  },
  {
    id: 'P-9',
    group: 'pattern',
    kind: 'caution',
    condition: 'ALP <= 1x ULN and GGT > 1x ULN',
    applies: (f) => f.derived.alpXUln !== undefined && f.derived.alpXUln <= 1 && over(f.derived.ggtXUln, 1),
    detail: (f) => `GGT ${times(f.derived.ggtXUln ?? 0)} ULN with a normal ALP.`,
    recommendation:
      'A raised GGT with a normal ALP is outside this ALP workup: its usual causes are alcohol, enzyme-inducing drugs and fatty liver. No hepatic branch is started from it; the red-flag rules still apply.',
    why: 'GGT is raised by alcohol, enzyme-inducing drugs (phenytoin, phenobarbital) and obesity without an ALP rise (hepatitiscentral, a secondary education page); ACR 2023 warns that GGT is not used in isolation. The clinical reference covers the ALP workup only; naming these causes rather than a pathway is the team reading of decision 15 [NV]. New in content 1.1.0 (decision 15): an isolated GGT with a normal ALP used to start the hepatic branch and an ultrasound.',
    seed: [],
    sources: ['hepatitisCentral', 'acr2023'],
    evidence: 'expert-convention',
  },
  {
    id: 'P-6',
    group: 'pattern',
    kind: 'caution',
    condition: 'Pattern cholestatic or mixed and the origin of the ALP not shown to be hepatic',
    applies: (f) => (f.pattern === 'cholestatic' || f.pattern === 'mixed') && f.origin !== 'liver',
    recommendation:
      "Do not call this cholestatic drug-induced liver injury yet: confirm that the ALP is hepatic (GGT, 5'-nucleotidase or fractionation) first.",
    why: 'R assumes a hepatic ALP. In myeloma, bone ALP (osteoblast activation on a proteasome inhibitor, a healing fracture) lowers R and can make the pattern look cholestatic or mixed. Aithal 2011 qualifies its ALP criterion with "in the absence of known bone pathology" (thresholds read second-hand [P]). Requiring hepatic origin first is a team design rule [NV]; the seed article (S9) goes straight from "cholestatic" to biliary imaging.',
    seed: ['S9'],
    sources: ['easl2019', 'aithal2011', 'teamConvention'],
    evidence: 'expert-convention',
  },
  {
    id: 'P-5',
    group: 'pattern',
    kind: 'next-step',
    condition: 'Total bilirubin > 1x ULN and direct bilirubin not known',
    applies: (f) => over(f.derived.bilirubinXUln, 1) && f.labs.bilirubinDirect === undefined,
    recommendation: 'Fractionate the bilirubin (direct and indirect).',
    why: 'ACG 2017: "Elevated total serum bilirubin levels should be fractionated to direct and indirect bilirubin." A raised direct fraction points to hepatobiliary disease (S7); an indirect one to haemolysis or Gilbert syndrome.',
    seed: ['S7'],
    sources: ['kwo2017'],
    evidence: 'guideline',
  },
  {
    id: 'P-7',
    group: 'pattern',
    kind: 'next-step',
    condition:
      'ALP > 1x ULN and the pattern undetermined (ALT, AST or total bilirubin, or their ULNs, not known)',
    applies: (f) => alpRaised(f) && f.pattern === 'undetermined',
    recommendation:
      'Measure ALT, AST and total bilirubin (each with its ULN): they decide whether the ALP rise is isolated or part of a liver injury, and feed the red-flag screen.',
    why: 'The first step of the workup is whether the ALP elevation is isolated or accompanied by other liver-test abnormalities (ACR 2023; seed S5). An unknown value is never treated as normal.',
    seed: ['S5'],
    sources: ['acr2023', 'kwo2017'],
    evidence: 'guideline',
  },
];
