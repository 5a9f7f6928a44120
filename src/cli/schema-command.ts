import { z } from 'zod';
import { AssessmentSchema, CaseSchema } from '../clinical';
import type { CliIo } from './cli-io';

/** The public contracts as JSON Schema, generated from the zod schemas (committed under docs/). */
export function jsonSchemas(): { case: unknown; assessment: unknown } {
  return {
    case: z.toJSONSchema(CaseSchema, { io: 'input' }),
    assessment: z.toJSONSchema(AssessmentSchema, { io: 'output' }),
  };
}

export const schemaFileText = (schema: unknown): string => `${JSON.stringify(schema, null, 2)}\n`;

const USAGE = `Usage: alp-workup schema [case|assessment]

Prints the JSON Schema of the case (input) and of the assessment (output); both by default.
`;

export async function runSchemaCommand(
  argv: readonly string[],
  io: Pick<CliIo, 'stdout' | 'stderr'>,
): Promise<number> {
  const schemas = jsonSchemas();
  const [which, ...extra] = argv;
  if (extra.length > 0 || (which !== undefined && which !== 'case' && which !== 'assessment')) {
    io.stderr.write(`alp-workup schema: unknown argument ${extra[0] ?? which}\n${USAGE}`);
    return 2;
  }
  io.stdout.write(schemaFileText(which === undefined ? schemas : schemas[which]));
  return 0;
}
