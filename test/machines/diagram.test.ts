import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderWorkupDiagram } from '../../machines/diagram';
import { SESSION_DECISIONS } from '../../machines/session-decisions';
import { SESSION_EVENT_TYPES } from '../../machines/session-events';
import { sessionMachine } from '../../machines/session-machine';
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

  it('draws the session around the workup: every state, and every event of every state', () => {
    expect(rendered).toContain('[*] --> welcome');
    for (const state of Object.keys(sessionMachine.root.states)) {
      expect(rendered).toMatch(new RegExp(`^  ${state} : \\S`, 'm'));
      const drawn = rendered
        .split('\n')
        .filter((line) => line.startsWith(`  ${state} --> `) || line.startsWith(`| ${state} | `))
        .join('\n');
      for (const event of SESSION_EVENT_TYPES)
        expect({ state, event, drawn: drawn.includes(event) }).toEqual({ state, event, drawn: true });
    }
    for (const decision of Object.keys(SESSION_DECISIONS)) expect(rendered).toContain(`| ${decision} | `);
  });

  it('explains every guard it draws', () => {
    expect(rendered).not.toContain('undocumented');
  });

  it('keeps Mermaid statement separators out of the labels', () => {
    const diagrams = rendered
      .split('```mermaid')
      .slice(1)
      .map((block) => block.slice(0, block.indexOf('```')));
    expect(diagrams).toHaveLength(2);
    for (const diagram of diagrams) expect(diagram).not.toContain(';');
  });
});
