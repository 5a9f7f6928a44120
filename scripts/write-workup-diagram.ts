import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderWorkupDiagram } from '../machines';

/** Where the diagram lives, from the repository root; the diagram test compares it with the machine. */
export const WORKUP_DIAGRAM_PATH = 'docs/workup.md';

if (require.main === module) {
  // Compiled to dist/scripts/: the repository root is two levels up.
  writeFileSync(join(__dirname, '..', '..', WORKUP_DIAGRAM_PATH), renderWorkupDiagram());
  process.stdout.write(`wrote ${WORKUP_DIAGRAM_PATH}\n`);
}
