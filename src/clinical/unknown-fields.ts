import { z } from 'zod';
import type { Problem } from './problem';

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  if (schema instanceof z.ZodOptional) return objectShape(schema.unwrap() as z.ZodType);
  if (schema instanceof z.ZodObject) return schema.shape as Record<string, z.ZodType>;
  return undefined;
}

/**
 * Field names the schema does not know, at any depth. The schema alone would drop them silently,
 * and a clinician who typed "GGT" or "bilirubin" would see that value treated as unknown; naming
 * the field (and the likely intended one) is kinder.
 */
export function unknownFieldProblems(
  schema: z.ZodType,
  input: unknown,
  path: readonly string[] = [],
): Problem[] {
  const shape = objectShape(schema);
  if (shape === undefined || input === null || typeof input !== 'object' || Array.isArray(input)) return [];
  return Object.entries(input as Record<string, unknown>).flatMap(([key, value]) => {
    const child = shape[key];
    // An empty key still needs a visible name in the message's field.
    const field = [...path, key === '' ? '""' : key].join('.');
    if (child !== undefined) return unknownFieldProblems(child, value, [...path, key]);
    const intended = Object.keys(shape).find((known) => known.toLowerCase() === key.toLowerCase());
    const hint =
      intended === undefined
        ? `known fields here: ${Object.keys(shape).join(', ')}`
        : `did you mean "${intended}"?`;
    return [{ field, message: `"${key}" is not a case field (${hint}).` }];
  });
}
