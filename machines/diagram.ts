import type { AnyStateNode } from 'xstate';
import { renderSessionDiagram } from './session-diagram';
import { QUESTION_STEP_IDS, STEP_FIELDS } from './steps';
import { workupMachine } from './workup-machine';

/** Events available from every state; drawn as a table, since as arrows they would hide the flow. */
const NAVIGATION_EVENTS = ['BACK', 'EDIT', 'RESTART', 'IMPORT_RECORD'];

/** What each guard means, for a clinician reading the diagram. */
const GUARD_MEANINGS: Readonly<Record<string, string>> = {
  isAcceptableAnswer: 'the answer fills at least one field and the case stays valid',
  isAcceptableImport:
    'the record fills at least one field the clinician has not typed, and the case stays valid',
  routesTo:
    'where the workup goes next: without ALP, the ALP question (or the pause while ALP is pending); then an unacknowledged red flag; once the assessment has been shown, back to it; otherwise the first question, in order, not yet gone through that asks a field the engine lists as missing, or that holds a lab still lacking its ULN; otherwise the assessment',
  hasAlp: 'ALP is known: it cannot be skipped, every other question can',
  parksForResults: 'a test the engine still needs is "not done yet"',
  canResume: 'something can be asked or assessed without the pending results (ALP is known)',
  isBackTo: 'the target is the last question gone through before this one',
  isEditOf: 'the target is the first question that asks the named field',
};

interface GuardReference {
  type: string;
  params?: Record<string, unknown>;
}

function guardName(guard: unknown): string | undefined {
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'object' && guard !== null && 'type' in guard) return String(guard.type);
  return undefined;
}

function guardLabel(guard: unknown): string {
  const name = guardName(guard);
  if (name === undefined) return '';
  const params = (guard as GuardReference).params;
  return params === undefined ? `[${name}]` : `[${name} ${Object.values(params).map(String).join(' ')}]`;
}

function edgeLines(node: AnyStateNode): string[] {
  const lines: string[] = [];
  for (const [eventType, transitions] of node.transitions) {
    if (NAVIGATION_EVENTS.includes(eventType)) continue;
    for (const transition of transitions) {
      for (const target of transition.target ?? []) {
        lines.push(
          `  ${node.key} --> ${target.key} : ${`${eventType} ${guardLabel(transition.guard)}`.trim()}`,
        );
      }
    }
  }
  for (const transition of node.always ?? []) {
    for (const target of transition.target ?? []) {
      const label = guardLabel(transition.guard);
      lines.push(`  ${node.key} --> ${target.key}${label === '' ? ' : otherwise' : ` : ${label}`}`);
    }
  }
  return lines;
}

function usedGuards(nodes: readonly AnyStateNode[]): string[] {
  const names = new Set<string>();
  for (const node of nodes) {
    const transitions = [...[...node.transitions.values()].flat(), ...(node.always ?? [])];
    for (const transition of transitions) {
      const name = guardName(transition.guard);
      if (name !== undefined) names.add(name);
    }
  }
  return [...names];
}

/**
 * The workup flow and the session around it as Markdown with Mermaid state diagrams, read from
 * the machine definitions themselves so the picture a clinician reviews cannot drift from the
 * code that runs.
 */
export function renderWorkupDiagram(): string {
  const nodes = Object.values(workupMachine.root.states);
  const initial = workupMachine.root.initial.target[0]?.key ?? '';
  const lines = [
    '# The ALP workup flow',
    '',
    '<!-- Generated from machines/workup-machine.ts by `npm run diagram`. Do not edit by hand. -->',
    '',
    'Each question is asked only when the clinical engine lists one of its fields as missing (its',
    'answer can still change the conclusion) and it has not been gone through already. Every change',
    'passes through `routing`, which asks the engine where to go next; a red flag always goes to',
    '`urgent` first.',
    '',
    '```mermaid',
    'stateDiagram-v2',
    `  [*] --> ${initial}`,
    ...nodes.flatMap((node) =>
      node.description === undefined ? [] : [`  ${node.key} : ${node.description}`],
    ),
    ...nodes.flatMap(edgeLines),
    '```',
    '',
    '## Everywhere',
    '',
    '| Event | From | Goes to |',
    '|---|---|---|',
    `| BACK | ${nodes
      .filter((node) => node.transitions.has('BACK'))
      .map((node) => node.key)
      .join(', ')} | the previous question, answers kept [isBackTo] |`,
    `| EDIT field | ${nodes
      .filter((node) => node.transitions.has('EDIT'))
      .map((node) => node.key)
      .join(', ')} | the question asking that field [isEditOf] |`,
    `| RESTART | ${nodes
      .filter((node) => node.transitions.has('RESTART'))
      .map((node) => node.key)
      .join(', ')} | ${initial}, with an empty case |`,
    `| IMPORT_RECORD | ${nodes
      .filter((node) => node.transitions.has('IMPORT_RECORD'))
      .map((node) => node.key)
      .join(
        ', ',
      )} | routing, with the record's values and their dates; typed values stand [isAcceptableImport] |`,
    '',
    '## Guards',
    '',
    '| Guard | Meaning |',
    '|---|---|',
    ...usedGuards(nodes).map((name) => `| ${name} | ${GUARD_MEANINGS[name] ?? 'undocumented'} |`),
    '',
    '## Fields asked per question',
    '',
    '| Question | Case fields |',
    '|---|---|',
    ...QUESTION_STEP_IDS.map(
      (step) => `| ${step} | ${STEP_FIELDS[step].map((field) => `\`${field}\``).join(', ')} |`,
    ),
    '',
    ...renderSessionDiagram(),
  ];
  return lines.join('\n');
}
