import { BIBLIOGRAPHY, type SourceKey } from './bibliography';
import type { PartialCase } from './case-schema';
import { valueAtPath } from './value-at';

/**
 * A red flag that the ticked symptoms point to but that values not yet given decide: jaundice with
 * confusion is acute liver failure once the INR is 1.5 or more. The red-flag rules fire only
 * on the deciding values; this says at once, when the symptoms are ticked, what is suspected and
 * what is needed now to confirm or exclude it (decision 4: red flags first).
 */
export interface RedFlagSuspicion {
  /** The red-flag rule the missing values would decide. */
  ruleId: string;
  /** "acute liver failure" */
  suspected: string;
  /** "jaundice with confusion" */
  because: string;
  /** Case paths still unknown that decide it, most decisive first. */
  needed: string[];
  /** The source of the red-flag rule, as its short label. */
  source: string;
}

interface SuspicionRule {
  ruleId: string;
  suspected: string;
  because: string;
  applies: (symptoms: NonNullable<PartialCase['symptoms']>) => boolean;
  decidedBy: readonly string[];
  source: SourceKey;
}

/** Most urgent first, as the engine orders its red flags. */
const SUSPICIONS: readonly SuspicionRule[] = [
  {
    ruleId: 'R-03',
    suspected: 'acute liver failure',
    because: 'jaundice with confusion',
    applies: (s) => s.jaundice === true && s.confusion === true,
    decidedBy: ['inr'],
    source: 'alfDefinition',
  },
  {
    ruleId: 'R-02',
    suspected: 'acute cholangitis',
    because: 'fever with jaundice or right upper quadrant pain',
    applies: (s) => s.fever === true && (s.jaundice === true || s.rightUpperQuadrantPain === true),
    decidedBy: ['wbc', 'crp', 'bilirubinTotal', 'inr'],
    source: 'tg18',
  },
  {
    ruleId: 'R-03',
    suspected: 'acute liver failure (or hypercalcaemia)',
    because: 'confusion',
    applies: (s) => s.confusion === true && s.jaundice !== true,
    decidedBy: ['inr', 'calcium', 'albumin'],
    source: 'alfDefinition',
  },
  {
    ruleId: 'R-07',
    suspected: 'liver failure with jaundice',
    because: 'jaundice',
    applies: (s) => s.jaundice === true && s.confusion !== true && s.fever !== true,
    decidedBy: ['inr', 'bilirubinTotal'],
    source: 'alfDefinition',
  },
];

const unknown = (c: PartialCase, path: string): boolean => valueAtPath(c, path) === undefined;

/** The red flags the ticked symptoms point to whose deciding values are still missing. */
export function redFlagSuspicions(c: PartialCase): RedFlagSuspicion[] {
  const symptoms = c.symptoms ?? {};
  return SUSPICIONS.flatMap((rule) => {
    if (!rule.applies(symptoms)) return [];
    const needed = rule.decidedBy.filter((path) => unknown(c, path));
    if (needed.length === 0) return [];
    return [
      {
        ruleId: rule.ruleId,
        suspected: rule.suspected,
        because: rule.because,
        needed,
        source: BIBLIOGRAPHY[rule.source].label,
      },
    ];
  });
}
