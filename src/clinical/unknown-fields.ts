import { z } from 'zod';
import type { Problem } from './problem';

/** The field names an object schema knows at each level, with the schemas of its members. */
interface KnownFields {
  members: ReadonlyMap<string, KnownFields | undefined>;
  names: readonly string[];
}

function knownFieldsOf(schema: z.ZodType): KnownFields | undefined {
  if (schema instanceof z.ZodOptional) return knownFieldsOf(schema.unwrap() as z.ZodType);
  if (!(schema instanceof z.ZodObject)) return undefined;
  const shape = schema.shape as Record<string, z.ZodType>;
  return {
    members: new Map(Object.entries(shape).map(([name, member]) => [name, knownFieldsOf(member)])),
    names: Object.keys(shape),
  };
}

// Walking the zod shape on every check cost more than the parse itself; the tree is built once.
const knownFieldsBySchema = new WeakMap<z.ZodType, KnownFields | undefined>();

function knownFields(schema: z.ZodType): KnownFields | undefined {
  if (!knownFieldsBySchema.has(schema)) knownFieldsBySchema.set(schema, knownFieldsOf(schema));
  return knownFieldsBySchema.get(schema);
}

function collect(known: KnownFields, input: unknown, path: readonly string[], problems: Problem[]): void {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return;
  for (const key in input) {
    if (!Object.hasOwn(input, key)) continue;
    if (known.members.has(key)) {
      const member = known.members.get(key);
      if (member !== undefined)
        collect(member, (input as Record<string, unknown>)[key], [...path, key], problems);
      continue;
    }
    // An empty key still needs a visible name in the message's field.
    const field = [...path, key === '' ? '""' : key].join('.');
    const intended = known.names.find((name) => name.toLowerCase() === key.toLowerCase());
    const hint =
      intended === undefined ? `known fields here: ${known.names.join(', ')}` : `did you mean "${intended}"?`;
    problems.push({ field, message: `"${key}" is not a case field (${hint}).` });
  }
}

/**
 * Field names the schema does not know, at any depth. The schema alone would drop them silently,
 * and a clinician who typed "GGT" or "bilirubin" would see that value treated as unknown; naming
 * the field (and the likely intended one) is kinder.
 */
export function unknownFieldProblems(schema: z.ZodType, input: unknown): Problem[] {
  const known = knownFields(schema);
  const problems: Problem[] = [];
  if (known !== undefined) collect(known, input, [], problems);
  return problems;
}
