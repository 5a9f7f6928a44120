import { CaseSchema, SymptomsSchema, type Case } from './case-schema';

/**
 * Every answerable leaf of the case, as a dotted path. Lab results (`alp`, `ggt`, ...) are one
 * field each: their value, unit and ULN are answered together because they come from one report.
 */
export type CaseFieldPath = {
  [K in keyof Case & string]-?: NonNullable<Case[K]> extends { value: number }
    ? K
    : NonNullable<Case[K]> extends Record<string, unknown>
      ? `${K}.${keyof NonNullable<Case[K]> & string}`
      : K;
}[keyof Case & string];

interface SchemaNode {
  def: { type: string; innerType?: SchemaNode };
  shape?: Record<string, unknown>;
}

/** The case schema is the one list of fields: a lab is a leaf, a group (therapy, history, ...) is opened. */
function leafPathsOf(shape: Record<string, SchemaNode>): CaseFieldPath[] {
  return Object.entries(shape).flatMap(([key, node]) => {
    const members = (node.def.type === 'optional' ? node.def.innerType : node)?.shape;
    if (members === undefined || 'value' in members) return [key];
    return Object.keys(members).map((member) => `${key}.${member}`);
  }) as CaseFieldPath[];
}

/** In the case schema's order, which is the order a clinician reads a report in. */
export const CASE_FIELD_PATHS: readonly CaseFieldPath[] = leafPathsOf(
  CaseSchema.shape as unknown as Record<string, SchemaNode>,
);

/** The red-flag symptoms, in the schema's order: asked together as one checklist. */
export const SYMPTOMS = SymptomsSchema.keyof().options;
export type Symptom = (typeof SYMPTOMS)[number];
