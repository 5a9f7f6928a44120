import type { AnyStateNode } from 'xstate';
import { SESSION_DECISIONS, type SessionDecision } from './session-decisions';
import { sessionMachine } from './session-machine';

/** What each session guard means, for a clinician reading the diagram. */
const SESSION_GUARD_MEANINGS: Readonly<Record<string, string>> = {
  isReturning: 'the workup has answers and its last change was 8 hours ago or more',
  isReturningToUnfinished: 'as isReturning, and the workup has not reached its assessment',
  startsOverUnfinished:
    '"start" typed (or the welcome\'s button) over a workup with answers and no assessment yet; a "New workup" button is explicit and starts at once',
  hasSomethingToLose: 'the workup has answers, or answers from an older version are on offer',
  hasSalvagedCase: 'answers from an older version are on offer',
  isWelcomeButton: "the welcome card's own Start workup button (the welcome was just read)",
  workupChanged: 'the turn changed the workup',
  disclaimerDue: 'the turn shows a prompt and the disclaimer has not been shown in this workup',
  changedAndDisclaimerDue: 'the turn changed the workup, and the disclaimer is due',
  startsWorkup: 'the turn changed the workup or showed its question',
};

interface Edge {
  from: string;
  to: string;
  events: string[];
  guard: string;
  decision: string;
}

const guardOf = (guard: unknown): string =>
  typeof guard === 'string'
    ? guard
    : typeof guard === 'object' && guard !== null && 'type' in guard
      ? String(guard.type)
      : '';

/** Every transition of the session machine, events with the same source, target, guard and decision drawn as one. */
function sessionEdges(): Edge[] {
  const edges = new Map<string, Edge>();
  for (const node of Object.values(sessionMachine.root.states) as AnyStateNode[]) {
    for (const [eventType, transitions] of node.transitions) {
      for (const transition of transitions) {
        const to = transition.target?.[0]?.key ?? node.key;
        const guard = guardOf(transition.guard);
        const decision = (transition.meta as { decision?: SessionDecision } | undefined)?.decision ?? '';
        const key = [node.key, to, guard, decision].join('|');
        const edge = edges.get(key) ?? { from: node.key, to, events: [], guard, decision };
        edge.events.push(eventType);
        edges.set(key, edge);
      }
    }
  }
  return [...edges.values()];
}

const label = (edge: Edge): string =>
  `${edge.events.join(', ')}${edge.guard === '' ? '' : ` [${edge.guard}]`}${edge.decision === '' ? '' : ` / ${edge.decision}`}`;

/**
 * The session around the workup as Markdown: a Mermaid state diagram of every transition that
 * changes state, and a table of what each state decides while it stays, read from the machine.
 */
export function renderSessionDiagram(): string[] {
  const nodes = Object.values(sessionMachine.root.states) as AnyStateNode[];
  const edges = sessionEdges();
  const moves = edges.filter((edge) => edge.from !== edge.to);
  const stays = edges.filter((edge) => edge.from === edge.to);
  const guards = [...new Set(edges.map((edge) => edge.guard).filter((guard) => guard !== ''))];
  return [
    '## The session around the workup',
    '',
    '<!-- Generated from machines/session-machine.ts by `npm run diagram`. Do not edit by hand. -->',
    '',
    'Before a message reaches the workup, the session machine decides what it is: the welcome before',
    'anything started, an offer to resume or to take back answers from an older version, a',
    'confirmation before anything is deleted, or the return after 8 hours. Each event carries the',
    "turn's time, so the 8-hour rule is a guard; the turn's end (TURN_ENDED) says whether the workup",
    'changed and whether a prompt is shown, for the disclaimer once per workup. Each arrow is',
    '`events [guard] / decision`; where one event has several, the first whose guard holds is taken',
    'in the order listed, and one without a guard is the otherwise. The decisions are the data the',
    'dialogs turn into replies (table below).',
    '',
    '```mermaid',
    'stateDiagram-v2',
    `  [*] --> ${sessionMachine.root.initial.target[0]?.key ?? ''}`,
    ...nodes.flatMap((node) =>
      node.description === undefined ? [] : [`  ${node.key} : ${node.description}`],
    ),
    ...moves.map((edge) => `  ${edge.from} --> ${edge.to} : ${label(edge)}`),
    '```',
    '',
    '### Without a change of state',
    '',
    'A decision that begins a new workup (welcome, first-question, restart, cancel) begins it here',
    'too: the state stays `inWorkup`, the answers are cleared.',
    '',
    '| State | Event [guard] | Decision |',
    '|---|---|---|',
    ...stays.map(
      (edge) =>
        `| ${edge.from} | ${edge.events.join(', ')}${edge.guard === '' ? '' : ` [${edge.guard}]`} | ${edge.decision} |`,
    ),
    '',
    '### Session guards',
    '',
    '| Guard | Meaning |',
    '|---|---|',
    ...guards.map((name) => `| ${name} | ${SESSION_GUARD_MEANINGS[name] ?? 'undocumented'} |`),
    '',
    '### Decisions',
    '',
    '| Decision | What the clinician meets |',
    '|---|---|',
    ...Object.entries(SESSION_DECISIONS).map(([decision, meaning]) => `| ${decision} | ${meaning} |`),
    '',
  ];
}
