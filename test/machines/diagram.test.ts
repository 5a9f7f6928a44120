import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderWorkupDiagram } from '../../machines/diagram';
import { STEP_IDS } from '../../machines/steps';
import { WORKUP_DIAGRAM_PATH } from '../../scripts/write-workup-diagram';

describe('the workup diagram', () => {
  const rendered = renderWorkupDiagram();

  it('is committed as generated from the current machine (run `npm run diagram` after a change)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', WORKUP_DIAGRAM_PATH), 'utf8');
    expect(committed).toBe(rendered);
  });

  it('draws every step and the way in', () => {
    expect(rendered).toContain('[*] --> alp');
    for (const step of STEP_IDS) expect(rendered).toMatch(new RegExp(`^  ${step} : \\S`, 'm'));
  });

  it('explains every guard it draws', () => {
    expect(rendered).not.toContain('undocumented');
  });

  it('keeps Mermaid statement separators out of the labels', () => {
    const diagram = rendered.slice(rendered.indexOf('```mermaid'), rendered.lastIndexOf('```'));
    expect(diagram).not.toContain(';');
  });
});
