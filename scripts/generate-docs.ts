import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesDocument } from '../src/clinical';
import { jsonSchemas, schemaFileText } from '../src/cli/schema-command';

/** Every generated document, by path from the repository root; tests compare these with the committed files. */
export function generatedDocs(): Record<string, string> {
  const schemas = jsonSchemas();
  return {
    'docs/clinical-rules.md': renderRulesDocument(),
    'docs/case.schema.json': schemaFileText(schemas.case),
    'docs/assessment.schema.json': schemaFileText(schemas.assessment),
  };
}

if (require.main === module) {
  const root = join(__dirname, '..', '..');
  for (const [path, text] of Object.entries(generatedDocs())) {
    writeFileSync(join(root, path), text);
    process.stdout.write(`wrote ${path}\n`);
  }
}
