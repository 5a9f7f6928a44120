import { z } from 'zod';

export const EVIDENCE_LEVELS = ['guideline', 'study', 'expert-convention', 'extrapolated'] as const;
export const FINDING_KINDS = ['red-flag', 'interpretation', 'next-step', 'monitoring', 'caution'] as const;
export const PATTERNS = [
  'normal',
  'isolated',
  'cholestatic',
  'mixed',
  'hepatocellular',
  'undetermined',
] as const;
export const ORIGINS = ['bone', 'liver', 'intestinal', 'placental', 'undetermined'] as const;

export const SourceRefSchema = z.object({
  id: z.string(),
  label: z.string(),
  url: z.string().optional(),
  /** The most this source supports when it is weaker than its finding (a web course: expert convention). */
  evidence: z.enum(EVIDENCE_LEVELS).optional(),
});

export const FindingSchema = z.object({
  /** The rule id from the rule table (e.g. "R-01", "B-1"). */
  id: z.string(),
  kind: z.enum(FINDING_KINDS),
  text: z.string(),
  why: z.string(),
  seed: z.array(z.string()),
  sources: z.array(SourceRefSchema),
  evidence: z.enum(EVIDENCE_LEVELS),
});

export const CtcaeGradeSchema = z.object({
  version: z.literal('CTCAE v5.0'),
  grade: z.number().int().min(0).max(4),
  basis: z.enum(['uln', 'baseline']),
});

export const DerivedSchema = z.object({
  /** Absent when the reporting lab's ULN for ALP is not known: the engine never assumes one. */
  alpXUln: z.number().optional(),
  altXUln: z.number().optional(),
  astXUln: z.number().optional(),
  bilirubinXUln: z.number().optional(),
  ggtXUln: z.number().optional(),
  nucleotidase5XUln: z.number().optional(),
  bilirubinDirectXUln: z.number().optional(),
  boneSpecificAlpXUln: z.number().optional(),
  rRatio: z.number().optional(),
  alpBaselineXUln: z.number().optional(),
  alpXBaseline: z.number().optional(),
  /** ALP minus baseline ALP, U/L (the carfilzomib rule reads an absolute rise). */
  alpRiseUL: z.number().optional(),
  alpChangePercent: z.number().optional(),
  /** Albumin-corrected calcium: only when albumin is known. */
  correctedCalciumMmolL: z.number().optional(),
  correctedCalciumMgDl: z.number().optional(),
  /** Calcium as measured, when no albumin is known to correct it (decision 17). */
  uncorrectedCalciumMmolL: z.number().optional(),
  uncorrectedCalciumMgDl: z.number().optional(),
  ctcaeGrade: CtcaeGradeSchema.optional(),
});

export const AssessmentSchema = z.object({
  pattern: z.enum(PATTERNS),
  origin: z.enum(ORIGINS),
  urgent: z.boolean(),
  derived: DerivedSchema,
  redFlags: z.array(FindingSchema),
  findings: z.array(FindingSchema),
  /** Case field paths whose value would change the conclusion, most useful first (e.g. "ggt", "symptoms.fever"). */
  missing: z.array(z.string()),
  contentVersion: z.string(),
  disclaimer: z.string(),
});

export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

/** How each evidence level reads in a sentence, in the rules document and the conversation alike. */
export const EVIDENCE_WORDS: Readonly<Record<EvidenceLevel, string>> = {
  guideline: 'guideline',
  study: 'study',
  'expert-convention': 'expert convention',
  extrapolated: 'extrapolated',
};
export type FindingKind = (typeof FINDING_KINDS)[number];
export type Pattern = (typeof PATTERNS)[number];
export type Origin = (typeof ORIGINS)[number];
export type SourceRef = z.infer<typeof SourceRefSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type Derived = z.infer<typeof DerivedSchema>;
export type Assessment = z.infer<typeof AssessmentSchema>;
